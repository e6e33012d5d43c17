/// <reference lib="dom" />
/**
 * The receive page: reads the Secure Link from the address bar (the keyCode stays in the
 * fragment, in this browser), asks the portal what the visitor may do, verifies the visitor's
 * address or sends an agent to sign in when needed, then lists, downloads and decrypts the files
 * through the SendSafely API with the session cookie.
 *
 * @module
 */
import { ApiError, SendSafelyClient } from "../src/api.ts";
import {
  DownloadError,
  downloadFile,
  type OpenedPackage,
  openPackage,
  readMessage,
} from "../src/download.ts";
import { checksum } from "../src/keys.ts";
import { LinkError, parseLink, type SecureLink } from "../src/link.ts";
import { h } from "../ui/dom.ts";
import { showFiles } from "./files_view.ts";
import { PortalApi, PortalApiError } from "./portal_api.ts";
import { chooseFileSink, decryptionPool } from "./save.ts";
import { showState } from "./state_view.ts";
import { isIntegrityError } from "../src/_pinned.ts";
import { showEmailStep } from "./verify_view.ts";
import { t } from "./strings.ts";

/** Where the keyCode waits (this tab only) while an agent signs in; removed once back. */
const PENDING_KEY_PREFIX = "padlock:pending-key:";

/** What `/portal/api/access` answers. */
interface Access {
  access: "open" | "verify" | "signin" | "forbidden";
  signedInAs?: string;
  expires?: string;
}

/**
 * Puts back a keyCode kept across the sign-in round trip: the sign-in form's redirect cannot
 * carry the fragment, so it waited in this tab's sessionStorage. It returns to the fragment only.
 */
function restorePendingKey(): void {
  const packageCode = new URLSearchParams(location.search).get("packageCode");
  if (!packageCode || location.hash.includes("eyCode=")) return;
  const storageKey = PENDING_KEY_PREFIX + packageCode;
  const keyCode = sessionStorage.getItem(storageKey);
  sessionStorage.removeItem(storageKey);
  if (keyCode && /^[A-Za-z0-9_-]+$/.test(keyCode)) {
    history.replaceState(null, "", `${location.pathname}${location.search}#keyCode=${keyCode}`);
  }
}

function goSignIn(link: SecureLink, signOutFirst: boolean, api: PortalApi): void {
  sessionStorage.setItem(PENDING_KEY_PREFIX + link.packageCode, link.keyCode);
  const next = location.pathname + location.search;
  if (!signOutFirst) {
    location.assign(`/signin?${new URLSearchParams({ next })}`);
    return;
  }
  // Signing out is a POST with the CSRF token, like every change of state.
  const form = h(
    "form",
    { attrs: { method: "post", action: "/signout", hidden: "" } },
    h("input", { attrs: { type: "hidden", name: "csrf", value: api.csrfToken } }),
    h("input", { attrs: { type: "hidden", name: "next", value: next } }),
  );
  document.body.appendChild(form);
  form.submit();
}

