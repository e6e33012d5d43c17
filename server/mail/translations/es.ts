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
};

export default es;
