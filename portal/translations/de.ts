/** The receive page in German. @module */
import type { PortalMessages } from "../messages.ts";

const de: PortalMessages = {
  "frame.account": "Konto",
  "frame.signOut": "Abmelden",
  "frame.footer": "Ende-zu-Ende-verschlüsselt: Die Dateien werden in Ihrem Browser entschlüsselt.",
  "frame.language": "Sprache",
  "frame.change": "Ändern",
  "receive.title": "Geschützte Dateien",
  "receive.opening": "Paket wird geöffnet …",
  "receive.decrypted": "Ihre Dateien werden in diesem Browser entschlüsselt.",
  "receive.noscript":
    "Diese Seite benötigt JavaScript: Die Dateien werden in Ihrem Browser entschlüsselt.",
  "api.tooMany": "Zu viele Anfragen. Warten Sie einige Minuten.",
  "api.unknownPackage":
    "Dieses Paket ist abgelaufen oder wurde gelöscht, oder der Link ist falsch.",
  "api.wrongKey":
    "Der Schlüssel im Link passt nicht zu diesem Paket: Der Link ist unvollständig oder wurde verändert.",
  "api.noCode": "Dieses Paket wird nicht mit einem Code geöffnet.",
  "api.enterEmail": "Geben Sie eine E-Mail-Adresse ein.",
  "api.tooManyCodes":
    "Es wurden zu viele Codes angefordert. Versuchen Sie es in {minutes, plural, one {# Minute} other {# Minuten}} erneut.",
  "api.codeSent":
    "Wenn {email} diese Dateien öffnen darf, ist ein 6-stelliger Bestätigungscode an diese Adresse unterwegs. Er ist {minutes, plural, one {# Minute} other {# Minuten}} lang gültig.",
  "api.tooManyTries": "Zu viele Versuche. Warten Sie einige Minuten.",
  "api.codeWrong":
    "Dieser Code ist nicht richtig. Prüfen Sie die neueste E-Mail und versuchen Sie es erneut.",
  "api.codeVoid":
    "Zu viele falsche Codes: Dieser Code ist nicht mehr gültig. Fordern Sie einen neuen an.",
  "api.codeExpired": "Dieser Code ist abgelaufen. Fordern Sie einen neuen an.",
  "api.codeMissing": "Dieser Code ist nicht mehr gültig. Fordern Sie einen neuen an.",
  "state.incomplete": "Der Link ist unvollständig",
  "state.invalid": "Dieser Link ist ungültig",
  "state.missingKey":
    "Der Schlüssel zum Entschlüsseln der Dateien fehlt im Link: Es ist der Teil nach #keyCode=. Kopieren Sie den vollständigen Link aus der erhaltenen Nachricht und öffnen Sie ihn erneut.",
  "state.badLink":
    "Dieser Link ist beschädigt. Kopieren Sie den vollständigen Link aus der erhaltenen Nachricht und öffnen Sie ihn erneut.",
  "state.gone": "Diese Dateien sind nicht mehr verfügbar",
  "state.goneText":
    "Das Paket ist abgelaufen oder wurde vom Absender gelöscht. Bitten Sie den Absender, die Dateien erneut zu senden.",
  "state.wrongKey": "Der Link öffnet diese Dateien nicht",
  "state.wrongKeyText":
    "Der Schlüssel im Link passt nicht zum Paket: Der Link ist unvollständig oder wurde verändert. Kopieren Sie den vollständigen Link aus der erhaltenen Nachricht und öffnen Sie ihn erneut.",
  "state.error": "Etwas ist schiefgelaufen",
  "state.tryAgain": "Erneut versuchen",
  "state.signin": "Melden Sie sich an, um diese Dateien zu öffnen",
  "state.signinText":
    "Diese Dateien wurden über ein Help-Center-Formular gesendet. Nur Agenten, die für dieses Formular zugelassen sind, können sie öffnen: Melden Sie sich mit Ihrem Padlock-Konto an.",
  "state.signinButton": "Anmelden",
  "state.forbidden": "Sie dürfen diese Dateien nicht öffnen",
  "state.forbiddenText":
    "Sie sind als {email} angemeldet und dürfen dieses Paket nicht öffnen. Melden Sie sich als anderer Agent an oder bitten Sie den Absender um Zugriff.",
  "state.anAgent": "ein Agent",
  "state.switchUser": "Als andere Person anmelden",
  "files.download": "Herunterladen",
  "files.cancel": "Abbrechen",
  "files.downloading": "Wird heruntergeladen und entschlüsselt …",
  "files.downloadingPercent": "Wird heruntergeladen und entschlüsselt … {percent} %",
  "files.reconnecting": "Verbindung wird wiederhergestellt …",
  "files.saved": "In Ihren Downloads gespeichert.",
  "files.cancelled": "Abgebrochen.",
  "files.downloadAgain": "Erneut herunterladen",
  "files.downloadAll": "Alle herunterladen",
  "files.cancelAll": "Alle abbrechen",
  "files.count":
    "{count, plural, one {Ihnen wurde 1 Datei gesendet} other {Ihnen wurden # Dateien gesendet}}",
  "files.until": "Verfügbar bis {date}.",
  "files.decrypted":
    "Die Dateien werden in diesem Browser entschlüsselt; der Server hat sie immer nur verschlüsselt.",
  "files.empty": "Dieses Paket enthält keine Datei.",
  "verify.sendCode": "Code senden",
  "verify.email": "E-Mail-Adresse",
  "verify.emailHint": "Verwenden Sie die Adresse, an die die Dateien gesendet wurden.",
  "verify.enterEmail": "Geben Sie eine E-Mail-Adresse ein.",
  "verify.title": "Bestätigen Sie Ihre E-Mail-Adresse",
  "verify.intro":
    "Der Absender möchte, dass Empfänger bestätigen, wer sie sind. Wir senden Ihnen einen 6-stelligen Bestätigungscode per E-Mail.",
  "verify.verify": "Bestätigen",
  "verify.resend": "Neuen Code senden",
  "verify.other": "Andere Adresse verwenden",
  "verify.code": "Bestätigungscode",
  "verify.remember": "Diesen Browser 30 Tage lang speichern",
  "verify.enterCode": "Geben Sie die 6 Ziffern aus der E-Mail ein.",
  "verify.codeTitle": "Code eingeben",
  "api.unreachable":
    "Der Dienst ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.",
  "api.unreadable": "Der Dienst hat eine unlesbare Antwort gegeben.",
  "api.refused": "Der Dienst hat die Anfrage abgelehnt.",
  "size.B": "{size} B",
  "size.KB": "{size} KB",
  "size.MB": "{size} MB",
  "size.GB": "{size} GB",
  "size.TB": "{size} TB",
  // Issue 15: refusal of changed code.
  "guard.integrityTitle": "Diese Dateien können hier nicht sicher geöffnet werden",
  "guard.integrity":
    "Der Padlock-Code hier weicht von seinem veröffentlichten Build ab und wurde deshalb nicht ausgeführt.",
  "sso.signInWith": "Mit {provider} anmelden",
  "sso.orPassword": "Oder mit Ihrem Padlock-Passwort anmelden:",
  "sso.onlyProvider": "Ihr Unternehmen meldet Sie über {provider} an.",
  "sso.passwordsOff":
    "Passwörter sind für diesen Dienst abgeschaltet: Melden Sie sich mit {provider} an.",
  "sso.refusedTitle": "Anmeldung abgelehnt",
  "sso.stateUsed":
    "Diese Anmeldung wurde bereits verwendet, ist abgelaufen oder wurde in einem anderen Browser begonnen. Beginnen Sie von vorn.",
  "sso.providerRefused":
    "{provider} hat Sie nicht angemeldet. Wenn Ihr Firmenkonto deaktiviert wurde, haben Sie keinen Zugang mehr zu Padlock.",
  "sso.tokenInvalid":
    "Die Antwort von {provider} ließ sich nicht prüfen, deshalb wurden Sie nicht angemeldet. Versuchen Sie es erneut; wenn es weiter fehlschlägt, wenden Sie sich an Ihren Administrator.",
  "sso.unavailable":
    "{provider} ist nicht erreichbar. Versuchen Sie es in ein paar Minuten erneut.",
  "sso.noAccount":
    "{email} hat kein Padlock-Konto. Bitten Sie Ihren Administrator, Sie hinzuzufügen.",
  "sso.unverified":
    "{provider} hat Ihre E-Mail-Adresse nicht bestätigt, daher lässt sie sich keinem Padlock-Konto zuordnen.",
  "sso.deactivated":
    "Das Padlock-Konto von {email} ist deaktiviert. Wenden Sie sich an Ihren Administrator.",
  "sso.otherSubject":
    "{email} ist mit einem anderen {provider}-Konto verknüpft. Wenden Sie sich an Ihren Administrator.",
  "sso.startAgain": "Erneut anmelden",
};

export default de;
