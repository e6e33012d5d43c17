/**
 * A `PartStore` on an S3-compatible bucket (AWS S3, Ceph radosgw, MinIO…): object
 * `<prefix><packageId>/<fileId>/<part>.pgp`, path-style URLs (`<endpoint>/<bucket>/<key>`).
 *
 * Requests are signed with AWS Signature Version 4 by `aws4fetch`, a small, dependency-free
 * library that follows AWS's test suite: the signature is the bucket's only access control, so
 * it is not written here by hand. A part is sent in one `PutObject` with its length and SHA-256
 * (the bucket checks both), which S3 stores atomically: a part is whole or absent. One part is
 * buffered per upload (parts are bounded by `maxBytes`); downloads stream.
 *
 * Every failure of the bucket (unreachable, too slow, 5xx, credentials refused) becomes a
 * `StorageUnavailableError`, which the service answers with 503 and `Retry-After`.
 *
 * @module
 */
import { createHash } from "node:crypto";
import { AwsClient } from "aws4fetch";
import {
  assertValidPartKey,
  type DirectParts,
  type ListedPart,
  type PartKey,
  type PartStore,
  PartTooLargeError,
  StorageUnavailableError,
  type StoredPart,
} from "./part_store.ts";

/** Where the bucket is and how to sign for it. */
export interface S3Settings {
  /** The S3 endpoint's origin, e.g. `https://s3.eu-west-1.amazonaws.com` or `http://127.0.0.1:7480`. */
  endpoint: string;
  /** The bucket (it must exist). */
  bucket: string;
  /** The region signed for. */
  region: string;
  /** The access key id. */
  accessKeyId: string;
  /** The secret access key. */
  secretAccessKey: string;
  /** Put before every object key, e.g. `padlock/`. @default {""} */
  prefix?: string;
  /** Hand out pre-signed bucket URLs instead of the service's own part URLs. @default {false} */
  directParts?: boolean;
  /** Longest wait for the bucket's answer to start, in milliseconds. @default {30000} */
  requestTimeoutMs?: number;
}

/** The SHA-256 of an empty body, hex: the payload hash of a request without one. */
const EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

/** Objects listed per ListObjectsV2 page and deleted per DeleteObjects call (S3's maximum). */
const PAGE = 1000;

/**
 * Signs a URL for one object with SigV4 query parameters (a pre-signed URL): whoever holds it may
 * send `method` to `url`, and nothing else, for `expiresSeconds`.
 *
 * @param datetime the signing time as `YYYYMMDDTHHMMSSZ`; now when absent (tests pass AWS's example time).
 * @param withContentType asks the bucket to answer a GET as `application/octet-stream` (part of the
 *   signed URL; off only to reproduce AWS's example).
 */
export async function presignObjectUrl(
  client: AwsClient,
  method: "GET" | "PUT",
  url: string,
  expiresSeconds: number,
  datetime?: string,
  withContentType = true,
): Promise<string> {
  const target = new URL(url);
  // Downloads are labelled as the service's own part URLs are, whatever the uploader sent.
  if (method === "GET" && withContentType) {
    target.searchParams.set("response-content-type", "application/octet-stream");
  }
  target.searchParams.set("X-Amz-Expires", String(expiresSeconds));
  const signed = await client.sign(target.toString(), {
    method,
    aws: { signQuery: true, ...(datetime ? { datetime } : {}) },
  });
  return signed.url;
}

/** Builds the signing client for settings (service `s3`; no retries: the service's clients retry). */
export function s3Client(settings: S3Settings): AwsClient {
  return new AwsClient({
    accessKeyId: settings.accessKeyId,
    secretAccessKey: settings.secretAccessKey,
    region: settings.region,
    service: "s3",
    retries: 0,
  });
}

/** Stores parts as objects of one bucket. */
export class S3PartStore implements PartStore {
  readonly #client: AwsClient;
  readonly #bucketUrl: string;
  readonly #prefix: string;
  readonly #timeoutMs: number;
  /** {@inheritDoc PartStore.direct} */
  readonly direct?: DirectParts;

