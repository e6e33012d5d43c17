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
};

export default nl;
