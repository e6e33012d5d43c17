/**
 * SAML pages: `POST /saml/acs` (the Assertion Consumer Service) takes the provider's answer,
 * posted from the provider's site without the session cookie, checks it (`auth/saml.ts`) and
 * sends the browser on to `GET /signin/saml/done`, where its session cookie comes along and the
 * sign-in finishes like an OpenID one (`signInProviderIdentity`). `GET /saml/metadata` gives the
 * service's metadata to load into the provider. The sign-in starts at `GET /signin/saml`
 * (`sso_routes.ts`).
 *
 * @module
 */
import type { LogEntry } from "../log.ts";
import { readForm } from "./body.ts";
import { type Portal, type PortalRequest, withCookies } from "./context.ts";
import { redirect } from "./page.ts";
import { refusedByProvider, signInProviderIdentity } from "./sso_routes.ts";

/** Largest answer the ACS reads, in bytes (a signed assertion with many attributes or groups). */
const MAX_SAML_ANSWER = 256 * 1024;

/** Where the browser goes after the ACS, with the answer's one-time token. */
export const SAML_DONE_PATH = "/signin/saml/done";

/** `POST /saml/acs`: the provider's answer (`SAMLResponse`, HTTP-POST binding). */
export async function acceptSamlAnswer(
  portal: Portal,
  request: PortalRequest,
  log: (entry: LogEntry) => void,
): Promise<Response> {
  const sso = portal.sso;
  if (sso?.protocol !== "saml") return withCookies(request, redirect("/signin"));
  const form = await readForm(request.req, MAX_SAML_ANSWER);
  let handoff: string;
  try {
    handoff = await sso.signIn.acceptAnswer(form.SAMLResponse ?? "");
  } catch (error) {
    return refusedByProvider(portal, request, sso, error, log);
  }
  return withCookies(
    request,
    redirect(`${SAML_DONE_PATH}?${new URLSearchParams({ handoff })}`),
  );
}

/** `GET /signin/saml/done?handoff=…`: the checked answer, in the browser that asked for it. */
export async function finishSaml(
  portal: Portal,
  request: PortalRequest,
  log: (entry: LogEntry) => void,
): Promise<Response> {
  const sso = portal.sso;
  if (sso?.protocol !== "saml") return withCookies(request, redirect("/signin"));
  let identity;
  try {
    identity = await sso.signIn.finish(
      request.sessionId,
      request.url.searchParams.get("handoff") ?? "",
    );
  } catch (error) {
    return refusedByProvider(portal, request, sso, error, log);
  }
  return await signInProviderIdentity(portal, request, sso, identity, log);
}

/** `GET /saml/metadata`: the service provider's metadata (entity id, ACS URL). */
export function samlMetadata(portal: Portal): Response {
  const sso = portal.sso;
  if (sso?.protocol !== "saml") {
    return new Response("Not found\n", { status: 404, headers: { "Content-Type": "text/plain" } });
  }
  return new Response(sso.signIn.metadata(), {
    headers: {
      "Content-Type": "application/samlmetadata+xml; charset=utf-8",
      "Cache-Control": "no-cache",
    },
  });
}
