/** The mails in Dutch. @module */
import type { MailMessages } from "../messages.ts";

const nl: MailMessages = {
  "code.subject": "Uw verificatiecode voor {system}",
  "code.code": "Uw verificatiecode is {code}",
  "code.enter":
    "Voer deze in op de pagina van {system} om de bestanden te openen die naar u zijn verzonden.",
  "code.expires":
    "De code verloopt over {minutes, plural, one {# minuut} other {# minuten}} en werkt één keer.",
  "code.ignore":
    "Hebt u geen code aangevraagd? Negeer deze e-mail dan: zonder de code kan niemand de bestanden openen.",
  "activation.subject": "Activeer uw {system}-account",
  "activation.open":
    "Open deze link om het wachtwoord van uw {system}-account ({email}) te kiezen:",
  "activation.expires":
    "De link werkt één keer en verloopt over {days, plural, one {# dag} other {# dagen}}.",
  "activation.ignore":
    "Hebt u deze e-mail niet verwacht? Negeer hem dan: uw account blijft zoals het is.",
  // Issue 13: the mail to a dropzone's agents on each new upload.
  "notice.subjectTicket": "Nieuwe bestanden voor ticket #{ticket}",
  "notice.subjectHelpCenter": "Nieuwe bestanden van een aanvraag in het Helpcenter",
  "notice.uploaded":
    "{count, plural, one {Er is # bestand} other {Er zijn # bestanden}} geüpload naar uw neerzetgebied van {system}:",
  "notice.ticket":
    "Ze zijn verzonden via de uploadlink van ticket #{ticket}. Open ze met de app {system} in de zijbalk van dat ticket.",
  "notice.helpCenter":
    "Ze kwamen mee met een aanvraag in het Helpcenter van {sender}; de beveiligde link staat in de eerste opmerking van de aanvraag. Open ze met de app {system} in de zijbalk van dat ticket.",
  "notice.package": "Pakket {id}",
  "notice.noKey":
    "Deze e-mail bevat niet de sleutel die de bestanden opent: die blijft in het ticket.",
  // Issue 13: the internal note on a ticket when its file request brings files.
  "note.uploaded":
    "{count, plural, one {Er is # bestand} other {Er zijn # bestanden}} geüpload via het bestandsverzoek van dit ticket:",
  "note.open":
    "Open ze met de app {system} in de zijbalk van dit ticket: die heeft de sleutel. De link hieronder bevat geen sleutel (de service heeft die nooit) en opent de bestanden dus niet op zichzelf.",
};

export default nl;
