/// <reference lib="dom" />
/**
 * Takes the screenshots of "Request files" for `docs/screenshots/`: the reply with the upload
 * link, the customer's upload page with a file chosen, the page once sent, and the ticket's
 * sidebar listing the customer's package. Run: `deno run -A tests/agent/request_screenshots.ts
 * [outDir]` after `deno task build`.
 *
 * @module
 */
import { Buffer } from "node:buffer";
import { openTicket, randomBytes, startStack } from "./_stack.ts";

/**
 * Writes `agent-request-*.png` and `portal-upload-*.png` into `outDir`.
 *
 * @throws {Error} when the app bundle is not built or a step does not reach its state.
 */
export async function captureRequestScreenshots(outDir: string): Promise<string[]> {
  await Deno.mkdir(outDir, { recursive: true });
  const written: string[] = [];
  const stack = await startStack();
  try {
    const viewport = { width: 1280, height: 860 };
    const ticket = await stack.tickets.createTicket({
      subject: "The export fails every night",
      description: "Hello, the nightly export stops half-way since Monday.",
      requester: { name: "Rita Requester", email: "rita@example.com" },
    });
    const signedIn = await stack.newContext();
    const agent = await openTicket(signedIn, stack, ticket.id);
    await agent.page.setViewportSize(viewport);
    await agent.app.locator('[data-role="request-files"]').click();
    await agent.app.waitForSelector('[data-role="request-status"]:has-text("upload files")');
    const reply = await agent.page.locator("#reply-text").inputValue();
    const link = /(\S+\/upload\/\S+)/.exec(reply)![1];
    let path = `${outDir}/agent-request-files.png`;
    await agent.page.screenshot({ path });
    written.push(path);
    await agent.page.locator("#submit-reply").click();
    await agent.page.locator("#conversation li:nth-child(2)").waitFor();
    await agent.page.close();

    const customerContext = await stack.browser.newContext({ viewport });
    const customer = await customerContext.newPage();
    await customer.goto(link);
    await customer.locator('[data-role="file-input"]').setInputFiles({
      name: "export-log-2024-06-03.txt",
      mimeType: "text/plain",
      buffer: Buffer.from(randomBytes(80_000)),
    });
    path = `${outDir}/portal-upload.png`;
    await customer.screenshot({ path });
    written.push(path);
    await customer.locator('[data-role="send"]').click();
    await customer.waitForSelector('#app[data-state="sent"]');
    path = `${outDir}/portal-upload-sent.png`;
    await customer.screenshot({ path });
    written.push(path);
    await customerContext.close();

    const again = await openTicket(signedIn, stack, ticket.id);
    await again.page.setViewportSize(viewport);
    await again.app.waitForSelector('[data-role="file"]:has-text("export-log-2024-06-03.txt")');
    path = `${outDir}/agent-request-listed.png`;
    await again.page.locator(".apps").screenshot({ path });
    written.push(path);
    await signedIn.close();
  } finally {
    await stack.close();
  }
  return written;
}

if (import.meta.main) {
  const outDir = Deno.args[0] ?? new URL("../../docs/screenshots", import.meta.url).pathname;
  for (const path of await captureRequestScreenshots(outDir)) console.log(path);
}
