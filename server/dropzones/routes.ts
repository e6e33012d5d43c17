/**
 * Dropzone routes: `GET /dropzone/rules/` tells an uploader (the Help Center widget, signed with
 * the dropzone id) which files its dropzone takes, so that it refuses another file before
 * encrypting it. The service refuses such a file all the same (`files/routes.ts`).
 *
 * @module
 */
import type { ApiContext, ApiRoute } from "../context.ts";
import { ServiceError } from "../http.ts";
import type { Dropzone } from "./repository.ts";
import type { FileRules } from "./settings.ts";

function dropzoneRules(context: ApiContext): Record<string, unknown> {
  const { caller } = context;
  if (caller.kind !== "dropzone") {
    throw new ServiceError("PERMISSION_DENIED", "Sign the request with a dropzone id.");
  }
  return { ...fileRulesOf(caller.dropzone, context.services.config.maxFileBytes) };
}

/**
 * The rules a dropzone's uploaders check a file against (the Help Center widget reads them from
 * `GET /dropzone/rules/`, the upload page of a file request gets them in its HTML).
 */
export function fileRulesOf(
  dropzone: Dropzone,
  serviceMaxFileBytes: number,
): Required<FileRules> {
  const { allowedExtensions, maxFileBytes } = dropzone.settings;
  // The smaller of the dropzone's limit and the service's.
  return {
    allowedExtensions,
    maxFileBytes: Math.min(maxFileBytes ?? Infinity, serviceMaxFileBytes),
  };
}

/** The dropzone routes. */
export const dropzoneRoutes: readonly ApiRoute[] = [
  { method: "GET", pattern: "/dropzone/rules/", callers: ["dropzone"], handler: dropzoneRules },
];
