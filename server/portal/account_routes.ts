/**
 * Sign-in, sign-out, the account page (API keys with revoke) and account activation (setting a
 * password from a one-time link, or asking for one).
 *
 * Every POST checks the CSRF token and the origin first. Sign-in compares the password in
 * constant time against the slow hash (PBKDF2, 600,000 iterations), hashes a dummy password when
 * the address has no account (so timing does not tell), and backs off per account and per client.
 *
 * @module
 */
import { MIN_PASSWORD_LENGTH } from "../accounts/accounts.ts";
import { isEmail, normaliseEmail } from "../accounts/emails.ts";
import { verifyPassword } from "../accounts/passwords.ts";
import { ActivationError, MAX_PASSWORD_LENGTH } from "../auth/activations.ts";
import { CsrfError } from "../auth/csrf.ts";
import { activationMail } from "../mail/templates.ts";
import { requestLocale } from "./locale.ts";
import {
  csrfTokenOf,
  type Portal,
  type PortalRequest,
  useSession,
  withCookies,
} from "./context.ts";
import { readForm } from "./body.ts";
import { type Html, html } from "./html.ts";
import { redirect, safeNextPath } from "./page.ts";
import { messagePage, minutesFrom, page, refusedPage, wordsFor } from "./respond.ts";
import { passwordsOffPage, ssoButton } from "./sso_routes.ts";
import {
  type DropzoneFormState,
  dropzoneSection,
  ownedDropzones,
  saveDropzoneSettings,
} from "./dropzone_settings.ts";
import { pageLocale, richText } from "./words.ts";
import { formatDate } from "../../ui/format.ts";

function csrfField(portal: Portal, request: PortalRequest): Html {
  return html`<input type="hidden" name="csrf" value="${csrfTokenOf(portal, request)}">`;
}

function alert(message: string | undefined, tone = ""): Html | "" {
  return message
    ? html`<div class="alert ${tone}" role="alert" data-role="alert">${message}</div>`
    : "";
}

/** Reads a POSTed form after the CSRF and origin checks; undefined (and a page) when refused. */
async function checkedForm(
  portal: Portal,
  request: PortalRequest,
): Promise<Record<string, string> | Response> {
  const form = await readForm(request.req);
  try {
    portal.csrf.check(request.req, request.sessionId, form.csrf);
  } catch (error) {
    if (!(error instanceof CsrfError)) throw error;
    return refusedPage(portal, request, error);
  }
  return form;
}

function signInPage(
  portal: Portal,
  request: PortalRequest,
  options: { next?: string; email?: string; error?: string; status?: number; signup?: boolean },
): Response {
  const t = wordsFor(request);
  const next = options.next ?? "";
  const activate = `/activate${next ? `?${new URLSearchParams({ next })}` : ""}`;
  return page(portal, request, {
    title: t("page.signin.title"),
    status: options.status,
    body: html`<h1>${t("page.signin.heading")}</h1>
<p class="muted">${t("page.signin.intro")}</p>
${
      options.signup && !portal.sso?.only
        ? html`<div class="alert info" data-role="signup-hint">${
          richText(t("page.signin.newHere"), {
            link: html`<a href="${activate}">${t("page.signin.activateLink")}</a>`,
          })
        }</div>`
        : ""
    }
${alert(options.error)}${ssoButton(portal, request, next)}${
      portal.sso?.only ? "" : html`
        <form method="post" action="/signin" data-role="signin-form">
        ${csrfField(portal, request)}<input type="hidden" name="next" value="${next}">
        <div class="field"><label for="email">${t("page.signin.email")}</label>
        <input id="email" name="email" type="email" autocomplete="username" required value="${options
          .email ?? ""}"></div>
        <div class="field"><label for="password">${t("page.signin.password")}</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required></div>
        <div class="actions"><button class="button primary" type="submit">${t(
          "page.signin.submit",
        )}</button>
        <a href="${activate}">${t("page.signin.activateOrReset")}</a></div>
        </form>
      `
    }`,
  });
}

