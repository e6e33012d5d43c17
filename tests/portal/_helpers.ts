/**
 * What the portal tests share: the real service on 127.0.0.1 port 0 with a temporary data
 * directory and a movable clock, two agents and a dropzone, packages sent through the `src/`
 * client, the outbox, and a cookie-keeping visitor for raw HTTP calls.
 *
 * @module
 */
import { SendSafelyClient } from "../../src/api.ts";
import { checksum } from "../../src/keys.ts";
import { parseLink } from "../../src/link.ts";
import { uploadFiles } from "../../src/upload.ts";
import { type RunningServer, type ServerConfig, startServer } from "../../server/mod.ts";
import { listOutbox, type OutboxMessage } from "../../server/mail/outbox.ts";
export { randomBytes, sha256 } from "../_helpers/bytes.ts";

/** An agent of the tests. */
export interface TestAgent {
  id: string;
  email: string;
  password: string;
  client: SendSafelyClient;
}

/** A running service for one test. */
export interface PortalService {
  server: RunningServer;
  url: string;
  dataDir: string;
  /** Added to the service's clock. */
  clock: { offsetMs: number };
  /** Sends packages; owns the dropzone. */
  agent: TestAgent;
  /** Allowed on the dropzone. */
  colleague: TestAgent;
  /** Neither sender nor allowed on the dropzone. */
  outsider: TestAgent;
  dropzoneId: string;
  /** Sends files from the agent; named recipients unless `undisclosed`. */
  send(
    files: { name: string; bytes: Uint8Array }[],
    options?: { recipients?: string[]; message?: string },
  ): Promise<string>;
  /** Drops files into the dropzone as an anonymous end-user would. */
  drop(files: { name: string; bytes: Uint8Array }[]): Promise<string>;
  /** Mails in the outbox, oldest first. */
  outbox(): Promise<OutboxMessage[]>;
  close(): Promise<void>;
}

/** Starts the service with three agents (their passwords are `<local part> password 1`). */
export async function startPortalService(
  config: Partial<ServerConfig> = {},
): Promise<PortalService> {
  const dataDir = await Deno.makeTempDir({ prefix: "padlock-portal-test-" });
  const clock = { offsetMs: 0 };
  const server = await startServer({
    port: 0,
    hostname: "127.0.0.1",
    dataDir,
    sweepIntervalMs: 0,
    log: () => {},
    now: () => Date.now() + clock.offsetMs,
    devOutbox: true,
    ...config,
  });
  const makeAgent = async (email: string): Promise<TestAgent> => {
    const password = `${email.split("@")[0]} password 1`;
    const user = await server.accounts.createUser({ email, password });
    const key = await server.accounts.createApiKey(user.id, "tests");
    return {
      id: user.id,
      email,
      password,
      client: new SendSafelyClient({ host: server.url, credentials: key }),
    };
  };
  const [agent, colleague, outsider] = await Promise.all([
    makeAgent("agent@example.com"),
    makeAgent("colleague@example.com"),
    makeAgent("outsider@example.com"),
  ]);
  const { dropzoneId } = await server.accounts.createDropzone(agent.id, {
    allowedUserIds: [colleague.id],
  });
  const blobs = (files: { name: string; bytes: Uint8Array }[]) =>
    files.map(({ name, bytes }) => ({ name, blob: new Blob([bytes as Uint8Array<ArrayBuffer>]) }));
  return {
    server,
    url: server.url,
    dataDir,
    clock,
    agent,
    colleague,
    outsider,
    dropzoneId,
    async send(files, options = {}) {
      const recipients = options.recipients ?? [];
      const { link } = await uploadFiles(agent.client, blobs(files), {
        undisclosed: recipients.length === 0,
        recipients,
        message: options.message,
      });
      return link;
    },
    async drop(files) {
      const client = new SendSafelyClient({ host: server.url, credentials: { dropzoneId } });
      const { link } = await uploadFiles(client, blobs(files), {
        undisclosed: false,
        unconfirmedSender: "requester@example.com",
      });
      return link;
    },
    outbox: () => listOutbox(dataDir),
    async close() {
      await server.close();
      await Deno.remove(dataDir, { recursive: true });
    },
  };
}

/** Waits until `ready` returns a value (polling every 50 ms, at most `timeoutMs`). */
export async function waitFor<T>(
  ready: () => Promise<T | undefined> | T | undefined,
  what: string,
  timeoutMs = 5000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await ready();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

/** Waits for the `count`-th mail to `to` in the outbox and returns the code in it. */
export async function codeFromOutbox(
  service: PortalService,
  to: string,
  count = 1,
): Promise<string> {
  const mail = await waitFor(async () => {
    const mails = (await service.outbox()).filter((mail) => mail.to === to);
    return mails.length >= count ? mails[count - 1] : undefined;
  }, `mail ${count} to ${to}`);
  const code = mail.text.match(/\b([0-9]{6})\b/)?.[1];
  if (!code) throw new Error(`No code in the mail: ${mail.text}`);
  return code;
}

/** A visitor without a browser: keeps cookies, reads CSRF tokens, posts forms and JSON. */
export class Visitor {
  readonly cookies = new Map<string, string>();
  /** `Set-Cookie` values received, in order. */
  readonly setCookies: string[] = [];
  readonly #base: string;

  constructor(base: string) {
    this.#base = base;
  }

  /** Sends a request with the cookies and keeps the cookies of the answer. */
  async fetch(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0) {
      headers.set(
        "Cookie",
        [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; "),
      );
    }
    const response = await fetch(new URL(path, this.#base), {
      ...init,
      headers,
      redirect: "manual",
    });
    for (const cookie of response.headers.getSetCookie()) {
      this.setCookies.push(cookie);
      const [pair] = cookie.split(";");
      const index = pair.indexOf("=");
      this.cookies.set(pair.slice(0, index), pair.slice(index + 1));
    }
    return response;
  }

  /** GETs a page and returns its HTML and the CSRF token in it. */
  async page(path: string): Promise<{ response: Response; html: string; csrf: string }> {
    const response = await this.fetch(path);
    const html = await response.text();
    const csrf = html.match(/name="csrf-token" content="([^"]+)"/)?.[1] ?? "";
    return { response, html, csrf };
  }

  /** POSTs a form (with `Origin` set to the service, as a browser does). */
  async form(path: string, fields: Record<string, string>, origin = this.#base): Promise<Response> {
    return await this.fetch(path, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: origin },
      body: new URLSearchParams(fields),
    });
  }

  /** POSTs JSON to the portal API with a CSRF token; returns the parsed answer. */
  async api(
    path: string,
    body: Record<string, unknown>,
    csrf: string,
  ): Promise<{ status: number; body: Record<string, unknown> }> {
    const response = await this.fetch(path, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf, Origin: this.#base },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: await response.json() };
  }
}

/** The packageCode and checksum a receive page sends for a Secure Link. */
export async function linkProof(link: string): Promise<{ packageCode: string; checksum: string }> {
  const parsed = parseLink(link);
  return {
    packageCode: parsed.packageCode,
    checksum: await checksum(parsed.keyCode, parsed.packageCode),
  };
}
