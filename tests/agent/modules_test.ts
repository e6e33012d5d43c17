/**
 * The agent app's modules that need no browser: settings, the credential store, device pairing
 * (against a fake service), the ticket scan and the save hook (against a fake ZAF host), and the
 * error messages.
 */
import assert from "node:assert/strict";
import { credentialsKey, CredentialStore } from "../../agent/credentials.ts";
import { chooseAppSink } from "../../agent/files_view.ts";
import { describeDownloadError, WRONG_KEY_MESSAGE } from "../../agent/messages.ts";
import { PairingError, startPairing, waitForPairing } from "../../agent/pairing.ts";
import { BLOCKED_MESSAGE, checkAttachments } from "../../agent/save_hook.ts";
import { readSettings, roleAllowed, SettingsError } from "../../agent/settings.ts";
import { linksInTexts, scanTicket } from "../../agent/ticket_scan.ts";
import { ApiError } from "../../src/api.ts";
import { DownloadError } from "../../src/download.ts";
import { DEFAULT_BLOB_LIMIT, SinkError } from "../../src/sinks.ts";
import { ZafClient, type ZafMessageEvent, type ZafWindow } from "../../src/zaf.ts";

const ORIGIN = "https://acme.zendesk.com";
const LINK_A = "https://svc.example/receive/?thread=ABCD-1234&packageCode=PkgA#keyCode=KeyA";
const LINK_B = "https://svc.example/receive/?thread=EFGH-5678&packageCode=PkgB#keyCode=KeyB";

/** A Zendesk host that answers `get` from a table of paths. */
function fakeHost(values: Record<string, unknown>): ZafClient {
  const listeners = new Set<(event: ZafMessageEvent) => void>();
  const parent = {
    postMessage(message: unknown) {
      const data = typeof message === "string" ? JSON.parse(message) : message;
      const reply = (answer: unknown) =>
        queueMicrotask(() => {
          for (const listener of listeners) {
            listener({ data: JSON.stringify(answer), origin: ORIGIN, source: parent });
          }
        });
      if (data.key === "iframe.handshake") {
        reply({ key: "zaf.app.registered", message: { metadata: { settings: {} }, context: {} } });
      } else if (data.request === "get") {
        const result: Record<string, unknown> = { errors: {} };
        for (const path of data.params) {
          if (path in values) result[path] = values[path];
          else (result.errors as Record<string, unknown>)[path] = { message: "no such path", path };
        }
        reply({ id: data.id, result });
      }
    },
  };
  const window: ZafWindow = {
    parent,
    addEventListener: (_type, listener) => void listeners.add(listener),
    removeEventListener: (_type, listener) => void listeners.delete(listener),
  };
  return new ZafClient({ origin: ORIGIN, appGuid: "guid", window, timeout: 1000 });
}

Deno.test("readSettings types the installation parameters and refuses a missing service URL", () => {
  assert.deepEqual(
    readSettings({
      service_url: " https://padlock.example.com/some/path ",
      require_auth_default: "false",
      block_unencrypted_attachments: true,
      allowed_roles: "Admin, agent\nTeam Lead",
      all_agents_as_recipients: "true",
      insert_hyperlink: true,
    }),
    {
      serviceUrl: "https://padlock.example.com",
      requireAuthDefault: false,
      blockUnencryptedAttachments: true,
      allowedRoles: ["admin", "agent", "team lead"],
      allAgentsAsRecipients: true,
      insertHyperlink: true,
    },
  );
  const defaults = readSettings({ service_url: "http://localhost:8080" });
  assert.equal(defaults.requireAuthDefault, true);
  assert.equal(defaults.blockUnencryptedAttachments, false);
  assert.deepEqual(defaults.allowedRoles, []);
  assert.equal(defaults.allAgentsAsRecipients, false);
  assert.equal(defaults.insertHyperlink, false);
  for (const service_url of [undefined, "", "not a url", "javascript:alert(1)"]) {
    assert.throws(() => readSettings({ service_url }), SettingsError);
  }
});

Deno.test("roleAllowed lets every role in when the list is empty, else only listed roles", () => {
  assert.equal(roleAllowed("light-agent", []), true);
  assert.equal(roleAllowed("Agent", ["agent"]), true);
  assert.equal(roleAllowed("light-agent", ["admin", "agent"]), false);
  assert.equal(roleAllowed(undefined, ["admin"]), false);
});

