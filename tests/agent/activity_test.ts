/// <reference lib="dom" />
/**
 * Who opened what, in headless Chromium through the sandbox: an agent sends a file from a ticket
 * with "Require authentication"; the requester verifies her email on the receive page and
 * downloads it; the agent's own account downloads it too. The service records both (the verified
 * email, the agent account, the address truncated, never the keyCode), the sidebar shows them
 * per file, `deno task admin activity --package ID` prints them, and the sweeper deletes them
 * after the configured retention while the package lives on.
 */
import assert from "node:assert/strict";
import { Buffer } from "node:buffer";
import { join } from "node:path";
import { downloadFile, openPackage } from "../../src/download.ts";
import { findLinks } from "../../src/link.ts";
import { runAdmin } from "../../server/admin.ts";
import { listOutbox } from "../../server/mail/outbox.ts";
import { openTicket, randomBytes, startStack } from "./_stack.ts";

const RITA = "rita@example.com";
const DAY = 86_400_000;

async function codeFor(dataDir: string, to: string): Promise<string> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const mail = (await listOutbox(dataDir)).find((message) => message.to === to);
    const code = mail?.text.match(/\b([0-9]{6})\b/)?.[1];
    if (code) return code;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no code mailed to ${to}`);
}

Deno.test("activity: the recipient's and the agent's downloads are recorded, shown per file, printed, and expire", async () => {
  let offset = 0;
  const stack = await startStack({
    service: { now: () => Date.now() + offset, activityRetentionDays: 1 },
  });
  try {
    const ticket = await stack.tickets.createTicket({
      subject: "Activity",
      description: "Send me the report.",
      requester: { name: "Rita Requester", email: RITA },
    });
    const context = await stack.newContext();
    const first = await openTicket(context, stack, ticket.id);
    await first.app.locator('[data-role="file-input"]').setInputFiles({
      name: "report.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from(randomBytes(4_000)),
    });
    await first.app.waitForSelector('[data-role="send-status"].success');
    const [link] = findLinks(await first.page.locator("#reply-text").inputValue());
    await first.page.locator("#submit-reply").click();
    await first.app.waitForSelector('[data-role="file"]:has-text("report.pdf")');
    await first.page.close();
    const packageId = new URL(link).searchParams.get("thread")!;
    const keyCode = new URL(link).hash.slice("#keyCode=".length);

    // Rita verifies her email on the receive page and downloads the file.
    const visitor = await stack.browser.newContext({ acceptDownloads: true });
    const receive = await visitor.newPage();
    await receive.goto(link);
    await receive.waitForSelector('[data-state="verify-email"]');
    await receive.fill("#email", RITA);
    await receive.click('[data-role="email-form"] button[type="submit"]');
    await receive.waitForSelector('[data-state="verify-code"]');
    await receive.fill("#code", await codeFor(stack.dataDir, RITA));
    await receive.click('[data-role="code-form"] button[type="submit"]');
    await receive.waitForSelector('[data-state="files"]');
    const [download] = await Promise.all([
      receive.waitForEvent("download"),
      receive.click('[data-role="download"]'),
    ]).catch(async (error) => {
      throw new Error(await receive.locator("body").innerText(), { cause: error });
    });
    await download.path();
    await visitor.close();

    // The agent's own account downloads it too (an API key, as the app or the SDK).
    const pkg = await openPackage(stack.agentClient, link);
    await downloadFile(stack.agentClient, pkg, pkg.files[0], new WritableStream());

    // The sidebar shows who downloaded the file, and who opened the package.
    const again = await openTicket(context, stack, ticket.id);
    const lines = again.app.locator('[data-role="activity"] li');
    await lines.nth(1).waitFor();
    const shown = await lines.allInnerTexts();
    assert.equal(shown.length, 2, shown.join(" | "));
    assert.match(shown.join("\n"), /Downloaded by rita@example\.com · /);
    assert.match(shown.join("\n"), /Downloaded by agent@example\.com · /);
    assert.match(
      await again.app.locator('[data-role="opened"]').innerText(),
      /^Opened by rita@example\.com · /,
    );
    await context.close();

    // The admin command prints it, with the address truncated; never the key.
    const env = () => undefined;
    const printed = await runAdmin(
      ["activity", "--package", packageId, "--data-dir", stack.dataDir],
      env,
    );
    const rita = printed.filter((line) => line.includes(RITA));
    assert.ok(
      rita.some((line) =>
        /\tdownloaded\treport\.pdf\trita@example\.com\trecipient\t127\.0\.0\.0$/.test(line)
      ),
      printed.join("\n"),
    );
    assert.ok(
      rita.some((line) => /\topened\t-\trita@example\.com\trecipient\t127\.0\.0\.0$/.test(line)),
      printed.join("\n"),
    );
    assert.ok(
      printed.some((line) => /\tdownloaded\treport\.pdf\tagent@example\.com\tagent\t/.test(line)),
    );
    assert.ok(!printed.join("\n").includes(keyCode));
    assert.ok(!printed.join("\n").includes("127.0.0.1"));
    // Nor does the database hold the keyCode anywhere.
    for (const name of ["padlock.db", "padlock.db-wal"]) {
      const bytes = await Deno.readFile(join(stack.dataDir, name)).catch(() => new Uint8Array());
      assert.ok(!new TextDecoder("latin1").decode(bytes).includes(keyCode), name);
    }

    // Past the retention (1 day) the sweeper deletes the records; the package (10 days) stays.
    offset += 2 * DAY;
    const swept = await stack.server.sweep();
    // Rita opened and downloaded, the agent downloaded (its sidebar's reads are not recorded).
    assert.equal(swept.activity, 3, JSON.stringify(swept));
    assert.equal(swept.packages, 0);
    assert.deepEqual(
      await runAdmin(["activity", "--package", packageId, "--data-dir", stack.dataDir], env),
      [`No activity recorded for package ${packageId}.`],
    );
    offset = 0; // signed calls must carry the service's time
    assert.equal((await stack.agentClient.getPackage(packageId)).files[0].fileName, "report.pdf");
  } finally {
    await stack.close();
  }
});
