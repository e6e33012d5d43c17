/**
 * Fuzzing of every JSON endpoint of the service over real HTTP: each API route (taken from the
 * service's own route table, so a new route is fuzzed too) with valid signatures and bodies that
 * are mutated (missing fields, wrong types, huge and odd numbers, Unicode, deep nesting, extra
 * keys such as `__proto__`) or replaced (random JSON, not JSON, not UTF-8), ids in paths that try
 * to escape, as an agent, another agent, a dropzone or an anonymous session; then the portal's
 * JSON calls (`/portal/api/*`, `/auth/pairing*`). Every answer must be a JSON envelope with a
 * `response` code, never a 500 nor `SERVER_ERROR`; the service logs no unexpected error; and a
 * whole upload and download still works afterwards.
 */
import assert from "node:assert/strict";
import { API_ROUTES } from "../../server/app.ts";
import { addAgent, type TestService, withService } from "../server/_helpers.ts";
import { Visitor } from "../portal/_helpers.ts";
import { fuzz, HOSTILE_KEYS, type Rng } from "../_helpers/fuzz.ts";
import {
  assertEnvelope,
  assertRoundTrip,
  type Fixtures,
  hostileId,
  makeFixtures,
  send,
  type Sender,
  utf8,
} from "./_service.ts";

const SEED = 0xa91_5eed;
const API_CASES = 2400;
const PORTAL_CASES = 600;
/** Fresh fixtures every so many cases (the fuzzer deletes and finalizes packages). */
const FIXTURE_EVERY = 150;

/** A JSON literal written as is (numbers JSON.stringify cannot write). */
class Raw {
  constructor(readonly text: string) {}
}

/** Serialises a body that may hold `Raw` literals. */
function serialise(value: unknown): string {
  const raws: string[] = [];
  const text = JSON.stringify(value, (_key, item) => {
    if (item instanceof Raw) {
      raws.push(item.text);
      return `\u0000raw${raws.length - 1}\u0000`;
    }
    return item;
  });
  return (text ?? "null").replace(/"\\u0000raw(\d+)\\u0000"/g, (_, index) => raws[Number(index)]);
}

/** A valid body for each route that takes one. */
function template(pattern: string, fixtures: Fixtures): Record<string, unknown> {
  const templates: Record<string, Record<string, unknown>> = {
    "/package/": { vdr: false },
    "/package/:packageId/": { life: 5 },
    "/package/:packageId/message/": { message: "wcDMBAkDCIc4XQ==" },
    "/package/:packageId/finalize/": {
      checksum: fixtures.checksum,
      undisclosedRecipients: true,
      notifyRecipients: false,
      password: "",
      unconfirmedSender: "rita@example.com",
    },
    "/package/:packageId/recipients/": { emails: ["a@example.com", "b@example.com"] },
    "/package/:packageId/recipient/": { email: "c@example.com" },
    "/package/:packageId/file/": {
      filename: "report%20%C3%A9.pdf",
      parts: 1,
      filesize: 1000,
      uploadType: "JS_API",
      directoryId: "",
    },
    "/package/:packageId/file/:fileId/upload-urls/": { part: 1 },
    "/package/:packageId/file/:fileId/download-urls/": {
      checksum: fixtures.checksum,
      startSegment: 1,
      endSegment: 25,
    },
    "/package/:packageId/link/:publicKeyId/": { keycode: "-----BEGIN PGP MESSAGE-----\nxx" },
  };
  return structuredClone(templates[pattern] ?? {});
}

