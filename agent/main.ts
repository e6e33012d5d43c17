/// <reference lib="dom" />
/**
 * The Padlock Zendesk app (ticket sidebar): connects to Zendesk over ZAF, reads the installation
 * settings, and shows either the sign-in view or the signed-in views (send files, files on this
 * ticket). A chunk of `dist/agent/assets/`, imported by the entry `app.js` (`boot.ts`) once
 * its hash is checked.
 *
 * @module
 */
import { ApiError, SendSafelyClient } from "../src/api.ts";
import { CryptoPool } from "../src/worker_pool.ts";
import { initZaf, type ZafClient, type ZafMetadata } from "../src/zaf.ts";
import { CredentialStore, type StoredCredentials } from "./credentials.ts";
import { h, icon, replaceChildren } from "../ui/dom.ts";
import { LOCK } from "./icons.ts";
import { FilesView } from "./files_view.ts";
import { describeServiceError } from "./messages.ts";
import { installAttachmentGuard } from "./save_hook.ts";
import { SendView } from "./send_view.ts";
import { type AppSettings, readSettings, roleAllowed } from "./settings.ts";
import { SignInView } from "./signin_view.ts";
import { scanTicket } from "./ticket_scan.ts";
import { requestedLinks, requestFilesView } from "./request_files.ts";
import { t, useLocale } from "./strings.ts";
import { pinRegistry } from "../src/_pinned.ts";

// The hashes of every file the app can load from here (its workers, OpenPGP.js's chunks),
// written by the build; app.js (agent/boot.ts) pinned this chunk, so its hash covers them.
pinRegistry()?.add("__PADLOCK_PINS__", import.meta.url);

/** Events after which the ticket's links are read again. */
const RESCAN_EVENTS = [
  "ticket.updated",
  "ticket.comments.changed",
  "app.activated",
  // The people who would receive files changed.
  "ticket.collaborators.changed",
  "ticket.assignee.changed",
];

/** Tells Zendesk the app's height whenever the content changes size. */
function keepSized(zaf: ZafClient, root: HTMLElement): () => void {
  let sent = -1;
  let scheduled = false;
  const measure = () => {
    scheduled = false;
    const height = Math.ceil(root.getBoundingClientRect().height);
    if (height === sent) return;
    sent = height;
    zaf.invoke("resize", { width: "100%", height: `${height}px` }).catch(() => {});
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(measure);
  };
  new ResizeObserver(schedule).observe(root);
  return schedule;
}

/** Shows a message in place of the app (not in Zendesk, settings missing…). */
function showProblem(root: HTMLElement, message: string): void {
  replaceChildren(
    root,
    h("p", { class: "message error", attrs: { "data-role": "problem" } }, message),
  );
}

/** The app once connected and configured. */
class App {
  readonly #zaf: ZafClient;
  readonly #root: HTMLElement;
  readonly #settings: AppSettings;
  readonly #store: CredentialStore;
  readonly #resized: () => void;
  #signIn: SignInView | undefined;
  #files: FilesView | undefined;
  #send: SendView | undefined;
  #client: SendSafelyClient | undefined;
  /** Workers that encrypt and decrypt parts (`crypto_worker.js` beside this script). */
  readonly #pool = new CryptoPool({ workerUrl: new URL("crypto_worker.js", import.meta.url) });
  #scanning = false;
  #scanAgain = false;