  /** Uses the bucket of `settings` (nothing is contacted until the first call). */
  constructor(settings: S3Settings) {
    this.#client = s3Client(settings);
    const origin = new URL(settings.endpoint).origin;
    this.#bucketUrl = `${origin}/${encodeURIComponent(settings.bucket)}`;
    this.#prefix = settings.prefix ?? "";
    this.#timeoutMs = settings.requestTimeoutMs ?? 30_000;
    if (settings.directParts) {
      this.direct = {
        origin,
        presign: (key, direction, expiresSeconds) =>
          presignObjectUrl(
            this.#client,
            direction === "upload" ? "PUT" : "GET",
            this.#objectUrl(key),
            expiresSeconds,
          ),
        listFile: (packageId, fileId) => this.#listFile(packageId, fileId),
      };
    }
  }

  #objectKey(key: PartKey): string {
    assertValidPartKey(key);
    return `${this.#prefix}${key.packageId}/${key.fileId}/${key.part}.pgp`;
  }

  #objectUrl(key: PartKey): string {
    return `${this.#bucketUrl}/${this.#objectKey(key)}`;
  }

  /**
   * Sends one signed request; the timeout covers the wait for the answer's head, not the
   * streaming of its body (a download to a slow client may take long).
   */
  async #send(
    url: string,
    init: { method: string; headers?: Record<string, string>; body?: Uint8Array },
  ): Promise<Response> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.#timeoutMs);
    try {
      // Signed without the body, whose SHA-256 is in the headers already (a body-less request
      // gets the hash of nothing, which the signer would otherwise recompute every time): the
      // signer's own Request would copy the body once more before `fetch` copies it again.
      const signed = await this.#client.sign(url, {
        method: init.method,
        headers: { "X-Amz-Content-Sha256": EMPTY_SHA256, ...init.headers },
      });
      return await fetch(signed.url, {
        method: init.method,
        headers: signed.headers,
        body: init.body as Uint8Array<ArrayBuffer> | undefined,
        signal: controller.signal,
      });
    } catch (cause) {
      throw new StorageUnavailableError(
        controller.signal.aborted
          ? `no answer within ${this.#timeoutMs / 1000} s`
          : "the bucket cannot be reached",
        { cause },
      );
    } finally {
      clearTimeout(timer);
    }
  }

  /** {@inheritDoc PartStore.put} */
  async put(key: PartKey, body: ReadableStream<Uint8Array>, maxBytes: number): Promise<number> {
    const url = this.#objectUrl(key);
    const bytes = await readAtMost(body, maxBytes);
    const response = await this.#send(url, {
      method: "PUT",
      headers: {
        "Content-Type": "application/octet-stream",
        "X-Amz-Content-Sha256": createHash("sha256").update(bytes).digest("hex"),
      },
      body: bytes,
    });
    if (!response.ok) throw await failure(response, "PutObject");
    await response.body?.cancel();
    return bytes.byteLength;
  }

  /** {@inheritDoc PartStore.get} */
  async get(key: PartKey): Promise<StoredPart | undefined> {
    const response = await this.#send(this.#objectUrl(key), { method: "GET" });
    if (response.status === 404) {
      const error = await failure(response, "GetObject");
      if (error.detail.includes("NoSuchKey")) return undefined;
      throw error;
    }
    if (!response.ok || !response.body) throw await failure(response, "GetObject");
    return { size: Number(response.headers.get("content-length")), body: response.body };
  }

  /** {@inheritDoc PartStore.has} */
  async has(key: PartKey): Promise<boolean> {
    const response = await this.#send(this.#objectUrl(key), { method: "HEAD" });
    await response.body?.cancel();
    if (response.status === 404) return false;
    if (!response.ok) throw await failure(response, "HeadObject");
    return true;
  }

  /** {@inheritDoc PartStore.delete} */
  async delete(key: PartKey): Promise<void> {
    const response = await this.#send(this.#objectUrl(key), { method: "DELETE" });
    if (!response.ok && response.status !== 404) throw await failure(response, "DeleteObject");
    await response.body?.cancel();
  }

  /** {@inheritDoc PartStore.deletePackage} */
  async deletePackage(packageId: string): Promise<void> {
    assertValidPartKey({ packageId, fileId: "x", part: 1 });
    const prefix = `${this.#prefix}${packageId}/`;
    // Each round deletes the first page of what is left, so no continuation token outlives
    // the objects it pointed past; a round that deletes nothing ends it.
    while (true) {
      const { objects } = await this.#list(prefix);
      if (objects.length === 0) return;
      await this.#deleteObjects(objects.map((object) => object.key));
    }
  }

  async #listFile(packageId: string, fileId: string): Promise<ListedPart[]> {
    assertValidPartKey({ packageId, fileId, part: 1 });
    const prefix = `${this.#prefix}${packageId}/${fileId}/`;
    const parts: ListedPart[] = [];
    let token: string | undefined;
    do {
      const page = await this.#list(prefix, token);
      for (const object of page.objects) {
        const match = /^([1-9][0-9]{0,8})\.pgp$/.exec(object.key.slice(prefix.length));
        if (match) parts.push({ part: Number(match[1]), size: object.size });
      }
      token = page.next;
    } while (token);
    return parts.sort((a, b) => a.part - b.part);
  }

  /** One page of ListObjectsV2 below `prefix`. */
  async #list(
    prefix: string,
    continuationToken?: string,
  ): Promise<{ objects: { key: string; size: number }[]; next?: string }> {
    const url = new URL(this.#bucketUrl);
    url.searchParams.set("list-type", "2");
    url.searchParams.set("prefix", prefix);
    url.searchParams.set("max-keys", String(PAGE));
    if (continuationToken) url.searchParams.set("continuation-token", continuationToken);
    const response = await this.#send(url.toString(), { method: "GET" });
    if (!response.ok) throw await failure(response, "ListObjectsV2");
    const xml = await response.text();
    const objects = elements(xml, "Contents").map((contents) => ({
      key: elements(contents, "Key")[0] ?? "",
      size: Number(elements(contents, "Size")[0] ?? "0"),
    }));
    const truncated = elements(xml, "IsTruncated")[0] === "true";
    const next = truncated ? elements(xml, "NextContinuationToken")[0] : undefined;
    return { objects, next };
  }

  async #deleteObjects(keys: string[]): Promise<void> {
    for (let start = 0; start < keys.length; start += PAGE) {
      const body = new TextEncoder().encode(
        "<Delete><Quiet>true</Quiet>" +
          keys.slice(start, start + PAGE)
            .map((key) => `<Object><Key>${escapeXml(key)}</Key></Object>`).join("") +
          "</Delete>",
      );
      const response = await this.#send(`${this.#bucketUrl}?delete=`, {
        method: "POST",
        headers: {
          "Content-Type": "application/xml",
          // S3 requires a checksum of a DeleteObjects body; MD5 is the one every implementation takes.
          "Content-MD5": createHash("md5").update(body).digest("base64"),
          "X-Amz-Content-Sha256": createHash("sha256").update(body).digest("hex"),
        },
        body,
      });
      if (!response.ok) throw await failure(response, "DeleteObjects");
      // Quiet mode lists only the objects that could not be deleted.
      const errors = elements(await response.text(), "Error");
      if (errors.length > 0) {
        const code = elements(errors[0], "Code")[0] ?? "unknown";
        throw new StorageUnavailableError(
          `DeleteObjects failed for ${errors.length} object(s) (${code})`,
        );
      }
    }
  }
}

