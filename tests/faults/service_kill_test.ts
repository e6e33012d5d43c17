/**
 * The service killed with SIGKILL in the middle of uploads and downloads, then restarted on the
 * same port and data, behind the fault proxy (so the clients keep the same URL, as behind a
 * reverse proxy that answers 502 meanwhile): every client goes on by itself, no part the
 * service acknowledged is lost or damaged, none is sent again, and every file arrives
 * byte-identical. The service runs as a real subprocess (`server/main.ts`).
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { SendSafelyClient } from "../../src/api.ts";
import {
  createPackage,
  finalizePackage,
  PART_SIZE,
  type RetryInfo,
  uploadFile,
  uploadFiles,
} from "../../src/upload.ts";
import { openAccounts } from "../../server/mod.ts";
import { startFaultProxy } from "../_helpers/fault_proxy.ts";
import { freePort, ServiceProcess } from "../server/_process.ts";
import {
  deliveredBefore,
  downloadLink,
  randomBytes,
  sha256,
  transfersAfter,
  transfersAround,
} from "./_helpers.ts";

/** Every part the database lists, with the size it recorded and the size of its file. */
function storedParts(dataDir: string): { key: string; recorded: number; onDisk: number }[] {
  const db = new DatabaseSync(join(dataDir, "padlock.db"), { readOnly: true });
  try {
    const rows = db.prepare(
      "SELECT files.package_id AS packageId, parts.file_id AS fileId, parts.part, parts.size " +
        "FROM parts JOIN files ON files.id = parts.file_id",
    ).all() as { packageId: string; fileId: string; part: number; size: number }[];
    return rows.map((row) => {
      let onDisk = -1;
      try {
        onDisk = Deno.statSync(join(dataDir, "parts", row.packageId, row.fileId, `${row.part}.pgp`))
          .size;
      } catch { /* missing: -1 */ }
      return { key: `${row.fileId}:${row.part}`, recorded: row.size, onDisk };
    });
  } finally {
    db.close();
  }
}

