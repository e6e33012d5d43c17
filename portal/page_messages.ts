/**
 * The words of the portal pages the service renders without a script (sign-in, activation,
 * password, account, connecting the Zendesk app, the outbox, refusals) in English, the source of
 * the `page.*` keys of every translation in `translations/` (see `docs/GLOSSARY.md`). Apart from
 * `messages.ts`, so that the receive page's script does not carry them.
 *
 * @module
 */
const en = {
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
  // Issue 13: the account page's dropzone settings.
  "page.dropzones.heading": "Dropzones",
  "page.dropzones.intro":
    "Files dropped into your dropzones (such as the Help Center form) follow these settings. Leave a field empty to keep the service's own limit.",
  "page.dropzones.name": "Dropzone {id}",
  "page.dropzones.extensions": "Allowed file extensions",
  "page.dropzones.extensionsHint": "Separated by commas, such as pdf, png. Empty: any file.",
  "page.dropzones.maxFileSize": "Largest file",
  "page.dropzones.maxFileSizeHint": "Such as 25 MB. Empty: the service's limit.",
  "page.dropzones.lifeDays": "Package life in days",
  "page.dropzones.lifeDaysHint": "From 1 to 365. Empty: the service's default.",
  "page.dropzones.senderDomainAccess":
    "Sender Domain Access: people whose email address has the sender's domain may open the files after verifying their email",
  "page.dropzones.save": "Save settings",
  "page.dropzones.saved": "The dropzone's settings were saved.",
  "page.dropzones.badExtensions":
    "Write the file extensions with letters and digits only, such as pdf, png. Nothing was changed.",
  "page.dropzones.badSize": "Write the largest file as a size, such as 25 MB. Nothing was changed.",
  "page.dropzones.badLife":
    "The package life must be a whole number of days from 1 to 365. Nothing was changed.",
  "page.dropzones.notFound": "Dropzone not found",
  "page.dropzones.notFoundText": "Only the owner of a dropzone can change its settings.",
  // Issue 13: the upload notice setting.
  "page.dropzones.notifyUploads":
    "Notify by mail: the dropzone's agents get a mail on each new upload (it names the ticket and never carries the key)",
};

/** A message key of the portal's pages. */
export type PageKey = keyof typeof en;

export default en as Readonly<Record<PageKey, string>>;
