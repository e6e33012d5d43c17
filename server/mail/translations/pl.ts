/** The mails in Polish. @module */
import type { MailMessages } from "../messages.ts";

const pl: MailMessages = {
  "code.subject": "Twój kod weryfikacyjny {system}",
  "code.code": "Twój kod weryfikacyjny to {code}",
  "code.enter": "Wpisz go na stronie {system}, aby otworzyć wysłane do Ciebie pliki.",
  "code.expires":
    "Kod wygasa za {minutes, plural, one {# minutę} few {# minuty} many {# minut} other {# minuty}} i działa tylko raz.",
  "code.ignore":
    "Jeśli nie prosiłeś(-aś) o kod, zignoruj tę wiadomość: bez niego nikt nie otworzy plików.",
  "activation.subject": "Aktywuj swoje konto {system}",
  "activation.open": "Otwórz ten link, aby ustawić hasło do konta {system} ({email}):",
  "activation.expires":
    "Link działa tylko raz i wygasa za {days, plural, one {# dzień} few {# dni} many {# dni} other {# dnia}}.",
  "activation.ignore":
    "Jeśli nie spodziewałeś(-aś) się tej wiadomości, zignoruj ją: Twoje konto pozostanie bez zmian.",
};

export default pl;