/** A value of the wrong kind, or an extreme of the right one. */
function wrongValue(rng: Rng): unknown {
  return rng.weighted<() => unknown>([
    [3, () => rng.json(3)],
    [
      2,
      () => new Raw(rng.pick(["1e400", "-1e400", "-0", "123456789012345678901234567890", "1.0"])),
    ],
    [2, () => rng.hostileNumber()],
    [2, () => rng.hostileString(80)],
    [1, () => "x".repeat(rng.int(1_000, 100_000))],
    [1, () => new Raw("[".repeat(3000) + "]".repeat(3000))],
    [1, () => new Raw('{"a":'.repeat(2000) + "1" + "}".repeat(2000))],
    [1, () => Array.from({ length: rng.int(100, 3000) }, () => rng.hostileString(8))],
    [1, () => rng.pick([true, false, null, "", "true", "0", []])],
  ])();
}

function fuzzedBody(rng: Rng, base: Record<string, unknown>): Uint8Array<ArrayBuffer> | undefined {
  return rng.weighted<() => Uint8Array<ArrayBuffer> | undefined>([
    [1, () => utf8(serialise(base))],
    [6, () => {
      const body: Record<string, unknown> = { ...base };
      const fields = Object.keys(body);
      for (let edits = rng.int(1, 3); edits > 0; edits--) {
        const field = fields.length > 0 && rng.chance(0.8) ? rng.pick(fields) : undefined;
        if (field && rng.chance(0.3)) delete body[field];
        else if (field) body[field] = wrongValue(rng);
        else {
          Object.defineProperty(body, rng.pick(HOSTILE_KEYS), {
            value: wrongValue(rng),
            enumerable: true,
            writable: true,
            configurable: true,
          });
        }
      }
      return utf8(serialise(body));
    }],
    [2, () => utf8(JSON.stringify(rng.json(4)) ?? "null")],
    [1, () => utf8(rng.mutateString(serialise(base), 5))],
    [1, () => rng.bytes(rng.int(1, 300))],
    [1, () => undefined],
  ])();
}

function paramValue(rng: Rng, name: string, fixtures: Fixtures): string {
  if (rng.chance(0.12)) return hostileId(rng);
  switch (name) {
    case "packageId":
      return rng.pick([fixtures.packageId, fixtures.finalizedId, fixtures.dropId]);
    case "packageIdOrCode":
      return rng.pick([
        fixtures.packageId,
        fixtures.finalizedId,
        fixtures.packageCode,
        fixtures.finalizedCode,
        fixtures.dropId,
      ]);
    case "fileId":
      return rng.pick([fixtures.fileId, fixtures.finalizedFileId, fixtures.dropFileId]);
    case "recipientId":
      return fixtures.recipientId;
    case "checksum":
      return rng.pick([fixtures.checksum, "0".repeat(64), fixtures.checksum.toUpperCase()]);
    case "versionNumber":
      return rng.pick(["1.0", "2.0.11", "3"]);
    default:
      return rng.pick(["JS_API", "key1", fixtures.packageId]);
  }
}

async function fuzzApi(service: TestService): Promise<Record<string, number>> {
  const other = await addAgent(service, "other@example.com");
  const senders: [number, Sender][] = [
    [6, { kind: "agent", ...service.agent }],
    [1, { kind: "agent", ...other }],
    [2, { kind: "dropzone", dropzoneId: service.dropzoneId }],
    [1, { kind: "session" }],
  ];
  const routes = API_ROUTES.filter((route) => route.body !== "multipart");
  assert.ok(routes.length >= 25, `only ${routes.length} JSON routes`);
  const codes: Record<string, number> = {};
  const hit = new Set<string>();
  let fixtures = await makeFixtures(service);
  await fuzz({ name: "JSON API", seed: SEED, cases: API_CASES }, async (rng, index) => {
    if (index > 0 && index % FIXTURE_EVERY === 0) fixtures = await makeFixtures(service);
    // Every route in turn, so each gets its share whatever the seed.
    const route = routes[index % routes.length];
    hit.add(`${route.method} ${route.pattern}`);
    const path = route.pattern.replace(
      /:([A-Za-z]+)/g,
      (_, name: string) => paramValue(rng, name, fixtures),
    ) + (rng.chance(0.1)
      ? `?rowIndex=${encodeURIComponent(String(rng.json(0)).toWellFormed())}`
      : "");
    const method = rng.chance(0.05)
      ? rng.pick(["GET", "PUT", "POST", "DELETE", "PATCH"])
      : route.method;
    const body = fuzzedBody(rng, template(route.pattern, fixtures));
    const sender = rng.weighted(senders);
    // Now and then a header a client could get wrong: a mangled key, timestamp or signature.
    const headers: Record<string, string> = {};
    if (rng.chance(0.06)) {
      const header = rng.pick(["ss-api-key", "ss-request-timestamp", "ss-request-signature"]);
      headers[header] = rng.hostileString(60).replace(/[^\x20-\x7e]/g, "").trim();
    }
    const answer = await send(service, sender, method, path, body, headers);
    const code = assertEnvelope(answer, `${method} ${path} as ${sender.kind}`);
    codes[code] = (codes[code] ?? 0) + 1;
  });
  assert.equal(hit.size, routes.length, "every JSON route was fuzzed");
  return codes;
}

