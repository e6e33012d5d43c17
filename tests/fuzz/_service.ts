/**
 * What the service fuzzers share: raw requests signed by hand over exact bytes (so bodies that
 * are not JSON, or not UTF-8, are still correctly signed), a fresh set of fixtures (packages in
 * every state, a file, a recipient), the envelope check every answer must pass, and the closing
 * round trip that proves the service still works after the fuzzing.
 *
 * @module
 */
import assert from "node:assert/strict";
import { formatTimestamp, signRequest } from "../../server/mod.ts";
import { SendSafelyClient } from "../../src/api.ts";
import { downloadFile, openPackage } from "../../src/download.ts";
import { checksum as keyChecksum } from "../../src/keys.ts";
import { uploadFiles } from "../../src/upload.ts";
import { agentCall, dropzoneCall, testBytes, type TestService } from "../server/_helpers.ts";
import type { Rng } from "../_helpers/fuzz.ts";

/** Who sends a raw request. */
export type Sender =
  | { kind: "agent"; apiKey: string; apiSecret: string }
  | { kind: "dropzone"; dropzoneId: string }
  | { kind: "session" };

/** A raw answer: status, content type, text, and the parsed body when it is JSON. */
export interface RawAnswer {
  status: number;
  contentType: string | null;
  text: string;
  json?: unknown;
}

/** Encodes a string as UTF-8 (lone surrogates become U+FFFD, as on the wire). */
export function utf8(text: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(text);
}

/**
 * Sends one API request with exact `body` bytes, signed over the path the service will see (the
 * URL parser's normalisation of `path`) when the sender is an agent.
 */
export async function send(
  service: TestService,
  sender: Sender,
  method: string,
  path: string,
  body: Uint8Array<ArrayBuffer> | undefined,
  headers: Record<string, string> = {},
): Promise<RawAnswer> {
  const prefix = sender.kind === "dropzone" ? "/drop-zone/v2.0" : "/api/v2.0";
  const url = new URL(prefix + path, service.server.url);
  // fetch sends no body with GET or HEAD: sign exactly what goes on the wire.
  const sent = method !== "GET" && method !== "HEAD" && body && body.length > 0 ? body : undefined;
  const all: Record<string, string> = {
    "ss-request-api": "FUZZ_API",
    "Content-Type": "application/json",
    ...headers,
  };
  const overrides = { ...headers };
  if (sender.kind === "agent") {
    const timestamp = formatTimestamp(Date.now() + service.clock.offsetMs);
    all["ss-api-key"] = sender.apiKey;
    all["ss-request-timestamp"] = timestamp;
    all["ss-request-signature"] = signRequest(
      sender.apiSecret,
      sender.apiKey,
      url.pathname,
      timestamp,
      sent ?? new Uint8Array(0),
    );
  } else if (sender.kind === "dropzone") {
    all["ss-api-key"] = sender.dropzoneId;
  }
  Object.assign(all, overrides);
  const response = await fetch(url, { method, headers: all, body: sent });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, contentType: response.headers.get("content-type"), text, json };
}

/**
 * Checks an API answer: HTTP 200, JSON, an object with a string `response` that is not
 * `SERVER_ERROR`. Returns the code.
 */
export function assertEnvelope(answer: RawAnswer, what: string): string {
  assert.equal(answer.status, 200, `${what}: HTTP ${answer.status} ${answer.text.slice(0, 200)}`);
  assert.equal(answer.contentType, "application/json", `${what}: content type`);
  const body = answer.json as Record<string, unknown> | undefined;
  assert.ok(
    typeof body === "object" && body !== null && !Array.isArray(body),
    `${what}: not a JSON object: ${answer.text.slice(0, 200)}`,
  );
  assert.equal(typeof body.response, "string", `${what}: no response code`);
  assert.notEqual(body.response, "SERVER_ERROR", `${what}: ${answer.text.slice(0, 300)}`);
  return body.response as string;
}

/** Packages in each state, with their ids, for paths and bodies. */
export interface Fixtures {
  /** An open package of the agent with a 2-part file (part 1 stored) and a recipient. */
  packageId: string;
  packageCode: string;
  fileId: string;
  recipientId: string;
  /** A finalized undisclosed package of the agent with one whole file. */
  finalizedId: string;
  finalizedCode: string;
  finalizedFileId: string;
  checksum: string;
  /** An open package being dropped into the dropzone. */
  dropId: string;
  dropFileId: string;
}

