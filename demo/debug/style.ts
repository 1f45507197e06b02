/** Scoped by the panel's id; the banner lives in its own shadow root and is not affected. */
export const PANEL_CSS = `
#samtykke-demo-panel{position:fixed;top:76px;right:12px;z-index:2147483000;width:min(360px,calc(100vw - 24px));max-height:calc(100vh - 96px);overflow:auto;
 font:11.5px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;color:#e9eef0;background:#172125f2;border-radius:10px;box-shadow:0 6px 24px #0006}
#samtykke-demo-panel summary{cursor:pointer;padding:8px 12px;font-weight:700;color:#9fe0c8}
#samtykke-demo-panel details>*:not(summary){margin:6px 12px}
#samtykke-demo-panel h3{font-size:11px;text-transform:uppercase;letter-spacing:.06em;color:#9fb3ba;margin:12px 0 4px}
#samtykke-demo-panel ul,#samtykke-demo-panel ol{margin:0;padding-left:18px;word-break:break-all}
#samtykke-demo-panel .sd-pre{white-space:pre-wrap;margin:0;max-height:180px;overflow:auto}
#samtykke-demo-panel .sd-empty{color:#8a9aa0;list-style:none;margin-left:-18px}
#samtykke-demo-panel .sd-buttons{display:flex;flex-wrap:wrap;gap:6px}
#samtykke-demo-panel button,#samtykke-demo-panel select{font:inherit;color:#10201b;background:#9fe0c8;border:0;border-radius:6px;padding:4px 8px;cursor:pointer}
#samtykke-demo-panel .sd-status[data-state="failed"],#samtykke-demo-panel .sd-status[data-state="real"]{color:#ffb86b}
`;