/** Runs the receive page in `card`. */
export async function startReceivePage(card: HTMLElement): Promise<void> {
  restorePendingKey();
  let link: SecureLink;
  try {
    link = parseLink(location.href);
  } catch (error) {
    const missing = error instanceof LinkError && /keyCode/.test(error.message);
    // A ticket note's link has no key on purpose (the service never has it): the agent app in
    // that ticket's sidebar holds it.
    const ticket = new URLSearchParams(location.search).get("ticket") ?? "";
    if (missing && /^[0-9]{1,20}$/.test(ticket)) {
      showState(card, {
        state: "key-in-app",
        title: t("state.keyInAppTitle"),
        message: t("state.keyInApp", { ticket }),
      });
      return;
    }
    showState(card, {
      state: missing ? "missing-key" : "bad-link",
      error: true,
      title: t(missing ? "state.incomplete" : "state.invalid"),
      message: missing
        ? t("state.missingKey")
        : document.documentElement.lang === "en" && error instanceof Error
        ? error.message
        : t("state.badLink"),
    });
    return;
  }
  const api = new PortalApi(document);
  const client = new SendSafelyClient({ host: location.origin, credentials: { session: true } });
  const proof = await checksum(link.keyCode, link.packageCode);
  const body = { packageCode: link.packageCode, checksum: proof };

  const failed = (error: unknown) => {
    const code = error instanceof PortalApiError || error instanceof ApiError ? error.code : "";
    if (isIntegrityError(error)) {
      showState(card, {
        state: "integrity",
        error: true,
        title: t("guard.integrityTitle"),
        message: t("guard.integrity"),
      });
    } else if (code === "UNKNOWN_PACKAGE") {
      showState(card, {
        state: "gone",
        error: true,
        title: t("state.gone"),
        message: t("state.goneText"),
      });
    } else if (
      code === "WRONG_KEY" || (error instanceof DownloadError && error.code === "WRONG_KEY")
    ) {
      showState(card, {
        state: "wrong-key",
        error: true,
        title: t("state.wrongKey"),
        message: t("state.wrongKeyText"),
      });
    } else {
      showState(card, {
        state: "error",
        error: true,
        title: t("state.error"),
        message: error instanceof Error ? error.message : String(error),
        actions: [
          h("button", {
            class: "button",
            attrs: { type: "button" },
            on: { click: () => void check() },
          }, t("state.tryAgain")),
        ],
      });
    }
  };

  const open = async (access: Access) => {
    let pkg: OpenedPackage;
    try {
      pkg = await openPackage(client, link);
    } catch (error) {
      if (error instanceof ApiError && error.code === "PERMISSION_DENIED") return void check();
      return failed(error);
    }
    try {
      // The decryption worker's code is checked before any key is used (src/pins.ts).
      await decryptionPool().checkCode();
    } catch (error) {
      return failed(error);
    }
    let message: string | undefined;
    try {
      message = await readMessage(client, pkg);
    } catch (error) {
      // A message that cannot be read does not keep the files from the visitor.
      if (error instanceof DownloadError && error.code === "WRONG_KEY") return failed(error);
    }
    showFiles(card, {
      files: pkg.files,
      expires: access.expires,
      message,
      signedInAs: access.signedInAs,
      download: async (file, signal, onProgress, onReconnecting) => {
        const sink = await chooseFileSink(file);
        const pool = decryptionPool();
        await downloadFile(client, pkg, file, sink.stream, {
          signal,
          onProgress,
          onRetry: onReconnecting,
          decrypt: pool.decrypt,
          concurrency: pool.concurrency,
        });
      },
    });
  };

  async function check(): Promise<void> {
    let access: Access;
    try {
      access = await api.post("/portal/api/access", body) as unknown as Access;
    } catch (error) {
      return failed(error);
    }
    switch (access.access) {
      case "open":
        return await open(access);
      case "verify":
        return showEmailStep(card, {
          requestCode: async (email) =>
            String((await api.post("/portal/api/code", { ...body, email })).message ?? ""),
          verify: async (email, code, remember) => {
            const answer = await api.post("/portal/api/verify", { ...body, email, code, remember });
            if (typeof answer.csrfToken === "string") api.csrfToken = answer.csrfToken;
          },
          onVerified: () => void check(),
        });
      case "signin":
        return showState(card, {
          state: "signin",
          title: t("state.signin"),
          message: t("state.signinText"),
          actions: [
            h("button", {
              class: "button primary",
              attrs: { type: "button", "data-role": "signin" },
              on: { click: () => goSignIn(link, false, api) },
            }, t("state.signinButton")),
          ],
        });
      default:
        return showState(card, {
          state: "forbidden",
          error: true,
          title: t("state.forbidden"),
          message: t("state.forbiddenText", { email: access.signedInAs ?? t("state.anAgent") }),
          actions: [
            h("button", {
              class: "button",
              attrs: { type: "button", "data-role": "switch-user" },
              on: { click: () => goSignIn(link, true, api) },
            }, t("state.switchUser")),
          ],
        });
    }
  }

  await check();
}