Deno.test("SIGKILL and restart during uploads and downloads: clients go on, nothing lost or sent twice", async () => {
  const dataDir = await Deno.makeTempDir({ prefix: "padlock-kill-" });
  const port = freePort();
  const proxy = startFaultProxy({ target: `http://127.0.0.1:${port}` });
  const flags = [
    "--port",
    String(port),
    "--hostname",
    "127.0.0.1",
    "--data-dir",
    dataDir,
    "--public-url",
    proxy.url,
  ];
  const { accounts, close: closeAccounts } = await openAccounts(dataDir);
  const user = await accounts.createUser({ email: "agent@example.com", password: "agent pass 1" });
  const key = await accounts.createApiKey(user.id, "kill test");
  const { dropzoneId } = await accounts.createDropzone(user.id, { allowedUserIds: [user.id] });
  await closeAccounts();
  let service = await ServiceProcess.start(flags);
  try {
    const agent = new SendSafelyClient({ host: proxy.url, credentials: key });
    const dropzone = new SendSafelyClient({ host: proxy.url, credentials: { dropzoneId } });

    // Files sent beforehand, downloaded while the service dies.
    const earlier = [randomBytes(5 * PART_SIZE + 1), randomBytes(4 * PART_SIZE)];
    const earlierLinks: string[] = [];
    for (const [index, bytes] of earlier.entries()) {
      const { link } = await uploadFiles(agent, [{ blob: new Blob([bytes]), name: `e${index}` }], {
        undisclosed: true,
      });
      earlierLinks.push(link);
    }

    // A slightly slow network, so that the kill lands in the middle of transfers.
    proxy.addRule((request) =>
      request.kind === "part-get"
        ? { bytesPerSecond: 3_000_000 }
        : request.kind === "part-put"
        ? { delayMs: 600 }
        : undefined
    );
    let puts = 0;
    let gets = 0;
    let killedAt = Infinity;
    let restarted!: Promise<void>;
    const removeTrigger = proxy.onExchange((exchange) => {
      if (!exchange.completed || (exchange.status ?? 500) >= 300) return;
      if (exchange.kind === "part-put") puts++;
      if (exchange.kind === "part-get") gets++;
      if (puts < 4 || gets < 1) return;
      removeTrigger();
      killedAt = performance.now();
      const dying = service;
      restarted = (async () => {
        const status = await dying.kill("SIGKILL");
        assert.equal(status.signal, "SIGKILL");
        // Down for a moment: the proxy answers 502, as a reverse proxy would.
        await new Promise((resolve) => setTimeout(resolve, 1500));
        service = await ServiceProcess.start(flags);
      })();
    });

    const retries: RetryInfo[] = [];
    const onRetry = (retry: RetryInfo) => void retries.push(retry);
    const fresh = [
      { client: agent, bytes: randomBytes(6 * PART_SIZE - 9), undisclosed: true },
      { client: dropzone, bytes: randomBytes(5 * PART_SIZE + 4), undisclosed: false },
      { client: agent, bytes: randomBytes(3 * PART_SIZE), undisclosed: true },
    ];
    const uploads = fresh.map(async ({ client, bytes }, index) => {
      const pkg = await createPackage(client);
      await uploadFile(client, pkg, new Blob([bytes]), { name: `u${index}`, onRetry });
      return pkg;
    });
    const downloads = earlierLinks.map((link) => downloadLink(agent, link, { onRetry }));
    const [packages, received] = await Promise.all([Promise.all(uploads), Promise.all(downloads)]);
    await restarted;
    // Finalizing is one call, not retried by the client (a person retries it in the UIs): made
    // once the service is back.
    const links = await Promise.all(
      packages.map((pkg, index) =>
        finalizePackage(fresh[index].client, pkg, {
          undisclosed: fresh[index].undisclosed,
          unconfirmedSender: fresh[index].undisclosed ? undefined : "requester@example.com",
        })
      ),
    );

    assert.ok(killedAt < Infinity, "the service was killed");
    const cut = proxy.log.filter((exchange) =>
      exchange.kind.startsWith("part-") && exchange.startedAt < killedAt &&
      (exchange.endedAt ?? Infinity) > killedAt && (!exchange.completed || exchange.status === 502)
    );
    assert.ok(cut.length > 0, "the kill cut part transfers in flight");
    assert.ok(retries.some((retry) => retry.reconnecting), "clients waited for the service");
    for (const [index, bytes] of earlier.entries()) {
      assert.equal(await sha256(received[index].get(`e${index}`)!), await sha256(bytes));
    }
    for (const [index, link] of links.entries()) {
      const files = await downloadLink(agent, link);
      assert.equal(await sha256(files.get(`u${index}`)!), await sha256(fresh[index].bytes));
    }
    // What the service acknowledged before dying was kept, and not sent again.
    const acknowledged = deliveredBefore(proxy, "part-put", killedAt);
    assert.ok(acknowledged.size >= 3);
    const parts = storedParts(dataDir);
    const onDisk = new Map(parts.map((part) => [part.key, part]));
    for (const key of acknowledged) {
      const part = onDisk.get(key);
      assert.ok(part, `part ${key} acknowledged before the kill is recorded`);
    }
    for (const part of parts) assert.equal(part.onDisk, part.recorded, `part ${part.key} whole`);
    const again = transfersAfter(proxy, "part-put", killedAt);
    assert.deepEqual(again.filter((key) => acknowledged.has(key)), []);
    // Parts of downloads written before the kill were not fetched again either.
    const fetched = transfersAround(proxy, "part-get", killedAt);
    assert.ok(fetched.before.size >= 1);
    assert.deepEqual(fetched.repeated, []);
  } finally {
    await service.kill("SIGTERM").catch(() => {});
    await proxy.close();
    await Deno.remove(dataDir, { recursive: true });
  }
});
