/**
 * Fuzzing of the OpenPGP part decrypter (`decryptPart` in `src/pgp.ts`): real parts truncated,
 * bit-flipped and mutated, valid prefixes with random tails, random bytes, hand-made packet
 * sequences (a literal packet without encryption, a compressed one, the unprotected SED packet,
 * lying length headers), messages made by other OpenPGP settings (AEAD, compression), and valid
 * parts under a wrong passphrase. Invariants: every such input is refused with a `DecryptError`
 * (whose message never contains the passphrase), no plaintext is ever returned, nothing hangs.
 */
import assert from "node:assert/strict";
import * as openpgp from "openpgp";
import { DecryptError, decryptPart, encryptPart } from "../../src/pgp.ts";
import { fuzz, type Rng } from "../_helpers/fuzz.ts";
import { writePacket, writeUnprotectedMessage } from "../src/_packets.ts";

const SEED = 0x9a9_0001;
const CASES = 3000;
const PASSPHRASE = "SrvSecret_fuzz-123" + "dXoa4deD9E0ZkqXH2mYWBXKR8Fvnj0M-0njm6MWRKAQ";

function concat(...chunks: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

interface Sample {
  what: string;
  cipher: Uint8Array;
  plain: Uint8Array;
}

async function samples(): Promise<Sample[]> {
  const plain = (size: number) => new Uint8Array(size).map((_, index) => (index * 31 + 7) & 0xff);
  const out: Sample[] = [];
  for (const size of [0, 1, 100, 5_000, 70_000]) {
    out.push({
      what: `padlock part of ${size} bytes`,
      cipher: await encryptPart(plain(size), PASSPHRASE),
      plain: plain(size),
    });
  }
  // Other standard settings that decryptPart accepts (spec 3.5: any symmetric message).
  for (
    const [what, config] of [
      ["SEIPD v2 (AEAD)", { aeadProtect: true }],
      ["zlib-compressed", {
        preferredCompressionAlgorithm: openpgp.enums.compression.zlib,
      }],
      ["AES-128", { preferredSymmetricAlgorithm: openpgp.enums.symmetric.aes128 }],
    ] as const
  ) {
    const message = await openpgp.createMessage({ binary: plain(3_000) });
    const cipher = await openpgp.encrypt({
      message,
      passwords: [PASSPHRASE],
      format: "binary",
      config,
    });
    // Sanity: the unmodified message decrypts, so the mutations below test refusal, not support.
    assert.equal((await decryptPart(cipher, PASSPHRASE)).length, 3_000, what);
    out.push({ what, cipher, plain: plain(3_000) });
  }
  return out;
}

/** A literal data packet (tag 11): plaintext without any encryption. */
function literal(rng: Rng): Uint8Array {
  return writePacket(11, concat(new Uint8Array([0x62, 0, 0, 0, 0, 0]), rng.bytes(rng.int(0, 64))));
}

/** A packet with a random tag and body, in either header format, maybe lying about its length. */
function randomPacket(rng: Rng): Uint8Array {
  const body = rng.bytes(rng.int(0, 80));
  const tag = rng.pick([1, 2, 3, 8, 9, 11, 18, 20, rng.int(0, 63)]);
  if (rng.chance(0.5)) return writePacket(tag, body);
  const lengthType = rng.int(0, 3);
  const declared = rng.chance(0.3) ? rng.int(0, 0xffffffff) : body.length;
  const header = lengthType === 0
    ? [0x80 | ((tag & 0xf) << 2), declared & 0xff]
    : lengthType === 1
    ? [0x81 | ((tag & 0xf) << 2), (declared >>> 8) & 0xff, declared & 0xff]
    : lengthType === 2
    ? [0x82 | ((tag & 0xf) << 2), ...[24, 16, 8, 0].map((shift) => (declared >>> shift) & 0xff)]
    : [0x83 | ((tag & 0xf) << 2)];
  return concat(new Uint8Array(header), body);
}

Deno.test(`fuzz: decryptPart refuses damaged and foreign input with DecryptError only (${CASES} cases, seed ${SEED})`, async () => {
  const valid = await samples();
  const unprotected = await writeUnprotectedMessage(new Uint8Array([1, 2, 3]), PASSPHRASE);
  const kinds = new Map<string, number>();
  const count = await fuzz(
    { name: "decryptPart", seed: SEED, cases: CASES, caseTimeoutMs: 20_000 },
    async (rng) => {
      const sample = rng.pick(valid);
      const source = sample.cipher;
      const [kind, input, passphrase] = rng.weighted<() => [string, Uint8Array, string]>([
        [3, () => ["truncated", source.slice(0, rng.int(0, source.length - 1)), PASSPHRASE]],
        [3, () => {
          const flipped = new Uint8Array(source);
          for (let i = rng.int(1, 8); i > 0; i--) {
            flipped[rng.int(0, flipped.length - 1)] ^= 1 << rng.int(0, 7);
          }
          return ["bit-flipped", flipped, PASSPHRASE];
        }],
        [3, () => ["mutated", rng.mutateBytes(source, 6), PASSPHRASE]],
        [2, () => ["random", rng.bytes(rng.int(0, 3_000)), PASSPHRASE]],
        [2, () => {
          // The session key packet of a real part (a valid prefix), then anything.
          const cut = rng.int(1, Math.min(source.length - 1, 60));
          return [
            "valid prefix",
            concat(source.slice(0, cut), rng.bytes(rng.int(0, 500))),
            PASSPHRASE,
          ];
        }],
        [2, () => {
          const packets = Array.from(
            { length: rng.int(1, 4) },
            () => rng.chance(0.4) ? literal(rng) : randomPacket(rng),
          );
          return ["packet sequence", concat(...packets), PASSPHRASE];
        }],
        [1, () => ["literal only", literal(rng), PASSPHRASE]],
        [1, () => {
          // A compressed packet (tag 8, uncompressed algorithm) holding a literal packet.
          const inner = literal(rng);
          return [
            "compressed literal",
            writePacket(8, concat(new Uint8Array([0]), inner)),
            PASSPHRASE,
          ];
        }],
        [
          1,
          () => [
            "unprotected SED",
            rng.chance(0.5) ? unprotected : rng.mutateBytes(unprotected),
            PASSPHRASE,
          ],
        ],
        [1, () => {
          // A session key packet, then a literal packet that is not encrypted at all.
          const skesk = source.slice(0, source.indexOf(0xd2) > 0 ? source.indexOf(0xd2) : 15);
          return ["session key then plaintext", concat(skesk, literal(rng)), PASSPHRASE];
        }],
        [1, () => ["wrong passphrase", source, rng.hostileString(30) || "x"]],
        [1, () => ["right passphrase, slightly wrong", source, PASSPHRASE.slice(0, -1)]],
        [1, () => ["empty", new Uint8Array(0), PASSPHRASE]],
        [1, () => ["two messages", concat(source, rng.pick(valid).cipher), PASSPHRASE]],
        [1, () => ["trailing packet", concat(source, randomPacket(rng)), PASSPHRASE]],
      ])();
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
      let output: Uint8Array | undefined;
      try {
        output = await decryptPart(input, passphrase);
      } catch (error) {
        assert.ok(
          error instanceof DecryptError,
          `${kind} of ${sample.what}: ${error instanceof Error ? error.name : error} ${error}`,
        );
        assert.equal(error.name, "DecryptError");
        assert.ok(!error.message.includes(PASSPHRASE), "the message holds the passphrase");
        return;
      }
      // RFC 9580 4.3: marker packets and unknown non-critical packets (tags 40-63) are ignored, so
      // a whole, authentic part followed by one decrypts to that part's own plaintext; and edits
      // may cancel out (a byte set to the value it had, a bit flipped twice), leaving the part as
      // it was. That is the only output allowed: the authenticated plaintext of an intact part.
      const intact = input.length >= source.length &&
        input.subarray(0, source.length).every((byte, index) => byte === source[index]);
      assert.ok(
        intact && passphrase === PASSPHRASE,
        `${kind} of ${sample.what} returned ${output.length} bytes of output`,
      );
      assert.deepEqual(output, sample.plain, "an intact part decrypts to its own plaintext");
      kinds.set("intact part decrypted", (kinds.get("intact part decrypted") ?? 0) + 1);
    },
  );
  console.log(`decryptPart fuzz: ${count} cases`, Object.fromEntries(kinds));
});
