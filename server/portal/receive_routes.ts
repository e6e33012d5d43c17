/**
 * The receive page (`/receive/?thread=…&packageCode=…#keyCode=…`) and the three calls its script
 * makes before it may read a package through the SendSafely API:
 *
 * - `POST /portal/api/access {packageCode, checksum}` → what the visitor may do
 *   (`open` | `verify` | `signin` | `forbidden`), and nothing else about the package;
 * - `POST /portal/api/code {packageCode, checksum, email}` → always the same answer; a code is
 *   mailed only when the address is a recipient;
 * - `POST /portal/api/verify {packageCode, checksum, email, code, remember}` → a session grant.
 *
 * The page itself is the same for every package: the server never sees the keyCode (it is in the
 * fragment) and renders nothing about the package. Each call needs the checksum, which proves the
 * visitor holds the whole link.
 *
 * @module
 */
import { isEmail, normaliseEmail } from "../accounts/emails.ts";
import { CsrfError } from "../auth/csrf.ts";
import { CODE_TTL_MS } from "../auth/codes.ts";
import { ServiceError } from "../http.ts";
import { verificationCodeMail } from "../mail/templates.ts";
import { requestLocale } from "./locale.ts";
import { csrfTokenOf, type Portal, type PortalRequest, useSession } from "./context.ts";
import { readJson, textField } from "./body.ts";
import { html } from "./html.ts";
import { checksumMatches, decideAccess, findLivePackage } from "./package_access.ts";
import type { PackageRecord } from "../packages/repository.ts";
import { json, minutesFrom, page } from "./respond.ts";

/** `GET /receive/`: the page shell; its script does the rest. */
export function showReceive(portal: Portal, request: PortalRequest): Response {
  return page(portal, request, {
    title: "Secure files",
    script: "receive",
    body: html`
      <div class="state" data-role="state">
        <h1>Opening the package…</h1>
        <p class="muted">Your files are decrypted in this browser.</p>
      </div>
      <noscript><div class="alert">This page needs JavaScript: the files are decrypted in your browser.</div></noscript>
    `,
  });
}

function failure(
  portal: Portal,
  request: PortalRequest,
  response: string,
  message: string,
  status = 200,
): Response {
  return json(portal, request, { response, message }, status);
}

/** Reads the body, checks CSRF, and loads the package the checksum proves; or a failure answer. */
async function loadForVisitor(
  portal: Portal,
  request: PortalRequest,
): Promise<{ body: Record<string, unknown>; record: PackageRecord } | Response> {
  let body: Record<string, unknown>;
  try {
    body = await readJson(request.req);
  } catch (error) {
    if (!(error instanceof ServiceError)) throw error;
    return failure(portal, request, error.code, error.message, 400);
  }
  try {
    portal.csrf.check(request.req, request.sessionId, request.req.headers.get("x-csrf-token"));
  } catch (error) {
    if (!(error instanceof CsrfError)) throw error;
    return failure(portal, request, "CSRF", error.message, 403);
  }
  if (!portal.limits.accessChecksPerClient.take(request.address)) {
    return failure(
      portal,
      request,
      "LIMIT_EXCEEDED",
      "Too many requests. Wait a few minutes.",
      429,
    );
  }
  const record = findLivePackage(portal, body.packageCode);
  if (!record) {
    return failure(
      portal,
      request,
      "UNKNOWN_PACKAGE",
      "This package has expired or was deleted, or the link is wrong.",
    );
  }
  if (!checksumMatches(record, body.checksum)) {
    return failure(
      portal,
      request,
      "WRONG_KEY",
      "The key in the link does not match this package: the link is incomplete or was altered.",
    );
  }
  return { body, record };
}

/** `POST /portal/api/access`. */
export async function packageAccess(portal: Portal, request: PortalRequest): Promise<Response> {
  const loaded = await loadForVisitor(portal, request);
  if (loaded instanceof Response) return loaded;
  const { record } = loaded;
  const access = decideAccess(portal, record, request.sessionId, request.session, request.user);
  return json(portal, request, {
    response: "SUCCESS",
    access,
    ...(request.user ? { signedInAs: request.user.email } : {}),
    // Only what an authorised visitor sees anyway.
    ...(access === "open" && record.expiresAt !== undefined
      ? { expires: new Date(record.expiresAt).toISOString() }
      : {}),
  });
}

