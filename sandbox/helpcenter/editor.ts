/// <reference lib="dom" />
/**
 * Browser entry for the sandbox only: the real CKEditor 5 (GPL build, licence key "GPL"), as
 * Zendesk's Help Center rich-text editor uses it. Bundled by `sandbox/helpcenter/assets.ts` at
 * sandbox start; never part of a shipped bundle.
 *
 * @module
 */
import { ClassicEditor } from "@ckeditor/ckeditor5-editor-classic";
import { Essentials } from "@ckeditor/ckeditor5-essentials";
import { Paragraph } from "@ckeditor/ckeditor5-paragraph";
import { Bold, Italic } from "@ckeditor/ckeditor5-basic-styles";
import { Link } from "@ckeditor/ckeditor5-link";

/** Replaces `textarea` with a CKEditor 5 instance that syncs the textarea only at submit. */
export function createEditor(textarea: HTMLTextAreaElement): Promise<ClassicEditor> {
  return ClassicEditor.create(textarea, {
    licenseKey: "GPL",
    plugins: [Essentials, Paragraph, Bold, Italic, Link],
    toolbar: ["bold", "italic", "link", "|", "undo", "redo"],
  });
}
