/**
 * Part routes: upload and download URLs (batches of unguessable, expiring tokens
 * bound to one part), the part endpoint those URLs point at (unauthenticated PUT
 * and GET of raw ciphertext, like S3 pre-signed URLs), and the multipart proxy
 * upload (spec 2.4.3).
 *
 * @module
 */
import { LimitError } from "../limits.ts";
import { type ApiContext, type ApiRoute, now, type Services } from "../context.ts";
import { recordActivity } from "../activity/record.ts";
import { completeIfWhole, loadFile } from "../files/routes.ts";
import type { FileRecord } from "../files/repository.ts";
import {
  CORS_HEADERS,
  errorBody,
  jsonResponse,
  readBodyLimited,
  requestBody,
  ServiceError,
} from "../http.ts";
import { integerField } from "../input.ts";
import type { LogEntry } from "../log.ts";
import {
  loadPackage,
  requireBuilder,
  requireChecksum,
  requireReader,
  requireUnfinalized,
} from "../packages/access.ts";
import { PartTooLargeError } from "../storage/part_store.ts";
import { fileByteAllowance } from "./limits.ts";
import type { PartGrant } from "./repository.ts";
import { checkTrailingPartSize, isTrailingPart, TRAILING_PART_MAX_BYTES } from "./trailing.ts";

/** Upload URLs handed out per call (the Python SDK steps by 25, spec 2.4.2). */
const UPLOAD_URL_BATCH = 25;
/** Download URLs per call: the SDK asks for `part..part+25` inclusive (spec 2.8). */
const DOWNLOAD_URL_BATCH = 26;

/** The path prefix of part URLs. */
export const PART_PATH = "/part/";

function partUrl(services: Services, token: string): string {
  return `${services.publicUrl}${PART_PATH}${token}`;
}

/** Most ciphertext bytes the given part may hold: the part limit, and the file's declared size. */
async function partByteLimit(
  services: Services,
  file: FileRecord,
  part: number,
): Promise<number> {
  const fileAllowance = fileByteAllowance(file) - await services.parts.storedBytes(file.id, part);
  return Math.max(0, Math.min(services.config.maxPartBytes, fileAllowance));
}

function partNumber(file: FileRecord, name: string, value: unknown, trailing = false): number {
  return integerField({ [name]: value }, name, { min: 1, max: file.parts + (trailing ? 1 : 0) });
}

async function issueUrls(
  context: ApiContext,
  direction: PartGrant["direction"],
  file: FileRecord,
  first: number,
  last: number,
): Promise<{ part: number; url: string }[]> {
  const { services } = context;
  const lifetime = services.config.partUrlLifetimeSeconds;
  const expiresAt = now(context) + lifetime * 1000;
  const grants: PartGrant[] = [];
  for (let part = first; part <= last; part++) {
    grants.push({ direction, packageId: file.packageId, fileId: file.id, part });
  }
  // A store that clients reach directly signs its own URLs (part bytes skip the service).
  const direct = services.store.direct;
  if (direct) {
    return await Promise.all(grants.map(async ({ direction, ...key }) => ({
      part: key.part,
      url: await direct.presign(key, direction, lifetime),
    })));
  }
  const tokens = await services.parts.issueUrls(grants, expiresAt);
  return grants.map(({ part }, index) => ({ part, url: partUrl(services, tokens[index]) }));
}

async function uploadUrls(context: ApiContext): Promise<Record<string, unknown>> {
  const record = await loadPackage(context, context.params.packageId);
  requireBuilder(context, record);
  const file = await loadFile(context, record, context.params.fileId);
  const first = partNumber(file, "part", context.body.part, true);
  // The SDK's trailing empty part (trailing.ts) may be asked for once the package is finalized.
  if (isTrailingPart(file, first)) {
    return { uploadUrls: await issueUrls(context, "upload", file, first, first) };
  }
  requireUnfinalized(record);
  // No URLs for an uploader who used up the day's allowance (or when storage is full): the
  // client hears why before it sends a byte.
  await context.services.limits?.checkUploads({
    address: context.address ?? "unknown",
    dropzoneId: record.dropzoneId,
  });
  const last = Math.min(file.parts, first + UPLOAD_URL_BATCH - 1);
  return { uploadUrls: await issueUrls(context, "upload", file, first, last) };
}

async function downloadUrls(context: ApiContext): Promise<Record<string, unknown>> {
  const record = await loadPackage(context, context.params.packageId);
  // The checksum proves the caller holds the link, which opens undisclosed packages.
  requireChecksum(record, context.body.checksum);
  await requireReader(context, record, true);
  const file = await loadFile(context, record, context.params.fileId);
  const first = partNumber(file, "startSegment", context.body.startSegment ?? 1);
  const requestedLast = integerField(context.body, "endSegment", {
    min: first,
    max: Number.MAX_SAFE_INTEGER,
    fallback: file.parts,
  });
  const last = Math.min(file.parts, requestedLast, first + DOWNLOAD_URL_BATCH - 1);
  // A download starts with its first part: recorded once per download, not per batch.
  if (first === 1) await recordActivity(context, record, "downloaded", file.id);
  return { downloadUrls: await issueUrls(context, "download", file, first, last) };
}

