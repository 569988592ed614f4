package casework

import "slices"

// Stage is where a case is in its life.
type Stage string

// The stages of a case (行政处罚 ordinary procedure), in order, and the ends
// of its branches.
const (
	StageFiling        Stage = "filing"        // 立案审批：案件来源已登记，待负责人批准立案
	StageInvestigating Stage = "investigating" // 调查取证
	StageDiscretion    Stage = "discretion"    // 分析与裁量：事实认定、依据与处罚建议
	StageNotified      Stage = "notified"      // 告知：陈述、申辩（及听证）期间
	StageReview        Stage = "review"        // 法制审核
	StageApproval      Stage = "approval"      // 负责人审批
	StageCollective    Stage = "collective"    // 集体讨论（情节复杂或重大违法行为）
	StageDecided       Stage = "decided"       // 已作出决定
	StageServed        Stage = "served"        // 已送达
	StageExecuted      Stage = "executed"      // 执行完毕
	StageClosed        Stage = "closed"        // 结案
	StageNotFiled      Stage = "not_filed"     // 不予立案
	StageWithdrawn     Stage = "withdrawn"     // 撤案
	StageTransferred   Stage = "transferred"   // 移送（涉嫌犯罪移送司法机关，或移送有管辖权的机关）
	StageRevoked       Stage = "revoked"       // 决定已撤销（公示随之撤回）
	StageUnlawful      Stage = "unlawful"      // 决定被确认违法（公示随之撤回）
	StageVoid          Stage = "void"          // 决定被确认无效（公示随之撤回）
)

var stageLabels = map[Stage]string{
	StageFiling:        "立案审批",
	StageInvestigating: "调查取证",
	StageDiscretion:    "分析与裁量",
	StageNotified:      "告知（陈述、申辩、听证）",
	StageReview:        "法制审核",
	StageApproval:      "负责人审批",
	StageCollective:    "集体讨论",
	StageDecided:       "决定",
	StageServed:        "送达",
	StageExecuted:      "执行",
	StageClosed:        "结案",
	StageNotFiled:      "不予立案",
	StageWithdrawn:     "撤案",
	StageTransferred:   "移送",
	StageRevoked:       "决定已撤销",
	StageUnlawful:      "决定被确认违法",
	StageVoid:          "决定被确认无效",
}

// Stages lists every stage in the order of a case's life, branch ends last.
func Stages() []Stage {
	return []Stage{StageFiling, StageInvestigating, StageDiscretion, StageNotified, StageReview, StageApproval,
		StageCollective, StageDecided, StageServed, StageExecuted, StageClosed, StageNotFiled, StageWithdrawn, StageTransferred, StageRevoked,
		StageUnlawful, StageVoid}
}

// Label is the stage's Chinese name.
func (s Stage) Label() string { return stageLabels[s] }

// Ended reports whether nothing more happens to a case in s (closed or a
// branch's end). Only ended cases may be shared for training.
func (s Stage) Ended() bool {
	switch s {
	case StageClosed, StageNotFiled, StageWithdrawn, StageTransferred, StageRevoked, StageUnlawful, StageVoid:
		return true
	}
	return false
}

// Decided reports whether the agency has made its decision in s: the
// 90-day limit of 行政处罚法 第六十条 no longer runs.
func (s Stage) Decided() bool {
	switch s {
	case StageDecided, StageServed, StageExecuted, StageClosed:
		return true
	}
	return s.Ended()
}

// Action is a step that moves a case from one stage to another.
type Action string

// The actions of the transition table.
const (
	ActionRegister      Action = "register"      // 批准立案
	ActionNotFile       Action = "not_file"      // 不予立案
	ActionToDiscretion  Action = "to_discretion" // 调查终结，进入分析与裁量
	ActionReinvestigate Action = "reinvestigate" // 补充调查
	ActionNotify        Action = "notify"        // 送达告知书（陈述、申辩、听证权利）
	ActionSubmitReview  Action = "submit_review" // 提交法制审核
	ActionReviewPass    Action = "review_pass"   // 审核通过
	ActionReviewReturn  Action = "review_return" // 审核退回
	ActionApprove       Action = "approve"       // 负责人批准，作出决定
	ActionCollective    Action = "collective"    // 提交集体讨论
	ActionReturn        Action = "return"        // 负责人退回
	ActionServe         Action = "serve"         // 送达决定书
	ActionExecute       Action = "execute"       // 执行完毕
	ActionClose         Action = "close"         // 结案
	ActionWithdraw      Action = "withdraw"      // 撤案
	ActionTransfer      Action = "transfer"      // 移送
	ActionRevoke        Action = "revoke"        // 撤销决定（复议、诉讼或自行纠错），撤回公示
	// The other ways a decision changes after it was made (行政处罚法
	// 第四十八条): each withdraws the publication; a varied decision's
	// corrected record is published in its place. Taken through
	// Service.ChangeDecision, which records who changed it and on what
	// document (复议决定书, 判决书).
	ActionVary            Action = "vary"             // 变更决定（新的处罚内容）
	ActionConfirmUnlawful Action = "confirm_unlawful" // 确认违法
	ActionConfirmVoid     Action = "confirm_void"     // 确认无效
)

// Transition is one row of the table: in stage From, users with one of Roles
// may take Action, and the case moves to To.
type Transition struct {
	From   Stage  `json:"from"`
	Action Action `json:"action"`
	To     Stage  `json:"to"`
	Roles  []Role `json:"roles"`
	// Label is the action's Chinese name shown on buttons and the timeline.
	Label string `json:"label"`
}

