/**
 * The receive page's words in English (the page frame, the page the service renders and its
 * script, and the answers of its calls), the source of every translation in `translations/`
 * (see `docs/GLOSSARY.md`). The service picks the visitor's locale and gives the script its
 * words inside the page.
 *
 * @module
 */
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
  // The pages the service renders without a script (sign-in, account, activation, connecting
  // the Zendesk app, errors): never sent to the receive page's script.
  "page.refused": "Request refused",
  "page.refusedForeign": "This form was sent from another site and was refused.",
  "page.refusedExpired": "The form has expired. Reload the page and try again.",
  "page.signin.title": "Sign in",
  "page.signin.heading": "Sign in to Padlock",
  "page.signin.intro":
    "Agents sign in to open files sent through the Help Center and to connect the Zendesk app.",
  "page.signin.newHere":
    "New here? {link} with the email address your administrator registered, then come back.",
  "page.signin.activateLink": "Activate your account",
  "page.signin.email": "Email",
  "page.signin.password": "Password",
  "page.signin.submit": "Sign in",
  "page.signin.activateOrReset": "Activate your account or reset your password",
  "page.signin.throttled":
    "Too many failed sign-ins. Try again in {minutes, plural, one {# minute} other {# minutes}}.",
  "page.signin.wrong": "The email or the password is wrong.",
  "page.account.title": "Your account",
  "page.account.signedInAs": "Signed in as {email}.",
  "page.account.revoked": "The key was revoked. Apps using it are signed out.",
  "page.account.keys": "API keys",
  "page.account.keysIntro":
    "Each key lets an app act as you, for example the Zendesk app after you allowed it. Revoke a key you no longer use.",
  "page.account.noKeys": "You have no API keys.",
  "page.account.description": "Description",
  "page.account.created": "Created",
  "page.account.noDescription": "(no description)",
  "page.account.revoke": "Revoke",
  "page.account.keyNotFound": "Key not found",
  "page.account.keyNotFoundText": "This key does not exist or was revoked already.",
  "page.activate.title": "Activate your account",
  "page.activate.intro":
    "Your administrator created your Padlock account. Enter its email address and we send you a link to choose your password. The same link resets a forgotten password.",
  "page.activate.send": "Send the link",
  "page.activate.back": "Back to sign in",
  "page.activate.used":
    "This activation link was used already or has expired. Ask for a new one below.",
  "page.activate.tooMany": "Too many links were asked for. Wait a while and try again.",
  "page.activate.sent":
    "If {email} has a Padlock account, a link to choose its password is on its way. Check your mail.",
  "page.password.title": "Choose your password",
  "page.password.intro":
    "For {email}. Use at least {min, plural, one {# character} other {# characters}}; a few unrelated words are easy to remember and hard to guess.",
  "page.password.new": "New password",
  "page.password.repeat": "Repeat it",
  "page.password.submit": "Set password and sign in",
  "page.password.differ": "The two passwords differ.",
  "page.password.tooShort":
    "Choose a password of at least {min, plural, one {# character} other {# characters}}.",
  "page.password.tooLong":
    "Choose a password of at most {max, plural, one {# character} other {# characters}}.",
  "page.connect.title": "Allow the Zendesk app",
  "page.connect.heading": "Allow “{name}” to use your account?",
  "page.connect.checkCode": "Check that the Zendesk app shows the same code:",
  "page.connect.explain":
    "If you allow it, the app can send and open encrypted files as {email} until you revoke its key on your account page. Allow it only if you just clicked “Log in” or “Activate a new account” in the Zendesk app yourself.",
  "page.connect.allow": "Allow",
  "page.connect.deny": "Deny",
  "page.connect.badCode": "This code does not work",
  "page.connect.badCodeText":
    "The code is wrong, was used already, or has expired (codes last 10 minutes). Start again from the Zendesk app.",
  "page.connect.tooMany": "Too many wrong codes",
  "page.connect.tooManyText": "Wait ten minutes, then start again from the Zendesk app.",
  "page.connect.connectedTitle": "Zendesk app connected",
  "page.connect.connected": "The Zendesk app is connected",
  "page.connect.connectedText": "Go back to Zendesk: the app signs in by itself.",
  "page.connect.deniedTitle": "Access denied",
  "page.connect.denied": "You denied access",
  "page.connect.deniedText": "The Zendesk app was not given access. Go back to Zendesk.",
  "page.connect.closeHint": "This tab closes itself. If it stays open, close it.",
  "page.outbox.title": "Outbox",
  "page.outbox.intro":
    "Development only: mails the service would have sent (no SMTP server is set up).",
  "page.outbox.empty": "No mail yet.",
  "page.outbox.to": "To {to} · {date}",
};

/** A message key of the receive page. */
export type PortalKey = keyof typeof en;

/** The receive page's messages in one language: every key of the English source. */
export type PortalMessages = Readonly<Record<PortalKey, string>>;

export default en as PortalMessages;