Deno.test("the credential store is namespaced by service and installation", () => {
  const storage = new Map<string, string>();
  const backing = {
    getItem: (key: string) => storage.get(key) ?? null,
    setItem: (key: string, value: string) => void storage.set(key, value),
    removeItem: (key: string) => void storage.delete(key),
  };
  const one = new CredentialStore(backing, "https://a.example", 1);
  const other = new CredentialStore(backing, "https://b.example", 1);
  const otherInstall = new CredentialStore(backing, "https://a.example", 2);
  one.save({ apiKey: "k", apiSecret: "s", email: "agent@example.com" });
  assert.deepEqual(one.load(), { apiKey: "k", apiSecret: "s", email: "agent@example.com" });
  assert.equal(other.load(), undefined);
  assert.equal(otherInstall.load(), undefined);
  assert.ok(storage.has(credentialsKey("https://a.example", 1)));
  storage.set(credentialsKey("https://b.example", 1), "{not json");
  assert.equal(other.load(), undefined);
  one.forget();
  assert.equal(one.load(), undefined);
  const blocked = new CredentialStore(
    {
      getItem() {
        throw new DOMException("blocked", "SecurityError");
      },
      setItem() {},
      removeItem() {
        throw new DOMException("blocked", "SecurityError");
      },
    },
    "https://a.example",
    1,
  );
  assert.equal(blocked.load(), undefined);
  blocked.forget();
});

/** A fake pairing service: answers from a script and records every request. */
function fakePairingFetch(polls: Record<string, unknown>[], start: Record<string, unknown> = {}) {
  const requests: { url: string; body: string }[] = [];
  const fetch = (input: string | URL | Request, init?: RequestInit) => {
    const url = String(input);
    requests.push({ url, body: String(init?.body ?? "") });
    if (url.endsWith("/auth/pairing")) {
      return Promise.resolve(Response.json({
        response: "SUCCESS",
        deviceCode: "device-secret",
        userCode: "BCDF-GHJK",
        verificationUrl: "https://svc.example/connect?code=BCDF-GHJK",
        interval: 0.001,
        expiresIn: 60,
        ...start,
      }));
    }
    const next = polls.shift();
    if (!next) return Promise.reject(new TypeError("network down"));
    return Promise.resolve(Response.json(next));
  };
  return { fetch: fetch as typeof globalThis.fetch, requests };
}

Deno.test("pairing polls until allowed and never puts the device code in a URL", async () => {
  const service = fakePairingFetch([
    { response: "PENDING" },
    { response: "PENDING" },
    { response: "SUCCESS", apiKey: "key", apiSecret: "secret", email: "agent@example.com" },
  ]);
  const pairing = await startPairing("https://svc.example", { fetch: service.fetch });
  assert.equal(pairing.userCode, "BCDF-GHJK");
  assert.equal(pairing.verificationUrl, "https://svc.example/connect?code=BCDF-GHJK");
  const credentials = await waitForPairing("https://svc.example", pairing, {
    fetch: service.fetch,
  });
  assert.deepEqual(credentials, { apiKey: "key", apiSecret: "secret", email: "agent@example.com" });
  assert.equal(service.requests.length, 4);
  assert.deepEqual(JSON.parse(service.requests[0].body), { description: "Zendesk app" });
  assert.deepEqual(JSON.parse(service.requests[1].body), { deviceCode: "device-secret" });
  assert.ok(service.requests.every(({ url }) => !url.includes("device-secret")));
});

Deno.test("pairing opens only the service's own page and reports denial and expiry", async () => {
  const foreign = fakePairingFetch([{ response: "DENIED" }], {
    verificationUrl: "https://evil.example/phish?code=BCDF-GHJK",
  });
  const pairing = await startPairing("https://svc.example", { fetch: foreign.fetch });
  assert.equal(pairing.verificationUrl, "https://svc.example/connect?code=BCDF-GHJK");
  await assert.rejects(
    waitForPairing("https://svc.example", pairing, { fetch: foreign.fetch }),
    (error: unknown) => error instanceof PairingError && error.code === "DENIED",
  );
  const expired = fakePairingFetch([{ response: "EXPIRED" }]);
  await assert.rejects(
    waitForPairing("https://svc.example", pairing, { fetch: expired.fetch }),
    (error: unknown) => error instanceof PairingError && error.code === "EXPIRED",
  );
  const missing = (() => Promise.resolve(Response.json({}, { status: 404 }))) as typeof fetch;
  await assert.rejects(
    startPairing("https://svc.example", { fetch: missing }),
    (error: unknown) => error instanceof PairingError && error.code === "NOT_SUPPORTED",
  );
  const controller = new AbortController();
  const pending = fakePairingFetch(Array(1000).fill({ response: "PENDING" }));
  const waiting = waitForPairing("https://svc.example", { ...pairing, interval: 0.005 }, {
    fetch: pending.fetch,
    signal: controller.signal,
  });
  controller.abort(new DOMException("stop", "AbortError"));
  await assert.rejects(waiting, (error: unknown) => (error as Error).name === "AbortError");
});

