/**
 * Package routes: create, read (by packageId or packageCode), lists, change life,
 * delete, the encrypted message, and finalize.
 *
 * @module
 */
import { type ApiContext, type ApiRoute, now } from "../context.ts";
import { recordActivity } from "../activity/record.ts";
import { announceUpload } from "../notices/announce.ts";
import { ServiceError } from "../http.ts";
import { booleanField, CHECKSUM_PATTERN, integerField, stringField } from "../input.ts";
import { isEmail, normaliseEmail } from "../accounts/emails.ts";
import {
  isBuilder,
  loadPackage,
  loadPackageByIdOrCode,
  mayManage,
  requireBuilder,
  requireChecksum,
  requireManager,
  requireReader,
  requireUnfinalized,
} from "./access.ts";
import { recordDirectParts } from "../parts/direct.ts";
import { expiryOf, type PackageRecord } from "./repository.ts";
import { packageSummaryView, packageView, recipientView, secureLink } from "./views.ts";

/** Packages per page of the package lists. */
const PAGE_SIZE = 20;

function lifeBounds(context: ApiContext): { min: number; max: number } {
  const { maxPackageLifeDays } = context.services.config;
  // With a maximum set, life 0 ("never expire") would escape it, so it is refused.
  return maxPackageLifeDays === 0 ? { min: 0, max: 3650 } : { min: 1, max: maxPackageLifeDays };
}

async function createPackage(context: ApiContext): Promise<Record<string, unknown>> {
  const vdr = context.body.vdr;
  if (vdr === true || vdr === "true") {
    throw new ServiceError("INVALID_INPUT", "Workspaces (vdr) are not supported by this service.");
  }
  const { caller, services } = context;
  const owner = caller.kind === "user"
    ? { senderId: caller.user.id }
    : caller.kind === "dropzone"
    ? { dropzoneId: caller.dropzone.dropzoneId }
    : {};
  // A dropzone's own package life, within the service's maximum.
  const dropzoneLife = caller.kind === "dropzone" ? caller.dropzone.settings.lifeDays : undefined;
  const record = await services.packages.create(
    owner,
    dropzoneLife === undefined
      ? services.config.defaultPackageLifeDays
      : Math.min(dropzoneLife, lifeBounds(context).max),
    now(context),
  );
  context.log.packageId = record.id;
  return {
    packageId: record.id,
    packageCode: record.code,
    serverSecret: record.serverSecret,
    rootDirectoryId: "",
  };
}

async function getPackage(context: ApiContext): Promise<Record<string, unknown>> {
  const { record, byCode } = await loadPackageByIdOrCode(context, context.params.packageIdOrCode);
  if (context.caller.kind === "session" && !byCode) {
    throw new ServiceError(
      "AUTHENTICATION_FAILED",
      "Open a package by the packageCode of its link, or sign the request with an API key.",
    );
  }
  // The SDK's downloadFile reads the package by id before presenting the checksum (spec 2.8),
  // so agents (who hold an API key) may name an undisclosed package by id; anonymous callers
  // must name it by the packageCode of its link.
  await requireReader(context, record, byCode || context.caller.kind === "user");
  const manages = await mayManage(context, record);
  // Opened by a recipient or a link holder (not the sidebar of its sender or dropzone agents).
  if (!manages && record.finalizedAt !== undefined) await recordActivity(context, record, "opened");
  // Padlock's own field (SendSafely clients ignore it): the agent app offers Extend and Delete.
  return {
    ...await packageView(context.services, record),
    padlockManage: manages,
  };
}

function listPackages(kind: "sent" | "received") {
  return async (context: ApiContext): Promise<Record<string, unknown>> => {
    const { caller, services } = context;
    if (caller.kind !== "user") {
      throw new ServiceError("PERMISSION_DENIED", "Sign in to list packages.");
    }
    const rowIndex = integerField(
      Object.fromEntries(new URL(context.req.url).searchParams),
      "rowIndex",
      { min: 0, max: 1_000_000, fallback: 0 },
    );
    const records = kind === "sent"
      ? await services.packages.listBySender(caller.user.id, now(context), rowIndex, PAGE_SIZE + 1)
      : await services.packages.listReceived(
        caller.user.email,
        now(context),
        rowIndex,
        PAGE_SIZE + 1,
      );
    const packages = [];
    for (const record of records.slice(0, PAGE_SIZE)) {
      packages.push(await packageSummaryView(services, record));
    }
    return {
      packages,
      rowIndex,
      capped: records.length > PAGE_SIZE,
    };
  };
}

async function updatePackage(context: ApiContext): Promise<Record<string, unknown>> {
  const record = await loadPackage(context, context.params.packageId);
  if (!isBuilder(context, record)) await requireManager(context, record);
  const life = integerField(context.body, "life", {
    ...lifeBounds(context),
    fallback: record.lifeDays,
  });
  const since = record.finalizedAt ?? record.createdAt;
  await context.services.packages.updateLife(record.id, life, expiryOf(since, life));
  return { message: "Package updated", life };
}

async function deletePackage(context: ApiContext): Promise<Record<string, unknown>> {
  const record = await loadPackage(context, context.params.packageId);
  if (!isBuilder(context, record)) await requireManager(context, record);
  // Parts first: if this stops half-way the metadata still points at what remains.
  await context.services.store.deletePackage(record.id);
  await context.services.packages.delete(record.id);
  return { message: "Package deleted" };
}

async function putMessage(context: ApiContext): Promise<Record<string, unknown>> {
  const record = await loadPackage(context, context.params.packageId);
  requireBuilder(context, record);
  requireUnfinalized(record);
  const message = stringField(context.body, "message", {
    maxLength: context.services.config.maxMessageChars,
  });
  if (!/^[A-Za-z0-9+/=\s_-]*$/.test(message)) {
    throw new ServiceError(
      "INVALID_INPUT",
      "The message must be base64 (an encrypted OpenPGP message).",
    );
  }
  await context.services.packages.setMessage(record.id, message);
  return { message: "Message saved" };
}

