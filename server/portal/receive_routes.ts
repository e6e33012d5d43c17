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
import { mailLocale } from "./locale.ts";
import { csrfTokenOf, type Portal, type PortalRequest, useSession } from "./context.ts";
import { readJson, textField } from "./body.ts";
import { html } from "./html.ts";
import {
  addressMayOpen,
  checksumMatches,
  decideAccess,
  findLivePackage,
  senderDomainAccess,
} from "./package_access.ts";
import type { PackageRecord } from "../packages/repository.ts";
import { json, minutesFrom, page, wordsFor } from "./respond.ts";

/** `GET /receive/`: the page shell; its script does the rest. */
export function showReceive(portal: Portal, request: PortalRequest): Response {
  const t = words(request);
  return page(portal, request, {
    title: t("receive.title"),
    script: "receive",
    body: html`
      <div class="state" data-role="state">
        <h1>${t("receive.opening")}</h1>
        <p class="muted">${t("receive.decrypted")}</p>
      </div>
      <noscript><div class="alert">${t("receive.noscript")}</div></noscript>
    `,
  });
}

const words = wordsFor;

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
  if (!(await portal.limits.accessChecksPerClient.take(request.address))) {
    return failure(
      portal,
      request,
      "LIMIT_EXCEEDED",
      words(request)("api.tooMany"),
      429,
    );
  }
  const record = await findLivePackage(portal, body.packageCode);
  if (!record) {
    return failure(
      portal,
      request,
      "UNKNOWN_PACKAGE",
      words(request)("api.unknownPackage"),
    );
  }
  if (!checksumMatches(record, body.checksum)) {
    return failure(
      portal,
      request,
      "WRONG_KEY",
      words(request)("api.wrongKey"),
    );
  }
  return { body, record };
}

/** `POST /portal/api/access`. */
export async function packageAccess(portal: Portal, request: PortalRequest): Promise<Response> {
  const loaded = await loadForVisitor(portal, request);
  if (loaded instanceof Response) return loaded;
  const { record } = loaded;
  const access = await decideAccess(
    portal,
    record,
    request.sessionId,
    request.session,
    request.user,
  );
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
  if (
    record.undisclosed ||
    (record.dropzoneId !== undefined && !(await senderDomainAccess(portal, record)))
  ) {
    return failure(portal, request, "INVALID_INPUT", words(request)("api.noCode"));
  }
  const email = normaliseEmail(textField(body, "email", 320));
  if (!isEmail(email)) {
    return failure(portal, request, "INVALID_INPUT", words(request)("api.enterEmail"));
  }
  const { limits } = portal;
  if (
    !(await limits.codeRequestsPerClient.take(request.address)) ||
    !(await limits.codeRequestsPerEmail.take(email))
  ) {
    const wait = Math.max(
      await limits.codeRequestsPerClient.retryAfterMs(request.address),
      await limits.codeRequestsPerEmail.retryAfterMs(email),
    );
    return failure(
      portal,
      request,
      "LIMIT_EXCEEDED",
      words(request)("api.tooManyCodes", { minutes: minutesFrom(wait) }),
      429,
    );
  }
  const recipient = await portal.services.recipients.findByEmail(record.id, email);
  const code = await portal.codes.issue(
    record.id,
    email,
    recipient !== undefined || await addressMayOpen(portal, record, email),
  );
  if (code) {
    // Queued, not awaited: the answer must take as long as for an address that gets no mail.
    portal.mail.enqueue(verificationCodeMail({
      to: email,
      code,
      systemName: portal.services.config.systemName,
      minutes: CODE_TTL_MS / 60_000,
      // In the language the visitor chose, else the recipient's (as the sender gave it).
      locale: mailLocale(request.req, recipient?.locale),
    }));
  }
  return json(portal, request, {
    response: "SUCCESS",
    message: words(request)("api.codeSent", { email, minutes: CODE_TTL_MS / 60_000 }),
  });
}

const CODE_ANSWERS = {
  wrong: ["INVALID_CODE", "api.codeWrong"],
  void: ["CODE_VOID", "api.codeVoid"],
  expired: ["CODE_EXPIRED", "api.codeExpired"],
  missing: ["CODE_MISSING", "api.codeMissing"],
} as const;

/** `POST /portal/api/verify`: checks the code and grants the session the package. */
export async function verifyCode(portal: Portal, request: PortalRequest): Promise<Response> {
  const loaded = await loadForVisitor(portal, request);
  if (loaded instanceof Response) return loaded;
  const { body, record } = loaded;
  const email = normaliseEmail(textField(body, "email", 320));
  const code = textField(body, "code", 32).replace(/\s/g, "");
  if (!isEmail(email)) {
    return failure(portal, request, "INVALID_INPUT", words(request)("api.enterEmail"));
  }
  if (!(await portal.limits.codeChecksPerClient.take(request.address))) {
    return failure(portal, request, "LIMIT_EXCEEDED", words(request)("api.tooManyTries"), 429);
  }
  const outcome = await portal.codes.check(record.id, email, code);
  if (outcome !== "ok") {
    const [response, message] = CODE_ANSWERS[outcome];
    return failure(portal, request, response, words(request)(message));
  }
  if (!(await addressMayOpen(portal, record, email))) {
    // Removed from the package (or Sender Domain Access turned off) since the code was sent.
    const [response, message] = CODE_ANSWERS.missing;
    return failure(portal, request, response, words(request)(message));
  }
  const remember = body.remember === true;
  await useSession(
    portal,
    request,
    portal.sessions.grant(request.sessionId, record.id, email, remember),
  );
  return json(portal, request, {
    response: "SUCCESS",
    csrfToken: csrfTokenOf(portal, request),
  });
}
