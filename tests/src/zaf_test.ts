/**
 * The ZAF client against a fake parent frame: the wire format of every message, queueing until
 * registration, the shared id counter, errors, events, the request proxy, save-hook replies,
 * time-outs, and messages from a wrong origin or source.
 */
import assert from "node:assert/strict";
import {
  initZaf,
  isAllowedOrigin,
  parseBootstrap,
  ZafClient,
  ZafError,
  type ZafMessageEvent,
  type ZafWindow,
} from "../../src/zaf.ts";

const ORIGIN = "https://acme.zendesk.com";
const GUID = "8f1c1a3e-6c2b-4d7e-9a55-0b8d6f1c2e3a";

/** The Zendesk side: records what the app posts. */
class FakeParent {
  posted: { message: unknown; targetOrigin: string }[] = [];
  postMessage(message: unknown, targetOrigin: string): void {
    this.posted.push({ message, targetOrigin });
  }
  /** Every posted message, parsed when it was a JSON string. */
  get messages(): Record<string, unknown>[] {
    return this.posted.map(({ message }) =>
      typeof message === "string" ? JSON.parse(message) : message as Record<string, unknown>
    );
  }
}

/** The app's window: a parent and a `message` event target. */
class FakeWindow implements ZafWindow {
  readonly parent = new FakeParent();
  readonly location = {
    search: `?origin=${encodeURIComponent(ORIGIN)}&app_guid=${GUID}`,
    hash: "",
  };
  #listeners = new Set<(event: ZafMessageEvent) => void>();
  addEventListener(_type: "message", listener: (event: ZafMessageEvent) => void): void {
    this.#listeners.add(listener);
  }
  removeEventListener(_type: "message", listener: (event: ZafMessageEvent) => void): void {
    this.#listeners.delete(listener);
  }
  get listenerCount(): number {
    return this.#listeners.size;
  }
  /** Delivers a message as the host would (or as an intruder, with other origin/source). */
  deliver(data: unknown, from: { origin?: string; source?: unknown } = {}): void {
    const event = {
      data: typeof data === "string" ? data : JSON.stringify(data),
      origin: from.origin ?? ORIGIN,
      source: "source" in from ? from.source : this.parent,
    };
    for (const listener of [...this.#listeners]) listener(event);
  }
  register(settings: Record<string, unknown> = { service_url: "https://padlock.example" }): void {
    this.deliver({
      key: "zaf.app.registered",
      message: {
        metadata: { appId: 1, installationId: 42, settings },
        context: {
          instanceGuid: GUID,
          product: "support",
          account: { subdomain: "acme" },
          location: "ticket_sidebar",
          ticketId: 7,
        },
      },
    });
  }
}

function start(timeout = 5_000): { zaf: ZafClient; window: FakeWindow } {
  const window = new FakeWindow();
  const zaf = new ZafClient({ origin: ORIGIN, appGuid: GUID, window, timeout });
  return { zaf, window };
}

/** Lets pending promise callbacks run. */
function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

Deno.test("parseBootstrap reads origin and app_guid from the query, then the hash", () => {
  assert.deepEqual(
    parseBootstrap({
      search: "?origin=https%3A%2F%2Facme.zendesk.com&app_guid=abc-1",
      hash: "",
    }),
    { origin: "https://acme.zendesk.com", appGuid: "abc-1" },
  );
  assert.deepEqual(
    parseBootstrap({ search: "", hash: "#app_guid=a+b&origin=http://localhost:9000" }),
    { origin: "http://localhost:9000", appGuid: "a b" },
  );
  assert.deepEqual(
    parseBootstrap({
      search: "?origin=https://x.zendesk.com",
      hash: "#origin=https://y.zendesk.com&app_guid=g",
    }),
    { origin: "https://y.zendesk.com", appGuid: "g" },
  );
});

Deno.test("parseBootstrap says plainly when the page is not inside Zendesk", () => {
  for (
    const location of [{ search: "", hash: "" }, {
      search: "?origin=https://a.zendesk.com",
      hash: "",
    }]
  ) {
    assert.throws(() => parseBootstrap(location), (error: unknown) => {
      assert.ok(error instanceof ZafError);
      assert.equal(error.code, "NOT_IN_ZENDESK");
      assert.match(error.message, /not running inside Zendesk/);
      return true;
    });
  }
});

Deno.test("isAllowedOrigin accepts Zendesk, its staging and localhost, and nothing else", () => {
  for (
    const origin of [
      "https://acme.zendesk.com",
      "https://z3n-test.zendesk-staging.com",
      "http://localhost:8080",
      "https://localhost",
      "http://127.0.0.1:51234",
    ]
  ) assert.equal(isAllowedOrigin(origin), true, origin);
  for (
    const origin of [
      "http://acme.zendesk.com",
      "https://zendesk.com.evil.example",
      "https://acme.zendesk.com.evil.example",
      "https://evil.example",
      "https://a.b.zendesk.com",
      "http://localhost.evil.example",
      "null",
      "",
    ]
  ) assert.equal(isAllowedOrigin(origin), false, origin);
  assert.equal(isAllowedOrigin("http://sandbox.test:81", ["http://sandbox.test:81"]), true);
});

Deno.test("the client refuses an origin outside the allow-list", () => {
  const window = new FakeWindow();
  assert.throws(
    () => new ZafClient({ origin: "https://evil.example", appGuid: GUID, window }),
    (error: unknown) => error instanceof ZafError && error.code === "ORIGIN_NOT_ALLOWED",
  );
  assert.equal(window.parent.posted.length, 0);
  assert.equal(window.listenerCount, 0);
});

Deno.test("initZaf posts the handshake at once, as a JSON string to the origin", () => {
  const window = new FakeWindow();
  const zaf = initZaf({ window });
  try {
    assert.equal(window.parent.posted.length, 1);
    const { message, targetOrigin } = window.parent.posted[0];
    assert.equal(typeof message, "string");
    assert.equal(targetOrigin, ORIGIN);
    assert.deepEqual(JSON.parse(message as string), {
      key: "iframe.handshake",
      message: { version: "2.0.11" },
      appGuid: GUID,
      instanceGuid: GUID,
    });
  } finally {
    zaf.destroy();
  }
});

Deno.test("messages are queued until app.registered, then sent in order with one id counter", async () => {
  const { zaf, window } = start();
  try {
    const results = [
      zaf.get("ticket.id"),
      zaf.set("ticket.subject", "Hi"),
      zaf.invoke("ticket.comment.appendText", "text"),
    ];
    zaf.on("ticket.updated", () => {});
    assert.equal(window.parent.posted.length, 1, "only the handshake before registration");
    window.register();
    const sent = window.parent.messages.slice(1);
    assert.deepEqual(sent, [
      { id: 1, request: "get", params: ["ticket.id"], appGuid: GUID, instanceGuid: GUID },
      {
        id: 2,
        request: "set",
        params: { "ticket.subject": "Hi" },
        appGuid: GUID,
        instanceGuid: GUID,
      },
      {
        id: 3,
        request: "invoke",
        params: { "ticket.comment.appendText": ["text"] },
        appGuid: GUID,
        instanceGuid: GUID,
      },
      {
        key: "iframe.on:ticket.updated",
        message: { subscriberCount: 1 },
        appGuid: GUID,
        instanceGuid: GUID,
      },
    ]);
    assert.ok(window.parent.posted.every(({ targetOrigin }) => targetOrigin === ORIGIN));
    window.deliver({ id: 1, result: { "ticket.id": 7, errors: {} } });
    window.deliver({ id: 2, result: { "ticket.subject": "Hi", errors: {} } });
    window.deliver({ id: 3, result: { errors: {} } });
    const [got] = await Promise.all(results);
    assert.equal((got as { "ticket.id": number })["ticket.id"], 7);
    zaf.get("currentUser").catch(() => {});
    assert.equal(window.parent.messages.at(-1)?.id, 4);
  } finally {
    zaf.destroy();
  }
});

Deno.test("metadata() and context() resolve after registration; context.updated replaces context", async () => {
  const { zaf, window } = start();
  try {
    const metadata = zaf.metadata();
    window.register({ service_url: "https://svc.example", require_auth_default: true });
    assert.deepEqual((await metadata).settings, {
      service_url: "https://svc.example",
      require_auth_default: true,
    });
    assert.equal((await zaf.context()).ticketId, 7);
    window.deliver({
      key: "zaf.context.updated",
      message: {
        instanceGuid: GUID,
        product: "support",
        account: { subdomain: "acme" },
        location: "ticket_sidebar",
        ticketId: 9,
      },
    });
    assert.equal((await zaf.context()).ticketId, 9);
    assert.equal(zaf.registered, true);
  } finally {
    zaf.destroy();
  }
});

Deno.test("get of one path rejects with the host's error; a bulk get keeps errors per path", async () => {
  const { zaf, window } = start();
  try {
    window.register();
    const single = zaf.get("ticket.nope");
    window.deliver({
      id: 1,
      result: {
        errors: {
          "ticket.nope": { name: "ApiError", message: "is not a valid path", path: "ticket.nope" },
        },
      },
    });
    await assert.rejects(single, (error: unknown) => {
      assert.ok(error instanceof ZafError);
      assert.equal(error.code, "HOST_ERROR");
      assert.equal(error.message, '"ticket.nope" is not a valid path');
      assert.equal(error.hostName, "ApiError");
      assert.equal(error.path, "ticket.nope");
      return true;
    });
    const bulk = zaf.get(["ticket.id", "ticket.nope"]);
    window.deliver({
      id: 2,
      result: { "ticket.id": 7, errors: { "ticket.nope": { message: "is not a valid path" } } },
    });
    const result = await bulk;
    assert.equal(result["ticket.id"], 7);
    assert.equal(result.errors["ticket.nope"].message, "is not a valid path");
    const value = zaf.getValue("ticket.requester");
    window.deliver({
      id: 3,
      result: { "ticket.requester": { id: 1, name: "Ann", email: "ann@example.com" } },
    });
    assert.equal((await value).email, "ann@example.com");
  } finally {
    zaf.destroy();
  }
});

Deno.test("an error answer rejects the request; invoke sends its arguments as an array", async () => {
  const { zaf, window } = start();
  try {
    window.register();
    const resize = zaf.invoke("resize", { width: "100%", height: "240px" });
    assert.deepEqual(window.parent.messages.at(-1), {
      id: 1,
      request: "invoke",
      params: { resize: [{ width: "100%", height: "240px" }] },
      appGuid: GUID,
      instanceGuid: GUID,
    });
    window.deliver({ id: 1, error: { name: "Error", message: "Cannot resize" } });
    await assert.rejects(resize, (error: unknown) => {
      assert.ok(error instanceof ZafError);
      assert.equal(error.code, "HOST_ERROR");
      assert.equal(error.message, "Cannot resize");
      return true;
    });
    await assert.rejects(
      () => zaf.get([]),
      (error: unknown) => error instanceof ZafError && error.code === "BAD_ARGUMENT",
    );
  } finally {
    zaf.destroy();
  }
});

Deno.test("on/off tell the host the subscriber count; events reach handlers; others are ignored", () => {
  const { zaf, window } = start();
  try {
    window.register();
    const seen: unknown[] = [];
    const first = (data: unknown) => seen.push(["first", data]);
    const second = (data: unknown) => seen.push(["second", data]);
    zaf.on("ticket.updated", first);
    zaf.on("ticket.updated", second);
    window.deliver({ key: "zaf.ticket.updated", message: { id: 7 } });
    window.deliver({ key: "ticket.updated", message: "no zaf prefix" });
    window.deliver({ key: "zaf.ticket.updated", message: "other instance", instanceGuid: "other" });
    window.deliver("not json at all");
    assert.deepEqual(seen, [["first", { id: 7 }], ["second", { id: 7 }]]);
    assert.equal(zaf.off("ticket.updated", first), true);
    assert.equal(zaf.has("ticket.updated", first), false);
    assert.equal(zaf.has("ticket.updated", second), true);
    window.deliver({ key: "zaf.ticket.updated", message: 2 });
    assert.deepEqual(seen.at(-1), ["second", 2]);
    assert.equal(seen.length, 3);
    const keys = window.parent.messages.slice(1).map((message) => [message.key, message.message]);
    assert.deepEqual(keys, [
      ["iframe.on:ticket.updated", { subscriberCount: 1 }],
      ["iframe.on:ticket.updated", { subscriberCount: 2 }],
      ["iframe.off:ticket.updated", { subscriberCount: 1 }],
    ]);
    zaf.trigger("padlock.ping", { a: 1 });
    assert.deepEqual(window.parent.messages.at(-1), {
      key: "iframe.trigger:padlock.ping",
      message: { a: 1 },
      appGuid: GUID,
      instanceGuid: GUID,
    });
  } finally {
    zaf.destroy();
  }
});

Deno.test("request goes through the proxy with its own counter and resolves on done", async () => {
  const { zaf, window } = start();
  try {
    window.register();
    zaf.get("ticket.id").catch(() => {}); // id 1 of get/set/invoke; requests count apart
    const comments = zaf.request({ url: "/api/v2/tickets/7/comments.json", type: "GET" });
    const sent = window.parent.messages.slice(2).map((message) => [message.key, message.message]);
    assert.deepEqual(sent, [
      ["iframe.on:request:1.done", { subscriberCount: 1 }],
      ["iframe.on:request:1.fail", { subscriberCount: 1 }],
      ["request:1", { url: "/api/v2/tickets/7/comments.json", type: "GET" }],
    ]);
    window.deliver({
      key: "zaf.request:1.done",
      message: { responseArgs: [{ comments: [{ id: 1, body: "hi" }] }, "success", {}] },
    });
    assert.deepEqual(await comments, { comments: [{ id: 1, body: "hi" }] });
    const offs = window.parent.messages.slice(-2).map((message) => [message.key, message.message]);
    assert.deepEqual(offs, [
      ["iframe.off:request:1.done", { subscriberCount: 0 }],
      ["iframe.off:request:1.fail", { subscriberCount: 0 }],
    ]);

    const failing = zaf.request("/api/v2/nope.json");
    assert.equal(window.parent.messages.at(-1)?.key, "request:2");
    window.deliver({
      key: "zaf.request:2.fail",
      message: {
        responseArgs: [{ status: 404, responseText: '{"error":"RecordNotFound"}' }, "error"],
      },
    });
    await assert.rejects(failing, (error: unknown) => {
      assert.ok(error instanceof ZafError);
      assert.equal(error.code, "REQUEST_FAILED");
      assert.equal(error.status, 404);
      assert.equal(error.responseText, '{"error":"RecordNotFound"}');
      return true;
    });
  } finally {
    zaf.destroy();
  }
});

Deno.test("save hooks get a reply object, with error.msg when a handler refuses", async () => {
  const cases: [string, () => unknown, string | undefined][] = [
    ["no objection", () => true, undefined],
    ["undefined result", () => undefined, undefined],
    ["returns false", () => false, "The app stopped this update."],
    ["returns a string", () => "Use the cloud button", "Use the cloud button"],
    ["throws", () => {
      throw new Error("Broken");
    }, "Broken"],
    ["rejects", () => Promise.reject(new Error("Later")), "Later"],
    ["resolves false", () => Promise.resolve(false), "The app stopped this update."],
    ["resolves", () => Promise.resolve(true), undefined],
  ];
  for (const [label, handler, expected] of cases) {
    const { zaf, window } = start();
    try {
      window.register();
      zaf.on("ticket.save", handler);
      const before = window.parent.posted.length;
      window.deliver({ key: "zaf.ticket.save", message: {}, needsReply: true });
      await settle();
      const replies = window.parent.posted.slice(before);
      assert.equal(replies.length, 1, label);
      assert.equal(typeof replies[0].message, "object", `${label}: the reply is an object`);
      assert.equal(replies[0].targetOrigin, ORIGIN);
      const expectedReply: Record<string, unknown> = {
        appGuid: GUID,
        key: "iframe.reply:ticket.save",
      };
      if (expected !== undefined) expectedReply.error = { msg: expected };
      assert.deepEqual(replies[0].message, expectedReply, label);
    } finally {
      zaf.destroy();
    }
  }
});

Deno.test("a request without an answer fails with a clear TIMEOUT error", async () => {
  const { zaf, window } = start(30);
  try {
    window.register();
    await assert.rejects(zaf.get("ticket.id"), (error: unknown) => {
      assert.ok(error instanceof ZafError);
      assert.equal(error.code, "TIMEOUT");
      assert.match(error.message, /did not answer the get request/);
      return true;
    });
    await assert.rejects(zaf.request("/api/v2/x.json"), (error: unknown) => {
      return error instanceof ZafError && error.code === "TIMEOUT";
    });
  } finally {
    zaf.destroy();
  }
});

Deno.test("a host that never registers makes metadata() fail with TIMEOUT", async () => {
  const { zaf } = start(30);
  try {
    await assert.rejects(zaf.metadata(), (error: unknown) => {
      assert.ok(error instanceof ZafError);
      assert.equal(error.code, "TIMEOUT");
      assert.match(error.message, /handshake/);
      return true;
    });
    await assert.rejects(
      zaf.context(),
      (error: unknown) => error instanceof ZafError && error.code === "TIMEOUT",
    );
  } finally {
    zaf.destroy();
  }
});

Deno.test("messages from a wrong origin or a wrong source are ignored", async () => {
  const { zaf, window } = start(50);
  try {
    // A registration from elsewhere must not unlock the queue.
    window.deliver(
      {
        key: "zaf.app.registered",
        message: { metadata: { settings: { service_url: "https://evil" } } },
      },
      { origin: "https://evil.example" },
    );
    window.deliver(
      {
        key: "zaf.app.registered",
        message: { metadata: { settings: { service_url: "https://evil" } } },
      },
      { source: {} },
    );
    assert.equal(zaf.registered, false);
    window.register();
    const seen: unknown[] = [];
    zaf.on("ticket.updated", (data) => seen.push(data));
    zaf.on("ticket.save", () => false);
    const answer = zaf.get("ticket.id");
    window.deliver({ id: 1, result: { "ticket.id": 666 } }, { origin: "https://evil.example" });
    window.deliver({ id: 1, result: { "ticket.id": 666 } }, { source: null });
    window.deliver({ key: "zaf.ticket.updated", message: "evil" }, {
      origin: "http://localhost:1",
    });
    window.deliver({ key: "zaf.ticket.updated", message: "evil" }, { source: {} });
    const before = window.parent.posted.length;
    window.deliver({ key: "zaf.ticket.save", needsReply: true }, {
      origin: "https://evil.example",
    });
    await settle();
    assert.equal(window.parent.posted.length, before, "no reply to a save hook from elsewhere");
    assert.deepEqual(seen, []);
    assert.equal((await zaf.metadata()).settings.service_url, "https://padlock.example");
    await assert.rejects(
      answer,
      (error: unknown) => error instanceof ZafError && error.code === "TIMEOUT",
    );
  } finally {
    zaf.destroy();
  }
});

Deno.test("destroy stops listening and fails waiting requests", async () => {
  const { zaf, window } = start();
  window.register();
  const waiting = zaf.get("ticket.id");
  zaf.destroy();
  assert.equal(window.listenerCount, 0);
  await assert.rejects(
    waiting,
    (error: unknown) => error instanceof ZafError && error.code === "DESTROYED",
  );
  await assert.rejects(
    zaf.invoke("resize", {}),
    (error: unknown) => error instanceof ZafError && error.code === "DESTROYED",
  );
});
