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
};

export default de;
