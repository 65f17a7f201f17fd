/** Inline CSS of the HTML report: readable contrast (WCAG AA) in light and dark schemes. */
export const HTML_STYLE = `
:root { color-scheme: light dark; --fg: #1b1b1b; --bg: #ffffff; --muted: #555; --pass: #0a6b2d; --fail: #a4001d; --add-bg: #dff5e3; --del-bg: #fbe0e3; --panel: #f5f5f7; }
@media (prefers-color-scheme: dark) { :root { --fg: #ececec; --bg: #161616; --muted: #b0b0b0; --pass: #6fdc8c; --fail: #ff8a9a; --add-bg: #163d22; --del-bg: #4a1820; --panel: #222226; } }
body { font: 16px/1.5 system-ui, sans-serif; color: var(--fg); background: var(--bg); margin: 0; }
main { max-width: 60rem; margin: 0 auto; padding: 1rem; }
.toolbar { position: sticky; top: 0; background: var(--panel); padding: .5rem 1rem; display: flex; gap: 2rem; align-items: center; border-bottom: 1px solid var(--muted); }
pre { background: var(--panel); padding: .5rem; overflow-x: auto; }
.has-fail { border-left: 4px solid var(--fail); padding-left: .5rem; }
.has-step { border-left: 4px solid var(--pass); padding-left: .5rem; }
.result { margin: .25rem 0 1rem; padding: .5rem; border: 1px solid var(--muted); border-radius: 4px; }
.result.pass header, .result.pass .mark { color: var(--pass); }
.result.fail header, .result.error header { color: var(--fail); font-weight: 600; }
.result.skipped header, .result.unchecked header { color: var(--muted); }
.side-by-side { display: grid; grid-template-columns: 1fr 1fr; gap: .5rem; }
.side-by-side figure { margin: 0; } figcaption { font-size: .85rem; color: var(--muted); }
.diff .add { background: var(--add-bg); } .diff .del { background: var(--del-bg); }
.meta { color: var(--muted); }
body.failed-only .doc > :not(.has-fail) { display: none; }
body.failed-only .lesson-pass { display: none; }
input:focus-visible, a:focus-visible { outline: 3px solid #1a73e8; outline-offset: 2px; }
`;

/** The filter: a real checkbox (keyboard-usable), remembered in the URL hash. */
export const HTML_SCRIPT = `
const box = document.getElementById('failed-only');
const apply = () => { document.body.classList.toggle('failed-only', box.checked); location.hash = box.checked ? 'failed' : ''; };
box.addEventListener('change', apply);
if (location.hash === '#failed') { box.checked = true; apply(); }
`;
