import assert from "node:assert/strict";
import {
  checksum,
  generateKeyCode,
  passphrase,
  timingSafeEqual,
  toUrlSafe,
} from "../../src/keys.ts";
import { decodeBase64, encodeBase64, encodeBase64Url } from "../../src/_base64.ts";

Deno.test("checksum matches the spec 3.3 test vector", async () => {
  assert.equal(
    await checksum("dXoa4deD9E0ZkqXH2mYWBXKR8Fvnj0M-0njm6MWRKAQ", "PkgCode_abc-123"),
    "876a101c058ef2f5ed7952ff54fae3d338d9b902d3a3aa84308059d5dbdb3ff3",
  );
});

Deno.test("checksum makes both inputs URL-safe first, as the SDK does", async () => {
  const expected = await checksum("ab-c_d", "Pk-g_");
  assert.equal(await checksum("ab+c/d==", "Pk+g/="), expected);
  assert.match(expected, /^[0-9a-f]{64}$/);
});

Deno.test("checksum depends on both the keyCode and the packageCode", async () => {
  const base = await checksum("keyCode1", "package1");
  assert.notEqual(await checksum("keyCode2", "package1"), base);
  assert.notEqual(await checksum("keyCode1", "package2"), base);
});

Deno.test("checksum refuses empty inputs", async () => {
  await assert.rejects(() => checksum("", "package"), TypeError);
  await assert.rejects(() => checksum("keyCode", ""), TypeError);
});

Deno.test("generateKeyCode gives 43 URL-safe characters encoding 32 bytes", () => {
  for (let round = 0; round < 200; round++) {
    const keyCode = generateKeyCode();
    assert.match(keyCode, /^[A-Za-z0-9_-]{43}$/);
    // 43 characters carry 258 bits: the last character holds only 4 bits of the 32nd byte, so
    // its low 2 bits must be zero (a canonical encoding of exactly 32 bytes).
    const last = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".indexOf(
      keyCode[42],
    );
    assert.equal(last & 0b11, 0);
  }
});

Deno.test("generateKeyCode never repeats and uses the whole alphabet", () => {
  const seen = new Set<string>();
  const characters = new Set<string>();
  for (let round = 0; round < 1000; round++) {
    const keyCode = generateKeyCode();
    seen.add(keyCode);
    for (const character of keyCode) characters.add(character);
  }
  assert.equal(seen.size, 1000);
  // 43,000 random characters over 64 symbols: every symbol appears (missing one has probability
  // around 64 · e^-670).
  assert.equal(characters.size, 64);
});

Deno.test("toUrlSafe maps + and / and strips padding", () => {
  assert.equal(toUrlSafe("a+b/c=="), "a-b_c");
  assert.equal(toUrlSafe("++//="), "--__");
  assert.equal(toUrlSafe("Already_url-safe"), "Already_url-safe");
  assert.equal(toUrlSafe(""), "");
});

Deno.test("passphrase concatenates the URL-safe server secret and keyCode", () => {
  assert.equal(passphrase("SrvSecret_xyz-789", "dXoa4deD9E0Z"), "SrvSecret_xyz-789dXoa4deD9E0Z");
  assert.equal(passphrase("a+b/=", "c/d+=="), "a-b_c_d-");
});

Deno.test("timingSafeEqual agrees with === on equal and different strings", () => {
  const cases: [string, string][] = [
    ["", ""],
    ["a", "a"],
    ["a", ""],
    ["", "a"],
    ["abc", "abd"],
    ["abc", "abcd"],
    ["abcd", "abc"],
    ["a\0", "a"],
    ["\0", ""],
    ["xbc", "abc"],
    ["é", "e"],
    ["😀", "😀"],
    ["😀", "😁"],
    [
      "876a101c058ef2f5ed7952ff54fae3d338d9b902d3a3aa84308059d5dbdb3ff3",
      "876a101c058ef2f5ed7952ff54fae3d338d9b902d3a3aa84308059d5dbdb3ff3",
    ],
    [
      "876a101c058ef2f5ed7952ff54fae3d338d9b902d3a3aa84308059d5dbdb3ff3",
      "876a101c058ef2f5ed7952ff54fae3d338d9b902d3a3aa84308059d5dbdb3ff4",
    ],
  ];
  for (const [a, b] of cases) {
    assert.equal(timingSafeEqual(a, b), a === b, `${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
  }
});

Deno.test("timingSafeEqual detects a difference at every position", () => {
  const secret = generateKeyCode();
  for (let index = 0; index < secret.length; index++) {
    const other = secret.slice(0, index) + (secret[index] === "A" ? "B" : "A") +
      secret.slice(index + 1);
    assert.equal(timingSafeEqual(secret, other), false);
  }
  assert.equal(timingSafeEqual(secret, secret.slice()), true);
});

Deno.test("base64 helpers round trip every length and refuse bad input", () => {
  for (let length = 0; length < 70; length++) {
    const bytes = crypto.getRandomValues(new Uint8Array(length));
    const standard = encodeBase64(bytes);
    assert.match(standard, /^[A-Za-z0-9+/]*={0,2}$/);
    assert.equal(standard.length % 4, 0);
    assert.deepEqual(decodeBase64(standard), bytes);
    assert.equal(encodeBase64Url(bytes), toUrlSafe(standard));
  }
  const large = Uint8Array.from({ length: 100_000 }, (_, index) => (index * 7919) & 0xff);
  assert.deepEqual(decodeBase64(encodeBase64(large)), large);
  for (const bad of ["A", "AB", "ABC", "AB=C", "AB-_", "AB C", "A===", "====", "AB\n=="]) {
    assert.throws(() => decodeBase64(bad), SyntaxError, bad);
  }
});
