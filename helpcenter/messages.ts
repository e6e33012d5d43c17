/**
 * The widget's words in English, the source of every translation in `translations/` (the glossary
 * of `docs/GLOSSARY.md` holds for each). Built into the loader; the other locales are chunks
 * loaded on pages in their language.
 *
 * @module
 */
const en = {
  "dropzone.legacy.action": "Add file",
  "dropzone.legacy.text": "or drop files here",
  "dropzone.v4": "Choose a file or drag and drop here",
  "dropzone.label": "Attachments",
  "dropzone.hint": "Files are encrypted in your browser before they are uploaded.",
  "files.label": "Attached files",
  "file.remove": "Remove",
  "file.removeName": "Remove {name}",
  "file.cancel": "Cancel upload",
  "file.cancelName": "Cancel upload of {name}",
  "file.retry": "Retry",
  "file.retryName": "Retry upload of {name}",
  "file.progressName": "Upload of {name}",
  "file.reconnecting": "Reconnecting… {percent}%",
  "file.uploading": "Encrypting and uploading… {percent}%",
  "file.uploaded": "Encrypted and uploaded",
  "file.failed": "Upload failed: {reason}.",
  "submit.finishing": "Finishing upload…",
  "submit.securing": "Securing attachments…",
  "submit.submitting": "Submitting…",
  "submit.failed": "Your attachments could not be secured. Please try again.",
  "submit.failedReason": "Your attachments could not be secured: {reason}. Please try again.",
  "submit.notReadyOne":
    "{name} could not be uploaded: {reason}. Retry or remove it, then submit again.",
  "file.quoted": '"{name}"',
  "list.separator": ", ",
  "submit.notReadyMany": "{names} could not be uploaded. Retry or remove them, then submit again.",
  "link.label": "Secure attachments (Padlock):",
  "link.hyperlink": "Use this link to access the attached files",
  "error.unknown": "unknown error",
  "error.unreachable": "the secure upload service could not be reached",
  "error.timeout": "the secure upload service did not answer in time",
  "error.down": "the secure upload service is not answering (HTTP {status})",
  "error.refusedStatus": "the secure upload service refused it (HTTP {status})",
  "error.tooLarge": "the file is larger than the service allows",
  "error.fileName": "the service does not accept this file name or type",
  "error.refusedCode": "the secure upload service refused it ({code})",
  "error.unreadable": "the file could not be read",
  "error.failed": "the upload failed",
  "size.B": "{size} B",
  "size.KB": "{size} KB",
  "size.MB": "{size} MB",
  "size.GB": "{size} GB",
  "size.TB": "{size} TB",
  // Issue 15: refusals of changed code and abuse limits.
  "guard.integrity": "it cannot be secured: the encryption code was changed",
  "guard.rateLimited": "too many files were sent from here for now; please try again later",
  "guard.storageFull":
    "the secure upload service has no room for more files at the moment; please try again later",
  // Issue 13: a file the dropzone does not take, refused before it is encrypted.
  "dropzoneRules.extension": "only files ending in {extensions} can be attached here",
  "dropzoneRules.size": "files of up to {size} can be attached here",
};

/** A message key of the widget. */
export type WidgetKey = keyof typeof en;

/** The widget's messages in one language: every key of the English source. */
export type WidgetMessages = Readonly<Record<WidgetKey, string>>;

export default en as WidgetMessages;
