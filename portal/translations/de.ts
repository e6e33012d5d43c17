/** The receive page in German. @module */
import type { PortalCatalogue } from "../messages.ts";

const de: PortalCatalogue = {
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
  "page.refused": "Anfrage abgelehnt",
  "page.refusedForeign": "Dieses Formular wurde von einer anderen Website gesendet und abgelehnt.",
  "page.refusedExpired":
    "Das Formular ist abgelaufen. Laden Sie die Seite neu und versuchen Sie es erneut.",
  "page.signin.title": "Anmelden",
  "page.signin.heading": "Bei Padlock anmelden",
  "page.signin.intro":
    "Agenten melden sich an, um über das Help Center gesendete Dateien zu öffnen und die Zendesk-App zu verbinden.",
  "page.signin.newHere":
    "Neu hier? {link} – mit der E-Mail-Adresse, die Ihr Administrator registriert hat – und kommen Sie dann zurück.",
  "page.signin.activateLink": "Aktivieren Sie Ihr Konto",
  "page.signin.email": "E-Mail",
  "page.signin.password": "Passwort",
  "page.signin.submit": "Anmelden",
  "page.signin.activateOrReset": "Konto aktivieren oder Passwort zurücksetzen",
  "page.signin.throttled":
    "Zu viele fehlgeschlagene Anmeldungen. Versuchen Sie es in {minutes, plural, one {# Minute} other {# Minuten}} erneut.",
  "page.signin.wrong": "Die E-Mail-Adresse oder das Passwort ist falsch.",
  "page.account.title": "Ihr Konto",
  "page.account.signedInAs": "Angemeldet als {email}.",
  "page.account.revoked":
    "Der Schlüssel wurde widerrufen. Apps, die ihn verwenden, sind abgemeldet.",
  "page.account.keys": "API-Schlüssel",
  "page.account.keysIntro":
    "Mit jedem Schlüssel kann eine App in Ihrem Namen handeln, zum Beispiel die Zendesk-App, nachdem Sie sie zugelassen haben. Widerrufen Sie Schlüssel, die Sie nicht mehr verwenden.",
  "page.account.noKeys": "Sie haben keine API-Schlüssel.",
  "page.account.description": "Beschreibung",
  "page.account.created": "Erstellt",
  "page.account.noDescription": "(keine Beschreibung)",
  "page.account.revoke": "Widerrufen",
  "page.account.keyNotFound": "Schlüssel nicht gefunden",
  "page.account.keyNotFoundText": "Dieser Schlüssel existiert nicht oder wurde bereits widerrufen.",
  "page.activate.title": "Konto aktivieren",
  "page.activate.intro":
    "Ihr Administrator hat Ihr Padlock-Konto angelegt. Geben Sie dessen E-Mail-Adresse ein, und wir senden Ihnen einen Link, mit dem Sie Ihr Passwort festlegen. Mit demselben Link setzen Sie ein vergessenes Passwort zurück.",
  "page.activate.send": "Link senden",
  "page.activate.back": "Zurück zur Anmeldung",
  "page.activate.used":
    "Dieser Aktivierungslink wurde bereits verwendet oder ist abgelaufen. Fordern Sie unten einen neuen an.",
  "page.activate.tooMany":
    "Es wurden zu viele Links angefordert. Warten Sie eine Weile und versuchen Sie es erneut.",
  "page.activate.sent":
    "Wenn {email} ein Padlock-Konto hat, ist ein Link zum Festlegen des Passworts unterwegs. Sehen Sie in Ihren E-Mails nach.",
  "page.password.title": "Passwort festlegen",
  "page.password.intro":
    "Für {email}. Verwenden Sie mindestens {min, plural, one {# Zeichen} other {# Zeichen}}; einige zusammenhanglose Wörter sind leicht zu merken und schwer zu erraten.",
  "page.password.new": "Neues Passwort",
  "page.password.repeat": "Passwort wiederholen",
  "page.password.submit": "Passwort festlegen und anmelden",
  "page.password.differ": "Die beiden Passwörter stimmen nicht überein.",
  "page.password.tooShort":
    "Wählen Sie ein Passwort mit mindestens {min, plural, one {# Zeichen} other {# Zeichen}}.",
  "page.password.tooLong":
    "Wählen Sie ein Passwort mit höchstens {max, plural, one {# Zeichen} other {# Zeichen}}.",
  "page.connect.title": "Zendesk-App zulassen",
  "page.connect.heading": "„{name}“ den Zugriff auf Ihr Konto erlauben?",
  "page.connect.checkCode": "Prüfen Sie, ob die Zendesk-App denselben Code anzeigt:",
  "page.connect.explain":
    "Wenn Sie zustimmen, kann die App als {email} verschlüsselte Dateien senden und öffnen, bis Sie ihren Schlüssel auf Ihrer Kontoseite widerrufen. Stimmen Sie nur zu, wenn Sie gerade selbst in der Zendesk-App auf „Anmelden“ oder „Neues Konto aktivieren“ geklickt haben.",
  "page.connect.allow": "Zulassen",
  "page.connect.deny": "Ablehnen",
  "page.connect.badCode": "Dieser Code funktioniert nicht",
  "page.connect.badCodeText":
    "Der Code ist falsch, wurde bereits verwendet oder ist abgelaufen (Codes gelten 10 Minuten). Beginnen Sie in der Zendesk-App erneut.",
  "page.connect.tooMany": "Zu viele falsche Codes",
  "page.connect.tooManyText":
    "Warten Sie zehn Minuten und beginnen Sie dann in der Zendesk-App erneut.",
  "page.connect.connectedTitle": "Zendesk-App verbunden",
  "page.connect.connected": "Die Zendesk-App ist verbunden",
  "page.connect.connectedText": "Kehren Sie zu Zendesk zurück: Die App meldet sich selbst an.",
  "page.connect.deniedTitle": "Zugriff abgelehnt",
  "page.connect.denied": "Sie haben den Zugriff abgelehnt",
  "page.connect.deniedText":
    "Die Zendesk-App hat keinen Zugriff erhalten. Kehren Sie zu Zendesk zurück.",
  "page.connect.closeHint":
    "Dieser Tab schließt sich von selbst. Falls er geöffnet bleibt, schließen Sie ihn.",
  "page.outbox.title": "Postausgang",
  "page.outbox.intro":
    "Nur für die Entwicklung: E-Mails, die der Dienst gesendet hätte (kein SMTP-Server eingerichtet).",
  "page.outbox.empty": "Noch keine E-Mails.",
  "page.outbox.to": "An {to} · {date}",
  // Issue 13: the account page's dropzone settings.
  "page.dropzones.heading": "Ablagebereiche",
  "page.dropzones.intro":
    "Für Dateien, die in Ihre Ablagebereiche hochgeladen werden (etwa über das Help-Center-Formular), gelten diese Einstellungen. Lassen Sie ein Feld leer, um die Grenze des Dienstes beizubehalten.",
  "page.dropzones.name": "Ablagebereich {id}",
  "page.dropzones.extensions": "Erlaubte Dateiendungen",
  "page.dropzones.extensionsHint": "Durch Kommas getrennt, etwa pdf, png. Leer: jede Datei.",
  "page.dropzones.maxFileSize": "Größte Datei",
  "page.dropzones.maxFileSizeHint": "Etwa 25 MB. Leer: die Grenze des Dienstes.",
  "page.dropzones.lifeDays": "Lebensdauer der Pakete in Tagen",
  "page.dropzones.lifeDaysHint": "Von 1 bis 365. Leer: die Voreinstellung des Dienstes.",
  "page.dropzones.senderDomainAccess":
    "Zugriff für die Domain des Absenders: Personen, deren E-Mail-Adresse die Domain des Absenders hat, können die Dateien öffnen, nachdem sie ihre E-Mail-Adresse bestätigt haben",
  "page.dropzones.save": "Einstellungen speichern",
  "page.dropzones.saved": "Die Einstellungen des Ablagebereichs wurden gespeichert.",
  "page.dropzones.badExtensions":
    "Geben Sie die Dateiendungen nur mit Buchstaben und Ziffern an, etwa pdf, png. Es wurde nichts geändert.",
  "page.dropzones.badSize":
    "Geben Sie die größte Datei als Größe an, etwa 25 MB. Es wurde nichts geändert.",
  "page.dropzones.badLife":
    "Die Lebensdauer muss eine ganze Zahl von Tagen zwischen 1 und 365 sein. Es wurde nichts geändert.",
  "page.dropzones.notFound": "Ablagebereich nicht gefunden",
  "page.dropzones.notFoundText":
    "Nur der Eigentümer eines Ablagebereichs kann seine Einstellungen ändern.",
  "upload.title": "Dateien sicher senden",
  "upload.intro":
    "Die ausgewählten Dateien werden in diesem Browser verschlüsselt, bevor sie gesendet werden: Nur das Support-Team kann sie öffnen.",
  "upload.noscript":
    "Diese Seite benötigt JavaScript: Die Dateien werden in Ihrem Browser verschlüsselt.",
  "upload.choose": "Dateien auswählen oder hier ablegen",
  "upload.send": "Dateien senden",
  "upload.sending": "Dateien werden verschlüsselt und gesendet …",
  "upload.sentTitle": "Dateien gesendet",
  "upload.sent": "Ihre Dateien wurden sicher gesendet. Sie können diese Seite schließen.",
  "upload.failed":
    "Die Dateien konnten nicht gesendet werden. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.",
  "upload.goneTitle": "Dieser Link funktioniert nicht mehr",
  "upload.gone":
    "Dieser Upload-Link ist abgelaufen oder falsch. Bitten Sie das Support-Team um einen neuen.",
  "upload.badLink":
    "Dieser Upload-Link ist unvollständig: Kopieren Sie den ganzen Link aus der Nachricht in die Adressleiste.",
  // Issue 13: a keyless link from a ticket note; files the upload page refuses.
  "state.keyInAppTitle": "Öffnen Sie diese Dateien im Ticket",
  "state.keyInApp":
    "Dieser Link hat absichtlich keinen Schlüssel: Der Dienst hat ihn nie. Öffnen Sie die Dateien mit der App in der Seitenleiste von Ticket #{ticket}, die den Schlüssel hat.",
  "upload.refusedExtension":
    "Nicht hinzugefügt: Hier können nur Dateien mit der Endung {extensions} gesendet werden.",
  "upload.refusedSize": "Nicht hinzugefügt: Hier können nur Dateien bis {size} gesendet werden.",
  "upload.listSeparator": ", ",
  // Issue 13: the upload notice setting.
  "page.dropzones.notifyUploads":
    "Per E-Mail benachrichtigen: Die Agenten des Ablagebereichs erhalten bei jedem neuen Upload eine E-Mail (sie nennt das Ticket und enthält nie den Schlüssel)",
};

export default de;
