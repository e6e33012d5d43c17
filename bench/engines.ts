/// <reference lib="webworker" />
/**
 * The engines worker of `deno task bench`: the raw speed, in one worker of this browser, of each
 * AES engine a part could be encrypted or decrypted with, on one part (2,621,440 bytes):
 *
 * - WebCrypto AES-256-CBC encryption: what OpenPGP.js encrypts SEIPD v1 with in a browser (CFB
 *   encryption chains as CBC encryption does), so the engine that bounds uploads;
 * - OpenPGP.js's whole part, encrypt and decrypt (`src/pgp.ts`): decryption runs the pure
 *   JavaScript AES that OpenPGP.js bundles (`@noble/ciphers`), so the engine that bounds downloads;
 * - the AES-256-CFB decryption paths of maintained npm libraries, each checked to give the same
 *   bytes as `@noble/ciphers`' `cfb`: `@noble/ciphers` `cfb` and ECB over the ciphertext shifted
 *   by one block (CFB's keystream block i is AES(C[i-1]), so decryption is one ECB call and one
 *   XOR); `@openpgp/asmcrypto.js` (asm.js, the AES of OpenPGP.js 5) `AES_CFB` and its ECB;
 *   `@stablelib/aes`'s block function in a CFB loop; WebCrypto SHA-1 (the MDC's hash), and noble's
 *   and stablelib's CFB with it (the most a SEIPD v1 layer written around either could reach).
 *
 * `@hazae41/aes.wasm` is not measured: it has AES-128 in CTR mode only (SendSafely parts are
 * AES-256 in CFB mode).
 *
 * Each engine runs one part per round, the engines in turn, for several rounds; an engine's speed
 * is its fastest round (the machine is shared: a slower round measures the other jobs).
 *
 * bench/main.ts serves this worker twice, with and without the pages' Content-Security-Policy,
 * since asm.js and WebAssembly may depend on it; the worker reports whether WebAssembly could be
 * compiled under the policy it got. It posts one {@linkcode EngineReport}.
 *
 * @module
 */
import { cfb, ecb } from "@noble/ciphers/aes.js";
import { AES_CFB } from "@openpgp/asmcrypto.js/aes/cfb.js";
import { AES as AsmAes } from "@openpgp/asmcrypto.js/aes/aes.js";
import { AES as StableAes } from "@stablelib/aes";
import { decryptPart, encryptPart } from "../src/pgp.ts";
import { PART_SIZE } from "../src/upload.ts";

/** One engine's speed. */
export interface EngineSpeed {
  /** What was measured. */
  name: string;
  /** MB/s (10^6 bytes) of part bytes in, in one worker. */
  mbps: number;
  /** Whether its output matched the reference (`@noble/ciphers` `cfb`), or `null` if not compared. */
  matches: boolean | null;
}

/** What the worker posts. */
export type EngineReport =
  | { ok: true; wasm: boolean; engines: EngineSpeed[] }
  | { ok: false; message: string };

const BLOCK = 16;

function random(size: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(size);
  for (let offset = 0; offset < size; offset += 65_536) {
    crypto.getRandomValues(bytes.subarray(offset, offset + 65_536));
  }
  return bytes;
}

/** Rounds per engine: the machine is shared, so each engine's best round is kept. */
const ROUNDS = 20;

function equal(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * CFB decryption from an ECB encryption: the keystream is AES(IV || C) block by block, with the
 * ciphertext's last (possibly partial) block left out, then XORed with the ciphertext.
 */
function cfbByEcb(
  ecbEncrypt: (blocks: Uint8Array) => Uint8Array,
  iv: Uint8Array,
  cipher: Uint8Array,
): Uint8Array {
  const blocks = Math.ceil(cipher.length / BLOCK);
  const shifted = new Uint8Array(blocks * BLOCK);
  shifted.set(iv);
  shifted.set(cipher.subarray(0, (blocks - 1) * BLOCK), BLOCK);
  const plain = ecbEncrypt(shifted).subarray(0, cipher.length);
  for (let i = 0; i < plain.length; i++) plain[i] ^= cipher[i];
  return plain;
}

/** CFB decryption with a block function, block by block. */
function cfbByBlock(
  encryptBlock: (input: Uint8Array, output: Uint8Array) => void,
  iv: Uint8Array,
  cipher: Uint8Array,
): Uint8Array<ArrayBuffer> {
  const plain = new Uint8Array(cipher.length);
  const stream = new Uint8Array(BLOCK);
  let previous = iv;
  for (let offset = 0; offset < cipher.length; offset += BLOCK) {
    encryptBlock(previous, stream);
    const block = cipher.subarray(offset, offset + BLOCK);
    for (let i = 0; i < block.length; i++) plain[offset + i] = block[i] ^ stream[i];
    previous = block;
  }
  return plain;
}

async function wasmAllowed(): Promise<boolean> {
  // The smallest valid module: the magic number and version.
  const empty = new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]);
  try {
    await WebAssembly.compile(empty);
    return true;
  } catch {
    return false;
  }
}