/** `GET /signin`: the form; an agent already signed in goes on at once. */
export function showSignIn(portal: Portal, request: PortalRequest): Response {
  const next = safeNextPath(request.url.searchParams.get("next"));
  if (request.user) return withCookies(request, redirect(next ?? "/account"));
  return signInPage(portal, request, {
    next,
    signup: request.url.searchParams.get("mode") === "signup",
  });
}

/** `POST /signin`. */
export async function submitSignIn(portal: Portal, request: PortalRequest): Promise<Response> {
  const form = await checkedForm(portal, request);
  if (form instanceof Response) return form;
  const next = safeNextPath(form.next);
  if (portal.sso?.only) return passwordsOffPage(portal, request, portal.sso, next);
  const email = normaliseEmail(form.email ?? "").slice(0, 254);
  const password = (form.password ?? "").slice(0, MAX_PASSWORD_LENGTH);
  const wait = await portal.signInThrottle.retryAfterMs(email, request.address);
  if (wait > 0) {
    return signInPage(portal, request, {
      next,
      email,
      status: 429,
      error: wordsFor(request)("page.signin.throttled", { minutes: minutesFrom(wait) }),
    });
  }
  const user = await portal.services.accounts.findUserByEmail(email);
  // Without an account the dummy hash is checked, so the answer takes the same time.
  const valid = user
    ? await portal.services.accounts.verifyPassword(email, password) !== undefined
    : (await verifyPassword(password, await portal.dummyPasswordHash()), false);
  if (!user || !valid) {
    await portal.signInThrottle.recordFailure(email, request.address);
    return signInPage(portal, request, {
      next,
      email,
      status: 401,
      error: wordsFor(request)("page.signin.wrong"),
    });
  }
  await portal.signInThrottle.recordSuccess(email);
  await useSession(portal, request, portal.sessions.signIn(request.sessionId, user.id));
  return withCookies(request, redirect(next ?? "/account"));
}

/** `POST /signout`: ends the session (and its grants); the browser gets a fresh anonymous id. */
export async function submitSignOut(portal: Portal, request: PortalRequest): Promise<Response> {
  const form = await checkedForm(portal, request);
  if (form instanceof Response) return form;
  await portal.sessions.destroy(request.sessionId);
  request.user = undefined;
  await useSession(portal, request, { id: portal.sessions.newAnonymousId() });
  const next = safeNextPath(form.next);
  return withCookies(
    request,
    redirect(next ? `/signin?${new URLSearchParams({ next })}` : "/signin"),
  );
}

/** `GET /account`: the agent's API keys, with revoke, and the settings of the dropzones they own. */
export async function showAccount(
  portal: Portal,
  request: PortalRequest,
  dropzoneForm?: DropzoneFormState,
): Promise<Response> {
  const user = request.user;
  if (!user) return withCookies(request, redirect("/signin?next=%2Faccount"));
  const keys = (await portal.services.accounts.listApiKeys(user.id)).filter((key) =>
    key.revokedAt === undefined
  );
  const t = wordsFor(request);
  const locale = requestLocale(request.req);
  const notice = request.url.searchParams.get("revoked") === "1"
    ? alert(t("page.account.revoked"), "success")
    : "";
  const rows = keys.map((key) =>
    html`
      <tr data-role="api-key">
        <td data-role="key-description">${key.description || t("page.account.noDescription")}</td>
        <td>${formatDate(key.createdAt, pageLocale(locale))}</td>
        <td>
          <form method="post" action="/account/keys/revoke">${csrfField(portal, request)}
      <input type="hidden" name="apiKey" value="${key.apiKey}">
      <button class="button danger small" type="submit">${t("page.account.revoke")}</button></form>
        </td>
      </tr>
    `
  );
  const dropzones = dropzoneSection(
    portal,
    request,
    t,
    await ownedDropzones(portal, user),
    dropzoneForm,
  );
  return page(portal, request, {
    title: t("page.account.title"),
    status: dropzoneForm?.error ? 400 : undefined,
    body: html`<h1>${t("page.account.title")}</h1>
<p class="muted">${
      richText(t("page.account.signedInAs"), {
        email: html`<strong data-role="account-email">${user.email}</strong>`,
      })
    }</p>
${notice}
<h2>${t("page.account.keys")}</h2>
<p class="muted">${t("page.account.keysIntro")}</p>
${
      keys.length === 0 ? html`<p data-role="no-keys">${t("page.account.noKeys")}</p>` : html`
        <table class="keys">
          <thead>
            <tr>
              <th>${t("page.account.description")}</th>
              <th>${t("page.account.created")}</th>
              <th></th>
            </tr>
          </thead>
          <tbody>${rows}</tbody>
        </table>
      `
    }
${dropzones}
<form method="post" action="/signout">${csrfField(portal, request)}
<button class="button" type="submit">${t("frame.signOut")}</button></form>`,
  });
}

