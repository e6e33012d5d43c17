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
};

/** A message key of the mails. */
export type MailKey = keyof typeof en;

/** The mails' messages in one language: every key of the English source. */
export type MailMessages = Readonly<Record<MailKey, string>>;

export default en as MailMessages;
