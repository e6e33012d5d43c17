/**
 * The portal's stylesheet, served as `/assets/portal.css` (the CSP allows no inline style):
 * Zendesk Garden's look — 14px system font, #2f3941 text, #1f73b7 blue, Garden buttons, inputs,
 * checkboxes, alerts and progress bars.
 *
 * @module
 */

/** The CSS of every portal page. */
export const PORTAL_CSS = `
*, *::before, *::after { box-sizing: border-box; }
[hidden] { display: none !important; }
html, body { margin: 0; padding: 0; }
body { background: #f8f9f9; color: #2f3941; font-size: 14px; line-height: 20px;
  font-family: system-ui, -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, Oxygen-Sans,
    Ubuntu, Cantarell, "Helvetica Neue", Arial, sans-serif; }
a { color: #1f73b7; text-decoration: none; }
a:hover { color: #144a75; text-decoration: underline; }
a:focus-visible, button:focus-visible, input:focus-visible { outline: none;
  box-shadow: 0 0 0 3px rgba(31,115,183,.35); }
.topbar { display: flex; align-items: center; justify-content: space-between; height: 56px;
  padding: 0 24px; background: #fff; border-bottom: 1px solid #d8dcde; }
.brand { display: inline-flex; align-items: center; gap: 8px; color: #2f3941; font-weight: 600;
  font-size: 16px; }
.brand:hover { color: #2f3941; text-decoration: none; }
.brand svg { color: #1f73b7; }
.whoami { color: #68737d; font-size: 12px; display: flex; align-items: center; gap: 12px; }
.whoami form { margin: 0; }
main { max-width: 640px; margin: 40px auto; padding: 0 16px; }
.card { background: #fff; border: 1px solid #d8dcde; border-radius: 8px; padding: 32px;
  box-shadow: 0 4px 12px rgba(4,68,77,.06); }
h1 { margin: 0 0 8px; font-size: 22px; line-height: 28px; font-weight: 600; }
h2 { margin: 24px 0 8px; font-size: 16px; line-height: 22px; font-weight: 600; }
p { margin: 0 0 12px; }
.muted { color: #68737d; }
.small { font-size: 12px; line-height: 16px; }
.field { margin: 0 0 16px; }
.field label { display: block; margin: 0 0 4px; font-weight: 600; }
.field .hint { margin: 0 0 8px; color: #68737d; }
input[type=email], input[type=password], input[type=text] { display: block; width: 100%;
  height: 40px; padding: 0 12px; border: 1px solid #d8dcde; border-radius: 4px; background: #fff;
  color: #2f3941; font: inherit; transition: border-color .25s ease-in-out; }
input[type=email]:hover, input[type=password]:hover, input[type=text]:hover { border-color: #1f73b7; }
input[type=email]:focus, input[type=password]:focus, input[type=text]:focus { border-color: #1f73b7;
  outline: none; box-shadow: 0 0 0 3px rgba(31,115,183,.35); }
input.code { letter-spacing: 8px; font-size: 20px; font-variant-numeric: tabular-nums;
  max-width: 200px; text-align: center; }
.check { display: flex; align-items: center; gap: 8px; margin: 0 0 16px; }
.check input { width: 16px; height: 16px; margin: 0; accent-color: #1f73b7; }
.actions { display: flex; flex-wrap: wrap; align-items: center; gap: 12px; margin-top: 8px; }
.button { display: inline-flex; align-items: center; justify-content: center; height: 40px;
  padding: 0 20px; border: 1px solid #1f73b7; border-radius: 4px; background: #fff;
  color: #1f73b7; font: inherit; font-weight: 600; cursor: pointer; white-space: nowrap;
  transition: background-color .25s ease-in-out, color .25s ease-in-out; }
.button:hover { background: rgba(31,115,183,.08); border-color: #144a75; color: #144a75;
  text-decoration: none; }
.button.primary { background: #1f73b7; color: #fff; }
.button.primary:hover { background: #144a75; color: #fff; }
.button.danger { border-color: #cc3340; color: #cc3340; }
.button.danger:hover { background: rgba(204,51,64,.08); }
.button.small { height: 32px; padding: 0 12px; font-size: 14px; }
.button[disabled] { border-color: #e9ebed; background: #e9ebed; color: #87929d; cursor: default; }
.link-button { border: 0; background: none; padding: 0; color: #1f73b7; font: inherit;
  cursor: pointer; }
.link-button:hover { color: #144a75; text-decoration: underline; }
.alert { margin: 0 0 16px; padding: 12px 16px; border: 1px solid #f5b5ba; border-radius: 4px;
  background: #fff0f1; color: #8c232c; }
.alert.info { border-color: #adcce4; background: #edf7ff; color: #144a75; }
.alert.success { border-color: #aecfc2; background: #edf8f4; color: #186146; }
.alert:empty { display: none; }
.state { text-align: center; padding: 16px 0; }
.state .icon { display: inline-flex; width: 48px; height: 48px; align-items: center;
  justify-content: center; border-radius: 50%; background: #edf7ff; color: #1f73b7;
  margin-bottom: 12px; }
.state.error .icon { background: #fff0f1; color: #cc3340; }
.code-display { display: inline-block; margin: 8px 0 16px; padding: 8px 16px; border-radius: 4px;
  background: #f8f9f9; border: 1px solid #d8dcde; font-size: 22px; font-weight: 600;
  letter-spacing: 4px; font-variant-numeric: tabular-nums; }
.files { list-style: none; margin: 16px 0; padding: 0; border: 1px solid #d8dcde;
  border-radius: 4px; }
.file { display: grid; grid-template-columns: minmax(0, 1fr) auto; gap: 4px 16px;
  align-items: center; padding: 12px 16px; border-top: 1px solid #e9ebed; }
.file:first-child { border-top: 0; }
.file-name { overflow-wrap: anywhere; font-weight: 600; }
.file-meta { color: #68737d; font-size: 12px; line-height: 16px; grid-column: 1; }
.file-actions { grid-row: 1 / 3; grid-column: 2; display: flex; gap: 8px; }
.file-status { grid-column: 1 / 3; font-size: 12px; line-height: 16px; color: #68737d; }
.file-status:empty { display: none; }
.file[data-state="error"] .file-status { color: #cc3340; }
.file[data-state="done"] .file-status { color: #038153; }
.progress { grid-column: 1 / 3; height: 4px; border-radius: 2px; background: #e9ebed;
  overflow: hidden; }
.progress[hidden] { display: none; }
.progress-bar { height: 100%; width: 0; background: #1f73b7; transition: width .2s ease-in-out; }
.message-box { white-space: pre-wrap; overflow-wrap: anywhere; margin: 0 0 16px; padding: 12px 16px;
  border-inline-start: 3px solid #1f73b7; background: #f8f9f9; }
.keys { width: 100%; border-collapse: collapse; margin: 8px 0 16px; }
.keys th, .keys td { text-align: start; padding: 10px 8px; border-bottom: 1px solid #e9ebed;
  vertical-align: middle; }
.keys th { color: #68737d; font-weight: 600; font-size: 12px; }
.keys td form { margin: 0; text-align: end; }
.mail { border: 1px solid #d8dcde; border-radius: 4px; margin: 0 0 12px; padding: 12px 16px;
  background: #fff; }
.mail pre { white-space: pre-wrap; margin: 8px 0 0; font: inherit; }
.language select, .language button { margin-inline-start: 6px; }
footer { max-width: 640px; margin: 0 auto 40px; padding: 0 16px; color: #68737d; font-size: 12px;
  text-align: center; }
`;
