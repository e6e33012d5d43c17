/// <reference lib="dom" />
/**
 * "Send files" in headless Chromium: the cloud button's files are encrypted and uploaded, the
 * Secure Link lands in the reply editor, and the requester can (or, with "Require
 * authentication", only as themselves can) download them with the `src/` client. Submitting the
 * reply stores the comment, and the app lists the new link on its own.
 */
import assert from "node:assert/strict";
import { Buffer } from "node:buffer";
import { ApiError, SendSafelyClient } from "../../src/api.ts";
import { downloadFile, openPackage } from "../../src/download.ts";
import { findLinks } from "../../src/link.ts";
import { openTicket, randomBytes, type Stack, startStack } from "./_stack.ts";

const REQUESTER = "requester@example.com";

async function download(client: SendSafelyClient, link: string): Promise<Map<string, Uint8Array>> {
  const pkg = await openPackage(client, link);
  const result = new Map<string, Uint8Array>();
  for (const file of pkg.files) {
    const chunks: Uint8Array[] = [];
    await downloadFile(
      client,
      pkg,
      file,
      new WritableStream({ write: (chunk) => void chunks.push(chunk) }),
    );
    result.set(file.fileName, new Uint8Array(await new Blob(chunks as BlobPart[]).arrayBuffer()));
  }
  return result;
}

async function sendFromApp(
  stack: Stack,
  requireAuth: boolean,
  files: { name: string; bytes: Uint8Array }[],
) {
  const ticket = await stack.tickets.createTicket({
    subject: "Send me the contract",
    description: "Could you send the signed contract?",
    requester: { name: "Rita Requester", email: REQUESTER },
  });
  const context = await stack.newContext();
  const { page, app } = await openTicket(context, stack, ticket.id);
  const checkbox = app.locator('[data-role="require-auth"]');
  await checkbox.waitFor();
  assert.equal(await checkbox.isChecked(), true, "ticked by default (require_auth_default)");
  if (!requireAuth) await checkbox.uncheck();
  await app.locator('[data-role="file-input"]').setInputFiles(
    files.map(({ name, bytes }) => ({
      name,
      mimeType: "application/octet-stream",
      buffer: Buffer.from(bytes),
    })),
  );
  await app.waitForSelector('[data-role="send-status"].success');
  const reply = await page.locator("#reply-text").inputValue();
  const links = findLinks(reply);
  assert.equal(links.length, 1, reply);
  return { ticket, context, page, app, link: links[0] };
}

Deno.test("sending with Require authentication: only the requester, signed in, can download", async () => {
  const stack = await startStack();
  try {
    const contract = randomBytes(2_700_000);
    const { ticket, context, page, app, link } = await sendFromApp(stack, true, [
      { name: "contract.pdf", bytes: contract },
    ]);
    // Anyone else holding the link is refused.
    const anonymous = new SendSafelyClient({
      host: stack.serviceUrl,
      credentials: { session: true },
    });
    await assert.rejects(openPackage(anonymous, link), (error: unknown) => {
      return error instanceof ApiError && error.code === "PERMISSION_DENIED";
    });
    // The requester, signed in as themselves, gets the exact bytes.
    const requester = await stack.createUserClient(REQUESTER);
    assert.deepEqual((await download(requester, link)).get("contract.pdf"), contract);

    // Submitting the reply stores the comment; the app picks up the new link by itself.
    await page.locator("#submit-reply").click();
    await page.waitForSelector(`#conversation li:nth-child(2)`);
    const stored = await stack.tickets.getTicket(ticket.id);
    assert.equal(stored.comments.length, 2);
    assert.deepEqual(findLinks(stored.comments[1].html), [link]);
    await app.waitForSelector('[data-role="file"]:has-text("contract.pdf")');
    await context.close();
  } finally {
    await stack.close();
  }
});

Deno.test("sending without Require authentication: anyone holding the link can download", async () => {
  const stack = await startStack();
  try {
    const first = randomBytes(10_000);
    const second = new TextEncoder().encode("second file");
    const { context, link } = await sendFromApp(stack, false, [
      { name: "one.bin", bytes: first },
      { name: "two.txt", bytes: second },
    ]);
    const anonymous = new SendSafelyClient({
      host: stack.serviceUrl,
      credentials: { session: true },
    });
    const files = await download(anonymous, link);
    assert.deepEqual(files.get("one.bin"), first);
    assert.deepEqual(files.get("two.txt"), second);
    await context.close();
  } finally {
    await stack.close();
  }
});

Deno.test("a failed send keeps what was uploaded; Retry finishes it and adds the link once", async () => {
  const stack = await startStack();
  try {
    const ticket = await stack.tickets.createTicket({
      subject: "Retry",
      description: "Please send it",
      requester: { name: "Rita Requester", email: REQUESTER },
    });
    const context = await stack.newContext();
    // The first finalize fails as if the service were down for a moment.
    let failures = 1;
    await context.route(`${stack.serviceUrl}/api/v2.0/package/*/finalize/`, async (route) => {
      if (failures-- > 0) await route.abort("connectionreset");
      else await route.continue();
    });
    const uploads: string[] = [];
    context.on("request", (request) => {
      if (request.method() === "PUT" && request.url().includes("/part/")) {
        uploads.push(request.url());
      }
    });
    const { page, app } = await openTicket(context, stack, ticket.id);
    await app.locator('[data-role="file-input"]').setInputFiles({
      name: "kept.bin",
      mimeType: "application/octet-stream",
      buffer: Buffer.from(randomBytes(1000)),
    });
    await app.waitForSelector('[data-role="send-status"].error');
    assert.match(
      await app.locator('[data-role="send-status"]').innerText(),
      /could not be reached/,
    );
    assert.equal(await page.locator("#reply-text").inputValue(), "", "no link before it works");
    const uploadedBefore = uploads.length;
    assert.ok(uploadedBefore >= 1);

    await app.locator('[data-role="retry"]').click();
    await app.waitForSelector('[data-role="send-status"].success');
    assert.equal(uploads.length, uploadedBefore, "the file was not uploaded again");
    const links = findLinks(await page.locator("#reply-text").inputValue());
    assert.equal(links.length, 1);
    const requester = await stack.createUserClient(REQUESTER);
    assert.equal((await download(requester, links[0])).get("kept.bin")?.length, 1000);
    await context.close();
  } finally {
    await stack.close();
  }
});
