/**
 * The agent app's sign-in: the JSON pairing endpoints the app calls (`POST /auth/pairing`,
 * `POST /auth/pairing/poll`, open to any origin because they use no cookie — the secret device
 * code in the body is the only credential) and the `/connect` page where the signed-in agent
 * allows or denies the pairing, after which the tab closes itself.
 *
 * @module
 */
import { normaliseUserCode } from "../auth/pairings.ts";
import { CsrfError } from "../auth/csrf.ts";
import { ServiceError } from "../http.ts";
import { csrfTokenOf, type Portal, type PortalRequest, withCookies } from "./context.ts";
import { readForm, readJson } from "./body.ts";
import { html } from "./html.ts";
import { redirect } from "./page.ts";
import { messagePage, page, refusedPage, wordsFor } from "./respond.ts";
import { richText } from "./words.ts";

/** CORS headers of the pairing endpoints: any origin, no credentials. */
const PAIRING_CORS: Readonly<Record<string, string>> = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "POST, OPTIONS",
  "Access-Control-Allow-Headers": "Content-Type",
  "Access-Control-Max-Age": "600",
};

function pairingJson(body: Record<string, unknown>, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      ...PAIRING_CORS,
      "Content-Type": "application/json",
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

/** Answers the CORS preflight of the pairing endpoints. */
export function pairingPreflight(): Response {
  return new Response(null, { status: 204, headers: { ...PAIRING_CORS } });
}

async function pairingBody(req: Request): Promise<Record<string, unknown> | Response> {
  try {
    return await readJson(req);
  } catch (error) {
    if (!(error instanceof ServiceError)) throw error;
    return pairingJson({ response: error.code, message: error.message }, 400);
  }
}

/** `POST /auth/pairing`: starts a pairing. */
export async function startPairing(portal: Portal, request: PortalRequest): Promise<Response> {
  const body = await pairingBody(request.req);
  if (body instanceof Response) return body;
  if (!(await portal.limits.pairingsPerClient.take(request.address))) {
    return pairingJson({
      response: "LIMIT_EXCEEDED",
      message: "Too many sign-ins were started from here. Wait a few minutes.",
    }, 429);
  }
  // Shown to the agent and kept as the key's description: printable, short.
  const description = typeof body.description === "string"
    ? body.description.replace(/[\p{Cc}\p{Cf}]/gu, "").trim().slice(0, 60)
    : "";
  const started = await portal.pairings.start(description || "Zendesk app");
  return pairingJson({
    response: "SUCCESS",
    deviceCode: started.deviceCode,
    userCode: started.userCode,
    verificationUrl: `${portal.services.publicUrl}/connect?${new URLSearchParams({
      code: started.userCode,
    })}`,
    interval: started.interval,
    expiresIn: started.expiresIn,
  });
}

/** `POST /auth/pairing/poll`: PENDING, SUCCESS (once), EXPIRED or DENIED. */
export async function pollPairing(portal: Portal, request: PortalRequest): Promise<Response> {
  const body = await pairingBody(request.req);
  if (body instanceof Response) return body;
  if (!(await portal.limits.pollsPerClient.take(request.address))) {
    return pairingJson({ response: "LIMIT_EXCEEDED", message: "Poll less often." }, 429);
  }
  const deviceCode = body.deviceCode;
  if (typeof deviceCode !== "string" || !/^[A-Za-z0-9_-]{43}$/.test(deviceCode)) {
    return pairingJson({ response: "INVALID_INPUT", message: "deviceCode is missing." }, 400);
  }
  return pairingJson(await portal.pairings.poll(deviceCode));
}

function signInFirst(request: PortalRequest): Response {
  const next = request.url.pathname + request.url.search;
  const query = new URLSearchParams({ next });
  if (request.url.searchParams.get("mode") === "signup") query.set("mode", "signup");
  return withCookies(request, redirect(`/signin?${query}`));
}

function unknownCode(portal: Portal, request: PortalRequest, status = 404): Response {
  const t = wordsFor(request);
  return messagePage(portal, request, {
    title: t("page.connect.badCode"),
    message: t("page.connect.badCodeText"),
    tone: "error",
    status,
  });
}

/** `GET /connect?code=…`: asks the signed-in agent to allow the app. */
export async function showConnect(portal: Portal, request: PortalRequest): Promise<Response> {
  if (!request.user) return signInFirst(request);
  const code = normaliseUserCode(request.url.searchParams.get("code"));
  const pending = code ? await portal.pairings.findPending(code) : undefined;
  if (!pending) return unknownCode(portal, request);
  const token = csrfTokenOf(portal, request);
  const t = wordsFor(request);
  return page(portal, request, {
    title: t("page.connect.title"),
    body: html`
      <h1>${t("page.connect.heading", { name: pending.description })}</h1>
      <p class="muted">${t("page.connect.checkCode")}</p>
      <div class="code-display" id="code" data-role="user-code">${pending.userCode}</div>
      <p>${richText(t("page.connect.explain"), {
        email: html`<strong>${request.user.email}</strong>`,
      })}</p>
      <form method="post" action="/connect" class="actions" data-role="connect-form">
        <input type="hidden" name="csrf" value="${token}">
        <input type="hidden" name="code" value="${pending.userCode}">
        <button class="button primary" id="allow" type="submit" name="decision"
          value="allow">${t("page.connect.allow")}</button>
        <button class="button" id="deny" type="submit" name="decision" value="deny">${t(
          "page.connect.deny",
        )}</button>
      </form>
    `,
  });
}

/** `POST /connect`: records "Allow" or "Deny", then shows a page that closes its tab. */
export async function submitConnect(portal: Portal, request: PortalRequest): Promise<Response> {
  const form = await readForm(request.req);
  try {
    portal.csrf.check(request.req, request.sessionId, form.csrf);
  } catch (error) {
    if (!(error instanceof CsrfError)) throw error;
    return refusedPage(portal, request, error);
  }
  const t = wordsFor(request);
  const user = request.user;
  if (!user) return signInFirst(request);
  if (await portal.limits.connectFailuresPerUser.isLimited(user.id)) {
    return messagePage(portal, request, {
      title: t("page.connect.tooMany"),
      message: t("page.connect.tooManyText"),
      tone: "error",
      status: 429,
    });
  }
  const code = normaliseUserCode(form.code);
  const allow = form.decision === "allow";
  if (!code || !(await portal.pairings.decide(code, user.id, allow))) {
    await portal.limits.connectFailuresPerUser.take(user.id);
    return unknownCode(portal, request);
  }
  return page(portal, request, {
    title: t(allow ? "page.connect.connectedTitle" : "page.connect.deniedTitle"),
    script: "close",
    body: html`
      <div class="state" data-role="state">
        <div class="icon" aria-hidden="true">✓</div>
        <h1>${t(allow ? "page.connect.connected" : "page.connect.denied")}</h1>
        <p class="muted" data-role="message">${t(
          allow ? "page.connect.connectedText" : "page.connect.deniedText",
        )}</p>
        <p class="small muted" data-role="close-hint">${t("page.connect.closeHint")}</p>
      </div>
    `,
  });
}
