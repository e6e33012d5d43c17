/** The receive page and the portal's pages in Dutch. @module */
import type { PortalCatalogue } from "../messages.ts";

const nl: PortalCatalogue = {
  "frame.account": "Account",
  "frame.signOut": "Afmelden",
  "frame.footer": "End-to-end versleuteld: de bestanden worden in uw browser ontsleuteld.",
  "frame.language": "Taal",
  "frame.change": "Wijzigen",
  "receive.title": "Beveiligde bestanden",
  "receive.opening": "Pakket wordt geopend…",
  "receive.decrypted": "Uw bestanden worden in deze browser ontsleuteld.",
  "receive.noscript":
    "Deze pagina heeft JavaScript nodig: de bestanden worden in uw browser ontsleuteld.",
  "api.tooMany": "Te veel verzoeken. Wacht een paar minuten.",
  "api.unknownPackage": "Dit pakket is verlopen of verwijderd, of de link is onjuist.",
  "api.wrongKey":
    "De sleutel in de link past niet bij dit pakket: de link is onvolledig of gewijzigd.",
  "api.noCode": "Dit pakket wordt niet met een code geopend.",
  "api.enterEmail": "Voer een e-mailadres in.",
  "api.tooManyCodes":
    "Er zijn te veel codes aangevraagd. Probeer het over {minutes, plural, one {# minuut} other {# minuten}} opnieuw.",
  "api.codeSent":
    "Als {email} deze bestanden mag openen, is er een verificatiecode van 6 cijfers naar dit adres onderweg. De code is {minutes, plural, one {# minuut} other {# minuten}} geldig.",
  "api.tooManyTries": "Te veel pogingen. Wacht een paar minuten.",
  "api.codeWrong": "Deze code klopt niet. Controleer de nieuwste e-mail en probeer het opnieuw.",
  "api.codeVoid": "Te veel onjuiste codes: deze code werkt niet meer. Vraag een nieuwe aan.",
  "api.codeExpired": "Deze code is verlopen. Vraag een nieuwe aan.",
  "api.codeMissing": "Deze code werkt niet meer. Vraag een nieuwe aan.",
  "state.incomplete": "De link is onvolledig",
  "state.invalid": "Deze link is ongeldig",
  "state.missingKey":
    "De sleutel die de bestanden ontsleutelt ontbreekt in de link: het is het deel na #keyCode=. Kopieer de volledige link uit het bericht dat u hebt ontvangen en open deze opnieuw.",
  "state.badLink":
    "Deze link is beschadigd. Kopieer de volledige link uit het bericht dat u hebt ontvangen en open deze opnieuw.",
  "state.gone": "Deze bestanden zijn niet meer beschikbaar",
  "state.goneText":
    "Het pakket is verlopen of door de afzender verwijderd. Vraag de afzender de bestanden opnieuw te versturen.",
  "state.wrongKey": "De link opent deze bestanden niet",
  "state.wrongKeyText":
    "De sleutel in de link past niet bij het pakket: de link is onvolledig of gewijzigd. Kopieer de volledige link uit het bericht dat u hebt ontvangen en open deze opnieuw.",
  "state.error": "Er is iets misgegaan",
  "state.tryAgain": "Opnieuw proberen",
  "state.signin": "Meld u aan om deze bestanden te openen",
  "state.signinText":
    "Deze bestanden zijn via een Helpcenter-formulier verstuurd. Alleen agents die voor dat formulier zijn toegestaan, kunnen ze openen: meld u aan met uw Padlock-account.",
  "state.signinButton": "Aanmelden",
  "state.forbidden": "U mag deze bestanden niet openen",
  "state.forbiddenText":
    "U bent aangemeld als {email}, dat dit pakket niet mag openen. Meld u aan als een andere agent of vraag de afzender om toegang.",
  "state.anAgent": "een agent",
  "state.switchUser": "Aanmelden als iemand anders",
  "files.download": "Downloaden",
  "files.cancel": "Annuleren",
  "files.downloading": "Downloaden en ontsleutelen…",
  "files.downloadingPercent": "Downloaden en ontsleutelen… {percent}%",
  "files.reconnecting": "Opnieuw verbinden…",
  "files.saved": "Opgeslagen in uw downloads.",
  "files.cancelled": "Geannuleerd.",
  "files.downloadAgain": "Opnieuw downloaden",
  "files.downloadAll": "Alles downloaden",
  "files.cancelAll": "Alles annuleren",
  "files.count":
    "{count, plural, one {Er is # bestand naar u verstuurd} other {Er zijn # bestanden naar u verstuurd}}",
  "files.until": "Beschikbaar tot {date}.",
  "files.decrypted":
    "Bestanden worden in deze browser ontsleuteld; de server bewaart ze altijd alleen versleuteld.",
  "files.empty": "Dit pakket bevat geen bestanden.",
  "verify.sendCode": "Code versturen",
  "verify.email": "E-mailadres",
  "verify.emailHint": "Gebruik het adres waarnaar de bestanden zijn verstuurd.",
  "verify.enterEmail": "Voer een e-mailadres in.",
  "verify.title": "Verifieer uw e-mailadres",
  "verify.intro":
    "De afzender vraagt ontvangers te bevestigen wie ze zijn. We e-mailen u een verificatiecode van 6 cijfers.",
  "verify.verify": "Verifiëren",
  "verify.resend": "Nieuwe code versturen",
  "verify.other": "Ander adres gebruiken",
  "verify.code": "Verificatiecode",
  "verify.remember": "Deze browser 30 dagen onthouden",
  "verify.enterCode": "Voer de 6 cijfers uit de e-mail in.",
  "verify.codeTitle": "Voer uw code in",
  "api.unreachable":
    "De service is niet bereikbaar. Controleer uw verbinding en probeer het opnieuw.",
  "api.unreadable": "De service gaf een onleesbaar antwoord.",
  "api.refused": "De service heeft het verzoek geweigerd.",
  "size.B": "{size} B",
  "size.KB": "{size} KB",
  "size.MB": "{size} MB",
  "size.GB": "{size} GB",
  "size.TB": "{size} TB",
  "page.refused": "Verzoek geweigerd",
  "page.refusedForeign": "Dit formulier is vanaf een andere site verstuurd en is geweigerd.",
  "page.refusedExpired":
    "Het formulier is verlopen. Laad de pagina opnieuw en probeer het nog eens.",
  "page.signin.title": "Aanmelden",
  "page.signin.heading": "Aanmelden bij Padlock",
  "page.signin.intro":
    "Agents melden zich aan om bestanden te openen die via het Helpcenter zijn verstuurd en om de Zendesk-app te koppelen.",
  "page.signin.newHere":
    "Nieuw hier? {link} met het e-mailadres dat uw beheerder heeft geregistreerd en kom dan terug.",
  "page.signin.activateLink": "Activeer uw account",
  "page.signin.email": "E-mail",
  "page.signin.password": "Wachtwoord",
  "page.signin.submit": "Aanmelden",
  "page.signin.activateOrReset": "Uw account activeren of uw wachtwoord opnieuw instellen",
  "page.signin.throttled":
    "Te veel mislukte aanmeldingen. Probeer het over {minutes, plural, one {# minuut} other {# minuten}} opnieuw.",
  "page.signin.wrong": "Het e-mailadres of het wachtwoord is onjuist.",
  "page.account.title": "Uw account",
  "page.account.signedInAs": "Aangemeld als {email}.",
  "page.account.revoked": "De sleutel is ingetrokken. Apps die hem gebruiken, zijn afgemeld.",
  "page.account.keys": "API-sleutels",
  "page.account.keysIntro":
    "Met elke sleutel kan een app namens u handelen, bijvoorbeeld de Zendesk-app nadat u deze hebt toegestaan. Trek sleutels in die u niet meer gebruikt.",
  "page.account.noKeys": "U hebt geen API-sleutels.",
  "page.account.description": "Beschrijving",
  "page.account.created": "Gemaakt",
  "page.account.noDescription": "(geen beschrijving)",
  "page.account.revoke": "Intrekken",
  "page.account.keyNotFound": "Sleutel niet gevonden",
  "page.account.keyNotFoundText": "Deze sleutel bestaat niet of is al ingetrokken.",
  "page.activate.title": "Uw account activeren",
  "page.activate.intro":
    "Uw beheerder heeft uw Padlock-account aangemaakt. Voer het e-mailadres ervan in en we sturen u een link om uw wachtwoord te kiezen. Met dezelfde link stelt u een vergeten wachtwoord opnieuw in.",
  "page.activate.send": "Link versturen",
  "page.activate.back": "Terug naar aanmelden",
  "page.activate.used":
    "Deze activeringslink is al gebruikt of verlopen. Vraag hieronder een nieuwe aan.",
  "page.activate.tooMany": "Er zijn te veel links aangevraagd. Wacht even en probeer het opnieuw.",
  "page.activate.sent":
    "Als {email} een Padlock-account heeft, is er een link onderweg om het wachtwoord te kiezen. Kijk in uw e-mail.",
  "page.password.title": "Kies uw wachtwoord",
  "page.password.intro":
    "Voor {email}. Gebruik minstens {min, plural, one {# teken} other {# tekens}}; een paar losse woorden zijn makkelijk te onthouden en moeilijk te raden.",
  "page.password.new": "Nieuw wachtwoord",
  "page.password.repeat": "Herhaal het",
  "page.password.submit": "Wachtwoord instellen en aanmelden",
  "page.password.differ": "De twee wachtwoorden verschillen.",
  "page.password.tooShort":
    "Kies een wachtwoord van minstens {min, plural, one {# teken} other {# tekens}}.",
  "page.password.tooLong":
    "Kies een wachtwoord van hoogstens {max, plural, one {# teken} other {# tekens}}.",
  "page.connect.title": "De Zendesk-app toestaan",
  "page.connect.heading": "‘{name}’ toestaan uw account te gebruiken?",
  "page.connect.checkCode": "Controleer of de Zendesk-app dezelfde code toont:",
  "page.connect.explain":
    "Als u dit toestaat, kan de app versleutelde bestanden versturen en openen als {email} totdat u de sleutel op uw accountpagina intrekt. Sta het alleen toe als u zelf net in de Zendesk-app op ‘Aanmelden’ of ‘Een nieuw account activeren’ hebt geklikt.",
  "page.connect.allow": "Toestaan",
  "page.connect.deny": "Weigeren",
  "page.connect.badCode": "Deze code werkt niet",
  "page.connect.badCodeText":
    "De code is onjuist, al gebruikt of verlopen (codes zijn 10 minuten geldig). Begin opnieuw vanuit de Zendesk-app.",
  "page.connect.tooMany": "Te veel onjuiste codes",
  "page.connect.tooManyText": "Wacht tien minuten en begin dan opnieuw vanuit de Zendesk-app.",
  "page.connect.connectedTitle": "Zendesk-app gekoppeld",
  "page.connect.connected": "De Zendesk-app is gekoppeld",
  "page.connect.connectedText": "Ga terug naar Zendesk: de app meldt zich vanzelf aan.",
  "page.connect.deniedTitle": "Toegang geweigerd",
  "page.connect.denied": "U hebt de toegang geweigerd",
  "page.connect.deniedText": "De Zendesk-app heeft geen toegang gekregen. Ga terug naar Zendesk.",
  "page.connect.closeHint": "Dit tabblad sluit vanzelf. Blijft het open, sluit het dan.",
  "page.outbox.title": "Postvak UIT",
  "page.outbox.intro":
    "Alleen voor ontwikkeling: e-mails die de service zou hebben verstuurd (er is geen SMTP-server ingesteld).",
  "page.outbox.empty": "Nog geen e-mail.",
  "page.outbox.to": "Aan {to} · {date}",
  "guard.integrityTitle": "Deze bestanden kunnen hier niet veilig worden geopend",
  "guard.integrity":
    "De Padlock-code hier wijkt af van de gepubliceerde build en is daarom niet uitgevoerd.",
  "sso.signInWith": "Aanmelden met {provider}",
  "sso.orPassword": "Of meld u aan met uw Padlock-wachtwoord:",
  "sso.onlyProvider": "Uw bedrijf meldt u aan via {provider}.",
  "sso.passwordsOff":
    "Wachtwoorden zijn uitgeschakeld voor deze dienst: meld u aan met {provider}.",
  "sso.refusedTitle": "Aanmelding geweigerd",
  "sso.stateUsed":
    "Deze aanmelding is al gebruikt, is verlopen of is in een andere browser gestart. Begin opnieuw.",
  "sso.providerRefused":
    "{provider} heeft u niet aangemeld. Als uw bedrijfsaccount is uitgeschakeld, hebt u geen toegang meer tot Padlock.",
  "sso.tokenInvalid":
    "Het antwoord van {provider} kon niet worden gecontroleerd, dus u bent niet aangemeld. Probeer het opnieuw; lukt het blijvend niet, meld het dan aan uw beheerder.",
  "sso.unavailable": "{provider} is niet bereikbaar. Probeer het over een paar minuten opnieuw.",
  "sso.noAccount": "{email} heeft geen Padlock-account. Vraag uw beheerder u toe te voegen.",
  "sso.unverified":
    "{provider} heeft uw e-mailadres niet bevestigd, dus het kan niet aan een Padlock-account worden gekoppeld.",
  "sso.deactivated":
    "Het Padlock-account van {email} is uitgeschakeld. Neem contact op met uw beheerder.",
  "sso.otherSubject":
    "{email} is gekoppeld aan een ander {provider}-account. Neem contact op met uw beheerder.",
  "sso.startAgain": "Opnieuw aanmelden",
  // Issue 13: the account page's dropzone settings.
  "page.dropzones.heading": "Neerzetgebieden",
  "page.dropzones.intro":
    "Voor bestanden die in uw neerzetgebieden worden geplaatst (zoals via het Helpcenter-formulier) gelden deze instellingen. Laat een veld leeg om de limiet van de dienst te houden.",
  "page.dropzones.name": "Neerzetgebied {id}",
  "page.dropzones.extensions": "Toegestane bestandsextensies",
  "page.dropzones.extensionsHint": "Gescheiden door komma's, zoals pdf, png. Leeg: elk bestand.",
  "page.dropzones.maxFileSize": "Grootste bestand",
  "page.dropzones.maxFileSizeHint": "Zoals 25 MB. Leeg: de limiet van de dienst.",
  "page.dropzones.lifeDays": "Levensduur van pakketten in dagen",
  "page.dropzones.lifeDaysHint": "Van 1 tot 365. Leeg: de standaard van de dienst.",
  "page.dropzones.senderDomainAccess":
    "Toegang voor het domein van de afzender: mensen van wie het e-mailadres het domein van de afzender heeft, kunnen de bestanden openen nadat ze hun e-mailadres hebben bevestigd",
  "page.dropzones.save": "Instellingen opslaan",
  "page.dropzones.saved": "De instellingen van het neerzetgebied zijn opgeslagen.",
  "page.dropzones.badExtensions":
    "Schrijf de extensies alleen met letters en cijfers, zoals pdf, png. Er is niets gewijzigd.",
  "page.dropzones.badSize":
    "Schrijf het grootste bestand als een grootte, zoals 25 MB. Er is niets gewijzigd.",
  "page.dropzones.badLife":
    "De levensduur moet een geheel aantal dagen van 1 tot 365 zijn. Er is niets gewijzigd.",
  "page.dropzones.notFound": "Neerzetgebied niet gevonden",
  "page.dropzones.notFoundText":
    "Alleen de eigenaar van een neerzetgebied kan de instellingen ervan wijzigen.",
  "upload.title": "Bestanden veilig verzenden",
  "upload.intro":
    "De bestanden die u kiest, worden in deze browser versleuteld voordat ze worden verzonden: alleen het supportteam kan ze openen.",
  "upload.noscript":
    "Deze pagina heeft JavaScript nodig: de bestanden worden in uw browser versleuteld.",
  "upload.choose": "Kies bestanden of zet ze hier neer",
  "upload.send": "Bestanden verzenden",
  "upload.sending": "Bestanden worden versleuteld en verzonden…",
  "upload.sentTitle": "Bestanden verzonden",
  "upload.sent": "Uw bestanden zijn veilig verzonden. U kunt deze pagina sluiten.",
  "upload.failed":
    "De bestanden konden niet worden verzonden. Controleer uw verbinding en probeer het opnieuw.",
  "upload.goneTitle": "Deze link werkt niet meer",
  "upload.gone": "Deze uploadlink is verlopen of onjuist. Vraag het supportteam om een nieuwe.",
  "upload.badLink":
    "Deze uploadlink is onvolledig: kopieer de hele link uit het bericht naar de adresbalk.",
  // Issue 13: a keyless link from a ticket note; files the upload page refuses.
  "state.keyInAppTitle": "Open deze bestanden vanuit het ticket",
  "state.keyInApp":
    "Deze link heeft met opzet geen sleutel: de service heeft die nooit. Open de bestanden met de app in de zijbalk van ticket #{ticket}, die de sleutel heeft.",
  "upload.refusedExtension":
    "Niet toegevoegd: hier kunnen alleen bestanden die eindigen op {extensions} worden verzonden.",
  "upload.refusedSize":
    "Niet toegevoegd: hier kunnen alleen bestanden tot {size} worden verzonden.",
  "upload.listSeparator": ", ",
  // Issue 13: the upload notice setting.
  "page.dropzones.notifyUploads":
    "Melden per e-mail: de agenten van het neerzetgebied krijgen bij elke nieuwe upload een e-mail (met het ticket, nooit met de sleutel)",
};

export default nl;