async function proxyUpload(context: ApiContext): Promise<Record<string, unknown>> {
  const { services, form } = context;
  const record = await loadPackage(context, context.params.packageId);
  requireBuilder(context, record);
  const file = await loadFile(context, record, context.params.fileId);
  const requestData = context.body;
  if (requestData.fileId !== undefined && requestData.fileId !== file.id) {
    throw new ServiceError(
      "INVALID_INPUT",
      "requestData.fileId does not match the file in the path.",
    );
  }
  const part = partNumber(file, "filePart", requestData.filePart, true);
  context.log.part = part;
  const content = form?.get("textFile");
  if (!(content instanceof Blob)) {
    throw new ServiceError("INVALID_INPUT", 'The form has no "textFile" part.');
  }
  if (isTrailingPart(file, part)) {
    checkTrailingPartSize(content.size);
    return { message: "" };
  }
  requireUnfinalized(record);
  const limit = await partByteLimit(services, file, part);
  if (content.size > limit) {
    throw new ServiceError(
      "LIMIT_EXCEEDED",
      `The part is larger than the limit of ${limit} bytes.`,
    );
  }
  await services.limits?.chargeUpload(
    { address: context.address ?? "unknown", dropzoneId: record.dropzoneId },
    content.size,
  );
  const key = { packageId: record.id, fileId: file.id, part };
  const size = await services.store.put(key, content.stream(), limit);
  await services.parts.record(file.id, part, size, now(context));
  // The SDK does not call upload-complete after a proxy upload (spec 2.4.3).
  await completeIfWhole(context, file);
  return { message: "" };
}

/** The API routes about parts. */
export const partRoutes: readonly ApiRoute[] = [
  {
    method: "POST",
    pattern: "/package/:packageId/file/:fileId/upload-urls/",
    callers: ["user", "dropzone"],
    handler: uploadUrls,
  },
  {
    method: "POST",
    pattern: "/package/:packageId/file/:fileId/download-urls/",
    callers: ["user", "session"],
    handler: downloadUrls,
  },
  {
    method: "POST",
    pattern: "/package/:packageId/file/:fileId/",
    callers: ["user", "dropzone"],
    body: "multipart",
    handler: proxyUpload,
  },
];

function partError(error: ServiceError, log: LogEntry): Response {
  log.response = error.code;
  return jsonResponse(errorBody(error), error.status);
}

/**
 * Serves a part URL: `PUT` stores the raw body as the part (streamed to disk, size
 * limited, atomic), `GET` returns the stored ciphertext. Errors use real HTTP
 * statuses here, as S3 does, so clients retry or fall back to the proxy.
 */
export async function handlePartRequest(
  services: Services,
  req: Request,
  token: string,
  log: LogEntry,
  address = "unknown",
): Promise<Response> {
  log.route = `${PART_PATH}:token`;
  log.caller = "part-url";
  try {
    const grant = /^[A-Za-z0-9_-]{43}$/.test(token)
      ? await services.parts.resolveUrl(token, services.config.now())
      : undefined;
    const wanted = req.method === "PUT" ? "upload" : req.method === "GET" ? "download" : undefined;
    if (!wanted) {
      throw new ServiceError("INVALID_INPUT", "Part URLs accept PUT and GET only.", {
        status: 405,
      });
    }
    if (!grant || grant.direction !== wanted) {
      throw new ServiceError("AUTHENTICATION_FAILED", "This part URL is unknown or has expired.", {
        status: 403,
      });
    }
    log.packageId = grant.packageId;
    log.fileId = grant.fileId;
    log.part = grant.part;
    const record = await services.packages.findById(grant.packageId);
    const file = await services.files.find(grant.packageId, grant.fileId);
    const now = services.config.now();
    if (!record || !file || (record.expiresAt !== undefined && record.expiresAt <= now)) {
      throw new ServiceError("UNKNOWN_PACKAGE", "The package of this URL no longer exists.", {
        status: 404,
      });
    }
    const key = { packageId: grant.packageId, fileId: grant.fileId, part: grant.part };
    if (wanted === "upload" && isTrailingPart(file, grant.part)) {
      // Read (to its end, so the client sees its upload finish) and dropped: see trailing.ts.
      checkTrailingPartSize(Number(req.headers.get("content-length") ?? "0"));
      const body = await readBodyLimited(req, TRAILING_PART_MAX_BYTES);
      checkTrailingPartSize(body.byteLength);
      log.response = "SUCCESS";
      return jsonResponse({ response: "SUCCESS", message: "" });
    }
    if (wanted === "upload") {
      if (record.finalizedAt !== undefined) {
        throw new ServiceError("PERMISSION_DENIED", "The package is finalized.", { status: 403 });
      }
      const limit = await partByteLimit(services, file, grant.part);
      const announced = Number(req.headers.get("content-length") ?? "0");
      if (announced > limit) throw new PartTooLargeError(limit);
      // Charged before storing: what was announced, or the most a part may be.
      await services.limits?.chargeUpload(
        { address, dropzoneId: record.dropzoneId },
        announced > 0 ? announced : limit,
      );
      const size = await services.store.put(key, requestBody(req), limit);
      await services.parts.record(file.id, grant.part, size, services.config.now());
      log.response = "SUCCESS";
      return jsonResponse({ response: "SUCCESS", message: "" });
    }
    const stored = await services.store.get(key);
    if (!stored) {
      throw new ServiceError("UNKNOWN_FILE", "This part is not stored.", { status: 404 });
    }
    log.response = "SUCCESS";
    return new Response(stored.body, {
      status: 200,
      headers: {
        ...CORS_HEADERS,
        "Content-Type": "application/octet-stream",
        "Content-Length": String(stored.size),
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    if (error instanceof PartTooLargeError) {
      return partError(new ServiceError("LIMIT_EXCEEDED", error.message, { status: 413 }), log);
    }
    if (error instanceof LimitError) {
      const response = partError(error, log);
      response.headers.set("Retry-After", String(error.retryAfterSeconds));
      return response;
    }
    if (error instanceof ServiceError) return partError(error, log);
    throw error;
  }
}
