/**
 * Several service instances over one PostgreSQL database and one shared parts directory, behind
 * a round-robin front: any instance serves any request. Uploads alternate between instances,
 * portal sessions and CSRF tokens made on one work on the other, wrong codes spread over both lock
 * out as on one, an expired package is swept exactly once, and when one instance is killed in
 * the middle of an upload the client finishes through the other.
 */
import assert from "node:assert/strict";
import { SendSafelyClient } from "../../src/api.ts";
import { encryptPart } from "../../src/pgp.ts";
import { createPackage, finalizePackage, uploadFile, uploadFiles } from "../../src/upload.ts";
import { type LogEntry, type RunningServer, startServer } from "../../server/mod.ts";
import { listOutbox } from "../../server/mail/outbox.ts";
import { queryRows, randomSecretKey } from "../_helpers/backends.ts";
import { createTestDatabase } from "../_helpers/postgres.ts";
import { type RoundRobin, startRoundRobin } from "../_helpers/round_robin.ts";
import { downloadAll } from "./_clients.ts";
import { sha256, testBytes } from "./_helpers.ts";
import { linkProof, Visitor, waitFor } from "../portal/_helpers.ts";
import { fields, freePort, runAdmin, ServiceProcess } from "./_process.ts";

interface Cluster {
  front: RoundRobin;
  instances: RunningServer[];
  logs: LogEntry[][];
  dataDir: string;
  databaseUrl: string;
  clock: { offsetMs: number };
  agent: { id: string; email: string; password: string; client: SendSafelyClient };
}

/** Two instances (A, B) over one database and one data directory, behind a front. */
async function withCluster(test: (cluster: Cluster) => Promise<void>): Promise<void> {
  const database = await createTestDatabase();
  const dataDir = await Deno.makeTempDir({ prefix: "padlock-instances-" });
  const front = await startRoundRobin();
  const secretKey = randomSecretKey();
  const clock = { offsetMs: 0 };
  const logs: LogEntry[][] = [[], []];
  const instances: RunningServer[] = [];
  try {
    for (const log of logs) {
      instances.push(
        await startServer({
          port: 0,
          hostname: "127.0.0.1",
          dataDir,
          databaseUrl: database.url,
          secretKey,
          publicUrl: front.url,
          sweepIntervalMs: 0,
          devOutbox: true,
          now: () => Date.now() + clock.offsetMs,
          log: (entry) => log.push(entry),
        }),
      );
    }
    front.targets = instances.map((instance) => instance.url);
    const password = "agent password 1";
    const user = await instances[0].accounts.createUser({ email: "agent@example.com", password });
    const key = await instances[1].accounts.createApiKey(user.id, "tests");
    const client = new SendSafelyClient({ host: front.url, credentials: key });
    await test({
      front,
      instances,
      logs,
      dataDir,
      databaseUrl: database.url,
      clock,
      agent: { ...user, password, client },
    });
    for (const log of logs) {
      const failures = log.filter((entry) => entry.event === "error" || (entry.status ?? 0) >= 500);
      assert.deepEqual(failures, [], "no instance failed");
    }
  } finally {
    for (const instance of instances) await instance.close();
    await front.close();
    await database.drop();
    await Deno.remove(dataDir, { recursive: true });
  }
}

function servedBy(log: LogEntry[], method: string, route: string): number {
  return log.filter((entry) => entry.method === method && entry.route === route).length;
}

Deno.test("a file uploaded through alternating instances downloads byte-identical", async () => {
  await withCluster(async ({ agent, logs }) => {
    const bytes = testBytes(5_500_000, 41); // three parts
    const { link } = await uploadFiles(
      agent.client,
      [{ name: "big.bin", blob: new Blob([bytes]) }],
      {
        undisclosed: true,
      },
    );
    const received = await downloadAll(agent.client, link);
    assert.equal(await sha256(received.files.get("big.bin")!), await sha256(bytes));
    // Both instances stored parts and both served them back.
    for (const log of logs) {
      assert.ok(servedBy(log, "PUT", "/part/:token") >= 1, "each instance stored a part");
      assert.ok(servedBy(log, "GET", "/part/:token") >= 1, "each instance served a part");
    }
  });
});

Deno.test("a portal session and its CSRF token made on one instance work on the other", async () => {
  await withCluster(async ({ front, agent, logs }) => {
    const visitor = new Visitor(front.url);
    const { csrf } = await visitor.page("/signin"); // on A
    const signedIn = await visitor.form("/signin", {
      csrf,
      email: agent.email,
      password: agent.password,
    }); // on B
    assert.equal(signedIn.status, 303);
    for (let index = 0; index < 2; index++) {
      const { response, html } = await visitor.page("/account");
      assert.equal(response.status, 200);
      assert.ok(html.includes(agent.email), "signed in on this instance too");
    }
    for (const log of logs) assert.ok(log.some((entry) => entry.route === "[extra]"));
  });
});

