/** The widget's words in Italian. @module */
import type { WidgetMessages } from "../messages.ts";

const it: WidgetMessages = {
  "dropzone.legacy.action": "Aggiungi file",
  "dropzone.legacy.text": "o trascina i file qui",
  "dropzone.v4": "Scegli un file o trascinalo qui",
  "dropzone.label": "Allegati",
  "dropzone.hint": "I file vengono crittografati nel browser prima del caricamento.",
  "files.label": "File allegati",
  "file.remove": "Rimuovi",
  "file.removeName": "Rimuovi {name}",
  "file.cancel": "Annulla caricamento",
  "file.cancelName": "Annulla il caricamento di {name}",
  "file.retry": "Riprova",
  "file.retryName": "Riprova il caricamento di {name}",
  "file.progressName": "Caricamento di {name}",
  "file.reconnecting": "Riconnessione… {percent}%",
  "file.uploading": "Crittografia e caricamento… {percent}%",
  "file.uploaded": "Crittografato e caricato",
  "file.failed": "Caricamento non riuscito: {reason}.",
  "file.quoted": "«{name}»",
  "list.separator": ", ",
  "submit.finishing": "Completamento del caricamento…",
  "submit.securing": "Protezione degli allegati…",
  "submit.submitting": "Invio…",
  "submit.failed": "Non è stato possibile proteggere gli allegati. Riprova.",
  "submit.failedReason": "Non è stato possibile proteggere gli allegati: {reason}. Riprova.",
  "submit.notReadyOne":
    "Non è stato possibile caricare {name}: {reason}. Riprova o rimuovilo, quindi invia di nuovo la richiesta.",
  "submit.notReadyMany":
    "Non è stato possibile caricare {names}. Riprova o rimuovili, quindi invia di nuovo la richiesta.",
  "link.label": "Allegati protetti (Padlock):",
  "link.hyperlink": "Usa questo link per accedere ai file allegati",
  "error.unknown": "errore sconosciuto",
  "error.unreachable": "il servizio di caricamento sicuro non è raggiungibile",
  "error.timeout": "il servizio di caricamento sicuro non ha risposto in tempo",
  "error.down": "il servizio di caricamento sicuro non risponde (HTTP {status})",
  "error.refusedStatus": "il servizio di caricamento sicuro ha rifiutato il file (HTTP {status})",
  "error.tooLarge": "il file supera la dimensione consentita dal servizio",
  "error.fileName": "il servizio non accetta questo nome o tipo di file",
  "error.refusedCode": "il servizio di caricamento sicuro ha rifiutato il file ({code})",
  "error.unreadable": "non è stato possibile leggere il file",
  "error.failed": "il caricamento non è riuscito",
  "size.B": "{size} B",
  "size.KB": "{size} KB",
  "size.MB": "{size} MB",
  "size.GB": "{size} GB",
  "size.TB": "{size} TB",
  // Issue 15: refusals of changed code and abuse limits.
  "guard.integrity": "non può essere protetto: il codice di crittografia è stato modificato",
  "guard.rateLimited": "per ora sono stati inviati troppi file da qui; riprova più tardi",
  "guard.storageFull":
    "il servizio di caricamento sicuro al momento non ha spazio per altri file; riprova più tardi",
  // Issue 13: a file the dropzone does not take, refused before it is encrypted.
  "dropzoneRules.extension": "qui si possono allegare solo file che terminano con {extensions}",
  "dropzoneRules.size": "qui si possono allegare solo file fino a {size}",
};

export default it;
