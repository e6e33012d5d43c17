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
  // Issue 13: the mail to a dropzone's agents on each new upload.
  "notice.subjectTicket": "Novos arquivos para o ticket nº {ticket}",
  "notice.subjectHelpCenter": "Novos arquivos de uma solicitação da central de ajuda",
  "notice.uploaded":
    "{count, plural, one {# arquivo foi enviado} other {# arquivos foram enviados}} para sua área para soltar do {system}:",
  "notice.ticket":
    "Eles foram enviados pelo link de envio do ticket nº {ticket}. Abra-os pelo app {system} na barra lateral desse ticket.",
  "notice.helpCenter":
    "Eles vieram com uma solicitação da central de ajuda de {sender}; o link seguro está no primeiro comentário da solicitação. Abra-os pelo app {system} na barra lateral desse ticket.",
  "notice.package": "Pacote {id}",
  "notice.noKey": "Este e-mail não contém a chave que abre os arquivos: ela fica no ticket.",
  // Issue 13: the internal note on a ticket when its file request brings files.
  "note.uploaded":
    "{count, plural, one {# arquivo foi enviado} other {# arquivos foram enviados}} pela solicitação de arquivos deste ticket:",
  "note.open":
    "Abra-os pelo app {system} na barra lateral deste ticket: ele tem a chave. O link abaixo não tem a chave (o serviço nunca a tem), então não abre os arquivos sozinho.",
};

export default ptBR;
