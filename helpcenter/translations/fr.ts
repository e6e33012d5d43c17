/** The widget's words in French. @module */
import type { WidgetMessages } from "../messages.ts";

const fr: WidgetMessages = {
  "dropzone.legacy.action": "Ajouter un fichier",
  "dropzone.legacy.text": "ou déposer les fichiers ici",
  "dropzone.v4": "Choisissez un fichier ou faites-le glisser ici",
  "dropzone.label": "Pièces jointes",
  "dropzone.hint": "Les fichiers sont chiffrés dans votre navigateur avant d’être envoyés.",
  "files.label": "Fichiers joints",
  "file.remove": "Supprimer",
  "file.removeName": "Supprimer {name}",
  "file.cancel": "Annuler l’envoi",
  "file.cancelName": "Annuler l’envoi de {name}",
  "file.retry": "Réessayer",
  "file.retryName": "Réessayer l’envoi de {name}",
  "file.progressName": "Envoi de {name}",
  "file.reconnecting": "Reconnexion… {percent} %",
  "file.uploading": "Chiffrement et envoi… {percent} %",
  "file.uploaded": "Chiffré et envoyé",
  "file.failed": "Échec de l’envoi : {reason}.",
  "file.quoted": "« {name} »",
  "list.separator": ", ",
  "submit.finishing": "Fin de l’envoi…",
  "submit.securing": "Sécurisation des pièces jointes…",
  "submit.submitting": "Envoi de la demande…",
  "submit.failed": "Vos pièces jointes n’ont pas pu être sécurisées. Veuillez réessayer.",
  "submit.failedReason":
    "Vos pièces jointes n’ont pas pu être sécurisées : {reason}. Veuillez réessayer.",
  "submit.notReadyOne":
    "{name} n’a pas pu être envoyé : {reason}. Réessayez ou supprimez-le, puis envoyez de nouveau la demande.",
  "submit.notReadyMany":
    "{names} n’ont pas pu être envoyés. Réessayez ou supprimez-les, puis envoyez de nouveau la demande.",
  "link.label": "Pièces jointes sécurisées (Padlock) :",
  "link.hyperlink": "Utilisez ce lien pour accéder aux fichiers joints",
  "error.unknown": "erreur inconnue",
  "error.unreachable": "le service d’envoi sécurisé est injoignable",
  "error.timeout": "le service d’envoi sécurisé n’a pas répondu à temps",
  "error.down": "le service d’envoi sécurisé ne répond pas (HTTP {status})",
  "error.refusedStatus": "le service d’envoi sécurisé a refusé le fichier (HTTP {status})",
  "error.tooLarge": "le fichier dépasse la taille autorisée par le service",
  "error.fileName": "le service n’accepte pas ce nom ou ce type de fichier",
  "error.refusedCode": "le service d’envoi sécurisé a refusé le fichier ({code})",
  "error.unreadable": "le fichier n’a pas pu être lu",
  "error.failed": "l’envoi a échoué",
  "size.B": "{size} o",
  "size.KB": "{size} Ko",
  "size.MB": "{size} Mo",
  "size.GB": "{size} Go",
  "size.TB": "{size} To",
  // Issue 15: refusals of changed code and abuse limits.
  "guard.integrity": "elle ne peut pas être protégée : le code de chiffrement a été modifié",
  "guard.rateLimited":
    "trop de fichiers ont été envoyés d’ici pour le moment ; veuillez réessayer plus tard",
  "guard.storageFull":
    "le service de dépôt sécurisé n’a plus de place pour d’autres fichiers pour le moment ; veuillez réessayer plus tard",
  // Issue 13: a file the dropzone does not take, refused before it is encrypted.
  "dropzoneRules.extension":
    "seuls les fichiers se terminant par {extensions} peuvent être joints ici",
  "dropzoneRules.size": "seuls les fichiers de {size} au maximum peuvent être joints ici",
};

export default fr;
