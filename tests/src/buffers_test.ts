/**
 * Tests of src/_buffers.ts: `release` frees a buffer a view covers whole, leaves a view into a
 * larger buffer alone; and uploadFile releases each ciphertext once the part is stored.
 */
import assert from "node:assert/strict";
import { release } from "../../src/_buffers.ts";
import { createPackage, uploadFile } from "../../src/upload.ts";
import { fakeClient, randomBytes, startFakeService } from "./_fake_service.ts";

Deno.test("release: frees a whole buffer, leaves a view into a larger one alone", () => {
  const whole = randomBytes(1000);
  release(whole);
  assert.equal(whole.byteLength, 0);
  assert.equal(whole.buffer.byteLength, 0);

  const big = randomBytes(1000);
  const view = big.subarray(10, 20);
  release(view);
  assert.equal(view.byteLength, 10);
  assert.equal(big.byteLength, 1000);
});

Deno.test("uploadFile releases each part's ciphertext once the part is stored", async () => {
  const service = startFakeService();
  try {
    const client = fakeClient(service);
    const pkg = await createPackage(client);
    const ciphers: Uint8Array[] = [];
    await uploadFile(client, pkg, new Blob([randomBytes(3_000_000)]), {
      name: "x.bin",
      completeInterval: 1,
      // A stand-in encryption that keeps what it returns, to look at it afterwards.
      encrypt: (plain) => {
        const cipher = plain.slice();
        ciphers.push(cipher);
        return Promise.resolve(cipher);
      },
    });
    assert.equal(ciphers.length, 2);
    assert.deepEqual(ciphers.map((cipher) => cipher.byteLength), [0, 0]);
  } finally {
    await service.close();
  }
});
