/**
 * A tiny, independent OpenPGP reader for tests: splits packets (new and old header formats,
 * partial lengths) and decrypts a password-encrypted SKESK v4 + SEIPD v1 message with WebCrypto
 * alone, so the wire format Padlock writes is checked without trusting openpgp.js. It can also
 * write the legacy, unprotected SED packet (tag 9) that decryption must refuse.
 *
 * @module
 */

/** One packet as found in a byte stream. */
export interface Packet {
  tag: number;
  /** Which header format carried the packet. */
  header: "new" | "old";
  /** Whether the body was sent in partial-length chunks (new format only). */
  partial: boolean;
  body: Uint8Array;
}

function concat(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((total, chunk) => total + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

function take(bytes: Uint8Array, offset: number, length: number): Uint8Array {
  if (offset + length > bytes.length) throw new RangeError("packet runs past the end of the data");
  return bytes.subarray(offset, offset + length);
}

/** Reads a new-format body length at `offset`: returns the length, header size and partial flag. */
function newLength(bytes: Uint8Array, offset: number): [number, number, boolean] {
  const first = take(bytes, offset, 1)[0];
  if (first < 192) return [first, 1, false];
  if (first < 224) return [((first - 192) << 8) + take(bytes, offset + 1, 1)[0] + 192, 2, false];
  if (first === 255) {
    const [a, b, c, d] = take(bytes, offset + 1, 4);
    return [((a << 24) | (b << 16) | (c << 8) | d) >>> 0, 5, false];
  }
  return [1 << (first & 0x1f), 1, true];
}

/**
 * Splits `bytes` into OpenPGP packets (RFC 9580 section 4.2), both header formats.
 *
 * @throws {RangeError} on a malformed header or a packet that runs past the end.
 */
export function parsePackets(bytes: Uint8Array): Packet[] {
  const packets: Packet[] = [];
  let offset = 0;
  while (offset < bytes.length) {
    const header = bytes[offset];
    if ((header & 0x80) === 0) throw new RangeError(`not a packet header at ${offset}`);
    if (header & 0x40) {
      const tag = header & 0x3f;
      offset++;
      const chunks: Uint8Array[] = [];
      let partial = false;
      for (;;) {
        const [length, size, more] = newLength(bytes, offset);
        offset += size;
        chunks.push(take(bytes, offset, length));
        offset += length;
        if (!more) break;
        partial = true;
      }
      packets.push({ tag, header: "new", partial, body: concat(chunks) });
    } else {
      const tag = (header >> 2) & 0x0f;
      const lengthType = header & 0x03;
      offset++;
      let length: number;
      if (lengthType === 3) {
        length = bytes.length - offset;
      } else {
        const size = [1, 2, 4][lengthType];
        length = take(bytes, offset, size).reduce((value, byte) => value * 256 + byte, 0);
        offset += size;
      }
      packets.push({ tag, header: "old", partial: false, body: take(bytes, offset, length) });
      offset += length;
    }
  }
  return packets;
}

/** Writes one new-format packet with a fixed length. */
export function writePacket(tag: number, body: Uint8Array): Uint8Array {
  let length: number[];
  if (body.length < 192) length = [body.length];
  else if (body.length < 8384) {
    length = [((body.length - 192) >> 8) + 192, (body.length - 192) & 0xff];
  } else {
    length = [255, ...[24, 16, 8, 0].map((shift) => (body.length >>> shift) & 0xff)];
  }
  return concat([new Uint8Array([0xc0 | tag, ...length]), body]);
}

/** Fields of a SKESK v4 packet (tag 3). */
export interface Skesk {
  version: number;
  cipher: number;
  s2kType: number;
  hash: number;
  salt: Uint8Array;
  countByte: number;
  encryptedSessionKey: Uint8Array;
}

/** Reads a SKESK v4 body with an iterated and salted S2K (type 3). */
export function readSkesk(body: Uint8Array): Skesk {
  const [version, cipher, s2kType, hash] = body;
  if (version !== 4 || s2kType !== 3) throw new RangeError("expected SKESK v4 with S2K type 3");
  return {
    version,
    cipher,
    s2kType,
    hash,
    salt: body.slice(4, 12),
    countByte: body[12],
    encryptedSessionKey: body.slice(13),
  };
}

/** Number of bytes hashed for an S2K count byte (RFC 9580 section 3.7.1.3). */
export function s2kCount(countByte: number): number {
  return (16 + (countByte & 15)) << ((countByte >> 4) + 6);
}

/** Derives a 32-byte key with iterated and salted S2K over SHA-256. */
export async function s2kSha256(
  passphrase: string,
  salt: Uint8Array,
  countByte: number,
): Promise<Uint8Array<ArrayBuffer>> {
  const unit = concat([salt, new TextEncoder().encode(passphrase)]);
  const count = Math.max(s2kCount(countByte), unit.length);
  const input = new Uint8Array(count);
  for (let offset = 0; offset < count; offset += unit.length) {
    input.set(unit.subarray(0, Math.min(unit.length, count - offset)), offset);
  }
  return new Uint8Array(await crypto.subtle.digest("SHA-256", input));
}

/** AES-256 encryption of one 16-byte block: CBC with a zero IV, first block of the output. */
async function aesBlock(key: CryptoKey, block: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  const out = await crypto.subtle.encrypt({ name: "AES-CBC", iv: new Uint8Array(16) }, key, block);
  return new Uint8Array(out, 0, 16);
}

async function aesKey(raw: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  return await crypto.subtle.importKey("raw", raw, "AES-CBC", false, ["encrypt"]);
}

/** Plain CFB mode (no OpenPGP resync), built one block at a time from AES. */
async function cfb(
  raw: Uint8Array<ArrayBuffer>,
  iv: Uint8Array,
  input: Uint8Array,
  decrypting: boolean,
): Promise<Uint8Array> {
  const key = await aesKey(raw);
  const out = new Uint8Array(input.length);
  let feedback = iv.slice(0, 16);
  for (let offset = 0; offset < input.length; offset += 16) {
    const stream = await aesBlock(key, feedback);
    const chunk = input.subarray(offset, offset + 16);
    for (let index = 0; index < chunk.length; index++) {
      out[offset + index] = chunk[index] ^ stream[index];
    }
    feedback = (decrypting ? chunk : out.subarray(offset, offset + 16)).slice();
  }
  return out;
}

/** Fields of a literal data packet (tag 11). */
export interface Literal {
  format: string;
  filename: string;
  date: number;
  data: Uint8Array;
}

/** Reads a literal data packet body. */
export function readLiteral(body: Uint8Array): Literal {
  const format = String.fromCharCode(body[0]);
  const nameLength = body[1];
  const filename = new TextDecoder().decode(body.subarray(2, 2 + nameLength));
  const [a, b, c, d] = body.subarray(2 + nameLength, 6 + nameLength);
  const date = ((a << 24) | (b << 16) | (c << 8) | d) >>> 0;
  return { format, filename, date, data: body.slice(6 + nameLength) };
}

/** Everything an independent decryption of a SKESK v4 + SEIPD v1 message found. */
export interface Decrypted {
  skesk: Skesk;
  /** Session key algorithm found inside the encrypted session key. */
  sessionKeyCipher: number;
  seipdVersion: number;
  /** Packets inside the SEIPD, the MDC packet (tag 19) last. */
  inner: Packet[];
  /** Whether the MDC's SHA-1 matches the decrypted data. */
  mdcValid: boolean;
}

/**
 * Decrypts a password-encrypted AES-256 message of the shape Padlock writes, with WebCrypto only.
 *
 * @throws {RangeError} when the message has another shape.
 */
export async function decryptIndependently(
  bytes: Uint8Array,
  passphrase: string,
): Promise<Decrypted> {
  const packets = parsePackets(bytes);
  if (packets.length !== 2 || packets[0].tag !== 3 || packets[1].tag !== 18) {
    throw new RangeError("expected exactly SKESK (3) then SEIPD (18)");
  }
  const skesk = readSkesk(packets[0].body);
  if (skesk.cipher !== 9 || skesk.hash !== 8) throw new RangeError("expected AES-256 and SHA-256");
  const passwordKey = await s2kSha256(passphrase, skesk.salt, skesk.countByte);
  let sessionKey = passwordKey;
  let sessionKeyCipher = skesk.cipher;
  if (skesk.encryptedSessionKey.length > 0) {
    const decrypted = await cfb(passwordKey, new Uint8Array(16), skesk.encryptedSessionKey, true);
    sessionKeyCipher = decrypted[0];
    sessionKey = decrypted.slice(1);
  }
  const seipd = packets[1].body;
  const plain = await cfb(sessionKey, new Uint8Array(16), seipd.subarray(1), true);
  if (plain[14] !== plain[16] || plain[15] !== plain[17]) {
    throw new RangeError("quick check failed: wrong key");
  }
  const inner = parsePackets(plain.subarray(18));
  const mdc = inner.at(-1);
  const hashed = plain.slice(0, plain.length - 20);
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-1", hashed));
  const mdcValid = mdc?.tag === 19 && mdc.body.length === 20 &&
    mdc.body.every((byte, index) => byte === digest[index]);
  return { skesk, sessionKeyCipher, seipdVersion: seipd[0], inner, mdcValid };
}

/**
 * Writes a legacy, integrity-unprotected message: SKESK v4 (no encrypted session key, so the S2K
 * output is the AES-256 key) and a Symmetrically Encrypted Data packet (tag 9) using OpenPGP CFB
 * with resynchronisation (RFC 4880 section 13.9) around a binary literal packet.
 */
export async function writeUnprotectedMessage(
  plain: Uint8Array,
  passphrase: string,
): Promise<Uint8Array> {
  const salt = crypto.getRandomValues(new Uint8Array(8));
  const key = await s2kSha256(passphrase, salt, 96);
  const skesk = writePacket(3, concat([new Uint8Array([4, 9, 3, 8]), salt, new Uint8Array([96])]));
  const literal = writePacket(11, concat([new Uint8Array([0x62, 0, 0, 0, 0, 0]), plain]));
  const prefix = crypto.getRandomValues(new Uint8Array(18));
  prefix.set(prefix.subarray(14, 16), 16);
  const head = await cfb(key, new Uint8Array(16), prefix, false);
  const rest = await cfb(key, head.subarray(2, 18), literal, false);
  return concat([skesk, writePacket(9, concat([head, rest]))]);
}
