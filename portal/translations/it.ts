/** The receive page and the portal's pages in Italian. @module */
import type { PortalCatalogue } from "../messages.ts";

const it: PortalCatalogue = {
  "frame.account": "Account",
  "frame.signOut": "Esci",
  "frame.footer": "Crittografia end-to-end: i file vengono decrittografati nel tuo browser.",
  "frame.language": "Lingua",
  "frame.change": "Cambia",
  "receive.title": "File protetti",
  "receive.opening": "Apertura del pacchetto…",
  "receive.decrypted": "I tuoi file vengono decrittografati in questo browser.",
  "receive.noscript":
    "Questa pagina richiede JavaScript: i file vengono decrittografati nel tuo browser.",
  "api.tooMany": "Troppe richieste. Attendi qualche minuto.",
  "api.unknownPackage": "Questo pacchetto è scaduto o è stato eliminato, oppure il link è errato.",
  "api.wrongKey":
    "La chiave nel link non corrisponde a questo pacchetto: il link è incompleto o è stato alterato.",
  "api.noCode": "Questo pacchetto non si apre con un codice.",
  "api.enterEmail": "Inserisci un indirizzo email.",
  "api.tooManyCodes":
    "Sono stati richiesti troppi codici. Riprova tra {minutes, plural, one {# minuto} other {# minuti}}.",
  "api.codeSent":
    "Se {email} può aprire questi file, le è stato inviato un codice di verifica di 6 cifre. È valido per {minutes, plural, one {# minuto} other {# minuti}}.",
  "api.tooManyTries": "Troppi tentativi. Attendi qualche minuto.",
  "api.codeWrong": "Questo codice non è corretto. Controlla l’ultima email e riprova.",
  "api.codeVoid": "Troppi codici errati: questo codice non funziona più. Richiedine uno nuovo.",
  "api.codeExpired": "Questo codice è scaduto. Richiedine uno nuovo.",
  "api.codeMissing": "Questo codice non funziona più. Richiedine uno nuovo.",
  "state.incomplete": "Il link è incompleto",
  "state.invalid": "Questo link non è valido",
  "state.missingKey":
    "Nel link manca la chiave che decrittografa i file: è la parte dopo #keyCode=. Copia il link completo dal messaggio che hai ricevuto e aprilo di nuovo.",
  "state.badLink":
    "Questo link è danneggiato. Copia il link completo dal messaggio che hai ricevuto e aprilo di nuovo.",
  "state.gone": "Questi file non sono più disponibili",
  "state.goneText":
    "Il pacchetto è scaduto o è stato eliminato dal mittente. Chiedi al mittente di inviare di nuovo i file.",
  "state.wrongKey": "Il link non apre questi file",
  "state.wrongKeyText":
    "La chiave nel link non corrisponde al pacchetto: il link è incompleto o è stato modificato. Copia il link completo dal messaggio che hai ricevuto e aprilo di nuovo.",
  "state.error": "Si è verificato un problema",
  "state.tryAgain": "Riprova",
  "state.signin": "Accedi per aprire questi file",
  "state.signinText":
    "Questi file sono stati inviati tramite un modulo dell’Help Center. Solo gli agenti autorizzati per quel modulo possono aprirli: accedi con il tuo account Padlock.",
  "state.signinButton": "Accedi",
  "state.forbidden": "Non puoi aprire questi file",
  "state.forbiddenText":
    "Hai effettuato l’accesso come {email}, che non è autorizzato ad aprire questo pacchetto. Accedi come un altro agente o chiedi l’accesso al mittente.",
  "state.anAgent": "un agente",
  "state.switchUser": "Accedi con un altro account",
  "files.download": "Scarica",
  "files.cancel": "Annulla",
  "files.downloading": "Download e decrittografia in corso…",
  "files.downloadingPercent": "Download e decrittografia in corso… {percent}%",
  "files.reconnecting": "Riconnessione…",
  "files.saved": "Salvato nei tuoi download.",
  "files.cancelled": "Annullato.",
  "files.downloadAgain": "Scarica di nuovo",
  "files.downloadAll": "Scarica tutto",
  "files.cancelAll": "Annulla tutto",
  "files.count":
    "{count, plural, one {Ti è stato inviato # file} other {Ti sono stati inviati # file}}",
  "files.until": "Disponibile fino al {date}.",
  "files.decrypted":
    "I file vengono decrittografati in questo browser; il server li conserva sempre e solo crittografati.",
  "files.empty": "Questo pacchetto non contiene file.",
  "verify.sendCode": "Invia codice",
  "verify.email": "Indirizzo email",
  "verify.emailHint": "Usa l’indirizzo a cui sono stati inviati i file.",
  "verify.enterEmail": "Inserisci un indirizzo email.",
  "verify.title": "Verifica il tuo indirizzo email",
  "verify.intro":
    "Il mittente chiede ai destinatari di confermare la propria identità. Ti inviamo via email un codice di verifica di 6 cifre.",
  "verify.verify": "Verifica",
  "verify.resend": "Invia un nuovo codice",
  "verify.other": "Usa un altro indirizzo",
  "verify.code": "Codice di verifica",
  "verify.remember": "Ricorda questo browser per 30 giorni",
  "verify.enterCode": "Inserisci le 6 cifre ricevute via email.",
  "verify.codeTitle": "Inserisci il codice",
  "api.unreachable": "Impossibile raggiungere il servizio. Controlla la connessione e riprova.",
  "api.unreadable": "Il servizio ha dato una risposta illeggibile.",
  "api.refused": "Il servizio ha rifiutato la richiesta.",
  "size.B": "{size} B",
  "size.KB": "{size} KB",
  "size.MB": "{size} MB",
  "size.GB": "{size} GB",
  "size.TB": "{size} TB",
  "page.refused": "Richiesta rifiutata",
  "page.refusedForeign": "Questo modulo è stato inviato da un altro sito ed è stato rifiutato.",
  "page.refusedExpired": "Il modulo è scaduto. Ricarica la pagina e riprova.",
  "page.signin.title": "Accedi",
  "page.signin.heading": "Accedi a Padlock",
  "page.signin.intro":
    "Gli agenti accedono per aprire i file inviati tramite l’Help Center e per collegare l’app Zendesk.",
  "page.signin.newHere":
    "Sei nuovo? {link} con l’indirizzo email registrato dal tuo amministratore, poi torna qui.",
  "page.signin.activateLink": "Attiva il tuo account",
  "page.signin.email": "Email",
  "page.signin.password": "Password",
  "page.signin.submit": "Accedi",
  "page.signin.activateOrReset": "Attiva il tuo account o reimposta la password",
  "page.signin.throttled":
    "Troppi accessi non riusciti. Riprova tra {minutes, plural, one {# minuto} other {# minuti}}.",
  "page.signin.wrong": "L’email o la password non sono corrette.",
  "page.account.title": "Il tuo account",
  "page.account.signedInAs": "Accesso effettuato come {email}.",
  "page.account.revoked":
    "La chiave è stata revocata. Le app che la usavano sono state disconnesse.",
  "page.account.keys": "Chiavi API",
  "page.account.keysIntro":
    "Ogni chiave permette a un’app di agire a tuo nome, per esempio l’app Zendesk dopo che l’hai autorizzata. Revoca le chiavi che non usi più.",
  "page.account.noKeys": "Non hai chiavi API.",
  "page.account.description": "Descrizione",
  "page.account.created": "Creata il",
  "page.account.noDescription": "(nessuna descrizione)",
  "page.account.revoke": "Revoca",
  "page.account.keyNotFound": "Chiave non trovata",
  "page.account.keyNotFoundText": "Questa chiave non esiste o è già stata revocata.",
  "page.activate.title": "Attiva il tuo account",
  "page.activate.intro":
    "Il tuo amministratore ha creato il tuo account Padlock. Inserisci il suo indirizzo email e ti invieremo un link per scegliere la password. Lo stesso link reimposta una password dimenticata.",
  "page.activate.send": "Invia il link",
  "page.activate.back": "Torna all’accesso",
  "page.activate.used":
    "Questo link di attivazione è già stato usato o è scaduto. Richiedine uno nuovo qui sotto.",
  "page.activate.tooMany": "Sono stati richiesti troppi link. Attendi un po’ e riprova.",
  "page.activate.sent":
    "Se {email} ha un account Padlock, è in arrivo un link per scegliere la password. Controlla la tua email.",
  "page.password.title": "Scegli la password",
  "page.password.intro":
    "Per {email}. Usa almeno {min, plural, one {# carattere} other {# caratteri}}; alcune parole senza relazione tra loro sono facili da ricordare e difficili da indovinare.",
  "page.password.new": "Nuova password",
  "page.password.repeat": "Ripetila",
  "page.password.submit": "Imposta la password e accedi",
  "page.password.differ": "Le due password non coincidono.",
  "page.password.tooShort":
    "Scegli una password di almeno {min, plural, one {# carattere} other {# caratteri}}.",
  "page.password.tooLong":
    "Scegli una password di al massimo {max, plural, one {# carattere} other {# caratteri}}.",
  "page.connect.title": "Autorizza l’app Zendesk",
  "page.connect.heading": "Consentire a «{name}» di usare il tuo account?",
  "page.connect.checkCode": "Verifica che l’app Zendesk mostri lo stesso codice:",
  "page.connect.explain":
    "Se lo consenti, l’app potrà inviare e aprire file crittografati come {email} finché non revochi la sua chiave nella pagina del tuo account. Consentilo solo se hai appena fatto clic tu stesso su «Accedi» o «Attiva un nuovo account» nell’app Zendesk.",
  "page.connect.allow": "Consenti",
  "page.connect.deny": "Nega",
  "page.connect.badCode": "Questo codice non funziona",
  "page.connect.badCodeText":
    "Il codice è errato, è già stato usato o è scaduto (i codici durano 10 minuti). Ricomincia dall’app Zendesk.",
  "page.connect.tooMany": "Troppi codici errati",
  "page.connect.tooManyText": "Attendi dieci minuti, poi ricomincia dall’app Zendesk.",
  "page.connect.connectedTitle": "App Zendesk collegata",
  "page.connect.connected": "L’app Zendesk è collegata",
  "page.connect.connectedText": "Torna su Zendesk: l’app accede da sola.",
  "page.connect.deniedTitle": "Accesso negato",
  "page.connect.denied": "Hai negato l’accesso",
  "page.connect.deniedText": "L’app Zendesk non ha ricevuto l’accesso. Torna su Zendesk.",
  "page.connect.closeHint": "Questa scheda si chiude da sola. Se resta aperta, chiudila.",
  "page.outbox.title": "Posta in uscita",
  "page.outbox.intro":
    "Solo per lo sviluppo: le email che il servizio avrebbe inviato (nessun server SMTP configurato).",
  "page.outbox.empty": "Ancora nessuna email.",
  "page.outbox.to": "A {to} · {date}",
  "guard.integrityTitle": "Questi file non possono essere aperti qui in modo sicuro",
  "guard.integrity":
    "Il codice di Padlock qui è diverso dalla versione pubblicata, quindi non è stato eseguito.",
  "sso.signInWith": "Accedi con {provider}",
  "sso.orPassword": "Oppure accedi con la tua password di Padlock:",
  "sso.onlyProvider": "La tua azienda ti fa accedere tramite {provider}.",
  "sso.passwordsOff": "Le password sono disattivate per questo servizio: accedi con {provider}.",
  "sso.refusedTitle": "Accesso rifiutato",
  "sso.stateUsed":
    "Questo accesso è già stato usato, è scaduto o è stato avviato in un altro browser. Ricomincia.",
  "sso.providerRefused":
    "{provider} non ti ha fatto accedere. Se il tuo account aziendale è stato disattivato, non hai più accesso a Padlock.",
  "sso.tokenInvalid":
    "Non è stato possibile verificare la risposta di {provider}, quindi non hai effettuato l'accesso. Riprova; se continua a non funzionare, avvisa l'amministratore.",
  "sso.unavailable": "{provider} non è raggiungibile. Riprova tra qualche minuto.",
  "sso.noAccount": "{email} non ha un account Padlock. Chiedi all'amministratore di aggiungerti.",
  "sso.unverified":
    "{provider} non ha confermato il tuo indirizzo email, quindi non può essere associato a un account Padlock.",
  "sso.deactivated": "L'account Padlock di {email} è disattivato. Rivolgiti all'amministratore.",
  "sso.otherSubject":
    "{email} è collegato a un altro account {provider}. Rivolgiti all'amministratore.",
  "sso.startAgain": "Accedi di nuovo",
  // Issue 13: the account page's dropzone settings.
  "page.dropzones.heading": "Aree di rilascio",
  "page.dropzones.intro":
    "I file caricati nelle tue aree di rilascio (ad esempio tramite il modulo dell'Help Center) seguono queste impostazioni. Lascia vuoto un campo per mantenere il limite del servizio.",
  "page.dropzones.name": "Area di rilascio {id}",
  "page.dropzones.extensions": "Estensioni di file consentite",
  "page.dropzones.extensionsHint":
    "Separate da virgole, ad esempio pdf, png. Vuoto: qualsiasi file.",
  "page.dropzones.maxFileSize": "Dimensione massima del file",
  "page.dropzones.maxFileSizeHint": "Ad esempio 25 MB. Vuoto: il limite del servizio.",
  "page.dropzones.lifeDays": "Durata dei pacchetti in giorni",
  "page.dropzones.lifeDaysHint": "Da 1 a 365. Vuoto: il valore predefinito del servizio.",
  "page.dropzones.senderDomainAccess":
    "Accesso per dominio del mittente: le persone il cui indirizzo email ha il dominio del mittente possono aprire i file dopo aver verificato la propria email",
  "page.dropzones.save": "Salva impostazioni",
  "page.dropzones.saved": "Le impostazioni dell'area di rilascio sono state salvate.",
  "page.dropzones.badExtensions":
    "Scrivi le estensioni solo con lettere e cifre, ad esempio pdf, png. Non è stato modificato nulla.",
  "page.dropzones.badSize":
    "Scrivi la dimensione massima come una dimensione, ad esempio 25 MB. Non è stato modificato nulla.",
  "page.dropzones.badLife":
    "La durata deve essere un numero intero di giorni da 1 a 365. Non è stato modificato nulla.",
  "page.dropzones.notFound": "Area di rilascio non trovata",
  "page.dropzones.notFoundText":
    "Solo il proprietario di un'area di rilascio può modificarne le impostazioni.",
  "upload.title": "Invia file in modo sicuro",
  "upload.intro":
    "I file che scegli vengono crittografati in questo browser prima dell’invio: solo il team di assistenza può aprirli.",
  "upload.noscript":
    "Questa pagina richiede JavaScript: i file vengono crittografati nel tuo browser.",
  "upload.choose": "Scegli i file o rilasciali qui",
  "upload.send": "Invia file",
  "upload.sending": "Crittografia e invio dei file…",
  "upload.sentTitle": "File inviati",
  "upload.sent": "I tuoi file sono stati inviati in modo sicuro. Puoi chiudere questa pagina.",
  "upload.failed": "Non è stato possibile inviare i file. Controlla la connessione e riprova.",
  "upload.goneTitle": "Questo link non funziona più",
  "upload.gone":
    "Questo link di caricamento è scaduto o non è corretto. Chiedine uno nuovo al team di assistenza.",
  "upload.badLink":
    "Questo link di caricamento è incompleto: copia l’intero link dal messaggio nella barra degli indirizzi.",
  // Issue 13: a keyless link from a ticket note; files the upload page refuses.
  "state.keyInAppTitle": "Apri questi file dal ticket",
  "state.keyInApp":
    "Questo link non ha la chiave, di proposito: il servizio non la ha mai. Apri i file dall'app nella barra laterale del ticket n. {ticket}, che ha la chiave.",
  "upload.refusedExtension":
    "Non aggiunto: qui puoi inviare solo file che terminano in {extensions}.",
  "upload.refusedSize": "Non aggiunto: qui puoi inviare solo file fino a {size}.",
  "upload.listSeparator": ", ",
  // Issue 13: the upload notice setting.
  "page.dropzones.notifyUploads":
    "Avvisa via email: gli agenti dell'area di rilascio ricevono un'email a ogni nuovo caricamento (indica il ticket e non contiene mai la chiave)",
};

export default it;
