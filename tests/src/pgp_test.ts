import assert from "node:assert/strict";
import * as openpgp from "openpgp";
import {
  DecryptError,
  decryptMessage,
  decryptPart,
  encryptMessage,
  encryptPart,
} from "../../src/pgp.ts";
import { generateKeyCode, passphrase as makePassphrase } from "../../src/keys.ts";
import { decodeBase64, encodeBase64 } from "../../src/_base64.ts";
import {
  decryptIndependently,
  parsePackets,
  readLiteral,
  readSkesk,
  writeUnprotectedMessage,
} from "./_packets.ts";
import { gpgSymmetric } from "./_gpg.ts";

const PART_SIZE = 2_621_440;
const passphrase = makePassphrase("SrvSecret_xyz-789", generateKeyCode());

/** Deterministic, non-repeating test data (crypto.getRandomValues is limited to 64 KiB a call). */
function pattern(length: number, seed = 1): Uint8Array {
  const bytes = new Uint8Array(length);
  let state = seed;
  for (let index = 0; index < length; index++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    bytes[index] = state >>> 24;
  }
  return bytes;
}

async function assertDecryptError(promise: Promise<unknown>, secret = passphrase): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof DecryptError, `expected DecryptError, got ${error}`);
    assert.equal(error.name, "DecryptError");
    assert.match(error.message, /^Cannot decrypt/);
    assert.ok(!error.message.includes(secret), "the message must not contain the passphrase");
    return true;
  });
}

Deno.test("encryptPart writes exactly the packets of spec 3.5", async () => {
  const plain = new TextEncoder().encode("hello");
  const before = Math.floor(Date.now() / 1000);
  const cipher = await encryptPart(plain, passphrase);

  const packets = parsePackets(cipher);
  assert.deepEqual(packets.map((packet) => packet.tag), [3, 18]);
  const skesk = readSkesk(packets[0].body);
  assert.equal(skesk.version, 4);
  assert.equal(skesk.cipher, 9, "AES-256");
  assert.equal(skesk.s2kType, 3, "iterated and salted");
  assert.equal(skesk.hash, 8, "SHA-256");
  assert.equal(skesk.salt.length, 8);
  assert.equal(skesk.countByte, 96);
  assert.equal(skesk.encryptedSessionKey.length, 33, "an encrypted random session key");
  assert.equal(packets[1].body[0], 1, "SEIPD version 1");

  // Decrypted with WebCrypto alone, independently of openpgp.js.
  const decrypted = await decryptIndependently(cipher, passphrase);
  assert.equal(decrypted.sessionKeyCipher, 9);
  assert.equal(decrypted.seipdVersion, 1);
  assert.deepEqual(decrypted.inner.map((packet) => packet.tag), [11, 19], "literal then MDC");
  assert.ok(decrypted.mdcValid, "the MDC matches");
  assert.ok(!decrypted.inner.some((packet) => packet.tag === 8), "no compressed packet");
  const literal = readLiteral(decrypted.inner[0].body);
  assert.equal(literal.format, "b");
  assert.equal(literal.filename, "");
  assert.ok(Math.abs(literal.date - before) <= 5, "the literal packet carries the current date");
  assert.deepEqual(literal.data, plain);
});

Deno.test("the session key is random: two encryptions of the same part differ", async () => {
  const plain = pattern(100);
  const first = await encryptPart(plain, passphrase);
  const second = await encryptPart(plain, passphrase);
  assert.notDeepEqual(first, second);
  assert.notDeepEqual(
    readSkesk(parsePackets(first)[0].body).salt,
    readSkesk(parsePackets(second)[0].body).salt,
  );
});

Deno.test("ciphertext overhead matches spec 3.5", async () => {
  const sizes: [number, number][] = [[5, 104], [757_120, 757_227], [PART_SIZE, 2_621_547]];
  for (const [plain, cipher] of sizes) {
    assert.equal((await encryptPart(pattern(plain), passphrase)).length, cipher, `${plain} bytes`);
  }
});

Deno.test("parts of 0, 1 and 2,621,440 bytes round trip", async () => {
  for (const size of [0, 1, 15, 16, 17, PART_SIZE]) {
    const plain = pattern(size, size + 7);
    const cipher = await encryptPart(plain, passphrase);
    assert.deepEqual(await decryptPart(cipher, passphrase), plain, `${size} bytes`);
  }
});

