/// <reference lib="dom" />
/**
 * The Help Center widget through a long network outage, in Chromium with the real service behind
 * the fault proxy: the upload says "Reconnecting…" while the network is away, then goes on from
 * the parts already stored (none is sent again) and the file reaches the ticket byte-identical,
 * with the description the user typed.
 *
 * The outage has no fixed length: it lasts until the page says "Reconnecting…" (however long
 * encrypting the next part takes on a loaded machine), then `HOLD_MS` more. The page waits a
 * tenth of the production time between attempts (`TEST_RETRY_TIMING`: 100 ms doubling up to
 * 1 s), so those 10 seconds take each waiting part through more attempts (about 15) than a
 * 60-second outage does at the production waits (1 s doubling up to 10 s: about 10).
 */
import assert from "node:assert/strict";
import { findLinks } from "../../src/link.ts";
import { htmlToText } from "../../sandbox/helpcenter/html.ts";
import { PART_SIZE } from "../../src/upload.ts";
import {
  attachByChooser,
  descriptionText,
  fillRequest,
  loadRequestPage,
  submitAndWaitForTicket,
} from "../helpcenter/_helpers.ts";
import {
  downloadLink,
  holdOutage,
  outageAfter,
  randomBytes,
  sha256,
  transfersAround,
} from "./_helpers.ts";
import { explain, startBrowserStack } from "./_stack.ts";

/** How long the outage goes on once the page says "Reconnecting…". */
const HOLD_MS = 10_000;

Deno.test("widget: a long outage mid-upload shows 'Reconnecting…', then the upload goes on and the ticket gets the file", async () => {
  const stack = await startBrowserStack();
  try {
    const { proxy } = stack.service;
    const context = await stack.newContext({ signedIn: false });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    page.on("filechooser", () => {});
    await loadRequestPage(page, `${stack.sandboxUrl}/hc/en-us/requests/new`);
    const typed = "My upload must survive the train going through a tunnel.";
    await fillRequest(page, "v4", { subject: "Tunnel", description: typed });

    const bytes = randomBytes(6 * PART_SIZE + 12_345);
    const outage = outageAfter(proxy, { kind: "part-put", count: 2, mode: "refuse" });
    await attachByChooser(page, [{
      name: "tunnel.bin",
      mimeType: "application/octet-stream",
      bytes,
    }]);
    await outage;
    const rowText = () => page.locator(".padlock-file").innerText();
    // While the network is away the file says so, and what the user typed is untouched.
    await explain(
      page.waitForSelector(
        '.padlock-file[data-reconnecting] .padlock-file-status:has-text("Reconnecting…")',
        { timeout: 60_000 },
      ),
      "no 'Reconnecting…' during the outage",
      rowText,
    );
    assert.equal(proxy.inOutage, "refuse", "still during the outage");
    assert.equal(await page.getAttribute(".padlock-file", "data-status"), "uploading");
    assert.equal((await descriptionText(page, "v4")).trim(), typed);
    // The upload keeps waiting, and saying so, however many attempts fail meanwhile.
    await holdOutage(proxy, HOLD_MS, async () => {
      assert.equal(await page.getAttribute(".padlock-file", "data-status"), "uploading");
      assert.equal(await page.locator(".padlock-file[data-reconnecting]").count(), 1);
    });

    await explain(
      page.waitForSelector('.padlock-file[data-status="uploaded"]', { timeout: 120_000 }),
      "the upload did not finish after the outage",
      rowText,
    );
    const { startedAt, endedAt } = proxy.outages[0];
    assert.ok(endedAt !== undefined, "the outage was over before the upload finished");
    assert.equal(await page.locator(".padlock-file[data-reconnecting]").count(), 0);
    const stored = transfersAround(proxy, "part-put", startedAt);
    assert.ok(stored.before.size >= 2);
    assert.deepEqual(stored.repeated, [], "no stored part sent again");
    assert.equal(new Set([...stored.before, ...stored.after]).size, 7);

    const id = await submitAndWaitForTicket(page);
    const ticket = await stack.tickets.getTicket(id);
    assert.ok(htmlToText(ticket.description).startsWith(typed));
    const links = findLinks(ticket.description);
    assert.equal(links.length, 1);
    const files = await downloadLink(stack.service.agentClient(), links[0]);
    assert.equal(await sha256(files.get("tunnel.bin")!), await sha256(bytes));
    assert.deepEqual(errors, []);
    await context.close();
  } finally {
    await stack.close();
  }
});
