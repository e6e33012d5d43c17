/**
 * SIGTERM stops the service gracefully: part uploads in flight finish and are stored, the
 * process exits 0, and the src/ upload clients wait for the restarted service and finish every
 * file, byte-identical. A transfer that outlasts `--shutdown-grace-seconds` does not hold the
 * stop, and its part is not stored half. Runs the real CLI entries as subprocesses.
 */
import assert from "node:assert/strict";
import { DatabaseSync } from "node:sqlite";
import { SendSafelyClient } from "../../src/api.ts";
import { createPackage, finalizePackage, uploadFile } from "../../src/upload.ts";
import { clientFor, downloadAll } from "./_clients.ts";
import { countRows, sha256, startTestService, testBytes } from "./_helpers.ts";
import { fields, freePort, runAdmin, ServiceProcess } from "./_process.ts";

async function agentKey(dataDir: string): Promise<Record<string, string>> {
  await runAdmin(
    ["user", "add", "--email", "agent@example.com", "--data-dir", dataDir, "--create"],
    "agent password 1\n",
  );
  return fields(
    await runAdmin(["key", "add", "--email", "agent@example.com", "--data-dir", dataDir]),
  );
}

/** A body that sends `bytes` in `pieces` pieces, `pauseMs` apart (a slow uplink). */
function trickle(bytes: Uint8Array, pieces: number, pauseMs: number): ReadableStream<Uint8Array> {
  let sent = 0;
  const size = Math.ceil(bytes.byteLength / pieces);
  return new ReadableStream({
    async pull(controller) {
      if (sent > 0) await new Promise((resolve) => setTimeout(resolve, pauseMs));
      controller.enqueue(bytes.slice(sent, sent + size));
      sent += size;
      if (sent >= bytes.byteLength) controller.close();
    },
  });
}

function storedParts(dataDir: string): number {
  const db = new DatabaseSync(`${dataDir}/padlock.db`, { readOnly: true });
  try {
    return (db.prepare("SELECT COUNT(*) AS n FROM parts").get() as { n: number }).n;
  } finally {
    db.close();
  }
}

function stopEntry(output: string): Record<string, unknown> {
  const line = output.split("\n").find((line) => line.includes('"event":"stop"'));
  assert.ok(line, `no stop entry in:\n${output}`);
  return JSON.parse(line).detail;
}

Deno.test("SIGTERM lets uploads in flight finish; the clients finish on the restarted service", async () => {
  const dataDir = await Deno.makeTempDir({ prefix: "padlock-stop-" });
  const port = freePort();
  const flags = ["--port", String(port), "--data-dir", dataDir, "--shutdown-grace-seconds", "30"];
  let service: ServiceProcess | undefined;
  try {
    const key = await agentKey(dataDir);
    service = await ServiceProcess.start(flags);
    const first = service;

    // Every part PUT trickles in over about 1.5 s; the first part of each of the three files
    // is in flight when SIGTERM arrives.
    const uploaders = 3;
    let inFlight = 0;
    let signalled: Promise<Deno.CommandStatus> | undefined;
    const duringStop: number[] = [];
    const slowFetch: typeof fetch = async (input, init) => {
      const url = String(input instanceof Request ? input.url : input);
      if (init?.method !== "PUT" || !url.includes("/part/")) return await fetch(input, init);
      const body = init.body as Uint8Array;
      if (++inFlight === uploaders && signalled === undefined) {
        // Let the bodies start, then stop the service under them.
        setTimeout(() => signalled = first.kill("SIGTERM"), 300);
      }
      const before = signalled === undefined;
      const response = await fetch(input, { ...init, body: trickle(body, 6, 250) });
      if (before) duringStop.push(response.status);
      inFlight--;
      return response;
    };
    const client = new SendSafelyClient({
      host: service.url,
      credentials: { apiKey: key.apiKey, apiSecret: key.apiSecret },
      fetch: slowFetch,
    });
    const files = Array.from({ length: uploaders }, (_, index) => testBytes(3_000_000, 40 + index));
    const uploads = files.map(async (bytes, index) => {
      const pkg = await createPackage(client);
      await uploadFile(client, pkg, new Blob([bytes]), {
        name: `file-${index}.bin`,
        concurrency: 1,
        retryDelay: 200,
        maxRetryDelay: 500,
        proxyFallback: false,
      });
      return { pkg, link: await finalizePackage(client, pkg, { undisclosed: true }) };
    });

    const stopping = await new Promise<Promise<Deno.CommandStatus>>((resolve) => {
      const poll = setInterval(() => {
        if (signalled) {
          clearInterval(poll);
          resolve(signalled);
        }
      }, 20);
    });
    const status = await stopping;
    assert.equal(status.code, 0, first.output);
    // The parts in flight at SIGTERM (three at least) were answered 200 and are stored; a PUT
    // that reached the service after it began stopping got 503 (and is retried).
    const stored = duringStop.filter((status) => status === 200).length;
    assert.ok(stored >= uploaders, `statuses ${duringStop}`);
    assert.ok(duringStop.every((status) => status === 200 || status === 503), `${duringStop}`);
    assert.equal(storedParts(dataDir), stored);
    assert.deepEqual(stopEntry(first.output), { drained: true, transfersCut: 0, requestsCut: 0 });

    service = await ServiceProcess.start(flags);
    const done = await Promise.all(uploads);
    assert.equal(storedParts(dataDir), uploaders * 2);
    for (const [index, { link }] of done.entries()) {
      const received = await downloadAll(client, link);
      assert.equal(
        await sha256(received.files.get(`file-${index}.bin`)!),
        await sha256(files[index]),
      );
    }
  } finally {
    await service?.kill("SIGTERM").catch(() => {});
    await Deno.remove(dataDir, { recursive: true });
  }
});

