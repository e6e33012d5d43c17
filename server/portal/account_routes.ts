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
import { messagePage, minutesFrom, page } from "./respond.ts";
import { passwordsOffPage, ssoButton } from "./sso_routes.ts";

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
    return messagePage(portal, request, {
      title: "Request refused",
      message: error.message,
      tone: "error",
      status: 403,
    });
  }
  return form;
}

function signInPage(
  portal: Portal,
  request: PortalRequest,
  options: { next?: string; email?: string; error?: string; status?: number; signup?: boolean },
): Response {
  const next = options.next ?? "";
  const activate = `/activate${next ? `?${new URLSearchParams({ next })}` : ""}`;
  return page(portal, request, {
    title: "Sign in",
    status: options.status,
    body: html`<h1>Sign in to Padlock</h1>
<p class="muted">Agents sign in to open files sent through the Help Center and to connect the
Zendesk app.</p>
${
      options.signup && !portal.sso?.only
        ? html`<div class="alert info" data-role="signup-hint">New here? <a href="${activate}">Activate
your account</a> with the email address your administrator registered, then come back.</div>`
        : ""
    }
${alert(options.error)}${ssoButton(portal, request, next)}${
      portal.sso?.only ? "" : html`
        <form method="post" action="/signin" data-role="signin-form">
        ${csrfField(portal, request)}<input type="hidden" name="next" value="${next}">
        <div class="field"><label for="email">Email</label>
        <input id="email" name="email" type="email" autocomplete="username" required value="${options
          .email ?? ""}"></div>
        <div class="field"><label for="password">Password</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required></div>
        <div class="actions"><button class="button primary" type="submit">Sign in</button>
        <a href="${activate}">Activate your account or reset your password</a></div>
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
      error: `Too many failed sign-ins. Try again in ${minutesFrom(wait)} minutes.`,
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
      error: "The email or the password is wrong.",
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

function formatDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** `GET /account`: the agent's API keys, with revoke. */
export async function showAccount(portal: Portal, request: PortalRequest): Promise<Response> {
  const user = request.user;
  if (!user) return withCookies(request, redirect("/signin?next=%2Faccount"));
  const keys = (await portal.services.accounts.listApiKeys(user.id)).filter((key) =>
    key.revokedAt === undefined
  );
  const notice = request.url.searchParams.get("revoked") === "1"
    ? alert("The key was revoked. Apps using it are signed out.", "success")
    : "";
  const rows = keys.map((key) =>
    html`
      <tr data-role="api-key">
        <td data-role="key-description">${key.description || "(no description)"}</td>
        <td>${formatDate(key.createdAt)}</td>
        <td>
          <form method="post" action="/account/keys/revoke">${csrfField(portal, request)}
      <input type="hidden" name="apiKey" value="${key.apiKey}">
      <button class="button danger small" type="submit">Revoke</button></form>
        </td>
      </tr>
    `
  );
  return page(portal, request, {
    title: "Your account",
    body: html`<h1>Your account</h1>
<p class="muted">Signed in as <strong data-role="account-email">${user.email}</strong>.</p>
${notice}
<h2>API keys</h2>
<p class="muted">Each key lets an app act as you, for example the Zendesk app after you allowed it.
Revoke a key you no longer use.</p>
${
      keys.length === 0 ? html`<p data-role="no-keys">You have no API keys.</p>` : html`
        <table class="keys">
          <thead>
            <tr>
              <th>Description</th>
              <th>Created</th>
              <th></th>
            </tr>
          </thead>
          <tbody>${rows}</tbody>
        </table>
      `
    }
<form method="post" action="/signout">${csrfField(portal, request)}
<button class="button" type="submit">Sign out</button></form>`,
  });
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
    return messagePage(portal, request, {
      title: "Key not found",
      message: "This key does not exist or was revoked already.",
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
  return page(portal, request, {
    title: "Activate your account",
    status: options.status,
    body: html`<h1>Activate your account</h1>
<p class="muted">Your administrator created your Padlock account. Enter its email address and we
send you a link to choose your password. The same link resets a forgotten password.</p>
${alert(options.error)}${alert(options.notice, "success")}
<form method="post" action="/activate/request" data-role="activation-request-form">
${csrfField(portal, request)}<input type="hidden" name="next" value="${options.next ?? ""}">
<div class="field"><label for="email">Email</label>
<input id="email" name="email" type="email" autocomplete="email" required></div>
<div class="actions"><button class="button primary" type="submit">Send the link</button>
<a href="/signin">Back to sign in</a></div></form>`,
  });
}

function setPasswordPage(
  portal: Portal,
  request: PortalRequest,
  options: { token: string; email: string; error?: string; status?: number },
): Response {
  return page(portal, request, {
    title: "Choose your password",
    status: options.status,
    body: html`<h1>Choose your password</h1>
<p class="muted">For <strong>${options.email}</strong>. Use at least ${MIN_PASSWORD_LENGTH}
characters; a few unrelated words are easy to remember and hard to guess.</p>
${alert(options.error)}
<form method="post" action="/activate" data-role="set-password-form">
${csrfField(portal, request)}<input type="hidden" name="token" value="${options.token}">
<input type="text" name="username" autocomplete="username" value="${options.email}" hidden>
<div class="field"><label for="password">New password</label>
<input id="password" name="password" type="password" autocomplete="new-password" required
minlength="${MIN_PASSWORD_LENGTH}"></div>
<div class="field"><label for="confirm">Repeat it</label>
<input id="confirm" name="confirm" type="password" autocomplete="new-password" required></div>
<div class="actions"><button class="button primary" type="submit">Set password and sign in</button></div>
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
      error: "This activation link was used already or has expired. Ask for a new one below.",
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
      error: "This activation link was used already or has expired. Ask for a new one below.",
    });
  }
  const password = form.password ?? "";
  if (password !== (form.confirm ?? "")) {
    return setPasswordPage(portal, request, {
      token,
      email: user.email,
      status: 400,
      error: "The two passwords differ.",
    });
  }
  let result;
  try {
    result = await portal.activations.redeem(token, password);
  } catch (error) {
    if (!(error instanceof ActivationError)) throw error;
    return setPasswordPage(portal, request, {
      token,
      email: user.email,
      status: 400,
      error: error.message,
    });
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
      error: "Enter an email address.",
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
      error: "Too many links were asked for. Wait a while and try again.",
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
    notice:
      `If ${email} has a Padlock account, a link to choose its password is on its way. Check your mail.`,
  });
}