async function getMessage(context: ApiContext): Promise<Record<string, unknown>> {
  const record = await loadPackage(context, context.params.packageId);
  requireChecksum(record, context.params.checksum);
  await requireReader(context, record, true);
  return { message: record.message ?? "" };
}

async function finalizeResponse(
  context: ApiContext,
  record: PackageRecord,
): Promise<Record<string, unknown>> {
  return {
    message: secureLink(context.services, record),
    recipients: (await context.services.recipients.list(record.id)).map(recipientView),
    approvers: [],
    needsLink: true,
  };
}

async function finalizePackage(context: ApiContext): Promise<Record<string, unknown>> {
  const { services, body } = context;
  const record = await loadPackage(context, context.params.packageId);
  const checksum = stringField(body, "checksum", { maxLength: 64 }).toLowerCase();
  if (!CHECKSUM_PATTERN.test(checksum)) {
    throw new ServiceError("INVALID_INPUT", "The checksum must be 64 hexadecimal characters.");
  }
  if (
    record.finalizedAt !== undefined && context.caller.kind === "user" &&
    record.senderId === context.caller.user.id
  ) {
    // A retried finalize (the first answer was lost) gets the same answer; a different
    // checksum is refused.
    requireChecksum(record, checksum);
    return await finalizeResponse(context, record);
  }
  requireBuilder(context, record);
  requireUnfinalized(record);
  const undisclosed = booleanField(body, "undisclosedRecipients", false);
  booleanField(body, "notifyRecipients", false);
  if (typeof body.password === "string" && body.password !== "") {
    throw new ServiceError("INVALID_INPUT", "Package passwords are not supported by this service.");
  }
  if (undisclosed && !services.config.allowUndisclosedRecipients) {
    throw new ServiceError(
      "PERMISSION_DENIED",
      "Packages without named recipients are not allowed here.",
    );
  }
  if (
    !undisclosed && record.dropzoneId === undefined &&
    await services.recipients.count(record.id) === 0
  ) {
    throw new ServiceError(
      "INVALID_INPUT",
      "Add a recipient, or finalize with undisclosedRecipients for a link anyone can open.",
    );
  }
  let unconfirmedSender: string | undefined;
  if (body.unconfirmedSender !== undefined && body.unconfirmedSender !== "") {
    if (!isEmail(body.unconfirmedSender)) {
      throw new ServiceError("INVALID_INPUT", "unconfirmedSender must be an email address.");
    }
    unconfirmedSender = normaliseEmail(body.unconfirmedSender);
  }
  // Files whose upload never finished (cancelled by the person) are dropped, not sent half.
  let completeFiles = 0;
  for (const file of await services.files.list(record.id)) {
    await recordDirectParts(services, file, now(context));
    if (await services.parts.storedCount(file.id) === file.parts) {
      await services.files.markComplete(file.id, now(context));
      completeFiles++;
    } else {
      for (const part of await services.parts.stored(file.id)) {
        await services.store.delete({ packageId: record.id, fileId: file.id, part });
      }
      await services.files.delete(file.id);
    }
  }
  if (completeFiles === 0 && !record.message) {
    throw new ServiceError("INVALID_INPUT", "The package has no complete file and no message.");
  }
  const finalizedAt = now(context);
  await services.packages.finalize(record.id, {
    checksum,
    undisclosed,
    unconfirmedSender,
    finalizedAt,
    expiresAt: expiryOf(finalizedAt, record.lifeDays),
  });
  const finalized = (await services.packages.findById(record.id))!;
  try {
    // Once per package: a retried finalize answers above without announcing again.
    await announceUpload(services, finalized);
  } catch (error) {
    // The upload is done whatever happens to its mail or note: the failure is logged.
    context.log.detail = {
      ...context.log.detail,
      announce: `failed: ${error instanceof Error ? error.name : typeof error}`,
    };
  }
  return await finalizeResponse(context, finalized);
}

/** The package routes, literal paths before captures. */
export const packageRoutes: readonly ApiRoute[] = [
  { method: "PUT", pattern: "/package/", callers: ["user", "dropzone"], handler: createPackage },
  { method: "GET", pattern: "/package/", callers: ["user"], handler: listPackages("sent") },
  {
    method: "GET",
    pattern: "/package/received/",
    callers: ["user"],
    handler: listPackages("received"),
  },
  // Archiving is not offered, so the archive is always empty.
  {
    method: "GET",
    pattern: "/package/archived/",
    callers: ["user"],
    handler: () => ({ packages: [], rowIndex: 0, capped: false }),
  },
  {
    method: "GET",
    pattern: "/package/:packageIdOrCode/",
    callers: ["user", "dropzone", "session"],
    handler: getPackage,
  },
  { method: "POST", pattern: "/package/:packageId/", callers: ["user"], handler: updatePackage },
  { method: "DELETE", pattern: "/package/:packageId/", callers: ["user"], handler: deletePackage },
  {
    method: "DELETE",
    pattern: "/package/:packageId/temp/",
    callers: ["user"],
    handler: deletePackage,
  },
  {
    method: "PUT",
    pattern: "/package/:packageId/message/",
    callers: ["user", "dropzone"],
    handler: putMessage,
  },
  {
    method: "GET",
    pattern: "/package/:packageId/message/:checksum",
    callers: ["user", "session"],
    handler: getMessage,
  },
  {
    method: "POST",
    pattern: "/package/:packageId/finalize/",
    callers: ["user", "dropzone"],
    handler: finalizePackage,
  },
];
