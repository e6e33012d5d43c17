/// <reference lib="dom" />
/**
 * Appends the Secure Link to the request's description, after the user's own text: through the
 * CKEditor 5 instance when the form has one (its textarea is only synced at submit), else
 * through the textarea, as HTML when the description's mimetype is `text/html`.
 *
 * @module
 */
import { descriptionIsHtml, findEditor, type RichTextEditor } from "./request_form.ts";
import { t } from "./strings.ts";

/** The form has neither a description textarea nor an editor to write the link into. */
export class DescriptionError extends Error {
  /** Creates the error. */
  constructor(message: string) {
    super(message);
    this.name = "DescriptionError";
  }
}

/**
 * Appends `link` to the description of `form` unless it is there already; with `hyperlink`, a
 * rich-text description gets the words "Use this link to access the attached files" as the link.
 *
 * @throws {DescriptionError} when the form has no description field.
 */
export function appendSecureLink(form: HTMLFormElement, link: string, hyperlink = false): void {
  // Rich text can carry the words "Use this link…" linked to the Secure Link; plain text keeps it.
  const words = hyperlink ? t("link.hyperlink") : link;
  const editor = findEditor(form);
  if (editor) {
    if (!editor.getData().includes(escapeHtml(link))) appendThroughEditor(editor, link, words);
    editor.updateSourceElement?.();
    return;
  }
  const textarea = form.querySelector<HTMLTextAreaElement>('textarea[name="request[description]"]');
  if (!textarea) throw new DescriptionError("The request form has no description field");
  if (textarea.value.includes(link) || textarea.value.includes(escapeHtml(link))) return;
  const own = textarea.value.replace(/\s+$/, "");
  const addition = descriptionIsHtml(form)
    ? `<p>${escapeHtml(t("link.label"))} <a href="${escapeHtml(link)}">${escapeHtml(words)}</a></p>`
    : `${t("link.label")} ${link}`;
  setTextareaValue(textarea, own === "" ? addition : `${own}\n\n${addition}`);
}

function appendThroughEditor(editor: RichTextEditor, link: string, words: string): void {
  try {
    const canLink = editor.model.schema.checkAttribute("$text", "linkHref");
    editor.model.change((writer) => {
      const paragraph = writer.createElement("paragraph");
      writer.insertText(`${t("link.label")} `, paragraph, "end");
      // An editor that cannot link keeps the URL itself, which stays clickable.
      writer.insertText(
        canLink ? words : link,
        canLink ? { linkHref: link } : {},
        paragraph,
        "end",
      );
      writer.append(paragraph, editor.model.document.getRoot());
    });
  } catch {
    // An editor without the model API the widget expects: fall back to its data API.
    const html = `<p>${escapeHtml(t("link.label"))} <a href="${escapeHtml(link)}">${
      escapeHtml(words)
    }</a></p>`;
    editor.setData(editor.getData() + html);
  }
}

/**
 * Sets a textarea's value the way typing does, so that a framework that controls the field
 * (React, on the v4 form) keeps the new value instead of restoring its own.
 */
function setTextareaValue(textarea: HTMLTextAreaElement, value: string): void {
  const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, "value")?.set;
  if (setter) setter.call(textarea, value);
  else textarea.value = value;
  textarea.dispatchEvent(new Event("input", { bubbles: true }));
  textarea.dispatchEvent(new Event("change", { bubbles: true }));
}

/** Escapes text for HTML text and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}
