/**
 * PostgreSQL stops while the service runs (a cluster of the test's own, stopped with
 * `pg_ctl -m immediate`, which cuts every connection): the API and the part URLs answer 503 with
 * `Retry-After` (never a 500 or a stack), nothing is half-written, and once the database is back
 * the same service answers again; an upload running across the outage finishes byte-identical.
 */
import assert from "node:assert/strict";
import { SendSafelyClient } from "../../src/api.ts";
import { encryptPart } from "../../src/pgp.ts";
import { createPackage, finalizePackage, uploadFile } from "../../src/upload.ts";
import { type LogEntry, startServer } from "../../server/mod.ts";
import { queryRows, randomSecretKey } from "../_helpers/backends.ts";
import { createTestDatabase, startPostgresCluster } from "../_helpers/postgres.ts";
import { downloadAll } from "../server/_clients.ts";
import { agentCall, sha256, testBytes, type TestService } from "../server/_helpers.ts";

Deno.test("a database outage answers 503 with Retry-After, loses nothing, and heals", async () => {
  const cluster = await startPostgresCluster();
  const database = await createTestDatabase(cluster);
  const dataDir = await Deno.makeTempDir({ prefix: "padlock-db-outage-" });
  const logs: LogEntry[] = [];
  const server = await startServer({
    port: 0,
    hostname: "127.0.0.1",
    dataDir,
    databaseUrl: database.url,
    secretKey: randomSecretKey(),
    sweepIntervalMs: 0,
    log: (entry) => logs.push(entry),
  });
  try {
    const user = await server.accounts.createUser({
      email: "a@example.com",
      password: "a password 1",
    });
    const key = await server.accounts.createApiKey(user.id, "tests");
    // The raw-call helpers of the service tests, on this service.
    const service = {
      server,
      clock: { offsetMs: 0 },
      agent: { ...user, ...key },
    } as unknown as TestService;
    const before = await agentCall(service, "PUT", "/package/", {});
    assert.equal(before.body.response, "SUCCESS");
    const packageId = String(before.body.packageId);
    const file = await agentCall(service, "PUT", `/package/${packageId}/file/`, {
      filename: "a.bin",
      filesize: 10,
      parts: 1,
    });
    const urls = await agentCall(
      service,
      "POST",
      `/package/${packageId}/file/${file.body.fileId}/upload-urls/`,
      {
        part: 1,
      },
    );
    const partUrl = String((urls.body.uploadUrls as { url: string }[])[0].url);

    await cluster.stop();
    const during = await agentCall(service, "PUT", "/package/", {});
    assert.equal(during.status, 503);
    assert.equal(during.headers.get("retry-after"), "5");
    assert.equal(during.body.response, "SERVICE_UNAVAILABLE");
    const part = await fetch(partUrl, { method: "PUT", body: new Uint8Array(10) });
    assert.equal(part.status, 503);
    assert.equal(part.headers.get("retry-after"), "5");
    await part.body?.cancel();
    // A portal page of a visitor with a session reads the session: the database is needed.
    const page = await fetch(`${server.url}/account`, {
      headers: { Cookie: `padlock_session=${"a".repeat(43)}` },
    });
    assert.equal(page.status, 503);
    await page.body?.cancel();
    assert.deepEqual(
      logs.filter((entry) => entry.event === "error" || entry.response === "SERVER_ERROR"),
      [],
      "an outage is no error with a stack",
    );

    await cluster.start();
    // The service reconnects by itself (a client retries a 503 after Retry-After; here at once,
    // then every 200 ms, for at most 20 s); the package made during the outage does not exist.
    let after = await agentCall(service, "GET", `/package/${packageId}/`);
    for (let waited = 0; after.status === 503 && waited < 20_000; waited += 200) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      after = await agentCall(service, "GET", `/package/${packageId}/`);
    }
    assert.equal(after.body.response, "SUCCESS");
    const rows = await queryRows<{ id: string }>(
      { dataDir, databaseUrl: database.url },
      "SELECT id FROM packages",
    );
    assert.deepEqual(rows.map((row) => row.id), [packageId]);

    // An upload that meets an outage (from its second part on) waits and finishes.
    const client = new SendSafelyClient({ host: server.url, credentials: key });
    const bytes = testBytes(5_500_000, 7); // three parts
    const pkg = await createPackage(client);
    let encrypted = 0;
    let restarted: Promise<void> | undefined;
    const uploaded = await uploadFile(client, pkg, new Blob([bytes]), {
      name: "across.bin",
      concurrency: 1,
      retries: 50,
      retryDelay: 200,
      maxRetryDelay: 1000,
      encrypt: async (plain, passphrase) => {
        if (++encrypted === 2) {
          await cluster.stop();
          restarted = new Promise((resolve) => setTimeout(resolve, 3000)).then(() =>
            cluster.start()
          );
        }
        return await encryptPart(plain, passphrase);
      },
    });
    await restarted;
    assert.ok(uploaded.fileId);
    assert.ok(
      logs.some((entry) => entry.status === 503),
      "the upload met the outage",
    );
    const link = await finalizePackage(client, pkg, { undisclosed: true });
    const received = await downloadAll(client, link);
    assert.equal(await sha256(received.files.get("across.bin")!), await sha256(bytes));
    assert.deepEqual(
      logs.filter((entry) => entry.event === "error" || (entry.status ?? 0) === 500),
      [],
    );
  } finally {
    await server.close();
    await Deno.remove(dataDir, { recursive: true });
    cluster.destroy();
  }
});
