/**
 * The Help Center widget with parts in a bucket in direct mode: the browser encrypts and PUTs each
 * part to the bucket's pre-signed URL (another origin, allowed by the bucket's CORS rule), no part
 * passes through the service, and the file behind the ticket's link is byte-identical.
 */
import assert from "node:assert/strict";
import { findLinks } from "../../src/link.ts";
import { freshBucket } from "../_helpers/s3.ts";
import {
  attachByChooser,
  downloadAll,
  fillRequest,
  loadRequestPage,
  openPage,
  randomBytes,
  requestPageUrl,
  startStack,
  submitAndWaitForTicket,
  waitForUploads,
} from "./_helpers.ts";

Deno.test("direct mode: the widget uploads parts straight to the bucket; the link downloads byte-identical", async () => {
  const bucket = await freshBucket();
  const stack = await startStack({
    service: {
      s3Endpoint: bucket.settings.endpoint,
      s3Bucket: bucket.settings.bucket,
      s3AccessKeyId: bucket.settings.accessKeyId,
      s3SecretAccessKey: bucket.settings.secretAccessKey,
      s3DirectParts: true,
    },
  });
  try {
    const { page, requests, errors } = await openPage(stack);
    await loadRequestPage(page, requestPageUrl(stack, "v4"));
    await fillRequest(page, "v4", { subject: "Bucket", description: "Straight to the bucket." });
    const bytes = randomBytes(3_000_000);
    await attachByChooser(page, [{
      name: "direct.bin",
      mimeType: "application/octet-stream",
      bytes,
    }]);
    await waitForUploads(page, 1);
    const ticketId = await submitAndWaitForTicket(page);
    const ticket = await stack.harness.sandbox.tickets.getTicket(ticketId);
    const [link] = findLinks(ticket.description);
    assert.ok(link, ticket.description);

    const puts = requests.filter((request) => request.method === "PUT");
    const partPuts = puts.filter((request) => request.url.startsWith(`${bucket.url}/`));
    assert.equal(partPuts.length, 2, puts.map((request) => request.url).join("\n"));
    assert.ok(partPuts.every((request) => request.bodyBytes > 0));
    const throughService = requests.filter((request) =>
      request.url.startsWith(stack.harness.serviceUrl) &&
      (request.url.includes("/part/") || request.bodyBytes > 100_000)
    );
    assert.deepEqual(throughService, [], "no part passed through the service");
    assert.equal((await bucket.keys()).length, 2);
    assert.deepEqual((await downloadAll(stack.harness, link)).get("direct.bin"), bytes);
    assert.deepEqual(errors, []);
    await page.close();
  } finally {
    await stack.close();
    await bucket.close();
  }
});
