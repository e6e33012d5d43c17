/**
 * File request routes: an agent makes an upload link for a ticket; the upload page tags the
 * package it builds with that ticket; the agent app lists a ticket's packages to the agents of
 * their dropzones.
 *
 * @module
 */
import { type ApiContext, type ApiRoute, now } from "../context.ts";
import { ServiceError } from "../http.ts";
import { integerField, stringField } from "../input.ts";
import { PACKAGE_ID_PATTERN } from "../packages/access.ts";
import { packageSummaryView, secureLink } from "../packages/views.ts";
import { UploadRequestRepository } from "./repository.ts";
import { matchLocale } from "../../ui/i18n.ts";

/** A Zendesk ticket id. */
export const TICKET_ID_PATTERN = /^[0-9]{1,20}$/;

/** What a token in an upload link looks like (43 URL-safe characters, 256 bits). */
export const UPLOAD_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** How long an upload link works unless the agent asks otherwise. */
export const DEFAULT_REQUEST_DAYS = 7;

const DAY_MS = 86_400_000;

/** The path of the upload page, followed by the token. */
export const UPLOAD_PATH = "/upload/";

function requests(context: ApiContext): UploadRequestRepository {
  return new UploadRequestRepository(context.services.db);
}

function ticketIdOf(value: unknown): string {
  const ticketId = typeof value === "number" ? String(value) : value;
  if (typeof ticketId !== "string" || !TICKET_ID_PATTERN.test(ticketId)) {
    throw new ServiceError("INVALID_INPUT", "ticketId must be a Zendesk ticket number.");
  }
  return ticketId;
}

async function createRequest(context: ApiContext): Promise<Record<string, unknown>> {
  const { caller, services, body } = context;
  if (caller.kind !== "user") throw new ServiceError("PERMISSION_DENIED", "Sign in first.");
  const ticketId = ticketIdOf(body.ticketId);
  const days = integerField(body, "days", { min: 1, max: 30, fallback: DEFAULT_REQUEST_DAYS });
  let dropzoneId = body.dropzoneId === undefined || body.dropzoneId === ""
    ? undefined
    : stringField(body, "dropzoneId", { maxLength: 128 });
  if (dropzoneId === undefined) {
    // The agent's dropzone: the first one the agent owns or is allowed on.
    for (const dropzone of await services.accounts.listDropzones()) {
      if (dropzone.ownerId === caller.user.id || dropzone.allowedUserIds.includes(caller.user.id)) {
        dropzoneId = dropzone.dropzoneId;
        break;
      }
    }
    if (dropzoneId === undefined) {
      throw new ServiceError(
        "PERMISSION_DENIED",
        "You are on no dropzone: ask an administrator to add you to one to request files.",
      );
    }
  } else if (!(await services.accounts.mayReadDropzone(dropzoneId, caller.user.id))) {
    throw new ServiceError("PERMISSION_DENIED", "You are not an agent of this dropzone.");
  }
  // The agent's Zendesk language, for the ticket's note and mails about its uploads.
  const locale = typeof body.locale === "string" ? matchLocale(body.locale) : undefined;
  const { request, token } = await requests(context).create(
    { dropzoneId, ticketId, createdBy: caller.user.id, ...(locale ? { locale } : {}) },
    now(context),
    days * DAY_MS,
  );
  return {
    requestId: request.id,
    uploadUrl: new URL(UPLOAD_PATH + token, services.publicUrl).href,
    expiration: new Date(request.expiresAt).toISOString(),
  };
}

async function tagPackage(context: ApiContext): Promise<Record<string, unknown>> {
  const { caller, body } = context;
  if (caller.kind !== "dropzone") throw new ServiceError("PERMISSION_DENIED", "Not a dropzone.");
  const token = typeof body.token === "string" ? body.token : "";
  const request = UPLOAD_TOKEN_PATTERN.test(token)
    ? await requests(context).findByToken(token, now(context))
    : undefined;
  if (!request || request.dropzoneId !== caller.dropzone.dropzoneId) {
    throw new ServiceError("PERMISSION_DENIED", "This upload link is unknown or has expired.");
  }
  if (!(await requests(context).tagPackage(request, context.params.packageId))) {
    throw new ServiceError(
      "INVALID_INPUT",
      "Only a package being built in this dropzone, not yet tagged, can be tagged.",
    );
  }
  context.log.packageId = context.params.packageId;
  return { message: "Package tagged", ticketId: request.ticketId };
}

async function listTicketPackages(context: ApiContext): Promise<Record<string, unknown>> {
  const { caller, services } = context;
  if (caller.kind !== "user") throw new ServiceError("PERMISSION_DENIED", "Sign in first.");
  const ticketId = ticketIdOf(context.params.ticketId);
  const packages = [];
  const allowed = new Map<string, boolean>();
  for (const row of await requests(context).listTicketPackages(ticketId, now(context))) {
    // Listed to the agents of the package's dropzone only; others see none of them.
    if (!allowed.has(row.dropzoneId)) {
      allowed.set(
        row.dropzoneId,
        await services.accounts.mayReadDropzone(row.dropzoneId, caller.user.id),
      );
    }
    if (!allowed.get(row.dropzoneId)) continue;
    const record = await services.packages.findById(row.packageId);
    if (!record) continue;
    packages.push({
      ...await packageSummaryView(services, record),
      requestId: row.requestId,
      // The Secure Link without its keyCode, which the agent app has from the upload link.
      url: secureLink(services, record),
      expiration: record.expiresAt === undefined ? "" : new Date(record.expiresAt).toISOString(),
    });
  }
  return { ticketId, packages };
}

/** The file request routes. */
export const uploadRequestRoutes: readonly ApiRoute[] = [
  { method: "PUT", pattern: "/upload-request/", callers: ["user"], handler: createRequest },
  {
    method: "POST",
    pattern: "/upload-request/package/:packageId/",
    callers: ["dropzone"],
    paramPatterns: { packageId: PACKAGE_ID_PATTERN },
    handler: tagPackage,
  },
  {
    method: "GET",
    pattern: "/ticket/:ticketId/packages/",
    callers: ["user"],
    paramPatterns: { ticketId: TICKET_ID_PATTERN },
    handler: listTicketPackages,
  },
];