Deno.test("a transfer longer than --shutdown-grace-seconds does not hold the stop", async () => {
  const dataDir = await Deno.makeTempDir({ prefix: "padlock-stop-" });
  let service: ServiceProcess | undefined;
  try {
    const key = await agentKey(dataDir);
    service = await ServiceProcess.start([
      "--port",
      "0",
      "--data-dir",
      dataDir,
      "--shutdown-grace-seconds",
      "1",
    ]);
    const client = new SendSafelyClient({
      host: service.url,
      credentials: { apiKey: key.apiKey, apiSecret: key.apiSecret },
    });
    const pkg = await createPackage(client);
    const fileId = await client.createFile(pkg.packageId, {
      filename: "stalled.bin",
      parts: 1,
      filesize: 1000,
    });
    const [url] = await client.getUploadUrls(pkg.packageId, fileId, 1);
    // A body that sends one piece and then stalls.
    let started: () => void;
    const sending = new Promise<void>((resolve) => started = resolve);
    const stalled = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new Uint8Array(100));
        started();
      },
    });
    const put = fetch(url.url, { method: "PUT", body: stalled }).then(
      (response) => response.status,
      () => "cut",
    );
    await sending;
    await new Promise((resolve) => setTimeout(resolve, 300));
    const signalledAt = Date.now();
    const status = await service.kill("SIGTERM");
    const tookMs = Date.now() - signalledAt;
    assert.equal(status.code, 0, service.output);
    assert.ok(tookMs >= 900 && tookMs < 10_000, `the stop took ${tookMs} ms`);
    assert.deepEqual(stopEntry(service.output), {
      drained: false,
      transfersCut: 1,
      requestsCut: 1,
    });
    // The client hears of the cut (a 400 for the unfinished body, or a reset), never a 200.
    assert.notEqual(await put, 200);
    assert.equal(storedParts(dataDir), 0);
    service = undefined;
  } finally {
    await service?.kill("SIGKILL").catch(() => {});
    await Deno.remove(dataDir, { recursive: true });
  }
});

Deno.test("while stopping, new requests get 503 and /readyz says so; the upload in flight ends 200", async () => {
  const service = await startTestService({ shutdownGraceSeconds: 30 });
  let closed: Promise<void> | undefined;
  try {
    const client = clientFor(service, service.agent);
    const pkg = await createPackage(client);
    const fileId = await client.createFile(pkg.packageId, {
      filename: "slow.bin",
      parts: 1,
      filesize: 1000,
    });
    const [url] = await client.getUploadUrls(pkg.packageId, fileId, 1);
    const put = fetch(url.url, { method: "PUT", body: trickle(new Uint8Array(1200), 6, 200) });
    await new Promise((resolve) => setTimeout(resolve, 250));
    closed = service.server.close();
    const ready = await fetch(`${service.server.url}/readyz`);
    assert.equal(ready.status, 503);
    assert.equal((await ready.json()).stopping, true);
    const refused = await fetch(`${service.server.url}/api/v2.0/package/${pkg.packageId}/`);
    assert.equal(refused.status, 503);
    assert.equal(refused.headers.get("retry-after"), "5");
    assert.equal((await refused.json()).response, "SERVICE_UNAVAILABLE");
    const answer = await put;
    assert.equal(answer.status, 200, await answer.clone().text());
    assert.equal((await answer.json()).response, "SUCCESS");
    await closed;
    assert.equal(await countRows(service, "parts"), 1);
    const stop = service.logs.find((entry) => entry.event === "stop");
    assert.deepEqual(stop?.detail, { drained: true, transfersCut: 0, requestsCut: 0 });
  } finally {
    await (closed ?? service.server.close());
    await Deno.remove(service.dataDir, { recursive: true });
  }
});
