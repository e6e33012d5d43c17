/** The receive page and the portal's pages in Polish. @module */
import type { PortalCatalogue } from "../messages.ts";

const pl: PortalCatalogue = {
  "frame.account": "Konto",
  "frame.signOut": "Wyloguj się",
  "frame.footer": "Szyfrowanie end-to-end: pliki są odszyfrowywane w Twojej przeglądarce.",
  "frame.language": "Język",
  "frame.change": "Zmień",
  "receive.title": "Zabezpieczone pliki",
  "receive.opening": "Otwieranie pakietu…",
  "receive.decrypted": "Twoje pliki są odszyfrowywane w tej przeglądarce.",
  "receive.noscript":
    "Ta strona wymaga JavaScriptu: pliki są odszyfrowywane w Twojej przeglądarce.",
  "api.tooMany": "Zbyt wiele żądań. Odczekaj kilka minut.",
  "api.unknownPackage": "Ten pakiet wygasł lub został usunięty albo link jest błędny.",
  "api.wrongKey":
    "Klucz w linku nie pasuje do tego pakietu: link jest niepełny lub został zmieniony.",
  "api.noCode": "Tego pakietu nie otwiera się kodem.",
  "api.enterEmail": "Wpisz adres e-mail.",
  "api.tooManyCodes":
    "Zażądano zbyt wielu kodów. Spróbuj ponownie za {minutes, plural, one {# minutę} few {# minuty} many {# minut} other {# minuty}}.",
  "api.codeSent":
    "Jeśli {email} może otworzyć te pliki, wysłaliśmy na ten adres 6-cyfrowy kod weryfikacyjny. Kod jest ważny przez {minutes, plural, one {# minutę} few {# minuty} many {# minut} other {# minuty}}.",
  "api.tooManyTries": "Zbyt wiele prób. Odczekaj kilka minut.",
  "api.codeWrong": "Ten kod jest nieprawidłowy. Sprawdź najnowszą wiadomość i spróbuj ponownie.",
  "api.codeVoid": "Zbyt wiele błędnych kodów: ten kod już nie działa. Poproś o nowy.",
  "api.codeExpired": "Ten kod wygasł. Poproś o nowy.",
  "api.codeMissing": "Ten kod już nie działa. Poproś o nowy.",
  "state.incomplete": "Link jest niepełny",
  "state.invalid": "Ten link jest nieprawidłowy",
  "state.missingKey":
    "W linku brakuje klucza, który odszyfrowuje pliki: to część po #keyCode=. Skopiuj cały link z otrzymanej wiadomości i otwórz go ponownie.",
  "state.badLink":
    "Ten link jest uszkodzony. Skopiuj cały link z otrzymanej wiadomości i otwórz go ponownie.",
  "state.gone": "Te pliki nie są już dostępne",
  "state.goneText":
    "Pakiet wygasł lub został usunięty przez nadawcę. Poproś nadawcę o ponowne wysłanie plików.",
  "state.wrongKey": "Ten link nie otwiera tych plików",
  "state.wrongKeyText":
    "Klucz w linku nie pasuje do pakietu: link jest niepełny lub został zmieniony. Skopiuj cały link z otrzymanej wiadomości i otwórz go ponownie.",
  "state.error": "Coś poszło nie tak",
  "state.tryAgain": "Spróbuj ponownie",
  "state.signin": "Zaloguj się, aby otworzyć te pliki",
  "state.signinText":
    "Te pliki wysłano przez formularz Centrum pomocy. Mogą je otworzyć tylko agenci uprawnieni do tego formularza: zaloguj się na swoje konto Padlock.",
  "state.signinButton": "Zaloguj się",
  "state.forbidden": "Nie możesz otworzyć tych plików",
  "state.forbiddenText":
    "Jesteś zalogowany jako {email}, a to konto nie ma dostępu do tego pakietu. Zaloguj się jako inny agent lub poproś nadawcę o dostęp.",
  "state.anAgent": "agent",
  "state.switchUser": "Zaloguj się jako ktoś inny",
  "files.download": "Pobierz",
  "files.cancel": "Anuluj",
  "files.downloading": "Pobieranie i odszyfrowywanie…",
  "files.downloadingPercent": "Pobieranie i odszyfrowywanie… {percent}%",
  "files.reconnecting": "Ponowne łączenie…",
  "files.saved": "Zapisano w pobranych plikach.",
  "files.cancelled": "Anulowano.",
  "files.downloadAgain": "Pobierz ponownie",
  "files.downloadAll": "Pobierz wszystkie",
  "files.cancelAll": "Anuluj wszystkie",
  "files.count":
    "{count, plural, one {Wysłano Ci # plik} few {Wysłano Ci # pliki} many {Wysłano Ci # plików} other {Wysłano Ci # pliku}}",
  "files.until": "Dostępne do {date}.",
  "files.decrypted":
    "Pliki są odszyfrowywane w tej przeglądarce; serwer przechowuje je zawsze tylko w postaci zaszyfrowanej.",
  "files.empty": "Ten pakiet nie zawiera żadnego pliku.",
  "verify.sendCode": "Wyślij kod",
  "verify.email": "Adres e-mail",
  "verify.emailHint": "Użyj adresu, na który wysłano pliki.",
  "verify.enterEmail": "Wpisz adres e-mail.",
  "verify.title": "Potwierdź swój adres e-mail",
  "verify.intro":
    "Nadawca poprosił odbiorców o potwierdzenie tożsamości. Wyślemy Ci e-mailem 6-cyfrowy kod weryfikacyjny.",
  "verify.verify": "Potwierdź",
  "verify.resend": "Wyślij nowy kod",
  "verify.other": "Użyj innego adresu",
  "verify.code": "Kod weryfikacyjny",
  "verify.remember": "Zapamiętaj tę przeglądarkę na 30 dni",
  "verify.enterCode": "Wpisz 6 cyfr z wiadomości e-mail.",
  "verify.codeTitle": "Wpisz kod",
  "api.unreachable": "Nie można połączyć się z usługą. Sprawdź połączenie i spróbuj ponownie.",
  "api.unreadable": "Usługa zwróciła nieczytelną odpowiedź.",
  "api.refused": "Usługa odrzuciła żądanie.",
  "size.B": "{size} B",
  "size.KB": "{size} KB",
  "size.MB": "{size} MB",
  "size.GB": "{size} GB",
  "size.TB": "{size} TB",
  "page.refused": "Żądanie odrzucone",
  "page.refusedForeign": "Ten formularz został wysłany z innej witryny i został odrzucony.",
  "page.refusedExpired": "Formularz wygasł. Odśwież stronę i spróbuj ponownie.",
  "page.signin.title": "Logowanie",
  "page.signin.heading": "Zaloguj się do Padlock",
  "page.signin.intro":
    "Agenci logują się, aby otwierać pliki wysłane przez Centrum pomocy i aby połączyć aplikację Zendesk.",
  "page.signin.newHere":
    "Jesteś tu nowy? {link}, używając adresu e-mail zarejestrowanego przez administratora, a potem wróć tutaj.",
  "page.signin.activateLink": "Aktywuj swoje konto",
  "page.signin.email": "E-mail",
  "page.signin.password": "Hasło",
  "page.signin.submit": "Zaloguj się",
  "page.signin.activateOrReset": "Aktywuj konto lub zresetuj hasło",
  "page.signin.throttled":
    "Zbyt wiele nieudanych logowań. Spróbuj ponownie za {minutes, plural, one {# minutę} few {# minuty} many {# minut} other {# minuty}}.",
  "page.signin.wrong": "Adres e-mail lub hasło jest nieprawidłowe.",
  "page.account.title": "Twoje konto",
  "page.account.signedInAs": "Zalogowano jako {email}.",
  "page.account.revoked":
    "Klucz został unieważniony. Aplikacje, które go używały, zostały wylogowane.",
  "page.account.keys": "Klucze API",
  "page.account.keysIntro":
    "Każdy klucz pozwala aplikacji działać w Twoim imieniu, na przykład aplikacji Zendesk po tym, jak ją zatwierdzisz. Unieważnij klucze, których już nie używasz.",
  "page.account.noKeys": "Nie masz kluczy API.",
  "page.account.description": "Opis",
  "page.account.created": "Utworzono",
  "page.account.noDescription": "(brak opisu)",
  "page.account.revoke": "Unieważnij",
  "page.account.keyNotFound": "Nie znaleziono klucza",
  "page.account.keyNotFoundText": "Ten klucz nie istnieje lub został już unieważniony.",
  "page.activate.title": "Aktywuj swoje konto",
  "page.activate.intro":
    "Administrator utworzył Twoje konto Padlock. Wpisz jego adres e-mail, a wyślemy Ci link do ustawienia hasła. Ten sam link pozwala zresetować zapomniane hasło.",
  "page.activate.send": "Wyślij link",
  "page.activate.back": "Wróć do logowania",
  "page.activate.used": "Ten link aktywacyjny został już użyty lub wygasł. Poproś poniżej o nowy.",
  "page.activate.tooMany": "Zażądano zbyt wielu linków. Odczekaj chwilę i spróbuj ponownie.",
  "page.activate.sent":
    "Jeśli {email} ma konto Padlock, link do ustawienia hasła jest już w drodze. Sprawdź pocztę.",
  "page.password.title": "Ustaw hasło",
  "page.password.intro":
    "Dla {email}. Użyj co najmniej {min, plural, one {# znak} few {# znaki} many {# znaków} other {# znaku}}; kilka niezwiązanych ze sobą słów łatwo zapamiętać, a trudno odgadnąć.",
  "page.password.new": "Nowe hasło",
  "page.password.repeat": "Powtórz hasło",
  "page.password.submit": "Ustaw hasło i zaloguj się",
  "page.password.differ": "Hasła się różnią.",
  "page.password.tooShort":
    "Wybierz hasło o długości co najmniej {min, plural, one {# znaku} few {# znaków} many {# znaków} other {# znaku}}.",
  "page.password.tooLong":
    "Wybierz hasło o długości najwyżej {max, plural, one {# znaku} few {# znaków} many {# znaków} other {# znaku}}.",
  "page.connect.title": "Zezwól aplikacji Zendesk",
  "page.connect.heading": "Zezwolić „{name}” na korzystanie z Twojego konta?",
  "page.connect.checkCode": "Sprawdź, czy aplikacja Zendesk pokazuje ten sam kod:",
  "page.connect.explain":
    "Jeśli zezwolisz, aplikacja będzie mogła wysyłać i otwierać zaszyfrowane pliki jako {email}, dopóki nie unieważnisz jej klucza na stronie konta. Zezwól tylko wtedy, gdy przed chwilą sam kliknąłeś „Zaloguj się” lub „Aktywuj nowe konto” w aplikacji Zendesk.",
  "page.connect.allow": "Zezwól",
  "page.connect.deny": "Odmów",
  "page.connect.badCode": "Ten kod nie działa",
  "page.connect.badCodeText":
    "Kod jest błędny, został już użyty lub wygasł (kody są ważne 10 minut). Zacznij od nowa w aplikacji Zendesk.",
  "page.connect.tooMany": "Zbyt wiele błędnych kodów",
  "page.connect.tooManyText":
    "Odczekaj dziesięć minut, a potem zacznij od nowa w aplikacji Zendesk.",
  "page.connect.connectedTitle": "Aplikacja Zendesk połączona",
  "page.connect.connected": "Aplikacja Zendesk jest połączona",
  "page.connect.connectedText": "Wróć do Zendesk: aplikacja zaloguje się sama.",
  "page.connect.deniedTitle": "Odmowa dostępu",
  "page.connect.denied": "Odmówiłeś dostępu",
  "page.connect.deniedText": "Aplikacja Zendesk nie otrzymała dostępu. Wróć do Zendesk.",
  "page.connect.closeHint": "Ta karta zamknie się sama. Jeśli pozostanie otwarta, zamknij ją.",
  "page.outbox.title": "Skrzynka nadawcza",
  "page.outbox.intro":
    "Tylko do programowania: wiadomości, które usługa by wysłała (nie skonfigurowano serwera SMTP).",
  "page.outbox.empty": "Brak wiadomości.",
  "page.outbox.to": "Do {to} · {date}",
  "guard.integrityTitle": "Tych plików nie można tu bezpiecznie otworzyć",
  "guard.integrity":
    "Kod Padlock w tym miejscu różni się od opublikowanej wersji, więc nie został uruchomiony.",
  "sso.signInWith": "Zaloguj się przez {provider}",
  "sso.orPassword": "Albo zaloguj się hasłem Padlock:",
  "sso.onlyProvider": "Twoja firma loguje Cię przez {provider}.",
  "sso.passwordsOff": "Hasła są wyłączone w tej usłudze: zaloguj się przez {provider}.",
  "sso.refusedTitle": "Logowanie odrzucone",
  "sso.stateUsed":
    "To logowanie zostało już użyte, wygasło albo rozpoczęto je w innej przeglądarce. Zacznij od nowa.",
  "sso.providerRefused":
    "{provider} Cię nie zalogował. Jeśli Twoje konto firmowe zostało wyłączone, nie masz już dostępu do Padlock.",
  "sso.tokenInvalid":
    "Nie udało się zweryfikować odpowiedzi {provider}, więc nie zalogowano Cię. Spróbuj ponownie; jeśli błąd się powtarza, powiadom administratora.",
  "sso.unavailable": "Nie można połączyć się z {provider}. Spróbuj ponownie za kilka minut.",
  "sso.noAccount": "{email} nie ma konta Padlock. Poproś administratora o dodanie Cię.",
  "sso.unverified":
    "{provider} nie potwierdził Twojego adresu e-mail, więc nie można go powiązać z kontem Padlock.",
  "sso.deactivated": "Konto Padlock {email} jest wyłączone. Skontaktuj się z administratorem.",
  "sso.otherSubject":
    "{email} jest powiązany z innym kontem {provider}. Skontaktuj się z administratorem.",
  "sso.startAgain": "Zaloguj się ponownie",
  // Issue 13: the account page's dropzone settings.
  "page.dropzones.heading": "Strefy upuszczania",
  "page.dropzones.intro":
    "Pliki przesyłane do Twoich stref upuszczania (np. przez formularz Centrum pomocy) podlegają tym ustawieniom. Pozostaw pole puste, aby zachować limit usługi.",
  "page.dropzones.name": "Strefa upuszczania {id}",
  "page.dropzones.extensions": "Dozwolone rozszerzenia plików",
  "page.dropzones.extensionsHint": "Oddzielone przecinkami, np. pdf, png. Puste: dowolny plik.",
  "page.dropzones.maxFileSize": "Największy plik",
  "page.dropzones.maxFileSizeHint": "Np. 25 MB. Puste: limit usługi.",
  "page.dropzones.lifeDays": "Czas przechowywania paczek w dniach",
  "page.dropzones.lifeDaysHint": "Od 1 do 365. Puste: wartość domyślna usługi.",
  "page.dropzones.senderDomainAccess":
    "Dostęp dla domeny nadawcy: osoby, których adres e-mail ma domenę nadawcy, mogą otworzyć pliki po potwierdzeniu adresu e-mail",
  "page.dropzones.save": "Zapisz ustawienia",
  "page.dropzones.saved": "Ustawienia strefy upuszczania zostały zapisane.",
  "page.dropzones.badExtensions":
    "Wpisz rozszerzenia, używając tylko liter i cyfr, np. pdf, png. Nic nie zostało zmienione.",
  "page.dropzones.badSize":
    "Wpisz największy plik jako rozmiar, np. 25 MB. Nic nie zostało zmienione.",
  "page.dropzones.badLife":
    "Czas przechowywania musi być liczbą całkowitą dni od 1 do 365. Nic nie zostało zmienione.",
  "page.dropzones.notFound": "Nie znaleziono strefy upuszczania",
  "page.dropzones.notFoundText": "Tylko właściciel strefy upuszczania może zmienić jej ustawienia.",
  "upload.title": "Wyślij pliki bezpiecznie",
  "upload.intro":
    "Wybrane pliki są szyfrowane w tej przeglądarce przed wysłaniem: otworzyć je może tylko zespół wsparcia.",
  "upload.noscript": "Ta strona wymaga JavaScriptu: pliki są szyfrowane w twojej przeglądarce.",
  "upload.choose": "Wybierz pliki lub upuść je tutaj",
  "upload.send": "Wyślij pliki",
  "upload.sending": "Szyfrowanie i wysyłanie plików…",
  "upload.sentTitle": "Pliki wysłane",
  "upload.sent": "Twoje pliki zostały wysłane bezpiecznie. Możesz zamknąć tę stronę.",
  "upload.failed": "Nie udało się wysłać plików. Sprawdź połączenie i spróbuj ponownie.",
  "upload.goneTitle": "Ten link już nie działa",
  "upload.gone": "Ten link do przesyłania wygasł lub jest błędny. Poproś zespół wsparcia o nowy.",
  "upload.badLink":
    "Ten link do przesyłania jest niepełny: skopiuj cały link z wiadomości do paska adresu.",
  // Issue 13: a keyless link from a ticket note; files the upload page refuses.
  "state.keyInAppTitle": "Otwórz te pliki ze zgłoszenia",
  "state.keyInApp":
    "Ten link celowo nie ma klucza: usługa nigdy go nie ma. Otwórz pliki w aplikacji na pasku bocznym zgłoszenia nr {ticket}, która ma klucz.",
  "upload.refusedExtension":
    "Nie dodano: tutaj możesz wysłać tylko pliki z rozszerzeniem {extensions}.",
  "upload.refusedSize": "Nie dodano: tutaj możesz wysłać tylko pliki do {size}.",
  "upload.listSeparator": ", ",
  // Issue 13: the upload notice setting.
  "page.dropzones.notifyUploads":
    "Powiadamiaj e-mailem: agenci strefy upuszczania dostają e-mail przy każdym nowym przesłaniu (podaje zgłoszenie i nigdy nie zawiera klucza)",
};

export default pl;