  constructor(
    zaf: ZafClient,
    root: HTMLElement,
    settings: AppSettings,
    store: CredentialStore,
    resized: () => void,
  ) {
    this.#zaf = zaf;
    this.#root = root;
    this.#settings = settings;
    this.#store = store;
    this.#resized = resized;
    for (const event of RESCAN_EVENTS) zaf.on(event, () => void this.rescan());
    zaf.on("ticket.submit.done", () => this.#send?.replySent());
  }

  /** Shows the view for the stored credentials (signed in or not). */
  render(notice?: string): void {
    this.#signIn?.destroy();
    this.#signIn = undefined;
    this.#files = undefined;
    this.#send = undefined;
    const credentials = this.#store.load();
    if (!credentials) {
      this.#signIn = new SignInView({
        serviceUrl: this.#settings.serviceUrl,
        notice,
        onChange: this.#resized,
        onSignedIn: (paired) => {
          this.#store.save(paired);
          this.render();
        },
      });
      replaceChildren(this.#root, this.#signIn.element);
      this.#resized();
      return;
    }
    const client = new SendSafelyClient({
      host: this.#settings.serviceUrl,
      credentials: { apiKey: credentials.apiKey, apiSecret: credentials.apiSecret },
    });
    const send = new SendView({
      zaf: this.#zaf,
      client,
      requireAuthDefault: this.#settings.requireAuthDefault,
      allAgents: this.#settings.allAgentsAsRecipients,
      hyperlink: this.#settings.insertHyperlink,
      onChange: this.#resized,
      pool: this.#pool,
    });
    this.#send = send;
    this.#files = new FilesView({ client, onChange: this.#resized, pool: this.#pool });
    this.#client = client;
    replaceChildren(
      this.#root,
      this.#account(credentials),
      send.element,
      requestFilesView(this.#zaf, client),
      this.#files.element,
    );
    this.#resized();
    void this.rescan();
    void this.#verify(client, credentials);
  }

  #account(credentials: StoredCredentials): HTMLElement {
    const signOut = h(
      "button",
      { class: "button-link", attrs: { type: "button", "data-role": "sign-out" } },
      t("app.signOut"),
    );
    signOut.addEventListener("click", () => {
      this.#store.forget();
      this.render();
    });
    return h(
      "div",
      { class: "account" },
      icon(LOCK, "icon lock"),
      h(
        "span",
        { class: "muted", attrs: { "data-role": "account" } },
        credentials.email ? t("app.signedInAs", { email: credentials.email }) : t("app.signedIn"),
      ),
      signOut,
    );
  }

  /** Checks the stored key still works; a revoked key signs the agent out with a notice. */
  async #verify(client: SendSafelyClient, credentials: StoredCredentials): Promise<void> {
    try {
      const email = await client.verifyCredentials();
      if (email && email !== credentials.email) this.#store.save({ ...credentials, email });
    } catch (error) {
      if (error instanceof ApiError && error.code === "AUTHENTICATION_FAILED") {
        this.#store.forget();
        this.render(t("app.revoked"));
      }
    }
  }

  /** Reads the ticket's links again; calls during a scan make one more scan afterwards. */
  async rescan(): Promise<void> {
    if (!this.#files) return;
    if (this.#scanning) {
      this.#scanAgain = true;
      return;
    }
    this.#scanning = true;
    try {
      do {
        this.#scanAgain = false;
        const files: FilesView | undefined = this.#files;
        try {
          const uploadKeys = new Map<string, string>();
          const links = await scanTicket(this.#zaf, uploadKeys);
          const requested = await requestedLinks(this.#zaf, this.#client!, uploadKeys);
          if (files === this.#files) files?.update([...links, ...requested]);
          this.#send?.linksInTicket(links.map((link) => link.url));
          void this.#send?.refreshRecipients();
        } catch (error) {
          files?.showError(t("app.ticketUnreadable", { reason: describeServiceError(error) }));
        }
      } while (this.#scanAgain && this.#files);
    } finally {
      this.#scanning = false;
    }
  }
}

async function main(): Promise<void> {
  const root = document.getElementById("app");
  if (!root) return;
  let zaf: ZafClient;
  try {
    zaf = initZaf();
  } catch (error) {
    showProblem(root, error instanceof Error ? error.message : String(error));
    return;
  }
  const resized = keepSized(zaf, root);
  let user: { role?: string; locale?: string } | undefined;
  try {
    user = await zaf.getValue("currentUser");
  } catch {
    user = undefined;
  }
  // The agent's Zendesk language, before anything is shown.
  await useLocale(user?.locale);
  let metadata: ZafMetadata;
  let settings: AppSettings;
  try {
    metadata = await zaf.metadata();
    settings = readSettings(metadata.settings);
  } catch (error) {
    showProblem(root, error instanceof Error ? error.message : String(error));
    resized();
    return;
  }
  if (settings.blockUnencryptedAttachments) installAttachmentGuard(zaf);
  if (!roleAllowed(user?.role, settings.allowedRoles)) {
    replaceChildren(
      root,
      h(
        "p",
        { class: "muted", attrs: { "data-role": "role-denied" } },
        t("app.roleDenied"),
      ),
    );
    resized();
    return;
  }
  const store = new CredentialStore(localStorage, settings.serviceUrl, metadata.installationId);
  new App(zaf, root, settings, store, resized).render();
}

void main();