async function fuzzPortal(
  service: TestService,
  fixtures: Fixtures,
): Promise<Record<string, number>> {
  const visitor = new Visitor(service.server.url);
  const { csrf } = await visitor.page("/receive/");
  assert.ok(csrf.length > 20, "a CSRF token");
  const codes: Record<string, number> = {};
  const endpoints = [
    "/portal/api/access",
    "/portal/api/code",
    "/portal/api/verify",
    "/auth/pairing",
    "/auth/pairing/poll",
  ];
  await fuzz({ name: "portal JSON", seed: SEED + 1, cases: PORTAL_CASES }, async (rng, index) => {
    const path = endpoints[index % endpoints.length];
    const base: Record<string, unknown> = path.startsWith("/auth")
      ? { description: "Zendesk app", deviceCode: "A".repeat(43) }
      : {
        packageCode: rng.pick([fixtures.finalizedCode, fixtures.packageCode]),
        checksum: fixtures.checksum,
        email: "rita@example.com",
        code: "123456",
        remember: true,
      };
    const headers: Record<string, string> = {
      "Content-Type": rng.chance(0.9)
        ? "application/json"
        : rng.hostileString(20).replace(/[^\x20-\x7e]/g, ""),
      Origin: rng.chance(0.9) ? service.server.url : "https://evil.example",
      "X-CSRF-Token": rng.chance(0.9) ? csrf : rng.hostileString(43).replace(/[^\x20-\x7e]/g, ""),
      // The service trusts the proxy here, so each case is its own client for the rate limits.
      "X-Forwarded-For": rng.chance(0.9)
        ? `10.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(0, 255)}`
        : rng.hostileString(40).replace(/[^\x20-\x7e]/g, ""),
    };
    const response = await visitor.fetch(path, {
      method: "POST",
      headers,
      body: fuzzedBody(rng, base),
    });
    const text = await response.text();
    assert.ok(response.status < 500, `${path}: HTTP ${response.status} ${text.slice(0, 200)}`);
    const body = JSON.parse(text);
    assert.equal(typeof body.response, "string", `${path}: ${text.slice(0, 200)}`);
    assert.notEqual(body.response, "SERVER_ERROR");
    codes[`${path} ${body.response}`] = (codes[`${path} ${body.response}`] ?? 0) + 1;
  });
  return codes;
}

Deno.test(`fuzz: every JSON endpoint answers an envelope, never a 500 (${API_CASES + PORTAL_CASES} cases, seed ${SEED})`, async () => {
  await withService(async (service) => {
    const apiCodes = await fuzzApi(service);
    const portalCodes = await fuzzPortal(service, await makeFixtures(service));
    console.log("API answers:", apiCodes);
    console.log("portal answers:", portalCodes);
    // Not only refusals: valid calls went through too.
    assert.ok((apiCodes.SUCCESS ?? 0) > 50, "some fuzzed calls succeeded");
    await assertRoundTrip(service, service.agent);
  }, { trustProxy: true });
});