/** `POST /account/dropzones/settings`: the settings of a dropzone the agent owns. */
export async function submitDropzoneSettings(
  portal: Portal,
  request: PortalRequest,
): Promise<Response> {
  const form = await checkedForm(portal, request);
  if (form instanceof Response) return form;
  const user = request.user;
  if (!user) return withCookies(request, redirect("/signin?next=%2Faccount"));
  const state = await saveDropzoneSettings(portal, user, form);
  if (!state) {
    const t = wordsFor(request);
    return messagePage(portal, request, {
      title: t("page.dropzones.notFound"),
      message: t("page.dropzones.notFoundText"),
      tone: "error",
      status: 404,
    });
  }
  return await showAccount(portal, request, state);
}

/** `POST /account/keys/revoke`. */
export async function submitRevoke(portal: Portal, request: PortalRequest): Promise<Response> {
  const form = await checkedForm(portal, request);
  if (form instanceof Response) return form;
  const user = request.user;
  if (!user) return withCookies(request, redirect("/signin?next=%2Faccount"));
  const owned = (await portal.services.accounts.listApiKeys(user.id)).some((key) =>
    key.apiKey === form.apiKey && key.revokedAt === undefined
  );
  if (!owned || !(await portal.services.accounts.revokeApiKey(form.apiKey))) {
    const t = wordsFor(request);
    return messagePage(portal, request, {
      title: t("page.account.keyNotFound"),
      message: t("page.account.keyNotFoundText"),
      tone: "error",
      status: 404,
    });
  }
  return withCookies(request, redirect("/account?revoked=1"));
}

function activationRequestPage(
  portal: Portal,
  request: PortalRequest,
  options: { next?: string; error?: string; notice?: string; status?: number },
): Response {
  const t = wordsFor(request);
  return page(portal, request, {
    title: t("page.activate.title"),
    status: options.status,
    body: html`<h1>${t("page.activate.title")}</h1>
<p class="muted">${t("page.activate.intro")}</p>
${alert(options.error)}${alert(options.notice, "success")}
<form method="post" action="/activate/request" data-role="activation-request-form">
${csrfField(portal, request)}<input type="hidden" name="next" value="${options.next ?? ""}">
<div class="field"><label for="email">${t("page.signin.email")}</label>
<input id="email" name="email" type="email" autocomplete="email" required></div>
<div class="actions"><button class="button primary" type="submit">${
      t("page.activate.send")
    }</button>
<a href="/signin">${t("page.activate.back")}</a></div></form>`,
  });
}

function setPasswordPage(
  portal: Portal,
  request: PortalRequest,
  options: { token: string; email: string; error?: string; status?: number },
): Response {
  const t = wordsFor(request);
  return page(portal, request, {
    title: t("page.password.title"),
    status: options.status,
    body: html`<h1>${t("page.password.title")}</h1>
<p class="muted">${
      richText(t("page.password.intro", { min: MIN_PASSWORD_LENGTH }), {
        email: html`<strong>${options.email}</strong>`,
      })
    }</p>
${alert(options.error)}
<form method="post" action="/activate" data-role="set-password-form">
${csrfField(portal, request)}<input type="hidden" name="token" value="${options.token}">
<input type="text" name="username" autocomplete="username" value="${options.email}" hidden>
<div class="field"><label for="password">${t("page.password.new")}</label>
<input id="password" name="password" type="password" autocomplete="new-password" required
minlength="${MIN_PASSWORD_LENGTH}"></div>
<div class="field"><label for="confirm">${t("page.password.repeat")}</label>
<input id="confirm" name="confirm" type="password" autocomplete="new-password" required></div>
<div class="actions"><button class="button primary" type="submit">${
      t("page.password.submit")
    }</button></div>
</form>`,
  });
}

