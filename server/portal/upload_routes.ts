/**
 * The upload page of a file request (`/upload/<token>#keyCode=…`): a customer drops files there,
 * which the page's script encrypts with the keyCode of the fragment into a package of the
 * request's dropzone, tagged with its ticket. An unknown or expired link gets a page that says so.
 *
 * @module
 */
import { html } from "./html.ts";
import type { Portal, PortalRequest } from "./context.ts";
import { messagePage, page, wordsFor } from "./respond.ts";
import { UploadRequestRepository } from "../upload_requests/repository.ts";
import { UPLOAD_PATH, UPLOAD_TOKEN_PATTERN } from "../upload_requests/routes.ts";
import { fileRulesOf } from "../dropzones/routes.ts";

/** Tells whether a path is an upload page's. */
export function isUploadPath(path: string): boolean {
  return path.startsWith(UPLOAD_PATH);
}

/** `GET /upload/<token>`: the page, or a page saying the link no longer works. */
export async function showUpload(portal: Portal, request: PortalRequest): Promise<Response> {
  const t = wordsFor(request);
  const token = request.url.pathname.slice(UPLOAD_PATH.length);
  const found = UPLOAD_TOKEN_PATTERN.test(token)
    ? await new UploadRequestRepository(portal.services.db).findByToken(
      token,
      portal.services.config.now(),
    )
    : undefined;
  if (!found) {
    return messagePage(portal, request, {
      title: t("upload.goneTitle"),
      message: t("upload.gone"),
      tone: "error",
      status: 404,
    });
  }
  // What the dropzone takes, for the page to refuse another file at once (the service refuses it
  // all the same).
  const dropzone = await portal.services.accounts.findDropzone(found.dropzoneId);
  const rules = dropzone
    ? fileRulesOf(dropzone, portal.services.config.maxFileBytes)
    : { allowedExtensions: [], maxFileBytes: portal.services.config.maxFileBytes };
  // The dropzone id is public (the Help Center pages carry theirs); the token tags the package.
  return page(portal, request, {
    title: t("upload.title"),
    script: "upload",
    body: html`
      <div data-role="upload" data-dropzone="${found.dropzoneId}" data-extensions="${rules
        .allowedExtensions.join(",")}"
        data-max-file-bytes="${rules.maxFileBytes}">
        <h1>${t("upload.title")}</h1>
        <p class="muted">${t("upload.intro")}</p>
      </div>
      <noscript><div class="alert">${t("upload.noscript")}</div></noscript>
    `,
  });
}
