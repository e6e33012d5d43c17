/**
 * The account page's dropzone settings: each dropzone the agent owns gets a form (allowed
 * extensions, largest file, package life, Sender Domain Access, a mail on each upload), posted to
 * `POST /account/dropzones/settings`. A value that is not acceptable is named in the page's
 * language and the form keeps what was typed; only the owner may change a dropzone.
 *
 * @module
 */
import type { User } from "../accounts/accounts.ts";
import type { Dropzone } from "../dropzones/repository.ts";
import {
  DropzoneSettingsError,
  parseExtensions,
  parseFileSize,
  parseLifeDays,
} from "../dropzones/settings.ts";
import { csrfTokenOf, type Portal, type PortalRequest } from "./context.ts";
import { type Html, html } from "./html.ts";
import type { PageKey } from "../../portal/page_messages.ts";
import type { Translate } from "../../ui/i18n.ts";

/** A settings form posted back with a refused value: what was typed, and which field failed. */
export interface DropzoneFormState {
  dropzoneId: string;
  values: {
    extensions: string;
    maxFileSize: string;
    lifeDays: string;
    senderDomainAccess: boolean;
    notifyUploads: boolean;
  };
  error?: PageKey;
  saved?: boolean;
}

/** The dropzones `user` owns, oldest first. */
export async function ownedDropzones(portal: Portal, user: User): Promise<Dropzone[]> {
  return (await portal.services.accounts.listDropzones()).filter((dropzone) =>
    dropzone.ownerId === user.id
  );
}

function formValues(dropzone: Dropzone): DropzoneFormState["values"] {
  const { allowedExtensions, maxFileBytes, lifeDays, senderDomainAccess, notifyUploads } =
    dropzone.settings;
  return {
    extensions: allowedExtensions.join(", "),
    maxFileSize: maxFileBytes === undefined ? "" : formatBytes(maxFileBytes),
    lifeDays: lifeDays === undefined ? "" : String(lifeDays),
    senderDomainAccess,
    notifyUploads: notifyUploads === true,
  };
}

/** Bytes as the form shows them, in the largest unit that keeps them whole (`25 MB`). */
function formatBytes(bytes: number): string {
  for (const [unit, size] of [["GB", 1e9], ["MB", 1e6], ["KB", 1e3]] as const) {
    if (bytes % size === 0) return `${bytes / size} ${unit}`;
  }
  return `${bytes} B`;
}

/** The account page's section of dropzone settings; empty when the agent owns none. */
export function dropzoneSection(
  portal: Portal,
  request: PortalRequest,
  t: Translate,
  dropzones: Dropzone[],
  state?: DropzoneFormState,
): Html | "" {
  if (dropzones.length === 0) return "";
  const forms = dropzones.map((dropzone) => {
    const id = dropzone.dropzoneId;
    const mine = state?.dropzoneId === id ? state : undefined;
    const values = mine?.values ?? formValues(dropzone);
    const field = (name: string) => `dz-${id}-${name}`;
    return html`
      <form method="post" action="/account/dropzones/settings" class="dropzone-settings"
        data-role="dropzone-settings" data-dropzone="${id}">
        <input type="hidden" name="csrf" value="${csrfTokenOf(portal, request)}">
        <input type="hidden" name="dropzoneId" value="${id}">
        <h3>${t("page.dropzones.name", { id })}</h3>
        ${mine?.error
          ? html`<div class="alert error" role="alert" data-role="alert">${t(mine.error)}</div>`
          : mine?.saved
          ? html`<div class="alert success" role="alert" data-role="alert">${
            t("page.dropzones.saved")
          }</div>`
          : ""}
        <div class="field"><label for="${field("extensions")}">${t(
          "page.dropzones.extensions",
        )}</label>
        <p class="hint small">${t("page.dropzones.extensionsHint")}</p>
        <input id="${field("extensions")}" name="extensions" type="text" value="${values
          .extensions}"></div>
        <div class="field"><label for="${field("size")}">${t("page.dropzones.maxFileSize")}</label>
        <p class="hint small">${t("page.dropzones.maxFileSizeHint")}</p>
        <input id="${field("size")}" name="maxFileSize" type="text" value="${values
          .maxFileSize}"></div>
        <div class="field"><label for="${field("life")}">${t("page.dropzones.lifeDays")}</label>
        <p class="hint small">${t("page.dropzones.lifeDaysHint")}</p>
        <input id="${field("life")}" name="lifeDays" type="text" inputmode="numeric" value="${values
          .lifeDays}"></div>
        <label class="check"><input type="checkbox" name="senderDomainAccess" value="on"${values
            .senderDomainAccess
          ? html`
            checked
          `
          : ""}> ${t("page.dropzones.senderDomainAccess")}</label>
        <label class="check"><input type="checkbox" name="notifyUploads" value="on"${values
            .notifyUploads
          ? html`
            checked
          `
          : ""}> ${t("page.dropzones.notifyUploads")}</label>
        <div class="actions"><button class="button primary" type="submit">${t(
          "page.dropzones.save",
        )}</button></div>
      </form>
    `;
  });
  return html`<h2>${t("page.dropzones.heading")}</h2>
<p class="muted">${t("page.dropzones.intro")}</p>
${forms}`;
}

/**
 * Applies a posted settings form to a dropzone the agent owns.
 *
 * @returns the form's state to show: saved, or the field refused (nothing changed then);
 *   `undefined` when the agent owns no such dropzone.
 */
export async function saveDropzoneSettings(
  portal: Portal,
  user: User,
  form: Record<string, string>,
): Promise<DropzoneFormState | undefined> {
  const dropzoneId = form.dropzoneId ?? "";
  const dropzone = (await ownedDropzones(portal, user)).find((found) =>
    found.dropzoneId === dropzoneId
  );
  if (!dropzone) return undefined;
  const values = {
    extensions: form.extensions ?? "",
    maxFileSize: form.maxFileSize ?? "",
    lifeDays: form.lifeDays ?? "",
    senderDomainAccess: form.senderDomainAccess === "on",
    notifyUploads: form.notifyUploads === "on",
  };
  const state: DropzoneFormState = { dropzoneId, values };
  const parsers: [PageKey, () => unknown][] = [
    ["page.dropzones.badExtensions", () => parseExtensions(values.extensions)],
    ["page.dropzones.badSize", () => parseFileSize(values.maxFileSize)],
    ["page.dropzones.badLife", () => parseLifeDays(values.lifeDays)],
  ];
  for (const [error, parse] of parsers) {
    try {
      parse();
    } catch (cause) {
      if (!(cause instanceof DropzoneSettingsError)) throw cause;
      return { ...state, error };
    }
  }
  await portal.services.accounts.setDropzoneSettings(dropzoneId, {
    allowedExtensions: parseExtensions(values.extensions),
    maxFileBytes: parseFileSize(values.maxFileSize),
    lifeDays: parseLifeDays(values.lifeDays),
    senderDomainAccess: values.senderDomainAccess,
    notifyUploads: values.notifyUploads,
  });
  const saved = await portal.services.accounts.findDropzone(dropzoneId);
  return { dropzoneId, values: formValues(saved!), saved: true };
}
