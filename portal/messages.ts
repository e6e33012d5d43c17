/**
 * The receive page's words in English (the page frame, the page the service renders and its
 * script, and the answers of its calls), the source of every translation in `translations/`
 * (see `docs/GLOSSARY.md`). The service picks the visitor's locale and gives the script its
 * words inside the page.
 *
 * @module
 */
import type { PageKey } from "./page_messages.ts";

const en = {
  "frame.account": "Account",
  "frame.signOut": "Sign out",
  "frame.footer": "End-to-end encrypted: files are decrypted in your browser.",
  "frame.language": "Language",
  "frame.change": "Change",
  "receive.title": "Secure files",
  "receive.opening": "Opening the package…",
  "receive.decrypted": "Your files are decrypted in this browser.",
  "receive.noscript": "This page needs JavaScript: the files are decrypted in your browser.",
  "api.tooMany": "Too many requests. Wait a few minutes.",
  "api.unknownPackage": "This package has expired or was deleted, or the link is wrong.",
  "api.wrongKey":
    "The key in the link does not match this package: the link is incomplete or was altered.",
  "api.noCode": "This package is not opened with a code.",
  "api.enterEmail": "Enter an email address.",
  "api.tooManyCodes":
    "Too many codes were asked for. Try again in {minutes, plural, one {# minute} other {# minutes}}.",
  "api.codeSent":
    "If {email} may open these files, a 6-digit code is on its way to it. It works for {minutes, plural, one {# minute} other {# minutes}}.",
  "api.tooManyTries": "Too many tries. Wait a few minutes.",
  "api.codeWrong": "This code is not right. Check the latest mail and try again.",
  "api.codeVoid": "Too many wrong codes: this code no longer works. Ask for a new one.",
  "api.codeExpired": "This code has expired. Ask for a new one.",
  "api.codeMissing": "This code no longer works. Ask for a new one.",
  "state.incomplete": "The link is incomplete",
  "state.invalid": "This link is not valid",
  "state.missingKey":
    "The key that decrypts the files is missing from the link: it is the part after #keyCode=. Copy the whole link from the message you received and open it again.",
  "state.badLink":
    "This link is damaged. Copy the whole link from the message you received and open it again.",
  "state.gone": "These files are no longer available",
  "state.goneText":
    "The package has expired or was deleted by its sender. Ask the sender to send the files again.",
  "state.wrongKey": "The link does not open these files",
  "state.wrongKeyText":
    "The key in the link does not match the package: the link is incomplete or was changed. Copy the whole link from the message you received and open it again.",
  "state.error": "Something went wrong",
  "state.tryAgain": "Try again",
  "state.signin": "Sign in to open these files",
  "state.signinText":
    "These files were sent through a Help Center form. Only agents allowed on that form can open them: sign in with your Padlock account.",
  "state.signinButton": "Sign in",
  "state.forbidden": "You may not open these files",
  "state.forbiddenText":
    "You are signed in as {email}, who is not allowed to open this package. Sign in as another agent, or ask the sender for access.",
  "state.anAgent": "an agent",
  "state.switchUser": "Sign in as someone else",
  "files.download": "Download",
  "files.cancel": "Cancel",
  "files.downloading": "Downloading and decrypting…",
  "files.downloadingPercent": "Downloading and decrypting… {percent}%",
  "files.reconnecting": "Reconnecting…",
  "files.saved": "Saved to your downloads.",
  "files.cancelled": "Cancelled.",
  "files.downloadAgain": "Download again",
  "files.downloadAll": "Download all",
  "files.cancelAll": "Cancel all",
  "files.count": "{count, plural, one {1 file was sent to you} other {# files were sent to you}}",
  "files.until": "Available until {date}.",
  "files.decrypted":
    "Files are decrypted in this browser; the server only ever holds them encrypted.",
  "files.empty": "This package holds no file.",
  "verify.sendCode": "Send code",
  "verify.email": "Email address",
  "verify.emailHint": "Use the address the files were sent to.",
  "verify.enterEmail": "Enter an email address.",
  "verify.title": "Verify your email address",
  "verify.intro":
    "The sender asked recipients to confirm who they are. We email you a 6-digit code.",
  "verify.verify": "Verify",
  "verify.resend": "Send a new code",
  "verify.other": "Use another address",
  "verify.code": "Verification code",
  "verify.remember": "Remember this browser for 30 days",
  "verify.enterCode": "Enter the 6 digits from the mail.",
  "verify.codeTitle": "Enter your code",
  "api.unreachable": "The service could not be reached. Check your connection and try again.",
  "api.unreadable": "The service gave an unreadable answer.",
  "api.refused": "The service refused the request.",
  "size.B": "{size} B",
  "size.KB": "{size} KB",
  "size.MB": "{size} MB",
  "size.GB": "{size} GB",
  "size.TB": "{size} TB",
  // Issue 15: refusal of changed code.
  "guard.integrityTitle": "These files cannot be opened safely here",
  "guard.integrity": "Padlock's code here differs from its published build, so it was not run.",
  "sso.signInWith": "Sign in with {provider}",
  "sso.orPassword": "Or sign in with your Padlock password:",
  "sso.onlyProvider": "Your company signs you in through {provider}.",
  "sso.passwordsOff": "Passwords are turned off for this service: sign in with {provider}.",
  "sso.refusedTitle": "Sign-in refused",
  "sso.stateUsed":
    "This sign-in was used already, has expired, or was started in another browser. Start again.",
  "sso.providerRefused":
    "{provider} did not sign you in. If your company account was disabled, you no longer have access to Padlock.",
  "sso.tokenInvalid":
    "The answer from {provider} could not be verified, so you were not signed in. Try again; if it keeps failing, tell your administrator.",
  "sso.unavailable": "{provider} could not be reached. Try again in a few minutes.",
  "sso.noAccount": "{email} has no Padlock account. Ask your administrator to add you.",
  "sso.unverified":
    "{provider} did not confirm your email address, so it cannot be matched to a Padlock account.",
  "sso.deactivated": "The Padlock account of {email} is deactivated. Ask your administrator.",
  "sso.otherSubject": "{email} is linked to another {provider} account. Ask your administrator.",
  "sso.startAgain": "Sign in again",
  // Requesting files: the upload page of a file request.
  "upload.title": "Send files securely",
  "upload.intro":
    "The files you choose are encrypted in this browser before they are sent: only the support team can open them.",
  "upload.noscript": "This page needs JavaScript: the files are encrypted in your browser.",
  "upload.choose": "Choose files, or drop them here",
  "upload.send": "Send files",
  "upload.sending": "Encrypting and sending the files…",
  "upload.sentTitle": "Files sent",
  "upload.sent": "Your files were sent securely. You can close this page.",
  "upload.failed": "The files could not be sent. Check your connection and try again.",
  "upload.goneTitle": "This link no longer works",
  "upload.gone": "This upload link has expired or is wrong. Ask the support team for a new one.",
  "upload.badLink":
    "This upload link is incomplete: copy the whole link from the message into the address bar.",
  // Issue 13: a keyless link from a ticket note; files the upload page refuses.
  "state.keyInAppTitle": "Open these files from the ticket",
  "state.keyInApp":
    "This link has no key, on purpose: the service never holds it. Open the files from the app in the sidebar of ticket #{ticket}, which has the key.",
  "upload.refusedExtension": "Not added: only files ending in {extensions} can be sent here.",
  "upload.refusedSize": "Not added: files of up to {size} can be sent here.",
  "upload.listSeparator": ", ",
};

/** A message key of the receive page. */
export type PortalKey = keyof typeof en;

/** The receive page's messages in one language: every key of the English source. */
export type PortalMessages = Readonly<Record<PortalKey, string>>;

/**
 * A translation of the portal: the receive page's messages and the pages' (`page_messages.ts`),
 * one file per locale in `translations/`.
 */
export type PortalCatalogue = Readonly<Record<PortalKey | PageKey, string>>;

export default en as PortalMessages;
