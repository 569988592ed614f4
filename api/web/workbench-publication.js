// 公示 in the workbench: the queue of the agency's publications (due,
// overdue, published, withdrawn) and, on a decided case, its publication:
// the redacted draft with what was removed, editing, publishing and
// withdrawing. It builds on the page's own helpers ($, esc, api, day,
// current, openCase, stageLabels) and adds its nodes itself, so that the
// page's markup stays the workbench's.
"use strict";
(() => {
stageLabels.revoked = "决定已撤销";
stageLabels.unlawful = "决定被确认违法";
stageLabels.void = "决定被确认无效";
const states = {due: "待公示", overdue: "逾期未公示", published: "已公示", withdrawn: "已撤回", ended: "已停止公示", exempt: "不予公示"};
const changeLabels = {vary: "变更决定", confirm_unlawful: "确认违法", confirm_void: "确认无效"};
const kinds = {id_number: "身份证号码", phone: "电话号码", address: "住址", bank_card: "银行账号", health: "健康信息", name: "姓名", contact: "联系方式"};
let pub = null;

const navButton = document.createElement("button");
navButton.dataset.pubq = "due";
navButton.textContent = "公示";
$("#queues").insertBefore(navButton, $("#queues [data-new]"));
navButton.onclick = () => showPublications("due");

async function showPublications(state) {
  document.querySelectorAll("#queues button").forEach(x => x.classList.toggle("on", x === navButton));
  $("#create").classList.add("hidden"); $("#case").classList.add("hidden"); $("#list").classList.remove("hidden");
  const tabs = Object.keys(states).filter(s => s !== "exempt").map(s =>
    `<button class="${s === state ? "go" : "alt"}" data-ps="${s}">${states[s]}</button>`).join("");
  try {
    const ps = (await api("/v1/publications?state=" + state)).publications || [];
    const rows = ps.map(p => {
      const when = p.state === "withdrawn" ? "撤回 " + day(p.withdrawn) + (p.overdue ? "（超过撤回期限 " + day(p.withdraw_due) + "）" : "") + "：" + esc(p.withdraw_reason)
        : p.state === "published" ? "公示 " + day(p.published) + "，至 " + day(p.display_until)
        : p.state === "ended" ? "公示期满，" + day(p.taken_down) + " 停止公示"
        : day(p.due) + (p.overdue ? "（已逾期）" : p.due_soon ? "（即将到期）" : "") + (p.due_note ? " " + esc(p.due_note) : "");
      return `<tr class="${p.overdue ? "late" : ""}" data-case="${esc(p.case_id)}"><td><a href="#" data-id="${esc(p.case_id)}">${esc(p.case_id)}</a></td>` +
        `<td>${esc(p.party_name)}</td><td>${esc(p.violation)}</td><td class="pubstate">${esc(p.state_label)}</td><td>${when}</td><td>${day(p.decided)}</td></tr>`;
    }).join("");
    $("#lr").innerHTML = `<div id="pubtabs">${tabs}</div>` + (ps.length
      ? `<table id="pubtable"><tr><th>案件编号</th><th>当事人</th><th>违法行为类型</th><th>状态</th><th>期限或日期</th><th>决定日期</th></tr>${rows}</table>`
      : "<p class=meta>没有公示信息。</p>");
    document.querySelectorAll("#pubtabs button").forEach(b => b.onclick = () => showPublications(b.dataset.ps));
    document.querySelectorAll("#pubtable a[data-id]").forEach(a => a.onclick = e => { e.preventDefault(); openCase(a.dataset.id); });
  } catch (err) { $("#lr").innerHTML = `<p class="err">${esc(err.message)}</p>`; }
}

const sec = document.createElement("div");
sec.id = "pub";
sec.className = "hidden";
sec.innerHTML = `<h3>公示</h3><p id="pubmeta" class="meta"></p>
<div class="grid">
<div><label>文书号</label><input id="pub_doc_number" style="width:100%"></div>
<div><label>当事人</label><input id="pub_party_name" style="width:100%"></div>
<div><label>统一社会信用代码</label><input id="pub_party_code" style="width:100%"></div>
<div><label>违法行为类型</label><input id="pub_violation" style="width:100%"></div>
<div><label>处罚依据</label><input id="pub_basis" style="width:100%"></div>
<div><label>处罚内容</label><input id="pub_penalty" style="width:100%"></div>
</div>
<label>违法事实摘要（原文；保存时自动隐去个人信息）</label><textarea id="pub_summary"></textarea>
<label>另需隐去的姓名（证人、家属、员工等，以顿号或逗号分隔）</label><input id="pub_names" style="width:100%">
<label>将公示的违法事实</label><div id="pubfacts" class="meta" style="white-space:pre-wrap"></div>
<label>已隐去</label><ul id="pubremoved" class="meta"></ul>
<div id="pubedit"><button class="alt" id="pubsave">保存公示信息</button><button class="go" id="pubpublish">公示</button></div>
<div id="pubwd"><label>撤回理由</label><input id="pubreason" style="width:100%"><button class="alt" id="pubwithdraw">撤回公示</button></div>
<div id="pubrecords" class="meta"></div>
<p id="pubmsg"></p>`;
$("#ef").previousElementSibling.before(sec);

function pubMsg(text, bad) { $("#pubmsg").className = bad ? "err" : "ok"; $("#pubmsg").textContent = text; }

function render(p) {
  // A change's answer is the record alone: the case's earlier records stay.
  if (!p.records && pub && pub.case_id === p.case_id) p.records = pub.records;
  pub = p;
  const handler = (me.roles || []).some(r => r === "reviewer" || r === "leader");
  let meta = `状态 <b id="pubstate">${esc(p.state_label)}</b> · 决定日期 ${day(p.decided)}`;
  if (p.state === "due") meta += ` · 公示期限 <span id="pubdue">${day(p.due)}</span>${p.overdue ? "（已逾期）" : p.due_soon ? "（即将到期）" : ""}${p.due_note ? " " + esc(p.due_note) : ""}` +
    (p.due_reason ? `<br><span id="pubduewhy">${esc(p.due_reason)}</span>` : "");
  if (p.state === "published") meta += ` · 公示于 ${day(p.published)}，至 ${day(p.display_until)}（${esc(p.display_reason || "")}）`;
  if (p.state === "ended") meta += ` · 公示期满，${day(p.taken_down)} 停止公示`;
  if (p.supersedes) meta += `<br>本条为变更后决定的公示，取代已撤回的 ${esc(p.supersedes)}`;
  if (p.state === "withdrawn") meta += ` · 撤回于 ${day(p.withdrawn)}（期限 ${day(p.withdraw_due)}）· 理由：<span id="pubwhy">${esc(p.withdraw_reason)}</span>`;
  $("#pubmeta").innerHTML = meta;
  for (const f of ["doc_number", "party_name", "party_code", "violation", "basis", "penalty"]) {
    $("#pub_" + f).value = p[f] || ""; $("#pub_" + f).disabled = p.state !== "due" || !handler;
  }
  $("#pub_summary").value = p.source || ""; $("#pub_summary").disabled = p.state !== "due" || !handler;
  $("#pub_names").value = (p.names || []).join("、"); $("#pub_names").disabled = p.state !== "due" || !handler;
  $("#pubfacts").textContent = p.facts || "";
  $("#pubremoved").innerHTML = (p.removed || []).map(s => `<li>${esc(kinds[s.kind] || s.kind)}：${esc(s.text)} → ${esc(s.replacement || "")}</li>`).join("") || "<li>无</li>";
  $("#pubedit").classList.toggle("hidden", p.state !== "due" || !handler);
  $("#pubwd").classList.toggle("hidden", p.state !== "published" || !handler);
  const earlier = (p.records || []).filter(r => r.id && r.id !== p.id);
  $("#pubrecords").innerHTML = earlier.length ? "<b>本案此前的公示</b><ul>" + earlier.map(r =>
    `<li data-record="${esc(r.id)}">${esc(r.id)} · ${esc(r.state_label)}${r.withdraw_reason ? "：" + esc(r.withdraw_reason) : ""}</li>`).join("") + "</ul>" : "";
}

async function loadPublication() {
  sec.classList.add("hidden"); pubMsg("");
  if (!current || !["decided", "served", "executed", "closed", "revoked", "unlawful", "void"].includes(current.stage)) return;
  try { render(await api(`/v1/cases/${encodeURIComponent(current.id)}/publication`)); sec.classList.remove("hidden"); }
  catch (err) { /* no publication: decided before publication existed */ }
}

async function change(suffix, body, done) {
  try {
    render(await api(`/v1/cases/${encodeURIComponent(pub.case_id)}/publication${suffix}`, {method: suffix ? "POST" : "PATCH", json: Object.assign({version: pub.version}, body)}));
    pubMsg(done);
  } catch (err) { pubMsg(err.message, true); }
}
$("#pubsave").onclick = () => change("", {doc_number: $("#pub_doc_number").value, party_name: $("#pub_party_name").value,
  party_code: $("#pub_party_code").value, violation: $("#pub_violation").value, basis: $("#pub_basis").value,
  penalty: $("#pub_penalty").value, summary: $("#pub_summary").value,
  names: $("#pub_names").value.split(/[、,，;；\s]+/).filter(Boolean)}, "公示信息已保存，个人信息已隐去。");
$("#pubpublish").onclick = () => change("/publish", {}, "已公示。");
$("#pubwithdraw").onclick = () => change("/withdraw", {reason: $("#pubreason").value}, "已撤回公示。");

// 决定变更: 变更、确认违法、确认无效 are taken with who changed the decision,
// on which document and why (and, when varied, the new penalty content).
const chg = document.createElement("div");
chg.id = "chg";
chg.className = "hidden";
chg.innerHTML = `<h3 id="chgtitle">决定变更</h3>
<div class="grid">
<div><label>变更来源</label><select id="chg_by"><option value="reconsideration">行政复议</option><option value="litigation">行政诉讼</option><option value="agency">本机关自行纠正</option></select></div>
<div><label>来源文书号（复议决定书、判决书）</label><input id="chg_document" style="width:100%"></div>
<div><label>来源文书日期（撤回期限自此起算，空为今日）</label><input id="chg_dated" type="date" style="width:100%"></div>
</div>
<label>理由（将在公示撤回说明中公开）</label><input id="chg_reason" style="width:100%">
<div id="chgvary" class="grid">
<div><label>变更后罚款（元）</label><input id="chg_fine" type="number" min="0" style="width:100%"></div>
<div><label>变更后没收（元）</label><input id="chg_confiscation" type="number" min="0" style="width:100%"></div>
<div><label>其他处罚（逗号分隔，如 警告）</label><input id="chg_other" style="width:100%"></div>
</div>
<button class="go" id="chgsubmit">确认</button> <button class="alt" id="chgcancel">取消</button>`;
$("#actions").after(chg);
let changeAction = "";
function openChange(action) {
  changeAction = action;
  $("#chgtitle").textContent = changeLabels[action];
  $("#chgvary").classList.toggle("hidden", action !== "vary");
  chg.classList.remove("hidden");
}
$("#chgcancel").onclick = () => chg.classList.add("hidden");
$("#chgsubmit").onclick = async () => {
  const body = {version: current.version, action: changeAction, by: $("#chg_by").value, document: $("#chg_document").value,
    reason: $("#chg_reason").value, dated: $("#chg_dated").value};
  if (changeAction === "vary") {
    body.proposal = {disposition: "处罚", fine: Number($("#chg_fine").value || 0), confiscation: Number($("#chg_confiscation").value || 0),
      other: $("#chg_other").value.split(/[、,，;；\s]+/).filter(Boolean)};
  }
  try {
    await api(`/v1/cases/${encodeURIComponent(current.id)}/decision-changes`, {json: body});
    for (const f of ["document", "dated", "reason", "fine", "confiscation", "other"]) $("#chg_" + f).value = "";
    await openCase(current.id);
    msg(changeLabels[changeAction] + "已记录，公示已撤回。");
  } catch (err) { msg(err.message, true); }
};

const openCase0 = openCase;
openCase = async id => {
  chg.classList.add("hidden");
  await openCase0(id);
  document.querySelectorAll("#actions button").forEach(b => { if (changeLabels[b.dataset.action]) b.onclick = () => openChange(b.dataset.action); });
  await loadPublication();
};
})();
