"use strict";
// Shared by the statistics, digest and acts pages: the token the workbench
// signed in with, and JSON requests that turn an API error into its message.
const $=s=>document.querySelector(s);
const token=sessionStorage.getItem("cailiang.token")||"";
function esc(s){return String(s).replace(/[&<>"']/g,c=>({"&":"&amp;","<":"&lt;",">":"&gt;",'"':"&quot;","'":"&#39;"}[c]))}
async function api(url,body){const o={headers:{Authorization:"Bearer "+token}};
 if(body){o.method="POST";o.headers["Content-Type"]="application/json";o.body=JSON.stringify(body)}
 const r=await fetch(url,o);const j=await r.json().catch(()=>({}));
 if(!r.ok)throw new Error((j.error&&j.error.message)||("请求失败："+r.status));return j}
