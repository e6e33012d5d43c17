/// <reference lib="dom" />
/**
 * Takes the screenshots of what issue 13's upload notices and file rules show a person, for
 * `docs/screenshots/`: the account page with the dropzone settings (Notify by mail), the Help
 * Center widget refusing a file (no Retry), the upload page refusing a file, the internal note
 * the service adds to the ticket through Zendesk's API (the sandbox's agent view), the receive
 * page opened with the note's keyless link, and the notice mail in the development outbox. Run:
 * `deno run -A tests/agent/notice_screenshots.ts [outDir]` after `deno task build`.
 *
 * @module
 */
import { Buffer } from "node:buffer";
import { AGENT, openTicket, randomBytes, startStack } from "./_stack.ts";

/**
 * Writes the PNGs into `outDir` and returns their paths.
 *
 * @throws {Error} when the bundles are not built or a step does not reach its state.
 */
export async function captureNoticeScreenshots(outDir: string): Promise<string[]> {
  await Deno.mkdir(outDir, { recursive: true });
  const written: string[] = [];
  const stack = await startStack({
    helpCenter: true,
    zendesk: { configured: true },
    service: { devOutbox: true },
  });
  const shot = async (
    target: { screenshot(options: { path: string; fullPage?: boolean }): Promise<unknown> },
    name: string,
    fullPage = false,
  ) => {
    const path = `${outDir}/${name}.png`;
    await target.screenshot({ path, ...(fullPage ? { fullPage } : {}) });
    written.push(path);
  };
  try {
    const dropzone = (await stack.server.accounts.findDropzone(stack.dropzoneId))!;
    await stack.server.accounts.setDropzoneSettings(stack.dropzoneId, {
      ...dropzone.settings,
      allowedExtensions: ["pdf", "png", "jpg", "zip", "txt"],
      maxFileBytes: 25_000_000,
      lifeDays: 30,
      notifyUploads: true,
    });

    // The account page: the dropzone's settings, Notify by mail on.
    const browser = await stack.browser.newContext({ viewport: { width: 1000, height: 900 } });
    const page = await browser.newPage();
    await page.goto(`${stack.serviceUrl}/signin?next=%2Faccount`);
    await page.fill("#email", AGENT.email);
    await page.fill("#password", AGENT.password);
    await page.click('[data-role="signin-form"] button[type="submit"]');
    await page.waitForURL(/\/account$/);
    await page.locator('[data-role="dropzone-settings"]').scrollIntoViewIfNeeded();
    await shot(page, "portal-account", true);

    // The widget: a file the dropzone does not take, refused with the reason and no Retry.
    await stack.server.accounts.setDropzoneSettings(stack.dropzoneId, {
      ...dropzone.settings,
      allowedExtensions: ["pdf", "png", "jpg"],
      notifyUploads: true,
    });
    await page.goto(`${stack.sandboxUrl}/hc/en-us/requests/new`);
    await page.waitForSelector(".padlock-dropzone");
    await page.fill('[name="request[anonymous_requester_email]"]', "customer@example.com");
    await page.fill('[name="request[subject]"]', "Invoice");
    await page.click(".ck-editor__editable");
    await page.keyboard.type("Please find the invoice attached.");
    const [chooser] = await Promise.all([
      page.waitForEvent("filechooser"),
      page.click(".padlock-dropzone"),
    ]);
    await chooser.setFiles({
      name: "invoice.docx",
      mimeType: "application/octet-stream",
      buffer: Buffer.from(randomBytes(5_000)),
    });
    await page.waitForSelector('.padlock-file[data-status="failed"]');
    await shot(page, "helpcenter-v4-refused", true);
    await stack.server.accounts.setDropzoneSettings(stack.dropzoneId, {
      ...dropzone.settings,
      allowedExtensions: ["pdf", "png", "jpg", "zip", "txt"],
      maxFileBytes: 25_000_000,
      notifyUploads: true,
    });

    // A file request: the upload page refuses a file, takes the others.
    const ticket = await stack.tickets.createTicket({
      subject: "The export fails every night",
      description: "Hello, the nightly export stops half-way since Monday.",
      requester: { name: "Rita Requester", email: "rita@example.com" },
    });
    const signedIn = await stack.newContext();
    const agent = await openTicket(signedIn, stack, ticket.id);
    await agent.app.locator('[data-role="request-files"]').click();
    await agent.app.waitForSelector('[data-role="request-status"]:has-text("upload files")');
    const reply = await agent.page.locator("#reply-text").inputValue();
    const link = /(\S+\/upload\/\S+)/.exec(reply)![1];
    await agent.page.locator("#submit-reply").click();
    await agent.page.locator("#conversation li:nth-child(2)").waitFor();
    await agent.page.close();

    const customerContext = await stack.browser.newContext({
      viewport: { width: 1280, height: 860 },
    });
    const customer = await customerContext.newPage();
    await customer.goto(link);
    await customer.locator('[data-role="file-input"]').setInputFiles([
      {
        name: "export-log-2024-06-03.txt",
        mimeType: "text/plain",
        buffer: Buffer.from(randomBytes(80_000)),
      },
      { name: "export.exe", mimeType: "application/octet-stream", buffer: Buffer.from("MZ") },
    ]);
    await customer.waitForSelector('[data-status="refused"]');
    await shot(customer, "portal-upload-refused");
    await customer.locator('[data-role="send"]').click();
    await customer.waitForSelector('#app[data-state="sent"]');

    // The internal note, in the sandbox's agent view.
    const deadline = Date.now() + 10_000;
    let note;
    while (!note && Date.now() < deadline) {
      note = (await stack.tickets.getTicket(ticket.id)).comments.find((c) => !c.public);
      if (!note) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    if (!note) throw new Error("no note reached the ticket");
    const view = await openTicket(signedIn, stack, ticket.id);
    await view.page.setViewportSize({ width: 1280, height: 860 });
    await view.page.locator(".comment.internal").waitFor();
    await view.app.waitForSelector('[data-role="file"]:has-text("export-log-2024-06-03.txt")');
    await shot(view.page, "agent-request-note");

    // The note's link alone: the receive page says where the key is.
    const keyless = /href="([^"]+)"/.exec(note.html)![1].replaceAll("&amp;", "&");
    await customer.goto(keyless);
    await customer.waitForSelector('#app[data-state="key-in-app"]');
    await shot(customer, "portal-key-in-app");
    await customerContext.close();

    // The notice mail, in the development outbox.
    await page.goto(`${stack.serviceUrl}/dev/outbox`);
    await page.locator("text=New files for ticket").first().click();
    await page.waitForLoadState();
    await shot(page, "portal-outbox-upload-notice");
    await browser.close();
    await signedIn.close();
  } finally {
    await stack.close();
  }
  return written;
}

if (import.meta.main) {
  const outDir = Deno.args[0] ?? new URL("../../docs/screenshots", import.meta.url).pathname;
  for (const path of await captureNoticeScreenshots(outDir)) console.log(path);
}
