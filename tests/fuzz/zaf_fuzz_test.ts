/**
 * Fuzzing of the ZAF client's message handler (`src/zaf.ts`) with a fake window: random JSON and
 * non-JSON messages, answers with right and wrong ids, events, save hooks, and forged copies from
 * another origin or another window. Invariants: the handler never throws; a request settles only
 * on the parent's message that carries its own id (never on another's, never on a forgery); a
 * rejection is always a `ZafError`; every save hook the parent asks about gets exactly one reply.
 */
import assert from "node:assert/strict";
import { ZafClient, ZafError, type ZafMessageEvent, type ZafWindow } from "../../src/zaf.ts";
import { fuzz, HOSTILE_KEYS, type Rng } from "../_helpers/fuzz.ts";

const ORIGIN = "https://acme.zendesk.com";
const GUID = "8f1c1a3e-6c2b-4d7e-9a55-0b8d6f1c2e3a";
const SEED = 0x2af_2af;
const CASES = 1500;

class FakeParent {
  posted: unknown[] = [];
  postMessage(message: unknown): void {
    this.posted.push(message);
  }
}

class FakeWindow implements ZafWindow {
  readonly parent = new FakeParent();
  readonly intruder = new FakeParent();
  listeners: ((event: ZafMessageEvent) => void)[] = [];
  addEventListener(_type: "message", listener: (event: ZafMessageEvent) => void): void {
    this.listeners.push(listener);
  }
  removeEventListener(_type: "message", listener: (event: ZafMessageEvent) => void): void {
    this.listeners = this.listeners.filter((item) => item !== listener);
  }
}

interface Tracked {
  id: number;
  state: "pending" | "resolved" | "rejected";
  value?: unknown;
  error?: unknown;
}

/** A message as it arrives: its data, and whether it comes from the parent at the right origin. */
interface Delivery {
  data: unknown;
  origin: string;
  fromParent: boolean;
}

function flush(): Promise<void> {
  let chain = Promise.resolve();
  for (let i = 0; i < 25; i++) chain = chain.then(() => {});
  return chain;
}

function parsed(data: unknown): Record<string, unknown> | undefined {
  let value = data;
  if (typeof value === "string") {
    try {
      value = JSON.parse(value);
    } catch {
      return undefined;
    }
  }
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? value as Record<string, unknown>
    : undefined;
}

function randomMessage(rng: Rng, pendingIds: number[]): Delivery {
  const id = rng.weighted<() => unknown>([
    [4, () => pendingIds.length > 0 ? rng.pick(pendingIds) : 1],
    [2, () => rng.int(-2, 60)],
    [1, () => String(rng.int(1, 10))],
    [1, () => rng.hostileNumber()],
    [1, () => rng.json(1)],
  ])();
  const data = rng.weighted<() => unknown>([
    // An answer to a request (maybe not ours, maybe another instance's).
    [5, () => {
      const message: Record<string, unknown> = { id, result: rng.json(2) };
      if (rng.chance(0.3)) message.error = rng.json(2);
      if (rng.chance(0.2)) message.instanceGuid = rng.chance(0.5) ? GUID : rng.hostileString(10);
      if (rng.chance(0.2)) message[rng.pick(HOSTILE_KEYS)] = rng.json(1);
      return message;
    }],
    // An event or a save hook.
    [3, () => ({
      key: rng.pick([
        "zaf.ticket.updated",
        "zaf.app.activated",
        "zaf.ticket.save",
        "zaf.app.registered",
        "zaf.context.updated",
        `zaf.${rng.hostileString(8)}`,
        "zaf.request:1.done",
        "zaf.request:1.fail",
        rng.hostileString(10),
      ]),
      message: rng.json(2),
      needsReply: rng.chance(0.3) ? rng.json(0) : undefined,
      ...(rng.chance(0.2) ? { id } : {}),
    })],
    // Anything at all: random JSON, not JSON, markup.
    [2, () => JSON.stringify(rng.json(3))],
    [1, () => rng.hostileString(60)],
    [1, () => rng.json(2)],
  ])();
  const forged = rng.chance(0.25);
  const text = typeof data === "string" || rng.chance(0.2) ? data : JSON.stringify(data);
  return {
    data: text,
    origin: forged && rng.chance(0.5) ? rng.pick(["https://evil.example", "null", ""]) : ORIGIN,
    fromParent: !(forged && rng.chance(0.7)),
  };
}

