/**
 * The sandbox Help Center's stylesheet: a small imitation of Zendesk's Copenhagen theme, with
 * Garden-styled controls on the v4 form and Copenhagen's legacy form styles on the legacy one.
 *
 * @module
 */

/** The CSS served as `/sandbox/assets/theme.css`. */
export const THEME_CSS = `
*, *::before, *::after { box-sizing: border-box; }
body { margin: 0; font-family: -apple-system, BlinkMacSystemFont, "Segoe UI", Helvetica, Arial,
  sans-serif; font-size: 15px; line-height: 1.5; color: #2f3941; background: #fff;
  -webkit-font-smoothing: antialiased; }
a { color: #1f73b7; text-decoration: none; }
a:hover { text-decoration: underline; }
.header { max-width: 1160px; margin: 0 auto; padding: 0 5%; height: 71px; display: flex;
  align-items: center; justify-content: space-between; }
.logo { display: flex; align-items: center; gap: 10px; font-weight: 600; color: #2f3941;
  font-size: 17px; }
.logo-mark { width: 32px; height: 32px; border-radius: 6px; background: #17494d; color: #fff;
  display: inline-flex; align-items: center; justify-content: center; font-weight: 700; }
.user-nav a { margin-left: 24px; color: #2f3941; font-size: 14px; }
.hero { background: #17494d; height: 8px; }
.container { max-width: 1160px; margin: 0 auto; padding: 0 5%; }
.breadcrumbs { list-style: none; margin: 32px 0 0; padding: 0; display: flex; font-size: 14px; }
.breadcrumbs li + li::before { content: ">"; margin: 0 6px; color: #68737d; }
.page-title { font-size: 32px; font-weight: 400; margin: 24px 0 16px; }
.sandbox-note { max-width: 650px; margin: 0 0 24px; padding: 10px 14px; border-radius: 4px;
  background: #edf7ff; color: #144a75; font-size: 13px; }
.form { max-width: 650px; margin-bottom: 64px; }
.form-loading { color: #68737d; font-size: 14px; padding: 24px 0; }
.form-field { margin: 0 0 25px; }
.form-field > label { display: block; font-size: 13px; margin-bottom: 5px; font-weight: 600; }
.form-field input[type=text], .form-field input[type=email], .form-field select,
.form-field textarea { width: 100%; font: inherit; font-size: 14px; color: #2f3941;
  border: 1px solid #87929d; border-radius: 4px; padding: 8px 10px; background: #fff; }
.form-field textarea { min-height: 120px; resize: vertical; }
.form-field input:focus, .form-field textarea:focus, .form-field select:focus {
  border-color: #1f73b7; outline: none; box-shadow: 0 0 0 1px #1f73b7; }
.form-field p { color: #68737d; font-size: 13px; margin: 5px 0 0; }
.request-form footer { margin-top: 40px; padding-top: 30px; border-top: 1px solid #e9ebed; }
.request-form input[type=submit] { background: #1f73b7; color: #fff; border: 0; border-radius: 4px;
  font: inherit; font-size: 14px; padding: 0 1.9286em; line-height: 2.572; cursor: pointer;
  min-width: 190px; }
.request-form input[type=submit]:disabled { background: #e9ebed; color: #87929d; cursor: default; }
.upload-dropzone { position: relative; border: 1px solid #87929d; border-radius: 2px;
  font-size: 12px; padding: 10px 20px; text-align: center; }
.upload-dropzone input[type=file] { position: absolute; inset: 0; width: 100%; opacity: 0;
  cursor: pointer; }
.upload-dropzone span::before { content: "\\1F4CE"; filter: grayscale(1); margin-right: 6px; }
.upload-pool { list-style: none; margin: 8px 0 0; padding: 0; font-size: 13px; }
.upload-pool li::before { content: "\\1F4CE"; filter: grayscale(1); margin-right: 6px; }

/* v4 (Garden) form */
.garden-form { font-size: 14px; line-height: 20px; }
.garden-field { margin: 0 0 24px; }
.garden-label { display: block; font-weight: 600; font-size: 14px; line-height: 20px;
  margin-bottom: 8px; color: #2f3941; }
.garden-hint { display: block; color: #68737d; font-size: 14px; margin: -4px 0 8px; }
.garden-input, .garden-textarea { width: 100%; font: inherit; color: #2f3941; background: #fff;
  border: 1px solid #d8dcde; border-radius: 4px; padding: 9px 12px; min-height: 40px;
  transition: border-color .25s ease-in-out, box-shadow .1s ease-in-out; }
.garden-input:hover, .garden-textarea:hover { border-color: #5293c7; }
.garden-input:focus, .garden-textarea:focus { outline: none; border-color: #5293c7;
  box-shadow: 0 0 0 1px #fff, 0 0 0 3px #1f73b7; }
.garden-textarea { min-height: 120px; resize: vertical; }
.garden-combobox { position: relative; }
.garden-combobox button.garden-input { text-align: left; cursor: pointer; display: flex;
  justify-content: space-between; align-items: center; }
.garden-combobox button.garden-input::after { content: ""; width: 8px; height: 8px;
  border-right: 1.5px solid #68737d; border-bottom: 1.5px solid #68737d; transform: rotate(45deg);
  margin: -4px 4px 0 0; }
.garden-listbox { position: absolute; z-index: 10; left: 0; right: 0; margin: 4px 0 0;
  padding: 4px 0; list-style: none; background: #fff; border: 1px solid #d8dcde;
  border-radius: 4px; box-shadow: 0 20px 28px 0 rgba(4,68,77,.15); }
.garden-listbox li { padding: 8px 36px; cursor: pointer; }
.garden-listbox li:hover, .garden-listbox li[aria-selected=true] { background: rgba(31,115,183,.08); }
.garden-file-upload { border: 1px dashed #1f73b7; border-radius: 4px; color: #1f73b7;
  padding: 16px 24px; text-align: center; cursor: pointer; min-height: 56px; display: flex;
  align-items: center; justify-content: center; gap: 8px; }
.garden-file-upload::before { content: "\\1F4CE"; filter: grayscale(1) opacity(.6); }
.garden-file-upload:hover { background: rgba(31,115,183,.08); }
.garden-file-list { list-style: none; margin: 8px 0 0; padding: 0; }
.garden-file-list li { border: 1px solid #d8dcde; border-radius: 4px; padding: 10px 12px;
  margin-bottom: 8px; }
.garden-button { background: #1f73b7; border: 1px solid #1f73b7; color: #fff; border-radius: 4px;
  font: inherit; font-weight: 400; height: 40px; padding: 0 1.0714em; min-width: 120px;
  cursor: pointer; transition: background-color .25s ease-in-out; }
.garden-button:hover { background: #144a75; border-color: #144a75; }
.garden-button:focus-visible { outline: none; box-shadow: 0 0 0 1px #fff, 0 0 0 3px #1f73b7; }
.garden-button:disabled { background: #e9ebed; border-color: transparent; color: #87929d;
  cursor: default; }
.garden-form footer { margin-top: 32px; }
.ck.ck-editor__editable_inline { min-height: 120px; }
.ck.ck-editor__main > .ck-editor__editable { font-size: 14px; }

/* ticket pages */
.ticket-meta { color: #68737d; font-size: 14px; margin-bottom: 24px; }
.comment { border-top: 1px solid #e9ebed; padding: 20px 0; max-width: 760px; }
.comment-author { font-weight: 600; font-size: 14px; }
.comment-time { color: #68737d; font-size: 13px; margin-left: 8px; }
.comment-body { margin-top: 8px; white-space: normal; overflow-wrap: anywhere; }
.comment-body p { margin: 0 0 12px; }
.tickets { list-style: none; padding: 0; }
.tickets li { padding: 8px 0; border-bottom: 1px solid #e9ebed; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(260px, 1fr)); gap: 16px;
  margin: 16px 0 32px; }
.card { border: 1px solid #d8dcde; border-radius: 4px; padding: 16px 20px; }
.card h2 { font-size: 16px; margin: 0 0 4px; }
.card p { margin: 0; color: #68737d; font-size: 14px; }
`;
