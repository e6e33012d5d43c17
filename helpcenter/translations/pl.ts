/** The widget's words in Polish. @module */
import type { WidgetMessages } from "../messages.ts";

const pl: WidgetMessages = {
  "dropzone.legacy.action": "Dodaj plik",
  "dropzone.legacy.text": "lub upuść pliki tutaj",
  "dropzone.v4": "Wybierz plik lub przeciągnij go i upuść tutaj",
  "dropzone.label": "Załączniki",
  "dropzone.hint": "Pliki są szyfrowane w przeglądarce przed przesłaniem.",
  "files.label": "Załączone pliki",
  "file.remove": "Usuń",
  "file.removeName": "Usuń {name}",
  "file.cancel": "Anuluj przesyłanie",
  "file.cancelName": "Anuluj przesyłanie pliku {name}",
  "file.retry": "Ponów",
  "file.retryName": "Ponów przesyłanie pliku {name}",
  "file.progressName": "Przesyłanie pliku {name}",
  "file.reconnecting": "Ponowne łączenie… {percent}%",
  "file.uploading": "Szyfrowanie i przesyłanie… {percent}%",
  "file.uploaded": "Zaszyfrowano i przesłano",
  "file.failed": "Przesyłanie nie powiodło się: {reason}.",
  "file.quoted": "„{name}”",
  "list.separator": ", ",
  "submit.finishing": "Kończenie przesyłania…",
  "submit.securing": "Zabezpieczanie załączników…",
  "submit.submitting": "Wysyłanie…",
  "submit.failed": "Nie udało się zabezpieczyć załączników. Spróbuj ponownie.",
  "submit.failedReason": "Nie udało się zabezpieczyć załączników: {reason}. Spróbuj ponownie.",
  "submit.notReadyOne":
    "Nie udało się przesłać pliku {name}: {reason}. Ponów próbę lub usuń plik, a następnie wyślij zgłoszenie ponownie.",
  "submit.notReadyMany":
    "Nie udało się przesłać plików {names}. Ponów próbę lub usuń pliki, a następnie wyślij zgłoszenie ponownie.",
  "link.label": "Zabezpieczone załączniki (Padlock):",
  "link.hyperlink": "Użyj tego linku, aby uzyskać dostęp do załączonych plików",
  "error.unknown": "nieznany błąd",
  "error.unreachable": "nie można połączyć się z usługą bezpiecznego przesyłania",
  "error.timeout": "usługa bezpiecznego przesyłania nie odpowiedziała na czas",
  "error.down": "usługa bezpiecznego przesyłania nie odpowiada (HTTP {status})",
  "error.refusedStatus": "usługa bezpiecznego przesyłania odrzuciła plik (HTTP {status})",
  "error.tooLarge": "plik jest większy, niż pozwala usługa",
  "error.fileName": "usługa nie akceptuje tej nazwy lub typu pliku",
  "error.refusedCode": "usługa bezpiecznego przesyłania odrzuciła plik ({code})",
  "error.unreadable": "nie udało się odczytać pliku",
  "error.failed": "przesyłanie nie powiodło się",
  "size.B": "{size} B",
  "size.KB": "{size} KB",
  "size.MB": "{size} MB",
  "size.GB": "{size} GB",
  "size.TB": "{size} TB",
  // Issue 15: refusals of changed code and abuse limits.
  "guard.integrity": "nie można go zabezpieczyć: kod szyfrujący został zmieniony",
  "guard.rateLimited": "na razie wysłano stąd zbyt wiele plików; spróbuj ponownie później",
  "guard.storageFull":
    "bezpieczna usługa przesyłania nie ma teraz miejsca na kolejne pliki; spróbuj ponownie później",
  // Issue 13: a file the dropzone does not take, refused before it is encrypted.
  "dropzoneRules.extension": "tutaj można dołączać tylko pliki z rozszerzeniem {extensions}",
  "dropzoneRules.size": "tutaj można dołączać tylko pliki o rozmiarze do {size}",
};

export default pl;
