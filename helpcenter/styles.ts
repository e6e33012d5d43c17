/// <reference lib="dom" />
/**
 * The widget's stylesheet, in Zendesk Garden's look (14px system font, #1f73b7 blue,
 * #d8dcde borders, 4px radius, Garden's focus ring), scoped under `.padlock-attachments` and
 * reset against theme rules so that it looks the same in any Help Center theme.
 *
 * @module
 */

const FONT = '-apple-system, BlinkMacSystemFont, "Segoe UI", "Helvetica Neue", Arial, sans-serif';

/** The CSS of the widget. */
export const STYLESHEET = `
.padlock-attachments { all: initial; display: block; box-sizing: border-box; width: 100%;
  font-family: ${FONT}; font-size: 14px; line-height: 20px; color: #2f3941; text-align: start; }
.padlock-attachments *, .padlock-attachments *::before, .padlock-attachments *::after {
  box-sizing: border-box; }
.padlock-dropzone { display: flex; align-items: center; justify-content: center; gap: 8px;
  width: 100%; min-height: 56px; padding: 16px 24px; border: 1px dashed #1f73b7;
  border-radius: 4px; background: transparent; color: #1f73b7; cursor: pointer;
  text-align: center; user-select: none; outline: none;
  transition: border-color .25s ease-in-out, box-shadow .1s ease-in-out,
    background-color .25s ease-in-out, color .25s ease-in-out; }
.padlock-dropzone:hover { border-color: #144a75; background-color: rgba(31,115,183,.08);
  color: #144a75; }
.padlock-dropzone:focus-visible { box-shadow: 0 0 0 1px #fff, 0 0 0 3px #1f73b7; }
.padlock-dropzone.is-dragging { border-style: solid; background-color: rgba(31,115,183,.16);
  color: #144a75; }
.padlock-dropzone[aria-disabled="true"] { border-color: #d8dcde; color: #87929d;
  background: #f8f9f9; cursor: default; }
.padlock-dropzone .padlock-icon-lock { flex: none; }
.padlock-legacy .padlock-dropzone { min-height: 40px; padding: 10px 20px; border: 1px solid #87929d;
  border-radius: 2px; color: #2f3941; font-size: 12px; }
.padlock-legacy .padlock-dropzone:hover { background-color: #f8f9f9; color: #2f3941; }
.padlock-legacy .padlock-dropzone.is-dragging { border-color: #1f73b7;
  background-color: rgba(31,115,183,.08); }
.padlock-legacy .padlock-link-word { color: #1f73b7; text-decoration: underline; }
.padlock-hint { margin: 4px 0 0; color: #68737d; font-size: 12px; line-height: 16px; }
.padlock-files { list-style: none; margin: 8px 0 0; padding: 0; }
.padlock-file { display: grid; grid-template-columns: 16px minmax(0, 1fr) auto auto;
  align-items: center; column-gap: 8px; row-gap: 6px; margin: 0 0 8px; padding: 10px 12px;
  border: 1px solid #d8dcde; border-radius: 4px; background: #fff; }
.padlock-file .padlock-icon-file { color: #68737d; }
.padlock-file-name { overflow: hidden; white-space: nowrap; text-overflow: ellipsis;
  color: #2f3941; }
.padlock-file-size { color: #68737d; font-size: 12px; white-space: nowrap; }
.padlock-file-actions { display: flex; align-items: center; gap: 4px; }
.padlock-file-status { grid-column: 2 / 5; color: #68737d; font-size: 12px; line-height: 16px; }
.padlock-file[data-status="uploaded"] .padlock-file-status { color: #038153; }
.padlock-file[data-status="failed"] { border-color: #cc3340; }
.padlock-file[data-status="failed"] .padlock-file-status { color: #cc3340; }
.padlock-file .padlock-icon-check { vertical-align: -1px; margin-inline-end: 4px; }
.padlock-progress { grid-column: 2 / 5; height: 4px; border-radius: 2px; background: #e9ebed;
  overflow: hidden; }
.padlock-progress-bar { height: 100%; width: 0; border-radius: 2px; background: #038153;
  transition: width .2s ease-in-out; }
.padlock-file[data-status="uploaded"] .padlock-progress,
.padlock-file[data-status="failed"] .padlock-progress { display: none; }
.padlock-button { all: unset; display: inline-flex; align-items: center; justify-content: center;
  box-sizing: border-box; height: 24px; padding: 0 8px; border-radius: 4px; color: #1f73b7;
  font: inherit; font-size: 12px; cursor: pointer; }
.padlock-button:hover { background-color: rgba(31,115,183,.08); color: #144a75; }
.padlock-button:focus-visible { box-shadow: 0 0 0 1px #fff, 0 0 0 3px #1f73b7; }
.padlock-button[hidden] { display: none; }
.padlock-button[disabled] { color: #87929d; cursor: default; background: none; }
.padlock-remove { width: 24px; padding: 0; color: #68737d; }
.padlock-remove:hover { background-color: rgba(104,115,125,.08); color: #2f3941; }
.padlock-status:empty, .padlock-alert:empty { display: none; }
.padlock-status { display: flex; align-items: center; gap: 8px; margin: 8px 0 0; color: #2f3941; }
.padlock-status::before { content: ""; width: 12px; height: 12px; border-radius: 50%;
  border: 2px solid #c2c8cc; border-top-color: #1f73b7; animation: padlock-spin 1s linear infinite; }
.padlock-alert { margin: 8px 0 0; padding: 12px 16px; border: 1px solid #f5b5ba; border-radius: 4px;
  background: #fff0f1; color: #8c232c; }
@keyframes padlock-spin { to { transform: rotate(360deg); } }
@media (prefers-reduced-motion: reduce) { .padlock-status::before { animation: none; } }
`;

const installed = new WeakSet<Document>();

/**
 * Adds the stylesheet to the page once, as a constructed stylesheet: unlike a `<style>` element
 * it needs no `'unsafe-inline'` in a Help Center's `style-src`, and it changes no markup.
 */
export function installStyles(doc: Document): void {
  const view = doc.defaultView;
  if (installed.has(doc) || !view) return;
  const sheet = new view.CSSStyleSheet();
  sheet.replaceSync(STYLESHEET);
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  installed.add(doc);
}
