/**
 * The outgoing mail queue, in the database (`mail_queue`), so that any service instance may send
 * what any other queued, and mail queued by an instance that dies is still sent. Each message is
 * stored sealed with the service's secret key (it holds a code or an activation link).
 *
 * Every instance runs a sender. A sender claims one message at a time with a conditional UPDATE
 * (a claim that expires, so the messages of a sender that died are taken over), sends it, and
 * deletes it: two senders never send the same message, and the instance that queued a message
 * sends it at once (it wakes its own sender), while the others find it on their next poll. A
 * failed delivery is tried again later, up to {@linkcode MAX_ATTEMPTS} times.
 *
 * @module
 */
import type { SecretBox } from "../accounts/secret_box.ts";
import { DatabaseUnavailableError, type Queryable } from "../db/database.ts";
import { newUuid } from "../ids.ts";
import type { Mailer, MailMessage } from "./message.ts";

/** Deliveries tried per message before it is dropped (each failure is reported). */
export const MAX_ATTEMPTS = 5;

/** How long a claim lasts: a sender that holds it longer is taken to have died. */
const CLAIM_MS = 60_000;

/** Options of {@linkcode MailQueue}. */
export interface MailQueueOptions {
  /** The clock. @default {Date.now} */
  now?: () => number;
  /** How often the sender looks for mail queued by other instances or due for a retry. @default {1000} */
  pollMs?: number;
  /** First wait before a retry, in milliseconds; it doubles each time. @default {30000} */
  retryMs?: number;
}

interface QueueRow {
  id: string;
  sealed: string;
  attempts: number;
}

/** Queues mail in the database and sends it in the background. */
export class MailQueue {
  readonly #db: Queryable;
  readonly #box: SecretBox;
  readonly #mailer: Mailer;
  readonly #onError: (error: unknown, message?: MailMessage) => void;
  readonly #now: () => number;
  readonly #retryMs: number;
  readonly #holder = newUuid();
  readonly #pending = new Set<Promise<void>>();
  readonly #timer: ReturnType<typeof setInterval>;
  #running: Promise<void> | undefined;
  #again = false;
  #closed = false;

  /**
   * Queues into `db`, sealing with `box`, sending with `mailer`; `onError` hears of each delivery
   * that failed (and of a queue it could not read).
   */
  constructor(
    db: Queryable,
    box: SecretBox,
    mailer: Mailer,
    onError: (error: unknown, message?: MailMessage) => void,
    options: MailQueueOptions = {},
  ) {
    this.#db = db;
    this.#box = box;
    this.#mailer = mailer;
    this.#onError = onError;
    this.#now = options.now ?? Date.now;
    this.#retryMs = options.retryMs ?? 30_000;
    this.#timer = setInterval(() => this.#wake(), options.pollMs ?? 1000);
  }

  /** The mailer behind the queue. */
  get mailer(): Mailer {
    return this.#mailer;
  }

  /**
   * Queues a message and returns at once, without waiting for the database: the answer to a
   * request takes as long whether it queued a mail or not. A failure to queue is reported.
   */
  enqueue(message: MailMessage): void {
    const now = this.#now();
    const writing = this.#db.run(
      "INSERT INTO mail_queue (id, sealed, created_at, next_attempt_at) VALUES (?, ?, ?, ?)",
      [newUuid(), this.#box.seal(JSON.stringify(message)), now, now],
    ).then(() => this.#wake(), (error) => this.#onError(error, message));
    this.#pending.add(writing);
    writing.finally(() => this.#pending.delete(writing));
  }

  /** Resolves once what was queued here is written and every message due now was tried. */
  async drain(): Promise<void> {
    await Promise.all([...this.#pending]);
    await this.#running;
    this.#wake();
    await this.#running;
  }

  /** Stops polling, sends what is due, then closes the mailer. */
  async close(): Promise<void> {
    clearInterval(this.#timer);
    await this.drain();
    this.#closed = true;
    await this.#mailer.close();
  }

  #wake(): void {
    if (this.#closed) return;
    if (this.#running) {
      this.#again = true;
      return;
    }
    this.#running = (async () => {
      do {
        this.#again = false;
        try {
          while (await this.#sendOne());
        } catch (error) {
          // The database is down: the next poll tries again. Anything else is reported.
          if (!(error instanceof DatabaseUnavailableError)) this.#onError(error);
        }
      } while (this.#again && !this.#closed);
    })().finally(() => this.#running = undefined);
  }

  /** Claims, sends and deletes one due message; false when none is due. */
  async #sendOne(): Promise<boolean> {
    const now = this.#now();
    const row = await this.#db.get<QueueRow>(
      `SELECT id, sealed, attempts FROM mail_queue
       WHERE next_attempt_at <= ? AND (claimed_until IS NULL OR claimed_until < ?)
       ORDER BY created_at, id LIMIT 1`,
      [now, now],
    );
    if (!row) return false;
    const claimed = await this.#db.run(
      `UPDATE mail_queue SET claimed_by = ?, claimed_until = ?
       WHERE id = ? AND (claimed_until IS NULL OR claimed_until < ?)`,
      [this.#holder, now + CLAIM_MS, row.id, now],
    );
    // Another instance claimed it first: look for the next one.
    if (claimed.changes !== 1) return true;
    let message: MailMessage | undefined;
    try {
      message = JSON.parse(this.#box.open(row.sealed)) as MailMessage;
      await this.#mailer.send(message);
      await this.#db.run("DELETE FROM mail_queue WHERE id = ?", [row.id]);
    } catch (error) {
      if (error instanceof DatabaseUnavailableError) throw error;
      this.#onError(error, message);
      const attempts = row.attempts + 1;
      if (message === undefined || attempts >= MAX_ATTEMPTS) {
        await this.#db.run("DELETE FROM mail_queue WHERE id = ?", [row.id]);
      } else {
        await this.#db.run(
          `UPDATE mail_queue SET attempts = ?, next_attempt_at = ?, claimed_by = NULL,
             claimed_until = NULL WHERE id = ?`,
          [attempts, this.#now() + this.#retryMs * 2 ** (attempts - 1), row.id],
        );
      }
    }
    return true;
  }
}