Deno.test("linksInTexts finds each Secure Link once, with its first author and time", () => {
  const found = linksInTexts([
    { text: `<p>see <a href="${LINK_A.replace("&", "&amp;")}">link</a></p>`, author: "Rita" },
    { text: `again ${LINK_A} and ${LINK_B}`, author: "Alex", createdAt: "2025-01-02T00:00:00Z" },
    { text: "no link here https://example.com/?packageCode=x", author: "Bob" },
  ]);
  assert.deepEqual(found.map(({ url, author }) => [url, author]), [
    [LINK_A, "Rita"],
    [LINK_B, "Alex"],
  ]);
});

Deno.test("scanTicket reads comments, falls back to the conversation, and the description", async () => {
  const withComments = fakeHost({
    "ticket.comments": [
      {
        id: 2,
        value: `second ${LINK_B}`,
        author: { id: 2, name: "Alex" },
        createdAt: "2025-01-02T00:00:00Z",
      },
      {
        id: 1,
        value: `first ${LINK_A}`,
        author: { id: 1, name: "Rita" },
        createdAt: "2025-01-01T00:00:00Z",
      },
    ],
    "ticket.description": `first ${LINK_A}`,
    "ticket.requester": { id: 1, name: "Rita" },
  });
  try {
    const links = await scanTicket(withComments);
    assert.deepEqual(links.map(({ url, author }) => [url, author]), [[LINK_A, "Rita"], [
      LINK_B,
      "Alex",
    ]]);
  } finally {
    withComments.destroy();
  }
  const withConversation = fakeHost({
    "ticket.conversation": [{
      author: { id: 3, name: "Carol", role: "end-user" },
      message: { content: `here ${LINK_B}`, contentType: "text/html" },
      timestamp: "2025-01-03T00:00:00Z",
    }],
    "ticket.description": `desc ${LINK_A}`,
    "ticket.requester": { id: 9, name: "Dora" },
  });
  try {
    const links = await scanTicket(withConversation);
    assert.deepEqual(links.map(({ url, author }) => [url, author]), [[LINK_B, "Carol"], [
      LINK_A,
      "Dora",
    ]]);
  } finally {
    withConversation.destroy();
  }
});

Deno.test("the save hook refuses only replies that carry Zendesk attachments", async () => {
  const withFiles = fakeHost({ "comment.attachments": [{ filename: "a.txt" }] });
  const without = fakeHost({ "comment.attachments": [] });
  const unknown = fakeHost({});
  try {
    assert.equal(await checkAttachments(withFiles), BLOCKED_MESSAGE);
    assert.equal(await checkAttachments(without), true);
    assert.equal(await checkAttachments(unknown), true);
  } finally {
    withFiles.destroy();
    without.destroy();
    unknown.destroy();
  }
});

Deno.test("download errors become sentences for the agent", () => {
  assert.match(
    describeDownloadError(new ApiError("UNKNOWN_PACKAGE", "x")),
    /expired or was deleted/,
  );
  assert.match(
    describeDownloadError(new ApiError("PERMISSION_DENIED", "x")),
    /may not open this link/,
  );
  assert.match(describeDownloadError(new ApiError("NETWORK_ERROR", "x")), /could not be reached/);
  assert.equal(describeDownloadError(new ApiError("INVALID_CHECKSUM", "x")), WRONG_KEY_MESSAGE);
  const server = new DownloadError("The server did not release it", {
    code: "SERVER",
    cause: new ApiError("PERMISSION_DENIED", "no"),
  });
  assert.match(describeDownloadError(server), /may not open this link/);
  assert.equal(
    describeDownloadError(
      new DownloadError("Part 2 failed its integrity check", { code: "TAMPERED" }),
    ),
    "Part 2 failed its integrity check.",
  );
});

Deno.test("a file over the app's in-memory cap is refused before it downloads, naming the way out", async () => {
  // Deno has no service worker, as a browser that refuses the frame one, so the app's way of
  // saving is the Blob; the cap is checked before a byte is fetched or a DOM node made.
  const global = globalThis as { document?: unknown };
  global.document = {};
  try {
    const file = {
      fileId: "F1",
      fileName: "disk.iso",
      fileSize: DEFAULT_BLOB_LIMIT + 1,
      parts: 191,
    };
    const error = await chooseAppSink(file).then(() => undefined, (error: unknown) => error);
    assert.ok(error instanceof SinkError, String(error));
    assert.equal(error.code, "TOO_LARGE");
    const sentence = describeDownloadError(error);
    assert.match(sentence, /^"disk\.iso" \(500 MB\) is too large to save from this page/);
    assert.match(sentence, /Open the Secure Link in a browser tab to download it there\.$/);
    // At the cap the app saves it.
    const sink = await chooseAppSink({ ...file, fileSize: DEFAULT_BLOB_LIMIT });
    assert.equal(sink.kind, "blob");
    await sink.stream.abort();
  } finally {
    delete global.document;
  }
});
