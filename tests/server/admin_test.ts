/**
 * `deno task admin …` (server/admin.ts) creates and lists users, API keys and
 * dropzones in a data directory; what it creates works against the service.
 */
import assert from "node:assert/strict";
import { startServer } from "../../server/mod.ts";
import { fields, runAdmin } from "./_process.ts";

Deno.test("the admin CLI manages users, keys and dropzones that the service accepts", async () => {
  const dataDir = await Deno.makeTempDir({ prefix: "padlock-admin-" });
  const admin = (...args: string[]) => runAdmin([...args, "--data-dir", dataDir]);
  try {
    const owner = fields(
      await admin(
        "user",
        "add",
        "--email",
        "Owner@Example.com",
        "--password",
        "owner password 1",
        "--name",
        "Olga Owner",
        "--create",
      ),
    );
    assert.equal(owner.email, "owner@example.com");
    // The password may come on stdin, so it stays out of the process list.
    await runAdmin(
      ["user", "add", "--email", "helper@example.com", "--data-dir", dataDir],
      "helper password 1\n",
    );
    const users = await admin("user", "list");
    assert.equal(users.length, 2);
    assert.match(users[0], /owner@example\.com\tOlga Owner$/);

    const first = fields(
      await admin("key", "add", "--email", "owner@example.com", "--description", "Zendesk app"),
    );
    const second = fields(
      await admin("key", "add", "--email", "owner@example.com", "--description", "script"),
    );
    assert.match(first.apiKey, /^[A-Za-z0-9_-]{22}$/);
    assert.match(first.apiSecret, /^[A-Za-z0-9_-]{43}$/);
    await admin("key", "revoke", "--key", second.apiKey);
    const keys = await admin("key", "list", "--email", "owner@example.com");
    assert.deepEqual(keys.map((line) => line.split("\t").slice(1)).sort(), [
      ["active", "Zendesk app"],
      ["revoked", "script"],
    ]);

    const dropzone = fields(
      await admin(
        "dropzone",
        "add",
        "--owner",
        "owner@example.com",
        "--allow",
        "helper@example.com",
      ),
    );
    assert.match(dropzone.dropzoneId, /^[A-Za-z0-9_-]{32}$/);
    const dropzones = await admin("dropzone", "list");
    assert.deepEqual(dropzones, [
      `${dropzone.dropzoneId}\towner=owner@example.com\tallowed=helper@example.com\t` +
      "extensions=any\tmax-file-size=service\tlife-days=service\tsender-domain-access=off\t" +
      "notify-uploads=off",
    ]);

    await assert.rejects(
      admin("user", "add", "--email", "owner@example.com", "--password", "another pass 1"),
    );
    await assert.rejects(
      admin("user", "add", "--email", "short@example.com", "--password", "short"),
    );
    await assert.rejects(admin("frobnicate"));

    // What the CLI wrote is what the service reads.
    const server = await startServer({ port: 0, dataDir, sweepIntervalMs: 0, log: () => {} });
    try {
      const user = await server.accounts.findUserByEmail("owner@example.com");
      assert.ok(
        user && await server.accounts.verifyPassword("owner@example.com", "owner password 1"),
      );
      assert.equal(
        await server.accounts.verifyPassword("owner@example.com", "wrong password"),
        undefined,
      );
      assert.equal(
        (await server.accounts.findActiveApiKey(first.apiKey))?.apiSecret,
        first.apiSecret,
      );
      assert.equal(await server.accounts.findActiveApiKey(second.apiKey), undefined);
      const response = await fetch(`${server.url}/drop-zone/v2.0/config/verify-credentials/`, {
        headers: { "ss-api-key": dropzone.dropzoneId },
      });
      assert.equal((await response.json()).response, "SUCCESS");
    } finally {
      await server.close();
    }
  } finally {
    await Deno.remove(dataDir, { recursive: true });
  }
});

Deno.test("the admin CLI prints its usage on --help and refuses a directory without a database", async () => {
  const dataDir = await Deno.makeTempDir({ prefix: "padlock-admin-empty-" });
  try {
    const help = await runAdmin(["--help"]);
    assert.match(help[0], /^Usage: deno task admin <command>/);
    assert.ok(help.some((line) => line.includes("--create")));
    assert.ok(!help.join("\n").includes("Unknown option"));
    assert.deepEqual(await runAdmin(["user", "list", "-h"]), help);

    // A directory without a database (a newcomer's default or a typo) is refused and left empty.
    await assert.rejects(
      runAdmin(["user", "list", "--data-dir", dataDir]),
      (error: Error) =>
        error.message.includes(`No Padlock database in ${dataDir}`) &&
        error.message.includes(".data/service") && error.message.includes("--create"),
    );
    await assert.rejects(
      runAdmin(["user", "invite", "--email", "a@example.com", "--data-dir", dataDir]),
      /No Padlock database/,
    );
    assert.deepEqual([...Deno.readDirSync(dataDir)], []);
    // --create starts one, which later commands then find.
    await runAdmin(
      ["user", "add", "--email", "a@example.com", "--data-dir", dataDir, "--create"],
      "a password 123\n",
    );
    const users = await runAdmin(["user", "list", "--data-dir", dataDir]);
    assert.match(users[0], /\ta@example\.com/);
  } finally {
    await Deno.remove(dataDir, { recursive: true });
  }
});