function success(body: Record<string, unknown>, what: string): Record<string, unknown> {
  assert.equal(body.response, "SUCCESS", `${what}: ${JSON.stringify(body)}`);
  return body;
}

/** Builds fresh fixtures through the API. */
export async function makeFixtures(service: TestService): Promise<Fixtures> {
  const open = success((await agentCall(service, "PUT", "/package/", {})).body, "open package");
  const packageId = open.packageId as string;
  const fileId = success(
    (await agentCall(service, "PUT", `/package/${packageId}/file/`, {
      filename: "open.bin",
      parts: 2,
      filesize: 3_000_000,
    })).body,
    "open file",
  ).fileId as string;
  const urls = success(
    (await agentCall(service, "POST", `/package/${packageId}/file/${fileId}/upload-urls/`, {
      part: 1,
    })).body,
    "upload urls",
  ).uploadUrls as { url: string }[];
  const put = await fetch(urls[0].url, { method: "PUT", body: testBytes(2000) });
  await put.body?.cancel();
  const recipient = success(
    (await agentCall(service, "PUT", `/package/${packageId}/recipient/`, {
      email: "rita@example.com",
    })).body,
    "recipient",
  );

  const closed = success((await agentCall(service, "PUT", "/package/", {})).body, "package");
  const finalizedId = closed.packageId as string;
  const finalizedFileId = success(
    (await agentCall(service, "PUT", `/package/${finalizedId}/file/`, {
      filename: "sent.bin",
      parts: 1,
      filesize: 100,
    })).body,
    "file",
  ).fileId as string;
  const [{ url }] = success(
    (await agentCall(
      service,
      "POST",
      `/package/${finalizedId}/file/${finalizedFileId}/upload-urls/`,
      { part: 1 },
    )).body,
    "urls",
  ).uploadUrls as { url: string }[];
  const stored = await fetch(url, { method: "PUT", body: testBytes(200) });
  await stored.body?.cancel();
  const checksum = await keyChecksum("K".repeat(43), closed.packageCode as string);
  success(
    (await agentCall(service, "POST", `/package/${finalizedId}/finalize/`, {
      checksum,
      undisclosedRecipients: true,
    })).body,
    "finalize",
  );

  const drop = success((await dropzoneCall(service, "PUT", "/package/", {})).body, "drop");
  const dropFileId = success(
    (await dropzoneCall(service, "PUT", `/package/${drop.packageId}/file/`, {
      filename: "drop.bin",
      parts: 1,
      filesize: 10,
    })).body,
    "drop file",
  ).fileId as string;
  return {
    packageId,
    packageCode: open.packageCode as string,
    fileId,
    recipientId: recipient.recipientId as string,
    finalizedId,
    finalizedCode: closed.packageCode as string,
    finalizedFileId,
    checksum,
    dropId: drop.packageId as string,
    dropFileId,
  };
}

/** An id that tries to escape its path segment or its alphabet. */
export function hostileId(rng: Rng): string {
  return rng.pick([
    "..%2F..%2F..%2Fetc%2Fpasswd",
    "%2e%2e",
    "%2E%2E%2F",
    "..%5C..%5C",
    "a%00b",
    "%00",
    "%252e%252e%252f",
    "ABCD-2345",
    "x".repeat(rng.int(129, 400)),
    encodeURIComponent(rng.hostileString(16).toWellFormed()) || "%20",
    crypto.randomUUID(),
    "*",
    "%",
    "ABCD-23%2F45",
  ]);
}

/**
 * Sends a whole upload and download through the `src/` client and checks the bytes: the
 * service still does its job after everything the fuzzer sent.
 */
export async function assertRoundTrip(
  service: TestService,
  sender: { apiKey: string; apiSecret: string },
): Promise<void> {
  const client = new SendSafelyClient({ host: service.server.url, credentials: sender });
  const bytes = testBytes(3_000_000, 7);
  const { link } = await uploadFiles(
    client,
    [{ blob: new Blob([bytes]), name: "after-fuzzing.bin" }],
    { undisclosed: true },
  );
  const pkg = await openPackage(client, link);
  assert.equal(pkg.files.length, 1);
  const chunks: Uint8Array[] = [];
  await downloadFile(
    client,
    pkg,
    pkg.files[0],
    new WritableStream({ write: (chunk) => void chunks.push(chunk) }),
  );
  const received = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    received.set(chunk, offset);
    offset += chunk.length;
  }
  assert.equal(received.length, bytes.length);
  assert.ok(received.every((byte, index) => byte === bytes[index]), "byte-identical");
}