Deno.test("a full part is readable by an independent decrypter", async () => {
  // Large enough to use a five-octet length header inside and outside the SEIPD.
  const plain = pattern(70_000);
  const decrypted = await decryptIndependently(await encryptPart(plain, passphrase), passphrase);
  assert.ok(decrypted.mdcValid);
  assert.deepEqual(readLiteral(decrypted.inner[0].body).data, plain);
});

Deno.test("a wrong passphrase raises DecryptError", async () => {
  const cipher = await encryptPart(pattern(1000), passphrase);
  // Several wrong keys: most fail at the session key, some only at the data's key check.
  for (let round = 0; round < 20; round++) {
    const wrong = makePassphrase("SrvSecret_xyz-789", generateKeyCode());
    await assertDecryptError(decryptPart(cipher, wrong), wrong);
  }
  await assertDecryptError(decryptPart(cipher, passphrase + "x"));
});

/** The check that refused `cipher` with `secret`; fails the test when it decrypts. */
async function failureOf(cipher: Uint8Array, secret: string): Promise<string> {
  try {
    await decryptPart(cipher, secret);
  } catch (error) {
    assert.ok(error instanceof DecryptError, `expected DecryptError, got ${error}`);
    return error.failure;
  }
  throw new assert.AssertionError({ message: "the part decrypted" });
}

/** Counts each value of a list. */
function tally(values: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}

Deno.test("a wrong passphrase fails the key check, a modified part the integrity check", async () => {
  const cipher = await encryptPart(pattern(1000), passphrase);
  const wrong: string[] = [];
  for (let round = 0; round < 300; round++) {
    wrong.push(await failureOf(cipher, makePassphrase("SrvSecret_xyz-789", generateKeyCode())));
  }
  const counts = tally(wrong);
  // The session-key packet refuses most wrong keys; about 1 in 85 turns it into a well-formed
  // wrong key, which the data's key check catches when it names AES (a third of those) and
  // cannot check otherwise ("unknown", about 1 in 128). None is ever taken for a modification.
  assert.equal(counts.integrity, undefined, JSON.stringify(counts));
  assert.ok(counts.key >= 285, JSON.stringify(counts));
  // Bytes after the data's first 18 (the key check's) and in its integrity code.
  for (const from of [120, 500, cipher.length - 40, cipher.length - 1]) {
    const damaged = cipher.slice();
    damaged[from] ^= 0x10;
    assert.equal(await failureOf(damaged, passphrase), "integrity", `byte ${from}`);
  }
  assert.equal(await failureOf(cipher.slice(0, 40), passphrase), "format");
});

Deno.test("parts made by gpg --symmetric: the key decrypts, a wrong key fails the key check, a change the integrity check", async () => {
  const plain = pattern(300_000, 7);
  for (
    const args of [
      [], // gpg's defaults: AES-256, compressed
      ["--cipher-algo", "AES", "--compress-algo", "none"],
    ]
  ) {
    const cipher = await gpgSymmetric(plain, passphrase, { args });
    assert.deepEqual(await decryptPart(cipher, passphrase), plain);
    const failures: string[] = [];
    for (let round = 0; round < 20; round++) {
      failures.push(
        await failureOf(cipher, makePassphrase("SrvSecret_xyz-789", generateKeyCode())),
      );
    }
    failures.push(await failureOf(cipher, passphrase + "x"));
    assert.deepEqual(tally(failures), { key: 21 }, `gpg ${args.join(" ")}`);
    for (const from of [cipher.length - 1, cipher.length - 30, Math.floor(cipher.length / 2)]) {
      const damaged = cipher.slice();
      damaged[from] ^= 0x01;
      assert.equal(await failureOf(damaged, passphrase), "integrity", `gpg ${args} byte ${from}`);
    }
  }
  // A cipher the browser has no primitive for: the key cannot be checked on its own, so a wrong
  // key is "unknown" (either may be at fault), never a certain modification.
  const twofish = await gpgSymmetric(plain, passphrase, { args: ["--cipher-algo", "TWOFISH"] });
  assert.deepEqual(await decryptPart(twofish, passphrase), plain);
  assert.equal(await failureOf(twofish, passphrase + "x"), "unknown");
});

Deno.test("truncated ciphertext raises DecryptError", async () => {
  const cipher = await encryptPart(pattern(1000), passphrase);
  for (const length of [0, 1, 2, 10, 47, 48, 49, 60, 500, cipher.length - 22, cipher.length - 1]) {
    await assertDecryptError(decryptPart(cipher.slice(0, length), passphrase));
  }
});

