// 录音转写 · 询问笔录 (issue 17): the case page's recordings, their
// transcription progress, the record's turns for the officer to correct and
// approve, and the approved record's facts, each playing the recording from
// the second it was said. Loaded by workbench.html after its own script,
// whose helpers (api, esc, list, msg, current, token) it uses; it hooks into
// loadEvidence so that it refreshes whenever the case page does.
"use strict";
(function(){
const box=document.getElementById("transcripts");
let audioURL="",audioFor="",polling=0,opened={},gen=0;
const fmt=s=>{s=Math.max(0,Math.floor(s||0));return String(Math.floor(s/60)).padStart(2,"0")+":"+String(s%60).padStart(2,"0")};
const isRecording=t=>/^(audio|video)\//.test(t)||t==="application/ogg";
const base=(id,d)=>`/v1/cases/${encodeURIComponent(id)}/evidence/${d}`;
const fieldLabels={goods_value:"货值金额",illegal_gain:"违法所得",fine:"罚款",date:"日期",first_offense:"初次违法",cooperated:"配合调查",rectified:"已改正"};
// recordings renders the case's recordings; only the latest call renders
// (the case page reloads while an earlier one is still fetching), and it
// reopens the record the officer had open.
async function recordings(id){
 clearTimeout(polling);
 const mine=++gen;
 let ev=[],ts=[];
 try{ev=list(await api(`/v1/cases/${encodeURIComponent(id)}/evidence`)).filter(x=>isRecording(x.media_type));
  ts=(await api(`/v1/cases/${encodeURIComponent(id)}/transcripts`)).transcripts||[]}catch(err){if(mine!==gen)return;box.innerHTML=`<p class="err">${esc(err.message)}</p>`;return}
 if(mine!==gen)return;
 if(!ev.length){box.innerHTML="<p class=meta>尚无录音证据（上传 WAV、MP3、M4A、AMR 等录音后可转写）。</p>";return}
 const by={};ts.forEach(t=>by[t.digest]=t);
 box.innerHTML=`<table id="recs"><tr><th>录音</th><th>转写</th><th></th></tr>${ev.map(x=>{const t=by[x.digest];
  let st="未转写",btn=`<button class="alt" data-tr="${esc(x.digest)}">转写</button>`;
  if(t&&t.status==="transcribing"){const p=t.progress;st=`转写中${p&&p.chunks_total?`（${p.chunks_done}/${p.chunks_total} 段）`:"……"}`;btn=""}
  else if(t&&t.status==="failed"){st=`<span class="err">转写失败：${esc(t.error)}</span>`;btn=`<button class="alt" data-tr="${esc(x.digest)}">重新转写</button>`}
  else if(t){st=`已转写（模型 ${esc(t.model)}，${fmt(t.duration)}，笔录 ${t.versions.length} 版${t.versions.some(v=>v.approved)?"，已确认":""}）`;btn=`<button class="alt" data-open="${esc(x.digest)}">打开笔录</button>`}
  return `<tr><td>${esc(x.name)}</td><td class="st">${st}</td><td>${btn}</td></tr>`}).join("")}</table><div id="record"></div>`;
 box.querySelectorAll("button[data-tr]").forEach(b=>b.onclick=async()=>{try{await api(base(id,b.dataset.tr)+"/transcribe",{json:{}});msg("已开始转写。")}catch(err){msg(err.message,true)}recordings(id)});
 box.querySelectorAll("button[data-open]").forEach(b=>b.onclick=()=>openRecord(id,b.dataset.open));
 if(ts.some(t=>t.status==="transcribing"))polling=setTimeout(()=>{if(current&&current.id===id)recordings(id)},1000);
 if(opened.id===id&&by[opened.digest]&&by[opened.digest].status==="done")await openRecord(id,opened.digest);
}
async function audio(id,d){
 if(audioFor===id+"/"+d)return audioURL;
 const r=await fetch(base(id,d),{headers:{Authorization:"Bearer "+token}});if(!r.ok)throw new Error("录音下载失败："+r.status);
 if(audioURL)URL.revokeObjectURL(audioURL);audioURL=URL.createObjectURL(await r.blob());audioFor=id+"/"+d;return audioURL;
}
// play starts the recording at second t: the evidence's URL with a media
// fragment (#t=), so that the player seeks there itself.
function play(t){const p=document.getElementById("player");p.src=audioURL+"#t="+Number(t).toFixed(1);p.dataset.t=Number(t).toFixed(1);p.play().catch(()=>{})}
async function openRecord(id,d){
 opened={id,digest:d};
 let t;try{t=await api(base(id,d)+"/transcript");await audio(id,d)}catch(err){msg(err.message,true);return}
 const out=document.getElementById("record");if(!out)return;
 const v=t.versions[t.versions.length-1];
 out.innerHTML=`<h4>询问笔录（第 ${v.n} 版，${v.editor==="system"?"自动转写草稿":"修改人 "+esc(v.editor)}${v.approved?"，已确认":""}）</h4>
 <audio id="player" controls preload="metadata" src="${audioURL}"></audio>
 <table id="turns"><tr><th>时间</th><th>说话人</th><th>内容</th></tr>${v.turns.map((u,i)=>`<tr><td><a href="#" data-seek="${u.start}">${fmt(u.start)}</a></td><td><input size="4" data-sp="${i}" value="${esc(u.speaker)}"></td><td><textarea data-tx="${i}" style="min-height:40px">${esc(u.text)}</textarea></td></tr>`).join("")}</table>
 <div><button class="alt" id="tsave">保存为新版本</button><button class="go" id="tapprove">确认笔录并运行分析</button></div>
 <h4>笔录中的事实（点击从录音中该处播放）</h4>
 <ul id="facts">${t.facts&&t.facts.links&&t.facts.links.length?t.facts.links.map(l=>`<li><a href="#" class="fact" data-from="${l.from}">${esc(fieldLabels[l.field]||l.field)}：${esc(l.quote)}</a> <span class="meta">${fmt(l.from)}–${fmt(l.to)}</span></li>`).join(""):"<li class=meta>确认笔录后显示提取的事实及其在录音中的位置。</li>"}</ul>`;
 out.querySelectorAll("a[data-seek]").forEach(a=>a.onclick=e=>{e.preventDefault();play(a.dataset.seek)});
 out.querySelectorAll("a.fact").forEach(a=>a.onclick=e=>{e.preventDefault();play(a.dataset.from)});
 const save=async approve=>{const turns=v.turns.map((u,i)=>Object.assign({},u,{speaker:out.querySelector(`[data-sp="${i}"]`).value,text:out.querySelector(`[data-tx="${i}"]`).value}));
  try{await api(base(id,d)+"/transcript/versions",{json:{version:t.version,turns,approve}});
   if(approve)await openCase(id);else await recordings(id);msg(approve?"笔录已确认，分析已附加到案件。":"已保存为新版本。")}catch(err){msg(err.message,true)}};
 out.querySelector("#tsave").onclick=()=>save(false);
 out.querySelector("#tapprove").onclick=()=>save(true);
}
const loadEvidenceBefore=loadEvidence;
loadEvidence=async function(id){await loadEvidenceBefore(id);await recordings(id)};
})();
