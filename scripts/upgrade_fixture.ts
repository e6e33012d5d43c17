/**
 * Writes the data directory that the upgrade test serves with the current code:
 * `deno run -A scripts/upgrade_fixture.ts tests/fixtures/datadir-schema-<N>`. Run it once per
 * released schema and commit the folder; never regenerate a committed one (it stands for the data
 * an operator already has).
 *
 * The folder holds the database, the parts, the (test-only) `secret.key`, and `fixture.json`: the
 * API key and secret, the Secure Link, each file's name and SHA-256, and the time it was made.
 *
 * @module
 */
import { join } from "node:path";
import { SendSafelyClient } from "../src/api.ts";
import { uploadFiles } from "../src/upload.ts";
import { startServer } from "../server/mod.ts";
import { CURRENT_SCHEMA_VERSION } from "../server/health.ts";

/** Deterministic bytes, so the fixture's files can be checked by their hash alone. */
function bytesOf(size: number, seed: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(size);
  let state = seed;
  for (let index = 0; index < size; index++) {
    state = (state * 1103515245 + 12345) >>> 0;
    out[index] = state >>> 24;
  }
  return out;
}

async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

if (import.meta.main) {
  const dir = Deno.args[0];
  if (!dir) throw new Error("Usage: deno run -A scripts/upgrade_fixture.ts <new folder>");
  await Deno.mkdir(dir, { recursive: false });
  const server = await startServer({ port: 0, dataDir: dir, log: () => {}, sweepIntervalMs: 0 });
  const user = await server.accounts.createUser({
    email: "agent@example.com",
    password: "fixture password 1",
  });
  const key = await server.accounts.createApiKey(user.id, "upgrade fixture");
  const client = new SendSafelyClient({ host: server.url, credentials: key });
  // Two files and a message (kept small: the folder is committed).
  const files = [
    { name: "data.bin", bytes: bytesOf(100_000, 7) },
    {
      name: "note.txt",
      bytes: new TextEncoder().encode("made with schema " + CURRENT_SCHEMA_VERSION),
    },
  ];
  const { link } = await uploadFiles(
    client,
    files.map(({ name, bytes }) => ({ name, blob: new Blob([bytes as Uint8Array<ArrayBuffer>]) })),
    { undisclosed: true, message: "upgrade fixture" },
  );
  await server.close();
  // The outbox and the WAL files are not part of what an operator keeps.
  await Deno.remove(join(dir, "outbox"), { recursive: true }).catch(() => {});
  const fixture = {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    createdAt: Date.now(),
    apiKey: key.apiKey,
    apiSecret: key.apiSecret,
    link: link.replace(server.url, "http://fixture.invalid"),
    message: "upgrade fixture",
    files: await Promise.all(
      files.map(async ({ name, bytes }) => ({
        name,
        sha256: await sha256Hex(bytes as Uint8Array<ArrayBuffer>),
      })),
    ),
  };
  await Deno.writeTextFile(join(dir, "fixture.json"), JSON.stringify(fixture, null, 2) + "\n");
  console.log(`wrote ${dir} (schema ${CURRENT_SCHEMA_VERSION})`);
}