Deno.test("a flipped bit anywhere raises DecryptError, never garbage", async () => {
  const cipher = await encryptPart(pattern(300), passphrase);
  for (let index = 0; index < cipher.length; index++) {
    const damaged = cipher.slice();
    damaged[index] ^= 1 << (index % 8);
    await assertDecryptError(decryptPart(damaged, passphrase));
  }
});

Deno.test("random bytes and unencrypted data raise DecryptError", async () => {
  for (let round = 0; round < 50; round++) {
    const bytes = crypto.getRandomValues(new Uint8Array(1 + round * 37));
    await assertDecryptError(decryptPart(bytes, passphrase));
  }
  // A bare literal packet parses as OpenPGP but is not encrypted.
  await assertDecryptError(
    decryptPart(new Uint8Array([0xcb, 0x06, 0x62, 0, 0, 0, 0, 0]), passphrase),
  );
  // Text is not a binary message.
  await assertDecryptError(decryptPart(new TextEncoder().encode("hello world"), passphrase));
});

Deno.test("a message without integrity protection (SED, tag 9) is refused", async () => {
  const plain = pattern(100);
  const legacy = await writeUnprotectedMessage(plain, passphrase);
  assert.equal(parsePackets(legacy)[1].tag, 9);
  // The test message is well-formed: openpgp.js reads it when explicitly told to allow it.
  const { data } = await openpgp.decrypt({
    message: await openpgp.readMessage({ binaryMessage: legacy }),
    passwords: [passphrase],
    format: "binary",
    config: { allowUnauthenticatedMessages: true },
  });
  assert.deepEqual(data, plain);
  await assertDecryptError(decryptPart(legacy, passphrase));
});

Deno.test("decryptPart accepts other standard symmetric messages", async () => {
  const plain = pattern(50_000);
  const variants: [string, openpgp.PartialConfig][] = [
    ["zlib compressed", { preferredCompressionAlgorithm: openpgp.enums.compression.zlib }],
    ["zip compressed", { preferredCompressionAlgorithm: openpgp.enums.compression.zip }],
    ["AES-128", { preferredSymmetricAlgorithm: openpgp.enums.symmetric.aes128 }],
    ["S2K count byte 255", { s2kIterationCountByte: 255 }],
    ["openpgp defaults", {}],
    ["SEIPD v2 (AEAD)", { aeadProtect: true }],
  ];
  for (const [name, config] of variants) {
    const cipher = await openpgp.encrypt({
      message: await openpgp.createMessage({ binary: plain, filename: "file.bin" }),
      passwords: [passphrase],
      format: "binary",
      config,
    });
    assert.deepEqual(await decryptPart(cipher, passphrase), plain, name);
  }
});

Deno.test("encryptPart and decryptPart refuse an empty passphrase", async () => {
  await assert.rejects(() => encryptPart(new Uint8Array(1), ""), TypeError);
  const cipher = await encryptPart(new Uint8Array(1), passphrase);
  await assert.rejects(() => decryptPart(cipher, ""), TypeError);
});

Deno.test("messages are base64 of a text literal packet and round trip", async () => {
  const text = "Hello — ünïcödé 😀";
  const base64 = await encryptMessage(text, passphrase);
  assert.match(base64, /^[A-Za-z0-9+/]+={0,2}$/, "standard base64, padded, no line breaks");
  assert.equal(base64.length % 4, 0);
  const decrypted = await decryptIndependently(decodeBase64(base64), passphrase);
  const literal = readLiteral(decrypted.inner[0].body);
  assert.equal(literal.format, "u");
  assert.equal(literal.filename, "");
  assert.equal(await decryptMessage(base64, passphrase), text);
  assert.equal(await decryptMessage(await encryptMessage("", passphrase), passphrase), "");
});

Deno.test("messages come back with CRLF line endings, as SendSafely clients read them", async () => {
  const base64 = await encryptMessage("line 1\nline 2\r\nline 3\n", passphrase);
  assert.equal(await decryptMessage(base64, passphrase), "line 1\r\nline 2\r\nline 3\r\n");
});

Deno.test("decryptMessage tolerates line-wrapped base64", async () => {
  const base64 = await encryptMessage("wrapped", passphrase);
  const wrapped = base64.match(/.{1,64}/g)!.join("\r\n") + "\n";
  assert.equal(await decryptMessage(wrapped, passphrase), "wrapped");
});