/** `GET /activate`: with `?token=` the password form, else the form asking for a link. */
export async function showActivate(portal: Portal, request: PortalRequest): Promise<Response> {
  const token = request.url.searchParams.get("token");
  const next = safeNextPath(request.url.searchParams.get("next"));
  if (!token) return activationRequestPage(portal, request, { next });
  const user = /^[A-Za-z0-9_-]{43}$/.test(token) ? await portal.activations.peek(token) : undefined;
  if (!user) {
    return activationRequestPage(portal, request, {
      status: 410,
      error: wordsFor(request)("page.activate.used"),
    });
  }
  return setPasswordPage(portal, request, { token, email: user.email });
}

/** `POST /activate`: sets the password and signs the agent in. */
export async function submitActivate(portal: Portal, request: PortalRequest): Promise<Response> {
  const form = await checkedForm(portal, request);
  if (form instanceof Response) return form;
  if (portal.sso?.only) return passwordsOffPage(portal, request, portal.sso);
  const token = form.token ?? "";
  const user = /^[A-Za-z0-9_-]{43}$/.test(token) ? await portal.activations.peek(token) : undefined;
  if (!user) {
    return activationRequestPage(portal, request, {
      status: 410,
      error: wordsFor(request)("page.activate.used"),
    });
  }
  const t = wordsFor(request);
  const password = form.password ?? "";
  // Checked here as well as in redeem(), to say it in the visitor's language.
  const problem = password !== (form.confirm ?? "")
    ? t("page.password.differ")
    : password.length < MIN_PASSWORD_LENGTH
    ? t("page.password.tooShort", { min: MIN_PASSWORD_LENGTH })
    : password.length > MAX_PASSWORD_LENGTH
    ? t("page.password.tooLong", { max: MAX_PASSWORD_LENGTH })
    : undefined;
  if (problem) {
    return setPasswordPage(portal, request, {
      token,
      email: user.email,
      status: 400,
      error: problem,
    });
  }
  let result;
  try {
    result = await portal.activations.redeem(token, password);
  } catch (error) {
    if (!(error instanceof ActivationError)) throw error;
    // The lengths were checked above: the link was used meanwhile (another tab).
    return activationRequestPage(portal, request, { status: 410, error: t("page.activate.used") });
  }
  await useSession(portal, request, portal.sessions.signIn(request.sessionId, result.user.id));
  return withCookies(request, redirect(safeNextPath(result.nextPath) ?? "/account"));
}

/** `POST /activate/request`: mails a link when the address has an account; the same answer either way. */
export async function submitActivationRequest(
  portal: Portal,
  request: PortalRequest,
): Promise<Response> {
  const form = await checkedForm(portal, request);
  if (form instanceof Response) return form;
  const next = safeNextPath(form.next);
  const email = normaliseEmail(form.email ?? "");
  if (!isEmail(email)) {
    return activationRequestPage(portal, request, {
      next,
      status: 400,
      error: wordsFor(request)("verify.enterEmail"),
    });
  }
  const { limits } = portal;
  if (
    !(await limits.activationsPerClient.take(request.address)) ||
    !(await limits.activationsPerEmail.take(email))
  ) {
    return activationRequestPage(portal, request, {
      next,
      status: 429,
      error: wordsFor(request)("page.activate.tooMany"),
    });
  }
  const user = await portal.services.accounts.findUserByEmail(email);
  if (user) {
    const token = await portal.activations.create(user.id, next ?? "");
    portal.mail.enqueue(activationMail({
      to: user.email,
      link: `${portal.services.publicUrl}/activate?${new URLSearchParams({ token })}`,
      systemName: portal.services.config.systemName,
      days: 7,
      locale: requestLocale(request.req),
    }));
  }
  return activationRequestPage(portal, request, {
    next,
    notice: wordsFor(request)("page.activate.sent", { email }),
  });
}
