package rules

import "github.com/cailiang/cailiang/legal"

// transferLaw is the corpus short name of the State Council's transfer rules.
const transferLaw = "行政执法机关移送涉嫌犯罪案件的规定"

// ProcedureStep is one step of the transfer procedure with the provision it
// comes from and the words of that provision it rests on (checked against
// the corpus by a test).
type ProcedureStep struct {
	Text  string
	Ref   legal.Ref
	Quote string
}

// transferProcedure lists the steps an agency takes once a case is
// suspected of a crime.
var transferProcedure = [...]ProcedureStep{
	{
		Text:  "涉嫌构成犯罪、依法需要追究刑事责任的，必须向公安机关移送，不得以行政处罚代替移送（行政执法机关移送涉嫌犯罪案件的规定第三条、第十一条；行政处罚法第二十七条）",
		Ref:   legal.Ref{Law: transferLaw, Article: 3, Paragraph: 1},
		Quote: "涉嫌构成犯罪，依法需要追究刑事责任的，必须依照本规定向公安机关移送",
	},
	{
		Text:  "立即指定2名以上行政执法人员组成专案组，核实情况后提出移送涉嫌犯罪案件的书面报告，报本机关正职负责人或者主持工作的负责人审批（行政执法机关移送涉嫌犯罪案件的规定第五条第一款）",
		Ref:   legal.Ref{Law: transferLaw, Article: 5, Paragraph: 1},
		Quote: "应当立即指定２名或者２名以上行政执法人员组成专案组专门负责，核实情况后提出移送涉嫌犯罪案件的书面报告",
	},
	{
		Text:  "负责人自接到报告之日起3日内作出批准移送或者不批准移送的决定；批准的，24小时内向同级公安机关移送；不批准的，将理由记录在案（行政执法机关移送涉嫌犯罪案件的规定第五条第二款）",
		Ref:   legal.Ref{Law: transferLaw, Article: 5, Paragraph: 2},
		Quote: "应当自接到报告之日起３日内作出批准移送或者不批准移送的决定。决定批准的，应当在２４小时内向同级公安机关移送；决定不批准的，应当将不予批准的理由记录在案",
	},
	{
		Text:  "移送时附涉嫌犯罪案件移送书、涉嫌犯罪案件情况的调查报告、涉案物品清单、有关检验报告或者鉴定结论及其他有关涉嫌犯罪的材料（行政执法机关移送涉嫌犯罪案件的规定第六条）",
		Ref:   legal.Ref{Law: transferLaw, Article: 6},
		Quote: "涉嫌犯罪案件移送书；……涉嫌犯罪案件情况的调查报告；……涉案物品清单；……有关检验报告或者鉴定结论；……其他有关涉嫌犯罪的材料",
	},
	{
		Text:  "妥善保存证据，如实填写涉案物品清单，需要检验、鉴定的涉案物品由法定检验、鉴定机构检验、鉴定（行政执法机关移送涉嫌犯罪案件的规定第四条）",
		Ref:   legal.Ref{Law: transferLaw, Article: 4},
		Quote: "必须妥善保存所收集的与违法行为有关的证据",
	},
	{
		Text:  "移送前已作出的警告、责令停产停业、暂扣或者吊销许可证、执照的决定不停止执行；已给予的罚款依法折抵罚金（行政执法机关移送涉嫌犯罪案件的规定第十一条第二款、第三款）",
		Ref:   legal.Ref{Law: transferLaw, Article: 11, Paragraph: 2},
		Quote: "行政执法机关向公安机关移送涉嫌犯罪案件前已经作出的警告，责令停产停业，暂扣或者吊销许可证、暂扣或者吊销执照的行政处罚决定，不停止执行",
	},
}

// TransferBasis returns the citations every transfer assessment rests on:
// 行政执法机关移送涉嫌犯罪案件的规定 第三条 (the duty to transfer), 第五条 and
// 第六条 (procedure), and 行政处罚法 第二十七条第一款.
func TransferBasis() []Basis {
	return []Basis{
		{Ref: legal.Ref{Law: transferLaw, Article: 3}, Role: RoleTransfer},
		{Ref: legal.Ref{Law: transferLaw, Article: 5}, Role: RoleProcedure},
		{Ref: legal.Ref{Law: transferLaw, Article: 6}, Role: RoleProcedure},
		{Ref: legal.Ref{Law: cfl, Article: 27, Paragraph: 1}, Role: RoleTransfer},
	}
}
