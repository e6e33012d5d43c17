/// <reference lib="dom" />
/**
 * The upload page of a file request: the customer chooses or drops files, which are encrypted
 * in this browser (in the portal's pinned worker pool) with the keyCode of the link's fragment,
 * into a package of the request's dropzone that the service tags with the ticket. The agents of
 * that dropzone see it in the ticket's sidebar; the keyCode never leaves the browser.
 *
 * @module
 */
import { SendSafelyClient } from "../src/api.ts";
import { createPackage, finalizePackage, uploadFile } from "../src/upload.ts";
import { h, replaceChildren } from "../ui/dom.ts";
import { decryptionPool } from "./save.ts";
import { showState } from "./state_view.ts";
import { size, t } from "./strings.ts";
import { type FileRules, refuseFile } from "../src/dropzone_rules.ts";

const KEY_PATTERN = /^[A-Za-z0-9_-]{20,128}$/;

/** Runs the upload page in `card`. */
export function startUploadPage(card: HTMLElement): void {
  const root = card.querySelector<HTMLElement>('[data-role="upload"]');
  const dropzoneId = root?.dataset.dropzone ?? "";
  const token = location.pathname.split("/").pop() ?? "";
  const keyCode = new URLSearchParams(location.hash.slice(1)).get("keyCode") ?? "";
  if (!root || !KEY_PATTERN.test(keyCode)) {
    showState(card, {
      state: "bad-link",
      error: true,
      title: t("upload.goneTitle"),
      message: t("upload.badLink"),
    });
    return;
  }
  // The dropzone's rules, from the page (the service refuses another file all the same).
  const rules: FileRules = {
    allowedExtensions: (root.dataset.extensions ?? "").split(",").filter(Boolean),
    maxFileBytes: Number(root.dataset.maxFileBytes) || undefined,
  };
  const chosen: File[] = [];
  const refused: { name: string; reason: string }[] = [];
  const list = h("ul", { class: "files", attrs: { "data-role": "chosen" } });
  const status = h("p", {
    class: "muted",
    attrs: { "data-role": "status", "aria-live": "polite" },
  });
  const input = h("input", {
    attrs: { type: "file", multiple: "", "data-role": "file-input", id: "upload-files" },
    on: { change: () => add([...(input.files ?? [])]) },
  });
  const send = h("button", {
    class: "button primary",
    attrs: { type: "button", "data-role": "send", disabled: "" },
    on: { click: () => void submit() },
  }, t("upload.send"));
  const area = h(
    "div",
    { class: "dropzone", attrs: { "data-role": "drop-area" } },
    h("label", { attrs: { for: "upload-files" } }, t("upload.choose")),
    input,
  );
  area.addEventListener("dragover", (event) => event.preventDefault());
  area.addEventListener("drop", (event) => {
    event.preventDefault();
    add([...(event.dataTransfer?.files ?? [])]);
  });
  root.append(area, list, h("div", { class: "actions" }, send), status);

  function add(files: File[]): void {
    for (const file of files) {
      // Refused at once, with the reason, by the check the Help Center widget makes: a rule
      // does not change by trying again, so such a file is listed without any way to retry.
      const refusal = refuseFile(rules, file.name, file.size);
      if (refusal?.kind === "extension") {
        const extensions = refusal.allowed.map((extension) => `.${extension}`)
          .join(t("upload.listSeparator"));
        refused.push({ name: file.name, reason: t("upload.refusedExtension", { extensions }) });
      } else if (refusal?.kind === "size") {
        refused.push({
          name: file.name,
          reason: t("upload.refusedSize", { size: size(refusal.maxFileBytes) }),
        });
      } else chosen.push(file);
    }
    replaceChildren(
      list,
      ...chosen.map((file) =>
        h(
          "li",
          { class: "file", attrs: { "data-status": "chosen" } },
          h("span", { class: "file-name" }, file.name),
        )
      ),
      ...refused.map(({ name, reason }) =>
        h(
          "li",
          { class: "file", attrs: { "data-status": "refused", "data-state": "error" } },
          h("span", { class: "file-name" }, name),
          h("span", { class: "file-status", attrs: { "data-role": "refusal" } }, reason),
        )
      ),
    );
    if (chosen.length > 0) send.removeAttribute("disabled");
  }

  async function submit(): Promise<void> {
    send.setAttribute("disabled", "");
    input.setAttribute("disabled", "");
    status.textContent = t("upload.sending");
    try {
      const client = new SendSafelyClient({ host: location.origin, credentials: { dropzoneId } });
      // The request's keyCode, not a new one: the agent who made the link holds it.
      const pkg = { ...await createPackage(client), keyCode };
      await client.request("POST", `/upload-request/package/${pkg.packageId}/`, { token });
      const pool = decryptionPool();
      for (const file of chosen) {
        await uploadFile(client, pkg, file, {
          name: file.name,
          encrypt: pool.encrypt,
          concurrency: pool.concurrency,
        });
      }
      await finalizePackage(client, pkg, { undisclosed: false });
      showState(card, { state: "sent", title: t("upload.sentTitle"), message: t("upload.sent") });
    } catch {
      status.textContent = t("upload.failed");
      send.removeAttribute("disabled");
      input.removeAttribute("disabled");
    }
  }
}
