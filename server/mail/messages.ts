/**
 * The texts of the mails in English, the source of every translation in `translations/` (see
 * `docs/GLOSSARY.md`).
 *
 * @module
 */
const en = {
  "code.subject": "Your {system} verification code",
  "code.code": "Your verification code is {code}",
  "code.enter": "Enter it on the {system} page to open the files that were sent to you.",
  "code.expires":
    "It expires in {minutes, plural, one {# minute} other {# minutes}} and works once.",
  "code.ignore":
    "If you did not ask for a code, ignore this mail: nobody can open the files without it.",
  "activation.subject": "Activate your {system} account",
  "activation.open": "Open this link to choose the password of your {system} account ({email}):",
  "activation.expires":
    "The link works once and expires in {days, plural, one {# day} other {# days}}.",
  "activation.ignore": "If you did not expect this mail, ignore it: your account stays as it is.",
  // Issue 13: the mail to a dropzone's agents on each new upload.
  "notice.subjectTicket": "New files for ticket #{ticket}",
  "notice.subjectHelpCenter": "New files from a Help Center request",
  "notice.uploaded":
    "{count, plural, one {# file was} other {# files were}} uploaded to your {system} dropzone:",
  "notice.ticket":
    "They were sent through the upload link of ticket #{ticket}. Open them from the {system} app in that ticket's sidebar.",
  "notice.helpCenter":
    "They came with a Help Center request from {sender}; the Secure Link is in the request's first comment. Open them from the {system} app in that ticket's sidebar.",
  "notice.package": "Package {id}",
  "notice.noKey": "This mail does not carry the key that opens the files: it stays in the ticket.",
  // Issue 13: the internal note on a ticket when its file request brings files.
  "note.uploaded":
    "{count, plural, one {# file was} other {# files were}} uploaded through this ticket's file request:",
  "note.open":
    "Open them from the {system} app in this ticket's sidebar: it holds the key. The link below has no key (the service never has it), so it does not open the files by itself.",
};

/** A message key of the mails. */
export type MailKey = keyof typeof en;

/** The mails' messages in one language: every key of the English source. */
export type MailMessages = Readonly<Record<MailKey, string>>;

export default en as MailMessages;
