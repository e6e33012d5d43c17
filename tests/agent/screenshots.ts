/// <reference lib="dom" />
/**
 * Takes the screenshots of the agent app for `docs/screenshots/` (signed out, pairing, file list,
 * downloading, sending, sent, and the whole sandbox ticket view), with the same stack as the
 * browser tests. Run: `deno run -A tests/agent/screenshots.ts [outDir]` after `deno task build`.
 *
 * @module
 */
import { Buffer } from "node:buffer";
import { uploadFiles } from "../../src/upload.ts";
import { downloadFile, openPackage } from "../../src/download.ts";
import { dropFiles, openTicket, randomBytes, startStack } from "./_stack.ts";

/**
 * Writes `agent-*.png` into `outDir`.
 *
 * @throws {Error} when the app bundle is not built or a step does not reach its state.
 */
export async function captureAgentScreenshots(outDir: string): Promise<string[]> {
  await Deno.mkdir(outDir, { recursive: true });
  const written: string[] = [];
  const stack = await startStack();
  try {
    const viewport = { width: 1280, height: 860 };
    const report = await dropFiles(stack, [
      { name: "Invoice-2024-0113.pdf", bytes: randomBytes(3_100_000) },
      { name: "screenshot of the error.png", bytes: randomBytes(240_000) },
    ], "rita@example.com");
    const logs = await dropFiles(stack, [
      { name: "server-logs.zip", bytes: randomBytes(6_200_000) },
    ], "rita@example.com");
    const stranger = await stack.createUserClient("someone-else@example.com");
    const foreign = (await uploadFiles(stranger, [{ blob: new Blob(["x"]), name: "theirs.pdf" }], {
      undisclosed: false,
      recipients: ["another@example.com"],
    })).link;
    const ticket = await stack.tickets.createTicket({
      subject: "Charged twice for my subscription",
      description: `Hello, I was charged twice this month. The invoice and a screenshot are ` +
        `attached.\n\nEncrypted files: ${report}`,
      requester: { name: "Rita Requester", email: "rita@example.com" },
    });
    await stack.tickets.addComment(ticket.id, {
      authorName: "Rita Requester",
      authorEmail: "rita@example.com",
      role: "end-user",
      html: `<p>Here are the logs you asked for: ${logs.replaceAll("&", "&amp;")}</p>` +
        `<p>And a link a colleague sent me: ${foreign.replaceAll("&", "&amp;")}</p>`,
      public: true,
    });
    const shoot = async (page: import("playwright-core").Page, name: string, full = false) => {
      const path = `${outDir}/agent-${name}.png`;
      if (full) await page.screenshot({ path });
      else await page.locator(".apps").screenshot({ path });
      written.push(path);
    };

    // Signed out, then pairing in progress.
    const signedOut = await stack.browser.newContext({ viewport });
    const out = await openTicket(signedOut, stack, ticket.id);
    await out.app.waitForSelector('[data-role="login"]');
    await shoot(out.page, "signed-out");
    const tab = signedOut.waitForEvent("page");
    await out.app.locator('[data-role="login"]').click();
    await (await tab).close();
    await out.app.waitForSelector('[data-role="user-code"]');
    await shoot(out.page, "pairing");
    await signedOut.close();

    // Signed in: the file list, then a download caught half-way.
    const context = await stack.newContext();
    await context.setDefaultTimeout(30_000);
    const firstParts = new Set<string>();
    const held: (() => void)[] = [];
    await context.route(
      `${stack.serviceUrl}/api/v2.0/package/*/file/*/download-urls/`,
      async (route) => {
        const response = await route.fetch();
        const body = await response.json() as { downloadUrls: { part: number; url: string }[] };
        for (const { part, url } of body.downloadUrls) if (part <= 1) firstParts.add(url);
        await route.fulfill({ response, json: body });
      },
    );
    await context.route(`${stack.serviceUrl}/part/**`, async (route) => {
      if (route.request().method() === "GET" && !firstParts.has(route.request().url())) {
        await new Promise<void>((resolve) => held.push(resolve));
      }
      await route.continue().catch(() => {});
    });
    const { page, app } = await openTicket(context, stack, ticket.id);
    await page.setViewportSize(viewport);
    await app.waitForSelector('[data-role="file"]:has-text("server-logs.zip")');
    await app.waitForSelector('[data-role="link-error"]:visible');
    await shoot(page, "files");
    await app.locator('[data-role="file"]:has-text("server-logs.zip")').click();
    await app.waitForFunction(
      () => document.querySelector('[data-role="progress-label"]')?.textContent !== "0%",
    );
    await shoot(page, "downloading");
    await app.locator('[data-role="cancel"]').click();
    for (const resolve of held.splice(0)) resolve();

    // Sending: hold the uploads to catch the progress, then let them finish.
    const uploads: (() => void)[] = [];
    let holdUploads = true;
    await context.route(`${stack.serviceUrl}/part/**`, async (route) => {
      if (route.request().method() === "PUT" && holdUploads) {
        await new Promise<void>((resolve) => uploads.push(resolve));
      }
      await route.fallback();
    });
    await app.locator('[data-role="file-input"]').setInputFiles({
      name: "Refund confirmation.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from(randomBytes(1_500_000)),
    });
    await app.waitForSelector('[data-role="cancel-send"]');
    await shoot(page, "sending");
    holdUploads = false;
    for (const resolve of uploads.splice(0)) resolve();
    await app.waitForSelector('[data-role="send-status"].success');
    await shoot(page, "sent");
    await shoot(page, "ticket-view", true);
    await context.close();

    // Who can open the files: the requester, a CC, a follower and the assignee.
    const team = await stack.tickets.createTicket({
      subject: "Contract for the whole team",
      description: "Please send the signed contract to me and to my colleague.",
      requester: { name: "Rita Requester", email: "rita@example.com" },
      ccs: [{ name: "Carl Colleague", email: "carl@example.com" }],
      followers: [{ name: "Bea Agent", email: "bea@example.com" }],
    });
    const people = await stack.newContext();
    const recipients = await openTicket(people, stack, team.id);
    await recipients.page.setViewportSize(viewport);
    await recipients.app.waitForSelector('[data-role="audience"][data-state="ready"]');
    await shoot(recipients.page, "recipients");
    await recipients.page.close();

    // A CC without an email address: named, nothing sent.
    const phoneOnly = await stack.tickets.createTicket({
      subject: "Send it to my manager too",
      description: "My manager should get the report as well.",
      requester: { name: "Rita Requester", email: "rita@example.com" },
      ccs: [{ name: "Manfred Phoneonly", email: "" }],
    });
    const missing = await openTicket(people, stack, phoneOnly.id);
    await missing.page.setViewportSize(viewport);
    await missing.app.waitForSelector('[data-role="audience"][data-state="missing-email"]');
    await missing.app.locator('[data-role="file-input"]').setInputFiles({
      name: "Quarterly report.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from(randomBytes(20_000)),
    });
    await missing.app.waitForSelector('[data-role="send-status"].error');
    await shoot(missing.page, "recipients-missing-email");
    await missing.page.close();

    // Control and activity: the agent's own download is recorded and shown under the file.
    const opened = await openPackage(stack.agentClient, logs);
    await downloadFile(stack.agentClient, opened, opened.files[0], new WritableStream());
    const control = await openTicket(people, stack, ticket.id);
    await control.page.setViewportSize(viewport);
    await control.app.waitForSelector('[data-role="activity"]');
    await control.app.locator('[data-role="link-group"]', {
      has: control.app.locator("text=server-logs.zip"),
    }).locator('[data-role="delete"]').click();
    await control.app.waitForSelector('[data-role="confirm-delete"]');
    await shoot(control.page, "control");
    await control.page.close();

    // "Insert a hyperlink instead of the URL" with a rich-text reply, after submitting it.
    const linked = await openTicket(
      people,
      stack,
      team.id,
      "?insert_hyperlink=true&rich_text=true",
    );
    await linked.page.setViewportSize(viewport);
    await linked.app.locator('[data-role="file-input"]').setInputFiles({
      name: "Signed contract.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from(randomBytes(300_000)),
    });
    await linked.app.waitForSelector('[data-role="send-status"].success');
    await linked.page.locator("#submit-reply").click();
    await linked.page.waitForSelector("#conversation li:nth-child(2) a");
    await linked.app.waitForSelector('[data-role="file"]:has-text("Signed contract.pdf")');
    await shoot(linked.page, "hyperlink", true);
    await people.close();
  } finally {
    await stack.close();
  }
  return written;
}

if (import.meta.main) {
  const outDir = Deno.args[0] ?? new URL("../../docs/screenshots", import.meta.url).pathname;
  for (const path of await captureAgentScreenshots(outDir)) console.log(path);
}
