/// <reference lib="dom" />
/**
 * The receive page with parts in a bucket in direct mode: the browser fetches each part from the
 * bucket's pre-signed URL (another origin: the bucket's CORS rule and the page's `connect-src`
 * must allow it), never from the service, and the file is byte-identical.
 */
import assert from "node:assert/strict";
import { launchBrowser } from "../_helpers/browser.ts";
import { freshBucket } from "../_helpers/s3.ts";
import { randomBytes, sha256, startPortalService } from "./_helpers.ts";

Deno.test("direct mode: the receive page downloads a two-part file from the bucket, byte-identical", async () => {
  const bucket = await freshBucket();
  const service = await startPortalService({
    s3Endpoint: bucket.settings.endpoint,
    s3Bucket: bucket.settings.bucket,
    s3AccessKeyId: bucket.settings.accessKeyId,
    s3SecretAccessKey: bucket.settings.secretAccessKey,
    s3DirectParts: true,
  });
  const browser = await launchBrowser();
  try {
    // 3 MB: two parts of SendSafely's 2.5 MiB, uploaded by the src/ client to the bucket.
    const bytes = randomBytes(3_000_000);
    const link = await service.send([{ name: "big.bin", bytes }]);
    const packageId = new URL(link).searchParams.get("thread")!;
    const keys = await bucket.keys();
    assert.equal(keys.length, 2, keys.join());
    assert.ok(keys.every((key) => key.startsWith(`${packageId}/`)), keys.join());

    const page = await browser.newPage();
    const partRequests: string[] = [];
    const refused: string[] = [];
    page.on("request", (request) => {
      const url = request.url();
      if (url.startsWith(bucket.url) || url.includes("/part/")) partRequests.push(url);
    });
    page.on("console", (message) => {
      if (/Content Security Policy|CORS/.test(message.text())) refused.push(message.text());
    });
    await page.goto(link);
    await page.waitForSelector('[data-state="files"]');
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.click('[data-role="download"]'),
    ]);
    assert.equal(await sha256(await Deno.readFile(await download.path())), await sha256(bytes));
    assert.deepEqual(refused, []);
    assert.equal(partRequests.length, 2, partRequests.join("\n"));
    assert.ok(
      partRequests.every((url) => url.startsWith(`${bucket.url}/${packageId}/`)),
      partRequests.join("\n"),
    );
  } finally {
    await browser.close();
    await service.close();
    await bucket.close();
  }
});
