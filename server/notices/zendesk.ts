/**
 * Internal notes on Zendesk tickets, through Zendesk's REST API with an API token
 * (`PUT /api/v2/tickets/{id}.json`, basic auth `email/token:apiToken`). A note is sent in the
 * background and tried again with growing waits when Zendesk fails (refusal, error, out of reach):
 * the upload it tells of has succeeded whatever Zendesk answers. A note that still fails after
 * the last try is logged (`zendesk note not added`, counted in the metrics); it never holds a key.
 *
 * @module
 */

/** Where and as whom the notes are written. */
export interface ZendeskApiSettings {
  /** The API's origin, `https://<subdomain>.zendesk.com` (or a sandbox). */
  baseUrl: string;
  /** Email of the agent the API token acts for. */
  email: string;
  /** The API token. */
  apiToken: string;
}

/** Zendesk did not take a note; `status` is its HTTP status (absent when out of reach). */
export class ZendeskError extends Error {
  override name = "ZendeskError";
  /** The HTTP status Zendesk answered with. */
  readonly status?: number;

  /** A failure with Zendesk's status, if it answered. */
  constructor(message: string, status?: number, options?: ErrorOptions) {
    super(message, options);
    this.status = status;
  }
}

/** Options of {@linkcode ZendeskNotes}. */
export interface ZendeskNotesOptions {
  /** Waits before each further try, in milliseconds. @default {[5000, 30000, 120000, 600000]} */
  retryDelaysMs?: readonly number[];
  /** Time-out of one call. @default {15000} */
  timeoutMs?: number;
}

/** The settings from the configuration, or `undefined` when no Zendesk API token is given. */
export function zendeskSettingsOf(config: {
  zendeskSubdomain?: string;
  zendeskBaseUrl?: string;
  zendeskEmail?: string;
  zendeskApiToken?: string;
}): ZendeskApiSettings | undefined {
  const { zendeskSubdomain, zendeskBaseUrl, zendeskEmail, zendeskApiToken } = config;
  if (!zendeskEmail || !zendeskApiToken || !(zendeskBaseUrl || zendeskSubdomain)) return undefined;
  return {
    baseUrl: (zendeskBaseUrl || `https://${zendeskSubdomain}.zendesk.com`).replace(/\/+$/, ""),
    email: zendeskEmail,
    apiToken: zendeskApiToken,
  };
}

/** Adds internal notes to tickets, in the background, with retries. */
export class ZendeskNotes {
  readonly #settings: ZendeskApiSettings;
  readonly #onFailure: (error: unknown, ticketId: string) => void;
  readonly #delays: readonly number[];
  readonly #timeoutMs: number;
  readonly #pending = new Set<Promise<void>>();
  /** The waits before a retry, each with what ends it early (close). */
  readonly #waits = new Map<ReturnType<typeof setTimeout>, () => void>();
  #closed = false;

  /** Writes as `settings` says; `onFailure` hears of each note given up after the last try. */
  constructor(
    settings: ZendeskApiSettings,
    onFailure: (error: unknown, ticketId: string) => void,
    options: ZendeskNotesOptions = {},
  ) {
    this.#settings = settings;
    this.#onFailure = onFailure;
    this.#delays = options.retryDelaysMs ?? [5_000, 30_000, 120_000, 600_000];
    this.#timeoutMs = options.timeoutMs ?? 15_000;
  }

  /** Queues an internal note (`htmlBody`, already escaped) on ticket `ticketId`; returns at once. */
  add(ticketId: string, htmlBody: string): void {
    const run = this.#deliver(ticketId, htmlBody);
    this.#pending.add(run);
    run.finally(() => this.#pending.delete(run));
  }

  /** Resolves once every note queued so far is written or given up. */
  async drain(): Promise<void> {
    while (this.#pending.size > 0) await Promise.all([...this.#pending]);
  }

  /** Gives up the waits of notes still to be tried (each is reported as failed). */
  close(): void {
    this.#closed = true;
    for (const [timer, end] of this.#waits) {
      clearTimeout(timer);
      end();
    }
    this.#waits.clear();
  }

  async #deliver(ticketId: string, htmlBody: string): Promise<void> {
    for (let attempt = 0;; attempt++) {
      try {
        await this.#put(ticketId, htmlBody);
        return;
      } catch (error) {
        // A ticket that is not there (404) or a refused body (422) will not change by waiting.
        const final = error instanceof ZendeskError &&
          (error.status === 404 || error.status === 422);
        if (final || attempt >= this.#delays.length || this.#closed) {
          this.#onFailure(error, ticketId);
          return;
        }
        const wait = this.#delays[attempt];
        const waited = await new Promise<boolean>((resolve) => {
          const timer = setTimeout(() => {
            this.#waits.delete(timer);
            resolve(true);
          }, wait);
          // close() ends the wait at once, so that drain() does not hang.
          this.#waits.set(timer, () => resolve(false));
        });
        if (!waited) {
          this.#onFailure(error, ticketId);
          return;
        }
      }
    }
  }

  async #put(ticketId: string, htmlBody: string): Promise<void> {
    const { baseUrl, email, apiToken } = this.#settings;
    const url = `${baseUrl}/api/v2/tickets/${encodeURIComponent(ticketId)}.json`;
    let response: Response;
    try {
      response = await fetch(url, {
        method: "PUT",
        headers: {
          authorization: `Basic ${btoa(`${email}/token:${apiToken}`)}`,
          "content-type": "application/json",
          accept: "application/json",
        },
        body: JSON.stringify({ ticket: { comment: { html_body: htmlBody, public: false } } }),
        signal: AbortSignal.timeout(this.#timeoutMs),
      });
    } catch (cause) {
      throw new ZendeskError(`Zendesk (${baseUrl}) could not be reached.`, undefined, { cause });
    }
    await response.body?.cancel();
    if (!response.ok) {
      throw new ZendeskError(`Zendesk answered HTTP ${response.status}.`, response.status);
    }
  }
}
