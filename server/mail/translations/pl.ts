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
  // Issue 13: the mail to a dropzone's agents on each new upload.
  "notice.subjectTicket": "Nowe pliki do zgłoszenia nr {ticket}",
  "notice.subjectHelpCenter": "Nowe pliki ze zgłoszenia w centrum pomocy",
  "notice.uploaded":
    "Do Twojej strefy upuszczania {system} {count, plural, one {przesłano # plik} few {przesłano # pliki} many {przesłano # plików} other {przesłano # pliku}}:",
  "notice.ticket":
    "Wysłano je przez link do przesyłania ze zgłoszenia nr {ticket}. Otwórz je w aplikacji {system} na pasku bocznym tego zgłoszenia.",
  "notice.helpCenter":
    "Przyszły ze zgłoszeniem w centrum pomocy od {sender}; bezpieczny link jest w pierwszym komentarzu zgłoszenia. Otwórz je w aplikacji {system} na pasku bocznym tego zgłoszenia.",
  "notice.package": "Pakiet {id}",
  "notice.noKey": "Ten e-mail nie zawiera klucza, który otwiera pliki: zostaje on w zgłoszeniu.",
  // Issue 13: the internal note on a ticket when its file request brings files.
  "note.uploaded":
    "Przez prośbę o pliki w tym zgłoszeniu {count, plural, one {przesłano # plik} few {przesłano # pliki} many {przesłano # plików} other {przesłano # pliku}}:",
  "note.open":
    "Otwórz je w aplikacji {system} na pasku bocznym tego zgłoszenia: ma ona klucz. Link poniżej nie zawiera klucza (usługa nigdy go nie ma), więc sam nie otwiera plików.",
};

export default pl;