// transitions is the one table of what may happen to a case and who may do it.
// Every pair (stage, action) not listed is forbidden (TestForbiddenTransitions
// tries them all).
var transitions = []Transition{
	{StageFiling, ActionRegister, StageInvestigating, []Role{RoleLeader}, "批准立案"},
	{StageFiling, ActionNotFile, StageNotFiled, []Role{RoleLeader}, "不予立案"},
	{StageInvestigating, ActionToDiscretion, StageDiscretion, []Role{RoleOfficer}, "调查终结"},
	{StageInvestigating, ActionWithdraw, StageWithdrawn, []Role{RoleLeader}, "撤案"},
	{StageInvestigating, ActionTransfer, StageTransferred, []Role{RoleLeader}, "移送"},
	{StageDiscretion, ActionReinvestigate, StageInvestigating, []Role{RoleOfficer}, "补充调查"},
	{StageDiscretion, ActionNotify, StageNotified, []Role{RoleOfficer}, "告知陈述申辩权"},
	{StageDiscretion, ActionWithdraw, StageWithdrawn, []Role{RoleLeader}, "撤案"},
	{StageDiscretion, ActionTransfer, StageTransferred, []Role{RoleLeader}, "移送"},
	{StageNotified, ActionSubmitReview, StageReview, []Role{RoleOfficer}, "提交法制审核"},
	{StageNotified, ActionReinvestigate, StageInvestigating, []Role{RoleOfficer}, "补充调查"},
	{StageNotified, ActionWithdraw, StageWithdrawn, []Role{RoleLeader}, "撤案"},
	{StageReview, ActionReviewPass, StageApproval, []Role{RoleReviewer}, "审核通过"},
	{StageReview, ActionReviewReturn, StageDiscretion, []Role{RoleReviewer}, "审核退回"},
	{StageReview, ActionTransfer, StageTransferred, []Role{RoleLeader}, "移送"},
	{StageApproval, ActionApprove, StageDecided, []Role{RoleLeader}, "批准并作出决定"},
	{StageApproval, ActionCollective, StageCollective, []Role{RoleLeader}, "提交集体讨论"},
	{StageApproval, ActionReturn, StageDiscretion, []Role{RoleLeader}, "退回"},
	{StageApproval, ActionTransfer, StageTransferred, []Role{RoleLeader}, "移送"},
	{StageCollective, ActionApprove, StageDecided, []Role{RoleLeader}, "集体讨论决定"},
	{StageCollective, ActionReturn, StageDiscretion, []Role{RoleLeader}, "退回"},
	{StageDecided, ActionServe, StageServed, []Role{RoleOfficer}, "送达决定书"},
	{StageServed, ActionExecute, StageExecuted, []Role{RoleOfficer}, "执行完毕"},
	{StageServed, ActionClose, StageClosed, []Role{RoleOfficer, RoleLeader}, "结案"},
	{StageExecuted, ActionClose, StageClosed, []Role{RoleOfficer, RoleLeader}, "结案"},
	{StageDecided, ActionRevoke, StageRevoked, []Role{RoleLeader}, "撤销决定"},
	{StageServed, ActionRevoke, StageRevoked, []Role{RoleLeader}, "撤销决定"},
	{StageExecuted, ActionRevoke, StageRevoked, []Role{RoleLeader}, "撤销决定"},
	// A varied decision stays where it was: the case goes on with the new
	// penalty content (Case.Proposal) and a new publication.
	{StageDecided, ActionVary, StageDecided, []Role{RoleLeader}, "变更决定"},
	{StageServed, ActionVary, StageServed, []Role{RoleLeader}, "变更决定"},
	{StageExecuted, ActionVary, StageExecuted, []Role{RoleLeader}, "变更决定"},
	{StageDecided, ActionConfirmUnlawful, StageUnlawful, []Role{RoleLeader}, "确认违法"},
	{StageServed, ActionConfirmUnlawful, StageUnlawful, []Role{RoleLeader}, "确认违法"},
	{StageExecuted, ActionConfirmUnlawful, StageUnlawful, []Role{RoleLeader}, "确认违法"},
	{StageDecided, ActionConfirmVoid, StageVoid, []Role{RoleLeader}, "确认无效"},
	{StageServed, ActionConfirmVoid, StageVoid, []Role{RoleLeader}, "确认无效"},
	{StageExecuted, ActionConfirmVoid, StageVoid, []Role{RoleLeader}, "确认无效"},
}

// DecisionChanges lists the actions that change a decision after it was
// made; each withdraws its publication (ChangeDecision).
func DecisionChanges() []Action {
	return []Action{ActionVary, ActionRevoke, ActionConfirmUnlawful, ActionConfirmVoid}
}

// Transitions returns a copy of the transition table.
func Transitions() []Transition {
	out := make([]Transition, len(transitions))
	for i, t := range transitions {
		t.Roles = slices.Clone(t.Roles)
		out[i] = t
	}
	return out
}

// Actions lists every action of the table once, in table order.
func Actions() []Action {
	var out []Action
	for _, t := range transitions {
		if !slices.Contains(out, t.Action) {
			out = append(out, t.Action)
		}
	}
	return out
}

// TransitionFor returns the row for taking a in stage s; ok is false when the
// table has none (the action is not possible there).
func TransitionFor(s Stage, a Action) (Transition, bool) {
	for _, t := range transitions {
		if t.From == s && t.Action == a {
			return t, true
		}
	}
	return Transition{}, false
}

// Next lists the transitions possible from s, in table order.
func Next(s Stage) []Transition {
	var out []Transition
	for _, t := range transitions {
		if t.From == s {
			out = append(out, t)
		}
	}
	return out
}
