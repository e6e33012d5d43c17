/** The mails in German. @module */
import type { MailMessages } from "../messages.ts";

const de: MailMessages = {
  "code.subject": "Ihr Bestätigungscode für {system}",
  "code.code": "Ihr Bestätigungscode lautet {code}",
  "code.enter":
    "Geben Sie ihn auf der Seite von {system} ein, um die Dateien zu öffnen, die Ihnen gesendet wurden.",
  "code.expires":
    "Er ist {minutes, plural, one {# Minute} other {# Minuten}} lang gültig und kann nur einmal verwendet werden.",
  "code.ignore":
    "Wenn Sie keinen Code angefordert haben, ignorieren Sie diese E-Mail: Ohne den Code kann niemand die Dateien öffnen.",
  "activation.subject": "Aktivieren Sie Ihr {system}-Konto",
  "activation.open":
    "Öffnen Sie diesen Link, um das Passwort Ihres {system}-Kontos ({email}) festzulegen:",
  "activation.expires":
    "Der Link kann nur einmal verwendet werden und läuft in {days, plural, one {# Tag} other {# Tagen}} ab.",
  "activation.ignore":
    "Wenn Sie diese E-Mail nicht erwartet haben, ignorieren Sie sie: Ihr Konto bleibt unverändert.",
  // Issue 13: the mail to a dropzone's agents on each new upload.
  "notice.subjectTicket": "Neue Dateien für Ticket #{ticket}",
  "notice.subjectHelpCenter": "Neue Dateien aus einer Help-Center-Anfrage",
  "notice.uploaded":
    "{count, plural, one {# Datei wurde} other {# Dateien wurden}} in Ihren Ablagebereich von {system} hochgeladen:",
  "notice.ticket":
    "Sie wurden über den Upload-Link von Ticket #{ticket} gesendet. Öffnen Sie sie mit der App {system} in der Seitenleiste dieses Tickets.",
  "notice.helpCenter":
    "Sie kamen mit einer Help-Center-Anfrage von {sender}; der sichere Link steht im ersten Kommentar der Anfrage. Öffnen Sie sie mit der App {system} in der Seitenleiste dieses Tickets.",
  "notice.package": "Paket {id}",
  "notice.noKey":
    "Diese E-Mail enthält nicht den Schlüssel, der die Dateien öffnet: Er bleibt im Ticket.",
  // Issue 13: the internal note on a ticket when its file request brings files.
  "note.uploaded":
    "{count, plural, one {# Datei wurde} other {# Dateien wurden}} über die Dateianfrage dieses Tickets hochgeladen:",
  "note.open":
    "Öffnen Sie sie mit der App {system} in der Seitenleiste dieses Tickets: Sie hat den Schlüssel. Der Link unten enthält keinen Schlüssel (der Dienst hat ihn nie) und öffnet die Dateien daher nicht allein.",
};

export default de;