async function measure(): Promise<EngineReport> {
  const key = random(32);
  const iv = new Uint8Array(BLOCK);
  const part = random(PART_SIZE);
  // An odd length, as a real part's SEIPD body has, so that partial last blocks are covered.
  const cipher = part.subarray(0, PART_SIZE - 5);
  const reference = cfb(key, iv).decrypt(cipher);
  const candidates: { name: string; run: () => unknown; matches: boolean | null }[] = [];
  const add = async (name: string, run: () => Uint8Array | Promise<unknown>, compare = true) => {
    // The first run checks the output and warms the engine up.
    const output = await run();
    const matches = compare ? equal(output as Uint8Array, reference) : null;
    candidates.push({ name, run, matches });
  };

  const cbcKey = await crypto.subtle.importKey("raw", key, "AES-CBC", false, ["encrypt"]);
  await add(
    "WebCrypto AES-256-CBC encrypt (OpenPGP.js's encryption engine)",
    () => crypto.subtle.encrypt({ name: "AES-CBC", iv }, cbcKey, cipher),
    false,
  );
  const message = await encryptPart(part, "bench-passphrase");
  await add(
    "OpenPGP.js encryptPart, whole part (src/pgp.ts)",
    () => encryptPart(part, "bench-passphrase"),
    false,
  );
  await add(
    "OpenPGP.js decryptPart, whole part (src/pgp.ts)",
    () => decryptPart(message, "bench-passphrase"),
    false,
  );
  await add("@noble/ciphers 2.4 cfb decrypt", () => cfb(key, iv).decrypt(cipher));
  await add(
    "@noble/ciphers 2.4 ecb over shifted ciphertext",
    () => cfbByEcb((blocks) => ecb(key, { disablePadding: true }).encrypt(blocks), iv, cipher),
  );
  await add("@openpgp/asmcrypto.js 3.1 AES_CFB decrypt", () => AES_CFB.decrypt(cipher, key, iv));
  await add("@openpgp/asmcrypto.js 3.1 ECB over shifted ciphertext", () =>
    cfbByEcb(
      (blocks) => {
        const aes = new AsmAes(key, undefined, false, "ECB");
        const head = aes.AES_Encrypt_process(blocks);
        const tail = aes.AES_Encrypt_finish();
        if (tail.length === 0) return head;
        const all = new Uint8Array(head.length + tail.length);
        all.set(head);
        all.set(tail, head.length);
        return all;
      },
      iv,
      cipher,
    ));
  await add("WebCrypto SHA-1 (the MDC's hash)", () => crypto.subtle.digest("SHA-1", cipher), false);
  // The most a SEIPD v1 layer of its own around the fastest library could reach: the CFB
  // decryption and the MDC's SHA-1 over the plaintext, nothing else (no parsing, no copies).
  await add("@noble/ciphers 2.4 cfb decrypt + WebCrypto SHA-1", async () => {
    const plain = cfb(key, iv).decrypt(cipher);
    await crypto.subtle.digest("SHA-1", plain);
    return plain;
  });
  const stable = new StableAes(key);
  await add(
    "@stablelib/aes 2.0 block function in a CFB loop",
    () => cfbByBlock((input, output) => stable.encryptBlock(input, output), iv, cipher),
  );
  await add("@stablelib/aes 2.0 CFB loop + WebCrypto SHA-1", async () => {
    const plain = cfbByBlock((input, output) => stable.encryptBlock(input, output), iv, cipher);
    await crypto.subtle.digest("SHA-1", plain);
    return plain;
  });
  // Round after round over every engine, so that a busy moment of the machine hits them all
  // alike; each engine's fastest round is its speed.
  const best = candidates.map(() => Infinity);
  for (let round = 0; round < ROUNDS; round++) {
    for (const [index, { run }] of candidates.entries()) {
      const started = performance.now();
      await run();
      best[index] = Math.min(best[index], performance.now() - started);
    }
  }
  const engines: EngineSpeed[] = candidates.map(({ name, matches }, index) => ({
    name,
    mbps: cipher.length / 1e6 / (best[index] / 1000),
    matches,
  }));
  return { ok: true, wasm: await wasmAllowed(), engines };
}

measure().then(
  (report) => postMessage(report),
  (error) => postMessage({ ok: false, message: String(error?.stack ?? error) }),
);
