/**
 * What a mail is and what sends it. Padlock sends three kinds of mail: the 6-digit codes that
 * let a recipient open a package, account activation links, and upload notices to a dropzone's
 * agents (never with a key). All are plain text.
 *
 * @module
 */

/** One outgoing mail. */
export interface MailMessage {
  /** The single recipient address. */
  to: string;
  /** The subject line. */
  subject: string;
  /** The plain-text body. */
  text: string;
}

/** Something that delivers mail: SMTP, or the outbox on disk. */
export interface Mailer {
  /** What it is, for logs and the start banner ("smtp mail.example.com:587" or "outbox"). */
  readonly description: string;
  /**
   * Delivers one message.
   *
   * @throws {MailError} when the message cannot be delivered.
   */
  send(message: MailMessage): Promise<void>;
  /** Releases connections. */
  close(): Promise<void>;
}

/** A mail could not be delivered or written. */
export class MailError extends Error {
  /** Always `"MailError"`. */
  override name = "MailError";
}
