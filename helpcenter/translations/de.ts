/** The widget's words in German. @module */
import type { WidgetMessages } from "../messages.ts";

const de: WidgetMessages = {
  "dropzone.legacy.action": "Datei hinzufügen",
  "dropzone.legacy.text": "oder Dateien hier ablegen",
  "dropzone.v4": "Datei auswählen oder hierher ziehen und ablegen",
  "dropzone.label": "Anhänge",
  "dropzone.hint":
    "Die Dateien werden in Ihrem Browser verschlüsselt, bevor sie hochgeladen werden.",
  "files.label": "Angehängte Dateien",
  "file.remove": "Entfernen",
  "file.removeName": "{name} entfernen",
  "file.cancel": "Hochladen abbrechen",
  "file.cancelName": "Hochladen von {name} abbrechen",
  "file.retry": "Erneut versuchen",
  "file.retryName": "Hochladen von {name} erneut versuchen",
  "file.progressName": "Hochladen von {name}",
  "file.reconnecting": "Verbindung wird wiederhergestellt … {percent} %",
  "file.uploading": "Wird verschlüsselt und hochgeladen … {percent} %",
  "file.uploaded": "Verschlüsselt und hochgeladen",
  "file.failed": "Hochladen fehlgeschlagen: {reason}.",
  "file.quoted": "„{name}“",
  "list.separator": ", ",
  "submit.finishing": "Hochladen wird abgeschlossen …",
  "submit.securing": "Anhänge werden geschützt …",
  "submit.submitting": "Wird gesendet …",
  "submit.failed": "Ihre Anhänge konnten nicht geschützt werden. Bitte versuchen Sie es erneut.",
  "submit.failedReason":
    "Ihre Anhänge konnten nicht geschützt werden: {reason}. Bitte versuchen Sie es erneut.",
  "submit.notReadyOne":
    "{name} konnte nicht hochgeladen werden: {reason}. Versuchen Sie es erneut oder entfernen Sie die Datei und senden Sie die Anfrage dann erneut.",
  "submit.notReadyMany":
    "{names} konnten nicht hochgeladen werden. Versuchen Sie es erneut oder entfernen Sie die Dateien und senden Sie die Anfrage dann erneut.",
  "link.label": "Geschützte Anhänge (Padlock):",
  "link.hyperlink": "Über diesen Link greifen Sie auf die angehängten Dateien zu",
  "error.unknown": "unbekannter Fehler",
  "error.unreachable": "der Dienst für sicheres Hochladen ist nicht erreichbar",
  "error.timeout": "der Dienst für sicheres Hochladen hat nicht rechtzeitig geantwortet",
  "error.down": "der Dienst für sicheres Hochladen antwortet nicht (HTTP {status})",
  "error.refusedStatus":
    "der Dienst für sicheres Hochladen hat die Datei abgelehnt (HTTP {status})",
  "error.tooLarge": "die Datei ist größer, als der Dienst zulässt",
  "error.fileName": "der Dienst akzeptiert diesen Dateinamen oder Dateityp nicht",
  "error.refusedCode": "der Dienst für sicheres Hochladen hat die Datei abgelehnt ({code})",
  "error.unreadable": "die Datei konnte nicht gelesen werden",
  "error.failed": "das Hochladen ist fehlgeschlagen",
  "size.B": "{size} B",
  "size.KB": "{size} KB",
  "size.MB": "{size} MB",
  "size.GB": "{size} GB",
  "size.TB": "{size} TB",
  // Issue 15: refusals of changed code and abuse limits.
  "guard.integrity": "sie kann nicht geschützt werden: der Verschlüsselungscode wurde verändert",
  "guard.rateLimited":
    "von hier wurden vorerst zu viele Dateien gesendet; bitte versuchen Sie es später erneut",
  "guard.storageFull":
    "der sichere Upload-Dienst hat im Moment keinen Platz für weitere Dateien; bitte versuchen Sie es später erneut",
  // Issue 13: a file the dropzone does not take, refused before it is encrypted.
  "dropzoneRules.extension": "hier können nur Dateien mit der Endung {extensions} angehängt werden",
  "dropzoneRules.size": "hier können nur Dateien bis {size} angehängt werden",
};

export default de;
