/// <reference lib="dom" />
/**
 * A package's control in the sidebar, in headless Chromium through the sandbox: each package shows
 * when it expires; an agent of its dropzone extends it by 7 days (up to the service's maximum) or
 * deletes it now, after which the receive page says the files are gone; a package the agent only
 * received shows its expiry without the controls, and the service refuses them to that agent.
 */
import assert from "node:assert/strict";
import { ApiError } from "../../src/api.ts";
import { uploadFiles } from "../../src/upload.ts";
import { dropFiles, openTicket, randomBytes, startStack } from "./_stack.ts";
import { AGENT } from "./_stack.ts";

const DAY = 86_400_000;

Deno.test("sidebar control: expiry shown, a dropzone agent extends and deletes, a recipient may not", async () => {
  const stack = await startStack();
  try {
    const dropped = await dropFiles(stack, [{ name: "invoice.pdf", bytes: randomBytes(2_000) }]);
    const other = await stack.createUserClient("colleague@example.com");
    const received = (await uploadFiles(other, [{ blob: new Blob(["x"]), name: "theirs.txt" }], {
      undisclosed: false,
      recipients: [AGENT.email],
    })).link;
    const ticket = await stack.tickets.createTicket({
      subject: "Control",
      description: `Files: ${dropped}\n\nAnd from a colleague: ${received}`,
      requester: { name: "Rita Requester", email: "rita@example.com" },
    });
    const droppedId = new URL(dropped).searchParams.get("thread")!;
    const receivedId = new URL(received).searchParams.get("thread")!;
    const before = await stack.agentClient.getPackage(droppedId);
    assert.ok(before.expiration, "the dropzone package expires");

    const context = await stack.newContext();
    const { page, app } = await openTicket(context, stack, ticket.id);
    const group = (name: string) =>
      app.locator('[data-role="link-group"]', { has: app.locator(`text=${name}`) });
    await group("invoice.pdf").locator('[data-role="extend"]').waitFor();
    const shown = await group("invoice.pdf").locator('[data-role="expires"]').innerText();
    assert.match(shown, /^Expires .*\d/);
    // The package the agent only received: its expiry, no controls.
    await group("theirs.txt").locator('[data-role="expires"]').waitFor();
    assert.equal(await group("theirs.txt").locator('[data-role="extend"]').count(), 0);
    assert.equal(await group("theirs.txt").locator('[data-role="delete"]').count(), 0);
    await assert.rejects(
      stack.agentClient.deletePackage(receivedId),
      (error: unknown) => error instanceof ApiError && error.code === "PERMISSION_DENIED",
    );

    // Extend: 7 more days at the service, and the new date in the sidebar.
    await group("invoice.pdf").locator('[data-role="extend"]').click();
    await app.waitForFunction(
      ([old]) =>
        [...document.querySelectorAll('[data-role="expires"]')].some((element) =>
          element.textContent !== old && element.closest('[data-role="link-group"]')
            ?.textContent?.includes("invoice.pdf")
        ),
      [shown],
    );
    const after = await stack.agentClient.getPackage(droppedId);
    assert.equal(Date.parse(after.expiration!) - Date.parse(before.expiration!), 7 * DAY);

    // Delete now, after confirming: gone at the service and on the receive page.
    await group("invoice.pdf").locator('[data-role="delete"]').click();
    await group("invoice.pdf").locator('[data-role="keep"]').click();
    await group("invoice.pdf").locator('[data-role="delete"]').click();
    await group("invoice.pdf").locator('[data-role="confirm-delete"]').click();
    await app.waitForSelector('[data-role="deleted"]');
    await assert.rejects(
      stack.agentClient.getPackage(droppedId),
      (error: unknown) => error instanceof ApiError && error.code === "UNKNOWN_PACKAGE",
    );
    const receive = await context.newPage();
    await receive.goto(dropped);
    await receive.waitForSelector('[data-state="gone"]');
    assert.match(await receive.locator("h1").innerText(), /no longer available/);
    assert.match(await receive.locator("body").innerText(), /deleted/);
    // The other package is untouched.
    assert.equal((await stack.agentClient.getPackage(receivedId)).files[0].fileName, "theirs.txt");
    await page.close();
    await context.close();
  } finally {
    await stack.close();
  }
});