Deno.test("wrong codes spread over two instances void the code as on one", async () => {
  await withCluster(async ({ front, agent, dataDir }) => {
    const recipient = "recipient@example.com";
    const { link } = await uploadFiles(
      agent.client,
      [{ name: "a.txt", blob: new Blob(["secret"]) }],
      { undisclosed: false, recipients: [recipient] },
    );
    const proof = await linkProof(link);
    const visitor = new Visitor(front.url);
    const { csrf } = await visitor.page("/receive/");
    const asked = await visitor.api("/portal/api/code", { ...proof, email: recipient }, csrf);
    assert.equal(asked.body.response, "SUCCESS");
    const mail = await waitFor(
      async () => (await listOutbox(dataDir)).find((message) => message.to === recipient),
      "the code mail",
    );
    const code = mail.text.match(/\b([0-9]{6})\b/)![1];
    const wrong = code === "000000" ? "111111" : "000000";
    const answers = [];
    for (let index = 0; index < 5; index++) {
      const answer = await visitor.api("/portal/api/verify", {
        ...proof,
        email: recipient,
        code: wrong,
      }, csrf);
      answers.push(answer.body.response);
    }
    assert.deepEqual(answers, [
      "INVALID_CODE",
      "INVALID_CODE",
      "INVALID_CODE",
      "INVALID_CODE",
      "CODE_VOID",
    ]);
    const right = await visitor.api(
      "/portal/api/verify",
      { ...proof, email: recipient, code },
      csrf,
    );
    assert.equal(right.body.response, "CODE_VOID", "the right code no longer works either");
  });
});

Deno.test("an expired package is swept exactly once by two instances", async () => {
  await withCluster(async ({ agent, instances, clock, databaseUrl, dataDir }) => {
    const uploaded = await uploadFiles(
      agent.client,
      [{ name: "a.txt", blob: new Blob(["bye"]) }],
      { undisclosed: true },
    );
    const packageId = uploaded.package.packageId;
    clock.offsetMs = (instances[0].config.defaultPackageLifeDays + 1) * 86_400_000;
    const results = await Promise.all(instances.map((instance) => instance.sweep()));
    assert.equal(results.reduce((total, result) => total + result.packages, 0), 1);
    const rows = await queryRows({ dataDir, databaseUrl }, "SELECT id FROM packages WHERE id = ?", [
      packageId,
    ]);
    assert.deepEqual(rows, []);
    // Later sweeps find nothing more, on either instance.
    for (const instance of instances) assert.equal((await instance.sweep()).packages, 0);
  });
});

Deno.test("SIGKILL of one instance mid-upload: the client finishes through the other", async () => {
  const database = await createTestDatabase();
  const dataDir = await Deno.makeTempDir({ prefix: "padlock-instances-kill-" });
  const front = await startRoundRobin();
  const metadata = [
    "--data-dir",
    dataDir,
    "--database-url",
    database.url,
    "--secret-key",
    randomSecretKey(),
  ];
  const processes: ServiceProcess[] = [];
  try {
    await runAdmin(["user", "add", "--email", "agent@example.com", ...metadata], "a password 1\n");
    const key = fields(await runAdmin(["key", "add", "--email", "agent@example.com", ...metadata]));
    for (let index = 0; index < 2; index++) {
      processes.push(
        await ServiceProcess.start([
          "--port",
          String(freePort()),
          "--hostname",
          "127.0.0.1",
          "--public-url",
          front.url,
          ...metadata,
        ]),
      );
    }
    const [a, b] = processes;
    front.targets = [a.url, b.url];
    const client = new SendSafelyClient({
      host: front.url,
      credentials: { apiKey: key.apiKey, apiSecret: key.apiSecret },
    });
    const bytes = testBytes(7_500_000, 43); // three or more parts
    const pkg = await createPackage(client);
    let encrypted = 0;
    const uploaded = await uploadFile(client, pkg, new Blob([bytes]), {
      name: "survivor.bin",
      concurrency: 1,
      encrypt: async (plain, passphrase) => {
        // Part 1 went to A or B; A dies before part 2 is sent.
        if (++encrypted === 2) await a.kill("SIGKILL");
        return await encryptPart(plain, passphrase);
      },
    });
    assert.ok(uploaded.fileId);
    const link = await finalizePackage(client, pkg, { undisclosed: true });
    const received = await downloadAll(client, link);
    assert.equal(await sha256(received.files.get("survivor.bin")!), await sha256(bytes));
    // A served before it died; B took every later request.
    assert.ok(a.output.includes('"event":"request"'));
    const partPutsOnB = b.output.split("\n").filter((line) =>
      line.includes('"route":"/part/:token"') && line.includes('"method":"PUT"')
    );
    const where = { dataDir, databaseUrl: database.url };
    const [{ parts }] = await queryRows<{ parts: number }>(
      where,
      "SELECT parts FROM files WHERE id = ?",
      [uploaded.fileId],
    );
    assert.ok(parts >= 3);
    // Part 1 went to A (the first turn), every later one to B.
    assert.equal(partPutsOnB.length, parts - 1, "B stored every part after the kill");
    const rows = await queryRows<{ part: number }>(
      where,
      "SELECT part FROM parts WHERE file_id = ? ORDER BY part",
      [uploaded.fileId],
    );
    assert.deepEqual(rows.map((row) => row.part), Array.from({ length: parts }, (_, i) => i + 1));
  } finally {
    for (const process of processes) await process.kill("SIGTERM").catch(() => {});
    await front.close();
    await database.drop();
    await Deno.remove(dataDir, { recursive: true });
  }
});