/**
 * Reads a stream whole into one buffer, refusing it once it grows past `maxBytes`.
 *
 * @throws {PartTooLargeError} when the stream is longer than `maxBytes` (the stream is cancelled).
 */
async function readAtMost(
  body: ReadableStream<Uint8Array>,
  maxBytes: number,
): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = body.getReader();
  try {
    while (true) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => {});
        throw new PartTooLargeError(maxBytes);
      }
      chunks.push(value);
    }
  } finally {
    reader.releaseLock();
  }
  if (chunks.length === 1) return chunks[0];
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** The error for an answer that is not a success: its status and the bucket's error code. */
async function failure(response: Response, operation: string): Promise<StorageUnavailableError> {
  const text = await response.text().catch(() => "");
  const code = elements(text, "Code")[0];
  const hint = response.status === 403
    ? " (the bucket refused the service's credentials or signature: check the keys and the clock)"
    : "";
  return new StorageUnavailableError(
    `${operation} answered HTTP ${response.status}${code ? ` ${code}` : ""}${hint}`,
  );
}

/** The text content of each `<name>` element of an S3 XML answer (flat, no attributes). */
function elements(xml: string, name: string): string[] {
  const pattern = new RegExp(`<${name}>([\\s\\S]*?)</${name}>`, "g");
  return Array.from(xml.matchAll(pattern), (match) => unescapeXml(match[1]));
}

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function unescapeXml(text: string): string {
  return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'").replace(/&amp;/g, "&");
}
