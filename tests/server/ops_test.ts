/**
 * The operator's endpoints: `/healthz`, `/readyz` (database, part store, schema; 503 when one
 * fails or while stopping) and `/metrics` (Prometheus text, behind a bearer token on the public
 * address or on a separate address), fed by real requests through the src/ client.
 */
import assert from "node:assert/strict";
import { createPackage, finalizePackage, uploadFile } from "../../src/upload.ts";
import { FileSystemPartStore, type PartStore, startServer } from "../../server/mod.ts";
import { clientFor, downloadAll } from "./_clients.ts";
import { sha256, testBytes, withService } from "./_helpers.ts";

/** The value of one series in a Prometheus text exposition, or undefined when absent. */
function sample(text: string, series: string): number | undefined {
  for (const line of text.split("\n")) {
    if (line.startsWith(series + " ")) return Number(line.slice(series.length + 1));
  }
  return undefined;
}

Deno.test("ops: /healthz and /readyz answer JSON with every check ok", async () => {
  await withService(async (service) => {
    const health = await fetch(`${service.server.url}/healthz`);
    assert.equal(health.status, 200);
    assert.deepEqual(await health.json(), { status: "ok" });
    const ready = await fetch(`${service.server.url}/readyz`);
    assert.equal(ready.status, 200);
    assert.equal(ready.headers.get("cache-control"), "no-store");
    assert.deepEqual(await ready.json(), {
      status: "ready",
      ready: true,
      checks: { database: "ok", storage: "ok", schema: "ok" },
    });
    const post = await fetch(`${service.server.url}/readyz`, { method: "POST" });
    assert.equal(post.status, 405);
    await post.body?.cancel();
  });
});

Deno.test("ops: /readyz answers 503 naming the failed check: part store, schema", async () => {
  const dataDir = await Deno.makeTempDir({ prefix: "padlock-ops-" });
  const real = new FileSystemPartStore(`${dataDir}/parts`);
  let storeDown = true;
  const store: PartStore = {
    put: (key, body, max) => real.put(key, body, max),
    get: (key) => real.get(key),
    has: (key) => {
      if (storeDown) return Promise.reject(new Deno.errors.ConnectionRefused("store down"));
      return real.has(key);
    },
    delete: (key) => real.delete(key),
    deletePackage: (id) => real.deletePackage(id),
  };
  const server = await startServer({ port: 0, dataDir, log: () => {}, sweepIntervalMs: 0 }, store);
  try {
    let answer = await fetch(`${server.url}/readyz`);
    assert.equal(answer.status, 503);
    let body = await answer.json();
    assert.equal(body.ready, false);
    // The error's name only: its message could quote a host or a path.
    assert.deepEqual(body.checks, {
      database: "ok",
      storage: "failed: ConnectionRefused",
      schema: "ok",
    });
    storeDown = false;
    assert.equal((await fetch(`${server.url}/readyz`).then((r) => r.json())).ready, true);

    // A newer service migrated the database under this one: not ready, and it says why.
    const { DatabaseSync } = await import("node:sqlite");
    const db = new DatabaseSync(`${dataDir}/padlock.db`);
    db.prepare("INSERT INTO schema_migrations (version, description, applied_at) VALUES (?, ?, ?)")
      .run(999, "from the future", Date.now());
    db.close();
    answer = await fetch(`${server.url}/readyz`);
    assert.equal(answer.status, 503);
    body = await answer.json();
    assert.match(body.checks.schema, /^version 999, expected \d+$/);
    // Liveness is another question: the process still answers.
    assert.equal((await fetch(`${server.url}/healthz`).then((r) => r.json())).status, "ok");
  } finally {
    await server.close();
    await Deno.remove(dataDir, { recursive: true });
  }
});

Deno.test("ops: /metrics is not served on the public address without a token", async () => {
  await withService(async (service) => {
    const answer = await fetch(`${service.server.url}/metrics`, {
      headers: { authorization: "Bearer anything" },
    });
    assert.equal(answer.status, 404);
    assert.doesNotMatch(await answer.text(), /padlock_/);
  });
});

