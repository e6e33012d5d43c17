/**
 * Upgrades: a data directory written by an earlier release (committed under `tests/fixtures/`,
 * made by `scripts/upgrade_fixture.ts`) is migrated by the current service and serves its link;
 * a database migrated by a newer release is refused with a message that says what to do, by the
 * library and by the command line (exit status 3), and is left untouched.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { SendSafelyClient } from "../../src/api.ts";
import { startServer } from "../../server/mod.ts";
import { SchemaError } from "../../server/db/database.ts";
import { CURRENT_SCHEMA_VERSION } from "../../server/health.ts";
import { downloadAll } from "./_clients.ts";
import { sha256 } from "./_helpers.ts";

const FIXTURES = new URL("../fixtures/", import.meta.url).pathname;
const SERVER_MAIN = new URL("../../server/main.ts", import.meta.url).pathname;

/** Every committed fixture folder: one per released schema. */
function fixtureFolders(): string[] {
  return [...Deno.readDirSync(FIXTURES)]
    .filter((entry) => entry.isDirectory && entry.name.startsWith("datadir-schema-"))
    .map((entry) => join(FIXTURES, entry.name))
    .sort();
}

async function copyTree(from: string, to: string): Promise<void> {
  await Deno.mkdir(to, { recursive: true });
  for await (const entry of Deno.readDir(from)) {
    if (entry.isDirectory) await copyTree(join(from, entry.name), join(to, entry.name));
    else await Deno.copyFile(join(from, entry.name), join(to, entry.name));
  }
}

function schemaOf(dataDir: string): number {
  const db = new DatabaseSync(join(dataDir, "padlock.db"), { readOnly: true });
  try {
    return (db.prepare("SELECT MAX(version) AS v FROM schema_migrations").get() as { v: number }).v;
  } finally {
    db.close();
  }
}

Deno.test("upgrade: every committed data directory is migrated and serves its link", async () => {
  const folders = fixtureFolders();
  assert.ok(folders.length >= 1, "no fixture data directory");
  for (const folder of folders) {
    const fixture = JSON.parse(await Deno.readTextFile(join(folder, "fixture.json")));
    const dataDir = await Deno.makeTempDir({ prefix: "padlock-upgrade-" });
    await copyTree(folder, dataDir);
    await Deno.remove(join(dataDir, "fixture.json"));
    assert.equal(schemaOf(dataDir), fixture.schemaVersion);
    // The clock of the day after the fixture was made, so its package has not expired.
    const server = await startServer({
      port: 0,
      dataDir,
      log: () => {},
      sweepIntervalMs: 0,
      now: () => fixture.createdAt + 86_400_000,
    });
    try {
      assert.equal(schemaOf(dataDir), CURRENT_SCHEMA_VERSION);
      const ready = await fetch(`${server.url}/readyz`).then((response) => response.json());
      assert.equal(ready.ready, true, JSON.stringify(ready));
      const client = new SendSafelyClient({
        host: server.url,
        credentials: { apiKey: fixture.apiKey, apiSecret: fixture.apiSecret },
        now: () => new Date(fixture.createdAt + 86_400_000),
      });
      // The link names the host it was made on; this service answers elsewhere.
      const link = fixture.link.replace("http://fixture.invalid", server.url);
      const received = await downloadAll(client, link);
      assert.equal(received.message, fixture.message);
      assert.deepEqual(
        [...received.files.keys()].sort(),
        fixture.files.map((file: { name: string }) => file.name).sort(),
      );
      for (const file of fixture.files) {
        assert.equal(await sha256(received.files.get(file.name)!), file.sha256, file.name);
      }
    } finally {
      await server.close();
      await Deno.remove(dataDir, { recursive: true });
    }
  }
});

Deno.test("upgrade: a database newer than the code is refused, clearly, and left as it is", async () => {
  const dataDir = await Deno.makeTempDir({ prefix: "padlock-upgrade-" });
  try {
    await copyTree(fixtureFolders()[0], dataDir);
    const newer = CURRENT_SCHEMA_VERSION + 1;
    const db = new DatabaseSync(join(dataDir, "padlock.db"));
    db.prepare("INSERT INTO schema_migrations (version, description, applied_at) VALUES (?, ?, ?)")
      .run(newer, "from a newer release", Date.now());
    db.close();
    const expected = new RegExp(
      `schema is version ${newer} but this service knows up to ${CURRENT_SCHEMA_VERSION}; upgrade the service`,
    );
    await assert.rejects(
      startServer({ port: 0, dataDir, log: () => {}, sweepIntervalMs: 0 }),
      (error: Error) => error instanceof SchemaError && expected.test(error.message),
    );
    const output = await new Deno.Command(Deno.execPath(), {
      args: ["run", "-A", SERVER_MAIN, "--port", "0", "--data-dir", dataDir],
      stdout: "piped",
      stderr: "piped",
    }).output();
    assert.equal(output.code, 3);
    const stderr = new TextDecoder().decode(output.stderr);
    assert.match(stderr, expected);
    // One line for the operator, no stack trace.
    assert.doesNotMatch(stderr, /\bat \w+ \(|file:\/\//);
    assert.equal(schemaOf(dataDir), newer);
  } finally {
    await Deno.remove(dataDir, { recursive: true });
  }
});
