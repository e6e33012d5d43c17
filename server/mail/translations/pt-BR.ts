/** The mails in Brazilian Portuguese. @module */
import type { MailMessages } from "../messages.ts";

const ptBR: MailMessages = {
  "code.subject": "Seu código de verificação do {system}",
  "code.code": "Seu código de verificação é {code}",
  "code.enter": "Digite-o na página do {system} para abrir os arquivos que foram enviados a você.",
  "code.expires":
    "Ele expira em {minutes, plural, one {# minuto} other {# minutos}} e só pode ser usado uma vez.",
  "code.ignore":
    "Se você não pediu um código, ignore este e-mail: ninguém consegue abrir os arquivos sem ele.",
  "activation.subject": "Ative sua conta do {system}",
  "activation.open": "Abra este link para escolher a senha da sua conta do {system} ({email}):",
  "activation.expires":
    "O link só pode ser usado uma vez e expira em {days, plural, one {# dia} other {# dias}}.",
  "activation.ignore": "Se você não esperava este e-mail, ignore-o: sua conta continua como está.",
};

export default ptBR;
