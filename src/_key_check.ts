/**
 * Tells whether a session key is the one a symmetric OpenPGP message was encrypted with, apart
 * from its integrity check, so that a wrong key is not taken for a modified message.
 *
 * SEIPD v1 data (the packet every SendSafely client, GnuPG and BouncyCastle write) starts with a
 * block of random bytes whose last two are repeated (RFC 4880 5.13, RFC 9580 5.13.2): decrypting
 * those first 18 bytes with a key shows whether it is the message's (a wrong key passes with odds
 * of 1 in 65,536). This matters when the session-key packet carries no encrypted session key
 * (GnuPG's and BouncyCastle's: the key is derived from the passphrase alone, so any passphrase
 * "opens" it) and when a wrong passphrase happens to turn an encrypted session key into a
 * well-formed wrong one (about 1 in 85). The check decides only which error is reported once
 * decryption has already failed; it never releases plaintext.
 *
 * Browser-compatible: WebCrypto only (AES-CBC with a zero IV computes the AES block function, which
 * is all CFB's first two blocks need).
 *
 * @module
 */

/** Packet tags (RFC 9580 5): session key by passphrase; encrypted data with and without integrity. */
const TAG_SKESK = 3;
const TAG_SE = 9;
const TAG_SEIPD = 18;
const TAG_AEAD = 20;
const AES_KEY_BYTES: Readonly<Record<string, number>> = { aes128: 16, aes192: 24, aes256: 32 };

/** The kind and first bytes of a message's encrypted data packet. */
export interface EncryptedData {
  /** The packet tag: 9 (no integrity protection), 18 (SEIPD) or 20 (AEAD, GnuPG's OCB draft). */
  tag: number;
  /** The start of the packet body (the whole body, or its first partial chunk). */
  head: Uint8Array;
  /** The versions of the session-key-by-passphrase packets before it (5 and 6 are AEAD-sealed). */
  sessionKeyPacketVersions: number[];
}

/**
 * Finds the first encrypted data packet of a binary OpenPGP message, and the versions of the
 * session-key packets before it, by the packet headers.
 *
 * @returns the packet's tag and the start of its body, or `undefined` when the headers cannot be
 *   read or there is no such packet.
 */
export function findEncryptedData(bytes: Uint8Array): EncryptedData | undefined {
  let offset = 0;
  const sessionKeyPacketVersions: number[] = [];
  while (offset < bytes.length) {
    const first = bytes[offset];
    if ((first & 0x80) === 0) return undefined;
    let tag: number;
    let length: number;
    let header: number;
    if (first & 0x40) {
      tag = first & 0x3f;
      const octet = bytes[offset + 1];
      if (octet === undefined) return undefined;
      if (octet < 192) {
        [length, header] = [octet, 2];
      } else if (octet < 224) {
        [length, header] = [((octet - 192) << 8) + (bytes[offset + 2] ?? 0) + 192, 3];
      } else if (octet === 255) {
        if (bytes.length < offset + 6) return undefined;
        const view = new DataView(bytes.buffer, bytes.byteOffset + offset + 2, 4);
        [length, header] = [view.getUint32(0), 6];
      } else {
        // A partial body length: this is only the first chunk of the body.
        [length, header] = [1 << (octet & 0x1f), 2];
      }
    } else {
      tag = (first >> 2) & 0x0f;
      const kind = first & 0x03;
      const size = [1, 2, 4, 0][kind];
      header = 1 + size;
      if (bytes.length < offset + header) return undefined;
      length = size === 0 ? bytes.length - offset - 1 : 0;
      for (let i = 1; i <= size; i++) length = length * 256 + bytes[offset + i];
    }
    const body = bytes.subarray(offset + header, offset + header + length);
    if (tag === TAG_SE || tag === TAG_SEIPD || tag === TAG_AEAD) {
      return { tag, head: body, sessionKeyPacketVersions };
    }
    if (tag === TAG_SKESK) sessionKeyPacketVersions.push(body[0]);
    offset += header + length;
  }
  return undefined;
}

async function aesBlock(key: CryptoKey, block: Uint8Array): Promise<Uint8Array> {
  const iv = new Uint8Array(16);
  const out = await crypto.subtle.encrypt(
    { name: "AES-CBC", iv },
    key,
    block as Uint8Array<ArrayBuffer>,
  );
  return new Uint8Array(out, 0, 16);
}

/**
 * Checks a session key against the repeated bytes at the start of SEIPD v1 data.
 *
 * @param data The message's encrypted data packet, from {@linkcode findEncryptedData}.
 * @param sessionKey The candidate key.
 * @param algorithm Its cipher as openpgp names it (`aes256`…).
 * @returns `true` when the key fits, `false` when it is wrong, `undefined` when this check does
 *   not apply (not SEIPD v1, not AES, a key size the platform lacks, too little data).
 */
export async function sessionKeyFits(
  data: EncryptedData,
  sessionKey: Uint8Array,
  algorithm: string | null,
): Promise<boolean | undefined> {
  const { tag, head } = data;
  // Version 1, then the 16-byte prefix and its 2 repeated bytes.
  if (tag !== TAG_SEIPD || head[0] !== 1 || head.length < 19) return undefined;
  if (algorithm === null || AES_KEY_BYTES[algorithm] !== sessionKey.length) return undefined;
  let key: CryptoKey;
  try {
    key = await crypto.subtle.importKey(
      "raw",
      sessionKey as Uint8Array<ArrayBuffer>,
      "AES-CBC",
      false,
      ["encrypt"],
    );
  } catch {
    // Chromium has no 192-bit AES in WebCrypto.
    return undefined;
  }
  // OpenPGP CFB with a zero IV: P1 = C1 xor E(0); P2 = C2 xor E(C1).
  const cipher = head.subarray(1, 19);
  const first = await aesBlock(key, new Uint8Array(16));
  const second = await aesBlock(key, cipher.slice(0, 16));
  const repeated = [cipher[16] ^ second[0], cipher[17] ^ second[1]];
  return (cipher[14] ^ first[14]) === repeated[0] && (cipher[15] ^ first[15]) === repeated[1];
}