/** `POST /portal/api/code`: the same answer whether or not the address is a recipient. */
export async function requestCode(portal: Portal, request: PortalRequest): Promise<Response> {
  const loaded = await loadForVisitor(portal, request);
  if (loaded instanceof Response) return loaded;
  const { body, record } = loaded;
  if (record.undisclosed || record.dropzoneId !== undefined) {
    return failure(portal, request, "INVALID_INPUT", "This package is not opened with a code.");
  }
  const email = normaliseEmail(textField(body, "email", 320));
  if (!isEmail(email)) return failure(portal, request, "INVALID_INPUT", "Enter an email address.");
  const { limits } = portal;
  if (
    !limits.codeRequestsPerClient.take(request.address) || !limits.codeRequestsPerEmail.take(email)
  ) {
    const wait = Math.max(
      limits.codeRequestsPerClient.retryAfterMs(request.address),
      limits.codeRequestsPerEmail.retryAfterMs(email),
    );
    return failure(
      portal,
      request,
      "LIMIT_EXCEEDED",
      `Too many codes were asked for. Try again in ${minutesFrom(wait)} minutes.`,
      429,
    );
  }
  const recipient = portal.services.recipients.isRecipient(record.id, email);
  const code = portal.codes.issue(record.id, email, recipient);
  if (code) {
    // Queued, not awaited: the answer must take as long as for an address that gets no mail.
    portal.mail.enqueue(verificationCodeMail({
      to: email,
      code,
      systemName: portal.services.config.systemName,
      minutes: CODE_TTL_MS / 60_000,
      // The visitor who asks for the code reads it: in their browser's language.
      locale: requestLocale(request.req),
    }));
  }
  return json(portal, request, {
    response: "SUCCESS",
    message: `If ${email} may open these files, a 6-digit code is on its way to it. ` +
      `It works for ${CODE_TTL_MS / 60_000} minutes.`,
  });
}

const CODE_ANSWERS = {
  wrong: ["INVALID_CODE", "This code is not right. Check the latest mail and try again."],
  void: ["CODE_VOID", "Too many wrong codes: this code no longer works. Ask for a new one."],
  expired: ["CODE_EXPIRED", "This code has expired. Ask for a new one."],
  missing: ["CODE_MISSING", "This code no longer works. Ask for a new one."],
} as const;

/** `POST /portal/api/verify`: checks the code and grants the session the package. */
export async function verifyCode(portal: Portal, request: PortalRequest): Promise<Response> {
  const loaded = await loadForVisitor(portal, request);
  if (loaded instanceof Response) return loaded;
  const { body, record } = loaded;
  const email = normaliseEmail(textField(body, "email", 320));
  const code = textField(body, "code", 32).replace(/\s/g, "");
  if (!isEmail(email)) return failure(portal, request, "INVALID_INPUT", "Enter an email address.");
  if (!portal.limits.codeChecksPerClient.take(request.address)) {
    return failure(portal, request, "LIMIT_EXCEEDED", "Too many tries. Wait a few minutes.", 429);
  }
  const outcome = portal.codes.check(record.id, email, code);
  if (outcome !== "ok") {
    const [response, message] = CODE_ANSWERS[outcome];
    return failure(portal, request, response, message);
  }
  if (!portal.services.recipients.isRecipient(record.id, email)) {
    // Removed from the package since the code was sent.
    const [response, message] = CODE_ANSWERS.missing;
    return failure(portal, request, response, message);
  }
  const remember = body.remember === true;
  useSession(portal, request, portal.sessions.grant(request.sessionId, record.id, email, remember));
  return json(portal, request, {
    response: "SUCCESS",
    csrfToken: csrfTokenOf(portal, request),
  });
}