Deno.test("decryptMessage raises DecryptError on bad base64, wrong key or damage", async () => {
  const base64 = await encryptMessage("secret text", passphrase);
  for (const bad of ["", "not base64!", base64.slice(0, -1), base64.replace(/[A-Za-z]/, "-")]) {
    await assertDecryptError(decryptMessage(bad, passphrase));
  }
  await assertDecryptError(decryptMessage(base64, passphrase.slice(0, -1)));
  const bytes = decodeBase64(base64);
  bytes[bytes.length - 5] ^= 0x80;
  await assertDecryptError(decryptMessage(encodeBase64(bytes), passphrase));
  await assertDecryptError(decryptMessage(encodeBase64(pattern(200)), passphrase));
});

Deno.test("a message from another OpenPGP client decrypts", async () => {
  const cipher = await openpgp.encrypt({
    message: await openpgp.createMessage({ text: "from elsewhere" }),
    passwords: [passphrase],
    format: "binary",
    config: { preferredCompressionAlgorithm: openpgp.enums.compression.zlib },
  });
  assert.equal(await decryptMessage(encodeBase64(cipher), passphrase), "from elsewhere");
});

Deno.test("keys, pgp and link work in Chromium and interoperate with Deno", async () => {
  const esbuild = await import("esbuild");
  const { launchBrowser } = await import("../_helpers/browser.ts");
  let bundle: string;
  try {
    const output = await esbuild.build({
      stdin: {
        contents: 'export * from "./src/keys.ts"; export * from "./src/pgp.ts";' +
          'export * from "./src/link.ts";',
        resolveDir: new URL("../../", import.meta.url).pathname,
        loader: "ts",
      },
      bundle: true,
      format: "iife",
      globalName: "padlock",
      platform: "browser",
      write: false,
      logLevel: "silent",
    });
    bundle = output.outputFiles[0].text;
  } finally {
    await esbuild.stop();
  }
  const fromDeno = encodeBase64(await encryptPart(pattern(5000), passphrase));
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    // WebCrypto needs a secure context; about:blank is not one, http://localhost is.
    await page.route(
      "http://localhost/",
      (route) =>
        route.fulfill({ contentType: "text/html", body: "<!doctype html><title>core</title>" }),
    );
    await page.goto("http://localhost/");
    await page.addScriptTag({ content: bundle });
    const result = await page.evaluate(async ([fromDeno, passphrase]) => {
      // deno-lint-ignore no-explicit-any
      const padlock = (globalThis as any).padlock;
      const decode = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
      const plain = decode(fromDeno);
      const decrypted: Uint8Array = await padlock.decryptPart(plain, passphrase);
      const own: Uint8Array = await padlock.encryptPart(
        new Uint8Array([1, 2, 3, 4, 5]),
        passphrase,
      );
      let error = "";
      try {
        await padlock.decryptPart(own, passphrase + "x");
      } catch (caught) {
        error = (caught as Error).name;
      }
      return {
        decrypted: btoa(String.fromCharCode(...decrypted.subarray(0, 64))),
        decryptedLength: decrypted.length,
        own: btoa(String.fromCharCode(...own)),
        error,
        checksum: await padlock.checksum(
          "dXoa4deD9E0ZkqXH2mYWBXKR8Fvnj0M-0njm6MWRKAQ",
          "PkgCode_abc-123",
        ),
        keyCode: padlock.generateKeyCode(),
        message: await padlock.encryptMessage("from the browser\n", passphrase),
        links: padlock.findLinks(
          '<a href="https://x.example/?thread=T&amp;packageCode=P#keyCode=K">link</a>',
        ),
      };
    }, [fromDeno, passphrase]);
    assert.equal(result.decryptedLength, 5000);
    assert.equal(result.decrypted, encodeBase64(pattern(5000).subarray(0, 64)));
    assert.equal(result.own.length, encodeBase64(new Uint8Array(104)).length);
    assert.deepEqual(
      await decryptPart(decodeBase64(result.own), passphrase),
      new Uint8Array([1, 2, 3, 4, 5]),
    );
    assert.equal(result.error, "DecryptError");
    assert.equal(
      result.checksum,
      "876a101c058ef2f5ed7952ff54fae3d338d9b902d3a3aa84308059d5dbdb3ff3",
    );
    assert.match(result.keyCode, /^[A-Za-z0-9_-]{43}$/);
    assert.equal(await decryptMessage(result.message, passphrase), "from the browser\r\n");
    assert.deepEqual(result.links, ["https://x.example/?thread=T&packageCode=P#keyCode=K"]);
  } finally {
    await browser.close();
  }
});