Deno.test(`fuzz: the ZAF message handler never throws nor settles the wrong request (${CASES} cases, seed ${SEED})`, async () => {
  let messages = 0;
  const count = await fuzz({ name: "zaf handler", seed: SEED, cases: CASES }, async (rng) => {
    const window = new FakeWindow();
    const zaf = new ZafClient({ origin: ORIGIN, appGuid: GUID, window, timeout: 600_000 });
    try {
      const deliver = ({ data, origin, fromParent }: Delivery) => {
        const event = { data, origin, source: fromParent ? window.parent : window.intruder };
        for (const listener of [...window.listeners]) {
          try {
            listener(event);
          } catch (error) {
            throw new Error(
              `the handler threw ${error instanceof Error ? error.name : typeof error} on ` +
                JSON.stringify(data)?.slice(0, 300),
              { cause: error },
            );
          }
        }
        messages++;
      };
      // Before registration, junk must change nothing either.
      for (let i = rng.int(0, 3); i > 0; i--) deliver(randomMessage(rng, []));
      deliver({
        data: JSON.stringify({
          key: "zaf.app.registered",
          message: { metadata: { appId: 1, installationId: 1, settings: {} }, context: {} },
        }),
        origin: ORIGIN,
        fromParent: true,
      });
      await flush();
      assert.ok(zaf.registered, "registered by the parent's message");

      const hookResult = rng.pick([undefined, false, "No.", true]);
      zaf.on("ticket.save", () => hookResult);
      zaf.on("ticket.updated", () => {
        throw new Error("a failing handler");
      });

      const tracked: Tracked[] = [];
      const calls = rng.int(1, 6);
      for (let i = 0; i < calls; i++) {
        const entry: Tracked = { id: 0, state: "pending" };
        const posted = window.parent.posted.length;
        zaf.invoke(`action${i}`).then(
          (value) => Object.assign(entry, { state: "resolved", value }),
          (error) => Object.assign(entry, { state: "rejected", error }),
        );
        entry.id = (JSON.parse(window.parent.posted[posted] as string) as { id: number }).id;
        tracked.push(entry);
      }
      // One request through Zendesk's proxy: it settles on the parent's request:1.done or .fail
      // (also when asked as a save hook: the SDK calls the handlers of those too).
      const proxied: Tracked = { id: -1, state: "pending" };
      zaf.request({ url: "/api/v2/users/me.json" }).then(
        (value) => Object.assign(proxied, { state: "resolved", value }),
        (error) => Object.assign(proxied, { state: "rejected", error }),
      );
      let proxiedExpected: Tracked["state"] = "pending";
      const expected = new Map<number, "resolved" | "rejected">();
      for (let i = rng.int(5, 25); i > 0; i--) {
        const pendingIds = tracked.filter((entry) => !expected.has(entry.id)).map((e) => e.id);
        const delivery = randomMessage(rng, pendingIds);
        const repliesBefore = window.parent.posted.filter((message) =>
          typeof message === "object"
        ).length;
        deliver(delivery);
        await flush();

        // What the protocol says this message does.
        const data = delivery.origin === ORIGIN && delivery.fromParent
          ? parsed(delivery.data)
          : undefined;
        const forUs = data !== undefined &&
          (typeof data.instanceGuid !== "string" || data.instanceGuid === GUID);
        const answers = forUs && typeof data.id === "number" && pendingIds.includes(data.id);
        if (answers) {
          const failed = data.error !== undefined && data.error !== null;
          const action = tracked.findIndex((entry) => entry.id === data.id);
          const errors = data.result as { errors?: Record<string, unknown> } | undefined;
          const hostFailed = typeof errors === "object" && errors !== null &&
            typeof errors.errors === "object" && errors.errors !== null &&
            !Array.isArray(errors.errors) && Boolean(errors.errors[`action${action}`]);
          expected.set(data.id as number, failed || hostFailed ? "rejected" : "resolved");
        }
        for (const entry of tracked) {
          assert.equal(
            entry.state,
            expected.get(entry.id) ?? "pending",
            `request ${entry.id} after ${JSON.stringify(delivery).slice(0, 300)}`,
          );
          if (entry.state === "rejected") {
            assert.ok(entry.error instanceof ZafError, `rejected with ${entry.error}`);
          }
          if (entry.state === "resolved" && answers && data?.id === entry.id) {
            assert.deepEqual(entry.value, data.result);
          }
        }
        if (
          forUs && !answers && proxiedExpected === "pending" &&
          (data.key === "zaf.request:1.done" || data.key === "zaf.request:1.fail")
        ) {
          proxiedExpected = data.key.endsWith("done") ? "resolved" : "rejected";
        }
        assert.equal(proxied.state, proxiedExpected, "the proxied request");
        if (proxied.state === "rejected") assert.ok(proxied.error instanceof ZafError);
        // A save hook asked by the parent gets one reply; nothing else is answered as one.
        const replies = window.parent.posted.filter((message) => typeof message === "object")
          .length;
        const asksHook = forUs && !answers && typeof data.key === "string" &&
          data.key.startsWith("zaf.") && Boolean(data.needsReply);
        assert.equal(replies - repliesBefore, asksHook ? 1 : 0, "save-hook replies");
        assert.equal(window.intruder.posted.length, 0, "nothing is ever posted to an intruder");
      }
    } finally {
      zaf.destroy();
    }
  });
  assert.equal(count >= 1, true);
  console.log(`zaf fuzz: ${count} cases, ${messages} messages`);
});
