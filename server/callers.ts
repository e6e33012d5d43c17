/**
 * Works out who sent an API request: an agent (signed with an API key), an
 * anonymous dropzone uploader (dropzone id in `ss-api-key`), or an anonymous
 * session (no `ss-api-key` at all on the signed prefix; portal pages).
 *
 * @module
 */
import type { Caller, Services } from "./context.ts";
import { ServiceError } from "./http.ts";
import { SAFE_ID_PATTERN } from "./ids.ts";
import { parseTimestamp, signatureMatches } from "./signing.ts";

/** The two API prefixes (spec 1.1). */
export type ApiPrefix = "/api/v2.0" | "/drop-zone/v2.0";

function authenticationFailed(message: string): ServiceError {
  return new ServiceError("AUTHENTICATION_FAILED", message, { status: 401 });
}

/**
 * Authenticates a request.
 *
 * @param path the raw path, with prefix, without query (what the client signed).
 * @param signedBody the raw body bytes, or the `requestData` field of a proxy upload.
 * @throws {ServiceError} `AUTHENTICATION_FAILED` for an unknown or revoked key, a missing or
 *   malformed timestamp, a timestamp outside the allowed clock skew, or a wrong signature.
 */
export async function authenticate(
  services: Services,
  prefix: ApiPrefix,
  req: Request,
  path: string,
  signedBody: Uint8Array,
): Promise<Caller> {
  const apiKey = req.headers.get("ss-api-key");
  if (prefix === "/drop-zone/v2.0") {
    const dropzone = apiKey && SAFE_ID_PATTERN.test(apiKey)
      ? await services.accounts.findDropzone(apiKey)
      : undefined;
    if (!dropzone) throw authenticationFailed("Unknown dropzone id in ss-api-key.");
    return { kind: "dropzone", dropzone };
  }
  if (apiKey === null) return { kind: "session" };
  const timestamp = req.headers.get("ss-request-timestamp") ?? "";
  const signature = req.headers.get("ss-request-signature") ?? "";
  const time = parseTimestamp(timestamp);
  if (time === undefined) {
    throw authenticationFailed("ss-request-timestamp must look like 2024-01-31T23:59:59+0000.");
  }
  const skew = Math.abs(services.config.now() - time);
  if (skew > services.config.clockSkewSeconds * 1000) {
    throw authenticationFailed(
      "ss-request-timestamp is too far from the service's clock; check the client's clock.",
    );
  }
  const key = SAFE_ID_PATTERN.test(apiKey)
    ? await services.accounts.findActiveApiKey(apiKey)
    : undefined;
  if (
    !key || !signatureMatches(signature, key.apiSecret, apiKey, path, timestamp, signedBody) ||
    (services.checkAgent && !(await services.checkAgent(key.user)))
  ) {
    // One message for all: which API keys exist is not disclosed.
    throw authenticationFailed("The API key is unknown or revoked, or the signature is wrong.");
  }
  return { kind: "user", user: key.user };
}
