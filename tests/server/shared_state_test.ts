/**
 * The state service instances share through the database, on both dialects: two mail senders
 * send each queued message exactly once and the queue holds no message in clear; two rate
 * limiters over one table count together; a lease has one holder at a time and passes on when it
 * expires.
 */
import assert from "node:assert/strict";
import { SecretBox } from "../../server/accounts/secret_box.ts";
import { RateLimiter } from "../../server/auth/rate_limit.ts";
import type { Database } from "../../server/db/database.ts";
import { Lease } from "../../server/db/lease.ts";
import { openPostgres } from "../../server/db/postgres.ts";
import { openSqlite } from "../../server/db/sqlite.ts";
import type { Mailer, MailMessage } from "../../server/mail/message.ts";
import { MailQueue } from "../../server/mail/queue.ts";
import { type Backend, backendTest } from "../_helpers/backends.ts";
import { createTestDatabase } from "../_helpers/postgres.ts";

async function withDatabase(backend: Backend, body: (db: Database) => Promise<void>) {
  if (backend === "sqlite") {
    const dir = await Deno.makeTempDir({ prefix: "padlock-shared-" });
    const db = await openSqlite(`${dir}/padlock.db`);
    try {
      await body(db);
    } finally {
      await db.close();
      await Deno.remove(dir, { recursive: true });
    }
    return;
  }
  const database = await createTestDatabase();
  const db = await openPostgres(database.url);
  try {
    await body(db);
  } finally {
    await db.close();
    await database.drop();
  }
}

function recordingMailer(sent: MailMessage[], fail = false): Mailer {
  return {
    description: "test",
    send(message) {
      if (fail) return Promise.reject(new Error("mail server down"));
      sent.push(message);
      return Promise.resolve();
    },
    close: () => Promise.resolve(),
  };
}

backendTest(
  "two mail senders send each queued message once; the queue holds none in clear",
  async (backend) => {
    await withDatabase(backend, async (db) => {
      const box = new SecretBox(crypto.getRandomValues(new Uint8Array(32)));
      // A sender that cannot deliver keeps the message queued: it is sealed at rest.
      const failures: unknown[] = [];
      const stuck = new MailQueue(
        db,
        box,
        recordingMailer([], true),
        (error) => failures.push(error),
        {
          retryMs: 3_600_000,
        },
      );
      stuck.enqueue({ to: "r@example.com", subject: "Your code", text: "Your code is 123456." });
      await stuck.close();
      assert.equal(failures.length, 1);
      const [row] = await db.all<{ sealed: string }>("SELECT sealed FROM mail_queue");
      assert.ok(row.sealed.startsWith("v1."), "sealed");
      assert.ok(!row.sealed.includes("123456") && !row.sealed.includes("r@example.com"));
      await db.run("DELETE FROM mail_queue");

      const sentA: MailMessage[] = [];
      const sentB: MailMessage[] = [];
      const a = new MailQueue(db, box, recordingMailer(sentA), () => {}, { pollMs: 20 });
      const b = new MailQueue(db, box, recordingMailer(sentB), () => {}, { pollMs: 20 });
      for (let index = 0; index < 20; index++) {
        (index % 2 === 0 ? a : b).enqueue({ to: `${index}@example.com`, subject: "s", text: "t" });
      }
      await Promise.all([a.drain(), b.drain()]);
      await Promise.all([a.drain(), b.drain()]);
      await Promise.all([a.close(), b.close()]);
      const all = [...sentA, ...sentB].map((message) => message.to).sort();
      assert.deepEqual(
        all,
        Array.from({ length: 20 }, (_, i) => `${i}@example.com`).sort(),
      );
      assert.equal((await db.get<{ n: number }>("SELECT COUNT(*) AS n FROM mail_queue"))!.n, 0);
    });
  },
);

backendTest("rate limiters on two instances count together", async (backend) => {
  await withDatabase(backend, async (db) => {
    let now = 1_000_000;
    const make = () =>
      new RateLimiter(db, { name: "test", limit: 3, windowMs: 60_000, now: () => now });
    const [a, b] = [make(), make()];
    const taken = [];
    for (const limiter of [a, b, a, b, a]) taken.push(await limiter.take("client"));
    assert.deepEqual(taken, [true, true, true, false, false]);
    assert.equal(await b.isLimited("client"), true);
    assert.equal(await a.retryAfterMs("client"), 60_000);
    assert.equal(await a.take("other"), true, "another key has its own window");
    now += 60_000;
    assert.equal(await b.take("client"), true, "a new window");
  });
});

backendTest("a lease has one holder at a time and passes on when it expires", async (backend) => {
  await withDatabase(backend, async (db) => {
    let now = 5_000_000;
    const a = new Lease(db, "sweeper", "a", 60_000, () => now);
    const b = new Lease(db, "sweeper", "b", 60_000, () => now);
    assert.equal(await a.acquire(), true);
    assert.equal(await b.acquire(), false);
    now += 30_000;
    assert.equal(await a.acquire(), true, "renewed");
    now += 59_000;
    assert.equal(await b.acquire(), false, "the renewal counts from its time");
    now += 2_000;
    assert.equal(await b.acquire(), true, "A stopped renewing: B takes over");
    assert.equal(await a.acquire(), false);
    await b.release();
    assert.equal(await a.acquire(), true, "released: free at once");
  });
});