Deno.test("ops: /metrics asks for the bearer token and counts requests, bytes and parts", async () => {
  const token = "metrics-token-0123456789abcdef";
  await withService(async (service) => {
    const url = `${service.server.url}/metrics`;
    const attempts: Record<string, string>[] = [{}, { authorization: "Bearer wrong" }, {
      authorization: token,
    }];
    for (const headers of attempts) {
      const refused = await fetch(url, { headers });
      assert.equal(refused.status, 401);
      assert.match(refused.headers.get("www-authenticate") ?? "", /^Bearer/);
      assert.doesNotMatch(await refused.text(), /padlock_/);
    }

    const client = clientFor(service, service.agent);
    const bytes = testBytes(3_000_000, 5); // two parts
    const pkg = await createPackage(client);
    await uploadFile(client, pkg, new Blob([bytes]), { name: "two-parts.bin" });
    const link = await finalizePackage(client, pkg, { undisclosed: true });
    const received = await downloadAll(client, link);
    assert.equal(await sha256(received.files.get("two-parts.bin")!), await sha256(bytes));
    assert.equal((await fetch(`${service.server.url}/no-such-page`)).status, 404);

    const answer = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    assert.equal(answer.status, 200);
    assert.match(answer.headers.get("content-type") ?? "", /^text\/plain; version=0\.0\.4/);
    const text = await answer.text();
    assert.equal(sample(text, "padlock_parts_stored_total"), 2);
    assert.equal(sample(text, "padlock_part_transfers_in_progress"), 0);
    assert.equal(
      sample(text, 'padlock_http_requests_total{method="PUT",route="/part/:token",status="200"}'),
      2,
    );
    assert.equal(
      sample(text, 'padlock_http_requests_total{method="GET",route="/part/:token",status="200"}'),
      2,
    );
    // Unknown paths share one series: probing cannot create new ones.
    assert.equal(
      sample(text, 'padlock_http_requests_total{method="GET",route="[extra]",status="404"}'),
      1,
    );
    const received_ = sample(text, 'padlock_http_received_bytes_total{route="/part/:token"}')!;
    const sent = sample(text, 'padlock_http_sent_bytes_total{route="/part/:token"}')!;
    // Ciphertext is a little longer than the plaintext, and each part went up and down once.
    assert.ok(
      received_ > bytes.byteLength && received_ < bytes.byteLength + 10_000,
      `${received_}`,
    );
    assert.equal(sent, received_);
    assert.equal(
      sample(text, 'padlock_http_request_duration_seconds_count{route="/part/:token"}'),
      4,
    );
    assert.equal(sample(text, 'padlock_sweeper_runs_total{outcome="ok"}'), 0);
    await service.server.sweep();
    const after = await fetch(url, { headers: { authorization: `Bearer ${token}` } })
      .then((r) => r.text());
    assert.equal(sample(after, 'padlock_sweeper_runs_total{outcome="ok"}'), 1);
    // Nothing secret reaches the metrics: no keyCode, no package code, no token.
    assert.ok(!after.includes(pkg.keyCode) && !after.includes(pkg.packageCode));
    assert.ok(!after.includes(token));
  }, { metricsToken: token });
});

Deno.test("ops: --metrics-address serves the three endpoints apart, without a token", async () => {
  await withService(async (service) => {
    const admin = service.server.metricsUrl;
    assert.ok(admin && admin !== service.server.url);
    assert.equal((await fetch(`${service.server.url}/healthz`)).status, 200);
    const metrics = await fetch(`${admin}/metrics`);
    assert.equal(metrics.status, 200);
    const text = await metrics.text();
    assert.match(text, /# TYPE padlock_http_requests_total counter/);
    assert.equal(
      sample(text, 'padlock_http_requests_total{method="GET",route="/healthz",status="200"}'),
      1,
    );
    assert.equal((await fetch(`${admin}/readyz`).then((r) => r.json())).ready, true);
    const other = await fetch(`${admin}/api/v2.0/package/`);
    assert.equal(other.status, 404);
    await other.body?.cancel();
    // The public address still keeps the metrics to itself.
    const publicMetrics = await fetch(`${service.server.url}/metrics`);
    assert.equal(publicMetrics.status, 404);
    await publicMetrics.body?.cancel();
  }, { metricsAddress: "127.0.0.1:0" });
});

Deno.test("ops: a metrics address that is not host:port is refused at start", async () => {
  const dataDir = await Deno.makeTempDir({ prefix: "padlock-ops-" });
  try {
    await assert.rejects(
      startServer({ port: 0, dataDir, log: () => {}, metricsAddress: "9464" }),
      /metricsAddress must be host:port/,
    );
  } finally {
    await Deno.remove(dataDir, { recursive: true });
  }
});
