// All styles live inside the shadow root: the host page's CSS cannot reach in, ours cannot leak out.
export const widgetCss = `
:host{all:initial}
*{box-sizing:border-box}
.v-root{position:fixed;right:20px;bottom:20px;z-index:2147483000;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1f23}
button,input,textarea{font:inherit;color:inherit}
button{cursor:pointer}
:focus-visible{outline:3px solid #0b57d0;outline-offset:2px}
.v-launcher{width:56px;height:56px;border-radius:50%;border:0;background:var(--v-accent);color:var(--v-on-accent);box-shadow:0 4px 14px rgba(0,0,0,.25);display:grid;place-items:center;position:relative;margin-left:auto}
.v-launcher svg{width:26px;height:26px;fill:currentColor}
.v-badge{position:absolute;top:-2px;right:-2px;min-width:20px;height:20px;border-radius:10px;background:#b3261e;color:#fff;font-size:12px;line-height:20px;padding:0 5px}
.v-panel{position:absolute;right:0;bottom:68px;width:min(370px,calc(100vw - 24px));height:min(580px,calc(100vh - 100px));background:#fff;border-radius:14px;box-shadow:0 10px 40px rgba(0,0,0,.28);display:flex;flex-direction:column;overflow:hidden}
.v-header{background:var(--v-accent);color:var(--v-on-accent);padding:12px 14px;display:flex;gap:8px;align-items:flex-start}
.v-header h2{margin:0;font-size:16px;font-weight:600}
.v-header .v-status{font-size:12px;opacity:.92;margin:2px 0 0}
.v-head-text{flex:1;min-width:0}
.v-close{background:transparent;border:0;color:inherit;font-size:22px;line-height:1;padding:2px 6px;border-radius:6px}
.v-header :focus-visible{outline-color:currentColor}
.v-dot{display:inline-block;width:8px;height:8px;border-radius:50%;margin-right:6px;background:#9aa0a6}
.v-status[data-state=online] .v-dot{background:#34c759}
.v-status[data-state=offline] .v-dot{background:#ff453a}
.v-thread{flex:1;overflow-y:auto;padding:12px;display:flex;flex-direction:column;gap:8px;background:#f6f7f9}
.v-intro{background:#fff;border:1px solid #e2e5e9;border-radius:10px;padding:10px 12px}
.v-intro p{margin:0 0 6px}
.v-hours{font-size:12px;color:#4a5058}
.v-contact{display:grid;gap:6px;margin-top:8px}
.v-contact label{font-size:12px;color:#3c4148;display:grid;gap:2px}
.v-contact input{border:1px solid #9aa1aa;border-radius:6px;padding:6px 8px;background:#fff}
.v-link{background:none;border:0;padding:0;color:#0b57d0;text-decoration:underline;font-size:12px}
.v-btn{border:0;border-radius:8px;padding:7px 12px;background:var(--v-accent);color:var(--v-on-accent);font-weight:600}
.v-msg{max-width:82%;padding:8px 11px;border-radius:12px;white-space:pre-wrap;overflow-wrap:anywhere}
.v-msg[data-direction=inbound]{align-self:flex-end;background:var(--v-accent);color:var(--v-on-accent);border-bottom-right-radius:4px}
.v-msg[data-direction=outbound]{align-self:flex-start;background:#fff;border:1px solid #e2e5e9;border-bottom-left-radius:4px}
.v-msg[data-pending=true]{opacity:.72}
.v-meta{display:block;font-size:11px;opacity:.8;margin-top:3px}
.v-author{display:block;font-size:11px;font-weight:600;margin-bottom:2px;color:#3c4148}
.v-failed{color:#b3261e;background:#fff;border-radius:4px;padding:0 4px}
.v-msg .v-link{color:inherit;margin-left:8px}
.v-msg img{display:block;max-width:100%;max-height:220px;border-radius:8px;margin:2px 0}
.v-msg audio{display:block;width:220px;max-width:100%;margin:2px 0}
.v-file{color:inherit}
.v-typing{align-self:flex-start;font-size:12px;color:#4a5058;font-style:italic}
.v-notice{font-size:12px;color:#b3261e;padding:4px 12px}
.v-composer{border-top:1px solid #e2e5e9;padding:8px;display:flex;flex-direction:column;gap:6px;background:#fff;position:relative}
.v-composer textarea{width:100%;resize:none;border:1px solid #9aa1aa;border-radius:8px;padding:8px;min-height:40px;max-height:120px}
.v-tools{display:flex;gap:4px;align-items:center}
.v-tool{border:1px solid transparent;background:transparent;border-radius:8px;width:34px;height:34px;display:grid;place-items:center;font-size:18px;color:#3c4148}
.v-tool:hover{background:#eef0f3}
.v-tool[aria-pressed=true]{background:#fde7e5;color:#b3261e}
.v-tool svg{width:20px;height:20px;fill:currentColor}
.v-tools .v-btn{margin-left:auto}
.v-emoji{position:absolute;bottom:100%;left:8px;background:#fff;border:1px solid #e2e5e9;border-radius:10px;box-shadow:0 4px 14px rgba(0,0,0,.15);padding:6px;display:grid;grid-template-columns:repeat(6,34px);gap:2px}
.v-emoji button{border:0;background:transparent;font-size:20px;border-radius:6px;height:34px}
.v-emoji button:hover{background:#eef0f3}
.v-call-buttons{display:flex;gap:2px}
.v-head-btn{background:transparent;border:0;color:inherit;width:32px;height:32px;border-radius:6px;display:grid;place-items:center}
.v-head-btn:hover{background:rgba(127,127,127,.2)}
.v-head-btn svg{width:20px;height:20px;fill:currentColor}
.v-call{border-bottom:1px solid #e2e5e9;padding:10px 12px;background:#fff;display:flex;flex-direction:column;gap:6px}
.v-call-float{position:absolute;right:0;bottom:68px;width:min(340px,calc(100vw - 24px));border-radius:14px;overflow:hidden;box-shadow:0 10px 40px rgba(0,0,0,.28)}
.v-call-float .v-call{border:0}
.v-call-title{margin:0;font-weight:600;display:flex;justify-content:space-between;gap:8px}
.v-call-time{font-variant-numeric:tabular-nums;font-weight:400;color:#3c4148}
.v-call-text{margin:0;font-size:13px;color:#3c4148}
.v-call-message{margin:0;font-size:13px;color:#1b1f23;background:#f6f7f9;border-radius:8px;padding:6px 8px}
.v-call[data-call-state=failed] .v-call-message{color:#b3261e;background:#fde7e5}
.v-call-stage{position:relative;border-radius:10px;overflow:hidden;background:#1b1f23;min-height:64px;display:grid;place-items:center}
.v-call-video{height:min(190px,30vh)}
.v-call-remote{width:100%;height:100%;object-fit:cover;display:block}
.v-call-local{position:absolute;right:8px;bottom:8px;width:28%;border-radius:6px;border:2px solid #fff;background:#000}
.v-call-audio{width:48px;height:48px;border-radius:50%;background:#3c4148;display:grid;place-items:center;margin:8px}
.v-call-audio svg{width:24px;height:24px;fill:#fff}
.v-call-audio[data-connected=true]{background:#188038}
@media (prefers-reduced-motion:no-preference){.v-call-audio[data-connected=true]{animation:v-pulse 1.6s ease-in-out infinite}@keyframes v-pulse{50%{box-shadow:0 0 0 8px rgba(24,128,56,.25)}}}
.v-call-actions{display:flex;gap:6px;justify-content:flex-end;flex-wrap:wrap}
.v-call-btn{border:1px solid #9aa1aa;background:#fff;border-radius:8px;min-width:38px;height:36px;padding:0 10px;display:grid;place-items:center}
.v-call-btn svg{width:20px;height:20px;fill:currentColor}
.v-call-btn[aria-pressed=true]{background:#fde7e5;color:#b3261e;border-color:#b3261e}
.v-call-btn:disabled{opacity:.6;cursor:default}
.v-call-end{background:#b3261e;border-color:#b3261e;color:#fff}
.v-sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
@media (prefers-reduced-motion:no-preference){.v-panel{animation:v-in .16s ease-out}@keyframes v-in{from{opacity:0;transform:translateY(8px)}}}
`;
