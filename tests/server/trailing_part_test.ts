/**
 * The trailing empty part (server/parts/trailing.ts): the official SDK uploads an empty
 * segment as part `parts + 1` after a file whose size is an exact multiple of its part size.
 * The service hands out its URL, answers its upload with success before and after the package
 * is finalized, through the part URL and the proxy, keeps nothing of it, and refuses one that
 * holds data. The SDK's own run of it is in sdk_test.ts.
 */
import assert from "node:assert/strict";
import { ApiError } from "../../src/api.ts";
import { checksum, passphrase } from "../../src/keys.ts";
import { encryptPart } from "../../src/pgp.ts";
import { createPackage, finalizePackage, uploadFile } from "../../src/upload.ts";
import { clientFor, downloadAll } from "./_clients.ts";
import { countRows, sha256, testBytes, withService } from "./_helpers.ts";

async function refusedWith(call: Promise<unknown>, code: string): Promise<void> {
  await assert.rejects(call, (error) => error instanceof ApiError && error.code === code);
}

Deno.test("the part after the last declared part is accepted empty, kept nowhere, and refused with data", async () => {
  await withService(async (service) => {
    const client = clientFor(service, service.agent);
    const pkg = await createPackage(client);
    const bytes = testBytes(1000, 40);
    const { fileId } = await uploadFile(client, pkg, new Blob([bytes]), { name: "one.bin" });
    const empty = await encryptPart(new Uint8Array(0), passphrase(pkg.serverSecret, pkg.keyCode));
    assert.ok(empty.length < 1024, `an empty segment is ${empty.length} bytes`);

    // Asked for explicitly, part 2 of a 1-part file gets one URL; part 3 is refused.
    const [trailing] = await client.getUploadUrls(pkg.packageId, fileId, 2);
    assert.equal(trailing.part, 2);
    assert.equal((await client.getUploadUrls(pkg.packageId, fileId, 1)).length, 1);
    await refusedWith(client.getUploadUrls(pkg.packageId, fileId, 3), "INVALID_INPUT");

    await client.putPart(trailing.url, empty);
    const withData = await fetch(trailing.url, { method: "PUT", body: testBytes(2000, 41) });
    assert.equal(withData.status, 413);
    assert.match((await withData.json()).message, /empty segment/);
    await client.proxyUpload(pkg.packageId, fileId, 2, empty);
    await refusedWith(
      client.proxyUpload(pkg.packageId, fileId, 2, testBytes(2000, 42)),
      "LIMIT_EXCEEDED",
    );
    await refusedWith(client.proxyUpload(pkg.packageId, fileId, 3, empty), "INVALID_INPUT");
    assert.equal(await countRows(service, "parts"), 1);
    assert.equal(await client.uploadComplete(pkg.packageId, fileId), true);

    // The SDK may send it after it finalized the package (it reports the file uploaded once
    // the last declared part is stored): still accepted, while the declared parts are closed.
    const link = await finalizePackage(client, pkg, { undisclosed: true });
    const [late] = await client.getUploadUrls(pkg.packageId, fileId, 2);
    await client.putPart(late.url, empty);
    await client.proxyUpload(pkg.packageId, fileId, 2, empty);
    await refusedWith(client.getUploadUrls(pkg.packageId, fileId, 1), "PERMISSION_DENIED");
    await refusedWith(client.proxyUpload(pkg.packageId, fileId, 1, empty), "PERMISSION_DENIED");

    // The file is as declared: one part, served and read back whole.
    assert.equal(await countRows(service, "parts"), 1);
    const info = await client.getPackage(pkg.packageId);
    assert.equal(info.files[0].parts, 1);
    const received = await downloadAll(client, link);
    assert.equal(await sha256(received.files.get("one.bin")!), await sha256(bytes));
    const proof = await checksum(pkg.keyCode, pkg.packageCode);
    await refusedWith(client.getDownloadUrls(pkg.packageId, fileId, proof, 2, 2), "INVALID_INPUT");
  });
});
