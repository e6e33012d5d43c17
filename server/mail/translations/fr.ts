/** The mails in French. @module */
import type { MailMessages } from "../messages.ts";

const fr: MailMessages = {
  "code.subject": "Votre code de vérification {system}",
  "code.code": "Votre code de vérification est {code}",
  "code.enter":
    "Saisissez-le sur la page {system} pour ouvrir les fichiers qui vous ont été envoyés.",
  "code.expires":
    "Il expire dans {minutes, plural, one {# minute} other {# minutes}} et ne peut servir qu’une fois.",
  "code.ignore":
    "Si vous n’avez pas demandé de code, ignorez cet e-mail : personne ne peut ouvrir les fichiers sans lui.",
  "activation.subject": "Activez votre compte {system}",
  "activation.open":
    "Ouvrez ce lien pour choisir le mot de passe de votre compte {system} ({email}) :",
  "activation.expires":
    "Le lien ne fonctionne qu’une fois et expire dans {days, plural, one {# jour} other {# jours}}.",
  "activation.ignore":
    "Si vous n’attendiez pas cet e-mail, ignorez-le : votre compte reste inchangé.",
  // Issue 13: the mail to a dropzone's agents on each new upload.
  "notice.subjectTicket": "Nouveaux fichiers pour le ticket n° {ticket}",
  "notice.subjectHelpCenter": "Nouveaux fichiers d'une demande du centre d'aide",
  "notice.uploaded":
    "{count, plural, one {# fichier a été envoyé} other {# fichiers ont été envoyés}} dans votre zone de dépôt {system} :",
  "notice.ticket":
    "Ils ont été envoyés par le lien d'envoi du ticket n° {ticket}. Ouvrez-les depuis l'application {system} dans la barre latérale de ce ticket.",
  "notice.helpCenter":
    "Ils accompagnent une demande du centre d'aide de {sender} ; le lien sécurisé se trouve dans le premier commentaire de la demande. Ouvrez-les depuis l'application {system} dans la barre latérale de ce ticket.",
  "notice.package": "Paquet {id}",
  "notice.noKey":
    "Cet e-mail ne contient pas la clé qui ouvre les fichiers : elle reste dans le ticket.",
  // Issue 13: the internal note on a ticket when its file request brings files.
  "note.uploaded":
    "{count, plural, one {# fichier a été envoyé} other {# fichiers ont été envoyés}} par la demande de fichiers de ce ticket :",
  "note.open":
    "Ouvrez-les depuis l'application {system} dans la barre latérale de ce ticket : elle détient la clé. Le lien ci-dessous n'a pas de clé (le service ne l'a jamais) et n'ouvre donc pas les fichiers à lui seul.",
};

export default fr;
