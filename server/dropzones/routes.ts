/**
 * Dropzone routes: `GET /dropzone/rules/` tells an uploader (the Help Center widget, signed with
 * the dropzone id) which files its dropzone takes, so that it refuses another file before
 * encrypting it. The service refuses such a file all the same (`files/routes.ts`).
 *
 * @module
 */
import type { ApiContext, ApiRoute } from "../context.ts";
import { ServiceError } from "../http.ts";

function dropzoneRules(context: ApiContext): Record<string, unknown> {
  const { caller } = context;
  if (caller.kind !== "dropzone") {
    throw new ServiceError("PERMISSION_DENIED", "Sign the request with a dropzone id.");
  }
  const { allowedExtensions, maxFileBytes } = caller.dropzone.settings;
  return {
    allowedExtensions,
    // The smaller of the dropzone's limit and the service's.
    maxFileBytes: Math.min(maxFileBytes ?? Infinity, context.services.config.maxFileBytes),
  };
}

/** The dropzone routes. */
export const dropzoneRoutes: readonly ApiRoute[] = [
  { method: "GET", pattern: "/dropzone/rules/", callers: ["dropzone"], handler: dropzoneRules },
];
