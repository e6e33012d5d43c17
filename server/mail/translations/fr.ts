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
};

export default fr;
