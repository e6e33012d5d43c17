/** The mails in Spanish. @module */
import type { MailMessages } from "../messages.ts";

const es: MailMessages = {
  "code.subject": "Su código de verificación de {system}",
  "code.code": "Su código de verificación es {code}",
  "code.enter": "Introdúzcalo en la página de {system} para abrir los archivos que le enviaron.",
  "code.expires":
    "Caduca en {minutes, plural, one {# minuto} other {# minutos}} y solo se puede usar una vez.",
  "code.ignore":
    "Si no pidió ningún código, ignore este correo: nadie puede abrir los archivos sin él.",
  "activation.subject": "Active su cuenta de {system}",
  "activation.open":
    "Abra este enlace para elegir la contraseña de su cuenta de {system} ({email}):",
  "activation.expires":
    "El enlace solo se puede usar una vez y caduca en {days, plural, one {# día} other {# días}}.",
  "activation.ignore": "Si no esperaba este correo, ignórelo: su cuenta no cambiará.",
  // Issue 13: the mail to a dropzone's agents on each new upload.
  "notice.subjectTicket": "Archivos nuevos para el ticket n.º {ticket}",
  "notice.subjectHelpCenter": "Archivos nuevos de una solicitud del centro de ayuda",
  "notice.uploaded":
    "Se {count, plural, one {cargó # archivo} other {cargaron # archivos}} en su zona para soltar de {system}:",
  "notice.ticket":
    "Se enviaron con el enlace de carga del ticket n.º {ticket}. Ábralos desde la aplicación {system} en la barra lateral de ese ticket.",
  "notice.helpCenter":
    "Llegaron con una solicitud del centro de ayuda de {sender}; el enlace seguro está en el primer comentario de la solicitud. Ábralos desde la aplicación {system} en la barra lateral de ese ticket.",
  "notice.package": "Paquete {id}",
  "notice.noKey": "Este correo no contiene la clave que abre los archivos: se queda en el ticket.",
  // Issue 13: the internal note on a ticket when its file request brings files.
  "note.uploaded":
    "Se {count, plural, one {cargó # archivo} other {cargaron # archivos}} con la solicitud de archivos de este ticket:",
  "note.open":
    "Ábralos desde la aplicación {system} en la barra lateral de este ticket: tiene la clave. El enlace de abajo no lleva la clave (el servicio nunca la tiene), así que no abre los archivos por sí solo.",
};

export default es;
