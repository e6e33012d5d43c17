/**
 * The outbox: with no SMTP server configured (the local default), each mail is written as one
 * JSON file in `<dataDir>/outbox/`, so the whole verification loop works on one machine and the
 * sandbox (or a test) can read the codes. Never use it in production: anyone who can read the
 * folder can read the codes.
 *
 * @module
 */
import { join } from "node:path";
import { type Mailer, MailError, type MailMessage } from "./message.ts";

/** Name of the outbox folder inside the data directory. */
export const OUTBOX_FOLDER = "outbox";

/** A mail as stored in the outbox. */
export interface OutboxMessage extends MailMessage {
  /** File name without `.json`; sorts by time of writing. */
  id: string;
  /** The sender address. */
  from: string;
  /** When it was written, ISO 8601. */
  createdAt: string;
}

/** Shape of an outbox id: time in ms (13 digits, zero-padded), a dash, 12 random hex. */
const ID_PATTERN = /^[0-9]{13,16}-[0-9a-f]{12}$/;

function randomHex(bytes: number): string {
  return [...crypto.getRandomValues(new Uint8Array(bytes))]
    .map((byte) => byte.toString(16).padStart(2, "0")).join("");
}

/** Writes each mail into `<dataDir>/outbox/<id>.json`. */
export class OutboxMailer implements Mailer {
  readonly description = "outbox";
  readonly #folder: string;
  readonly #from: string;
  readonly #now: () => number;
  #lastStamp = 0;

  /** Writes into `<dataDir>/outbox`, stamping `from` and the time from `now`. */
  constructor(dataDir: string, from: string, now: () => number = Date.now) {
    this.#folder = join(dataDir, OUTBOX_FOLDER);
    this.#from = from;
    this.#now = now;
  }

  /**
   * Writes the message atomically (temporary file, then rename).
   *
   * @throws {MailError} when the folder cannot be written.
   */
  async send(message: MailMessage): Promise<void> {
    const time = this.#now();
    // Mails written within one millisecond still sort in the order they were written.
    const stamp = Math.max(time, this.#lastStamp + 1);
    this.#lastStamp = stamp;
    const id = `${String(stamp).padStart(13, "0")}-${randomHex(6)}`;
    const stored: OutboxMessage = {
      id,
      from: this.#from,
      to: message.to,
      subject: message.subject,
      text: message.text,
      createdAt: new Date(time).toISOString(),
    };
    try {
      await Deno.mkdir(this.#folder, { recursive: true, mode: 0o700 });
      const temporary = join(this.#folder, `.${id}.tmp`);
      await Deno.writeTextFile(temporary, JSON.stringify(stored, null, 2), { mode: 0o600 });
      await Deno.rename(temporary, join(this.#folder, `${id}.json`));
    } catch (cause) {
      throw new MailError(`Could not write the mail to the outbox in ${this.#folder}.`, { cause });
    }
  }

  /** Nothing to release. */
  close(): Promise<void> {
    return Promise.resolve();
  }
}

/**
 * Lists the mails in the outbox of `dataDir`, oldest first (an empty list when there is none).
 *
 * @example
 * ```ts ignore
 * const [latest] = (await listOutbox(".data")).reverse();
 * ```
 */
export async function listOutbox(dataDir: string): Promise<OutboxMessage[]> {
  const folder = join(dataDir, OUTBOX_FOLDER);
  const ids: string[] = [];
  try {
    for await (const entry of Deno.readDir(folder)) {
      const id = entry.name.replace(/\.json$/, "");
      if (entry.isFile && entry.name.endsWith(".json") && ID_PATTERN.test(id)) ids.push(id);
    }
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return [];
    throw error;
  }
  ids.sort();
  const messages: OutboxMessage[] = [];
  for (const id of ids) {
    const message = await readOutbox(dataDir, id);
    if (message) messages.push(message);
  }
  return messages;
}

/**
 * Reads one mail of the outbox by id.
 *
 * @returns the mail, or `undefined` when the id is malformed or absent.
 */
export async function readOutbox(dataDir: string, id: string): Promise<OutboxMessage | undefined> {
  // The id comes from a URL in the dev view: only the exact shape names a file.
  if (!ID_PATTERN.test(id)) return undefined;
  try {
    return JSON.parse(await Deno.readTextFile(join(dataDir, OUTBOX_FOLDER, `${id}.json`)));
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return undefined;
    throw error;
  }
}
