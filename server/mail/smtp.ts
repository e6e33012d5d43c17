/**
 * Delivery over SMTP through nodemailer (the well-kept SMTP client for Node; zero dependencies).
 * One pooled transport per service; each message is one `sendMail`.
 *
 * @module
 */
import nodemailer from "nodemailer";
import { type Mailer, MailError, type MailMessage } from "./message.ts";

/** How the connection to the SMTP server is protected. */
export type SmtpTls =
  /** TLS from the first byte (usually port 465). */
  | "implicit"
  /** Plain connection upgraded with STARTTLS, which is required (usually port 587). */
  | "starttls"
  /** No TLS at all: only for a relay on the same machine or a test server on loopback. */
  | "none";

/** Where and how to send mail over SMTP. */
export interface SmtpOptions {
  /** Host name of the SMTP server. */
  host: string;
  /** Its port. @default {587} (465 for `implicit`) */
  port?: number;
  /** User name for SMTP AUTH; no AUTH when absent. */
  user?: string;
  /** Password for SMTP AUTH. */
  password?: string;
  /** Transport protection. @default {"starttls"} */
  tls?: SmtpTls;
  /** Sender address (`From:`). */
  from: string;
  /** Connection, greeting and socket time-out, in milliseconds. @default {15000} */
  timeoutMs?: number;
}

/** The part of nodemailer's transport this module uses (nodemailer ships no types). */
interface Transport {
  sendMail(
    message: Record<string, unknown>,
  ): Promise<{ accepted?: unknown[]; rejected?: unknown[] }>;
  close(): void;
}

/** Sends mail through one SMTP server. */
export class SmtpMailer implements Mailer {
  readonly description: string;
  readonly #transport: Transport;
  readonly #from: string;

  /**
   * Prepares the transport (no connection is made until the first message).
   *
   * @throws {MailError} when the host is empty or a password is given without a user.
   */
  constructor(options: SmtpOptions) {
    const { host, user, password, tls = "starttls", from, timeoutMs = 15_000 } = options;
    if (!host) throw new MailError("The SMTP host is empty.");
    if (password && !user) throw new MailError("An SMTP password needs an SMTP user.");
    const port = options.port ?? (tls === "implicit" ? 465 : 587);
    this.description = `smtp ${host}:${port} (${tls})`;
    this.#from = from;
    this.#transport = (nodemailer as unknown as {
      createTransport(options: Record<string, unknown>): Transport;
    }).createTransport({
      host,
      port,
      secure: tls === "implicit",
      // Refuse to send codes in clear text when STARTTLS is expected but not offered.
      requireTLS: tls === "starttls",
      ignoreTLS: tls === "none",
      auth: user ? { user, pass: password ?? "" } : undefined,
      connectionTimeout: timeoutMs,
      greetingTimeout: timeoutMs,
      socketTimeout: timeoutMs,
      pool: true,
      maxConnections: 2,
    });
  }

  /**
   * Sends one plain-text message.
   *
   * @throws {MailError} when the server cannot be reached or refuses the message.
   */
  async send(message: MailMessage): Promise<void> {
    let result;
    try {
      result = await this.#transport.sendMail({
        from: this.#from,
        to: message.to,
        subject: message.subject,
        text: message.text,
      });
    } catch (cause) {
      throw new MailError(`The SMTP server (${this.description}) did not take the mail.`, {
        cause,
      });
    }
    if (result.rejected && result.rejected.length > 0) {
      throw new MailError(`The SMTP server (${this.description}) refused the recipient.`);
    }
  }

  /** Closes the pooled connections. */
  close(): Promise<void> {
    this.#transport.close();
    return Promise.resolve();
  }
}
