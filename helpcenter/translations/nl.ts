/** The widget's words in Dutch. @module */
import type { WidgetMessages } from "../messages.ts";

const nl: WidgetMessages = {
  "dropzone.legacy.action": "Bestand toevoegen",
  "dropzone.legacy.text": "of zet bestanden hier neer",
  "dropzone.v4": "Kies een bestand of sleep het hierheen",
  "dropzone.label": "Bijlagen",
  "dropzone.hint": "Bestanden worden in uw browser versleuteld voordat ze worden geüpload.",
  "files.label": "Bijgevoegde bestanden",
  "file.remove": "Verwijderen",
  "file.removeName": "{name} verwijderen",
  "file.cancel": "Upload annuleren",
  "file.cancelName": "Upload van {name} annuleren",
  "file.retry": "Opnieuw proberen",
  "file.retryName": "Upload van {name} opnieuw proberen",
  "file.progressName": "Upload van {name}",
  "file.reconnecting": "Opnieuw verbinden… {percent}%",
  "file.uploading": "Versleutelen en uploaden… {percent}%",
  "file.uploaded": "Versleuteld en geüpload",
  "file.failed": "Upload mislukt: {reason}.",
  "file.quoted": "‘{name}’",
  "list.separator": ", ",
  "submit.finishing": "Upload wordt afgerond…",
  "submit.securing": "Bijlagen worden beveiligd…",
  "submit.submitting": "Verzenden…",
  "submit.failed": "Uw bijlagen konden niet worden beveiligd. Probeer het opnieuw.",
  "submit.failedReason": "Uw bijlagen konden niet worden beveiligd: {reason}. Probeer het opnieuw.",
  "submit.notReadyOne":
    "{name} kon niet worden geüpload: {reason}. Probeer het opnieuw of verwijder het bestand en verzend de aanvraag daarna opnieuw.",
  "submit.notReadyMany":
    "{names} konden niet worden geüpload. Probeer het opnieuw of verwijder de bestanden en verzend de aanvraag daarna opnieuw.",
  "link.label": "Beveiligde bijlagen (Padlock):",
  "link.hyperlink": "Gebruik deze link om de bijgevoegde bestanden te openen",
  "error.unknown": "onbekende fout",
  "error.unreachable": "de beveiligde uploaddienst is niet bereikbaar",
  "error.timeout": "de beveiligde uploaddienst antwoordde niet op tijd",
  "error.down": "de beveiligde uploaddienst reageert niet (HTTP {status})",
  "error.refusedStatus": "de beveiligde uploaddienst heeft het bestand geweigerd (HTTP {status})",
  "error.tooLarge": "het bestand is groter dan de dienst toestaat",
  "error.fileName": "de dienst accepteert deze bestandsnaam of dit bestandstype niet",
  "error.refusedCode": "de beveiligde uploaddienst heeft het bestand geweigerd ({code})",
  "error.unreadable": "het bestand kon niet worden gelezen",
  "error.failed": "de upload is mislukt",
  "size.B": "{size} B",
  "size.KB": "{size} KB",
  "size.MB": "{size} MB",
  "size.GB": "{size} GB",
  "size.TB": "{size} TB",
  // Issue 15: refusals of changed code and abuse limits.
  "guard.integrity": "het kan niet worden beveiligd: de versleutelingscode is gewijzigd",
  "guard.rateLimited":
    "er zijn voorlopig te veel bestanden vanaf hier verzonden; probeer het later opnieuw",
  "guard.storageFull":
    "de beveiligde uploaddienst heeft op dit moment geen ruimte voor meer bestanden; probeer het later opnieuw",
  // Issue 13: a file the dropzone does not take, refused before it is encrypted.
  "dropzoneRules.extension":
    "hier kunnen alleen bestanden die eindigen op {extensions} worden bijgevoegd",
  "dropzoneRules.size": "hier kunnen alleen bestanden tot {size} worden bijgevoegd",
};

export default nl;
