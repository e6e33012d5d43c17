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
  // Issue 13: the mail to a dropzone's agents on each new upload.
  "notice.subjectTicket": "Nuovi file per il ticket n. {ticket}",
  "notice.subjectHelpCenter": "Nuovi file da una richiesta del centro assistenza",
  "notice.uploaded":
    "{count, plural, one {È stato caricato # file} other {Sono stati caricati # file}} nella tua area di rilascio di {system}:",
  "notice.ticket":
    "Sono stati inviati tramite il link di caricamento del ticket n. {ticket}. Aprili dall'app {system} nella barra laterale di quel ticket.",
  "notice.helpCenter":
    "Sono arrivati con una richiesta del centro assistenza di {sender}; il link sicuro è nel primo commento della richiesta. Aprili dall'app {system} nella barra laterale di quel ticket.",
  "notice.package": "Pacchetto {id}",
  "notice.noKey": "Questa email non contiene la chiave che apre i file: resta nel ticket.",
  // Issue 13: the internal note on a ticket when its file request brings files.
  "note.uploaded":
    "{count, plural, one {È stato caricato # file} other {Sono stati caricati # file}} con la richiesta di file di questo ticket:",
  "note.open":
    "Aprili dall'app {system} nella barra laterale di questo ticket: ha la chiave. Il link qui sotto non contiene la chiave (il servizio non la ha mai), quindi da solo non apre i file.",
};

export default it;
