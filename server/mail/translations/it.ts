/** The mails in Italian. @module */
import type { MailMessages } from "../messages.ts";

const it: MailMessages = {
  "code.subject": "Il tuo codice di verifica {system}",
  "code.code": "Il tuo codice di verifica è {code}",
  "code.enter": "Inseriscilo nella pagina di {system} per aprire i file che ti sono stati inviati.",
  "code.expires":
    "Scade tra {minutes, plural, one {# minuto} other {# minuti}} e si può usare una sola volta.",
  "code.ignore":
    "Se non hai richiesto un codice, ignora questa email: nessuno può aprire i file senza di esso.",
  "activation.subject": "Attiva il tuo account {system}",
  "activation.open":
    "Apri questo link per scegliere la password del tuo account {system} ({email}):",
  "activation.expires":
    "Il link si può usare una sola volta e scade tra {days, plural, one {# giorno} other {# giorni}}.",
  "activation.ignore": "Se non aspettavi questa email, ignorala: il tuo account resta invariato.",
};

export default it;
