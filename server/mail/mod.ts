/**
 * Mail for the portal: SMTP when a host is configured, else the outbox on disk; and a queue in
 * the database (`queue.ts`) that sends in the background, so that an answer takes as long whether
 * a mail was sent or not (the code request must not reveal who is a recipient).
 *
 * @module
 */
import type { Mailer } from "./message.ts";
import { OutboxMailer } from "./outbox.ts";
import { SmtpMailer, type SmtpTls } from "./smtp.ts";

export { type Mailer, MailError, type MailMessage } from "./message.ts";
export {
  listOutbox,
  OUTBOX_FOLDER,
  OutboxMailer,
  type OutboxMessage,
  readOutbox,
} from "./outbox.ts";
export { SmtpMailer, type SmtpOptions, type SmtpTls } from "./smtp.ts";
export { MailQueue, type MailQueueOptions } from "./queue.ts";

/** Mail settings as the service configuration holds them. */
export interface MailSettings {
  /** SMTP host; no host means the outbox. */
  smtpHost?: string;
  /** SMTP port. @default {587} (465 for implicit TLS) */
  smtpPort?: number;
  /** SMTP AUTH user. */
  smtpUser?: string;
  /** SMTP AUTH password. */
  smtpPassword?: string;
  /** `implicit`, `starttls` or `none`. @default {"starttls"} */
  smtpTls?: SmtpTls;
  /** Sender address. @default {"Padlock <no-reply@localhost>"} */
  mailFrom?: string;
}

/** Sender used when none is configured. */
export const DEFAULT_MAIL_FROM = "Padlock <no-reply@localhost>";

/**
 * Builds the mailer the settings ask for: SMTP when `smtpHost` is set, else the outbox in `dataDir`.
 *
 * @throws {import("./message.ts").MailError} when the SMTP settings are inconsistent.
 */
export function createMailer(
  settings: MailSettings,
  dataDir: string,
  now: () => number = Date.now,
): Mailer {
  const from = settings.mailFrom || DEFAULT_MAIL_FROM;
  if (!settings.smtpHost) return new OutboxMailer(dataDir, from, now);
  return new SmtpMailer({
    host: settings.smtpHost,
    port: settings.smtpPort,
    user: settings.smtpUser,
    password: settings.smtpPassword,
    tls: settings.smtpTls,
    from,
  });
}
