/**
 * `deno task admin user invite` creates an agent without a usable password and mails a one-time
 * activation link; following it sets the password, and the agent signs in with it.
 */
import assert from "node:assert/strict";
import { runAdmin } from "../../server/admin.ts";
import { startServer } from "../../server/mod.ts";
import { listOutbox } from "../../server/mail/outbox.ts";
import { Visitor } from "./_helpers.ts";

Deno.test("an invited agent activates the account from the mailed link and signs in", async () => {
  const dataDir = await Deno.makeTempDir({ prefix: "padlock-invite-" });
  const server = await startServer({ port: 0, dataDir, log: () => {}, sweepIntervalMs: 0 });
  try {
    const lines = await runAdmin(
      [
        "user",
        "invite",
        "--email",
        "New@Example.com",
        "--data-dir",
        dataDir,
        "--public-url",
        server.url,
      ],
      () => undefined,
    );
    assert.equal(lines[0], "created: true");
    const [mail] = await listOutbox(dataDir);
    assert.equal(mail.to, "new@example.com");
    assert.equal(mail.subject, "Activate your Padlock account");
    const link = mail.text.match(/http:\/\/\S+\/activate\?token=[A-Za-z0-9_-]{43}/)?.[0];
    assert.ok(link && lines[1].endsWith(link), "the CLI prints the mailed link");
    assert.ok(await server.accounts.findUserByEmail("new@example.com"));

    const visitor = new Visitor(server.url);
    const page = await visitor.page(new URL(link).pathname + new URL(link).search);
    assert.match(page.html, /new@example\.com/);
    const token = new URL(link).searchParams.get("token")!;
    const set = await visitor.form("/activate", {
      csrf: page.csrf,
      token,
      password: "chosen long password",
      confirm: "chosen long password",
    });
    await set.body?.cancel();
    assert.equal(set.status, 303);

    const fresh = new Visitor(server.url);
    const { csrf } = await fresh.page("/signin");
    const signedIn = await fresh.form("/signin", {
      csrf,
      email: "new@example.com",
      password: "chosen long password",
    });
    await signedIn.body?.cancel();
    assert.equal(signedIn.headers.get("location"), "/account");
  } finally {
    await server.close();
    await Deno.remove(dataDir, { recursive: true });
  }
});
