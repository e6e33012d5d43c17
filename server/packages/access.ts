/**
 * Who may do what with a package. Three questions, asked by every route:
 * does the package exist (and has not expired), may this caller build it (its
 * sender, or the dropzone it is being dropped into, until finalized), and may this
 * caller read it (its sender, a named recipient, a reader of its dropzone, anyone
 * for an undisclosed package, or a session the `authorizeSession` hook vouches for).
 *
 * @module
 */
import type { ApiContext } from "../context.ts";
import { ServiceError } from "../http.ts";
import { secretsEqual } from "../ids.ts";
import { CHECKSUM_PATTERN } from "../input.ts";
import type { PackageRecord } from "./repository.ts";

/** Shape of a packageId (`ABCD-2345`), to tell ids from packageCodes. */
export const PACKAGE_ID_PATTERN = /^[A-Z0-9]{4}-[A-Z0-9]{4}$/;

function unknownPackage(): ServiceError {
  return new ServiceError(
    "UNKNOWN_PACKAGE",
    "No package has this id: it may have expired or been deleted.",
  );
}

function live(context: ApiContext, record: PackageRecord | undefined): PackageRecord {
  if (
    !record || (record.expiresAt !== undefined && record.expiresAt <= context.services.config.now())
  ) {
    throw unknownPackage();
  }
  context.log.packageId = record.id;
  return record;
}

/**
 * Loads a package by id.
 *
 * @throws {ServiceError} `UNKNOWN_PACKAGE` when absent or expired.
 */
export async function loadPackage(
  context: ApiContext,
  packageId: string,
): Promise<PackageRecord> {
  return live(context, await context.services.packages.findById(packageId));
}

/**
 * Loads a package by id or by the packageCode of its link (spec 2.2).
 *
 * @throws {ServiceError} `UNKNOWN_PACKAGE` when absent or expired.
 */
export async function loadPackageByIdOrCode(
  context: ApiContext,
  idOrCode: string,
): Promise<{ record: PackageRecord; byCode: boolean }> {
  if (PACKAGE_ID_PATTERN.test(idOrCode)) {
    return { record: await loadPackage(context, idOrCode), byCode: false };
  }
  const record = live(context, await context.services.packages.findByCode(idOrCode));
  return { record, byCode: true };
}

/** Tells whether the caller created the package and may still change it. */
export function isBuilder(context: ApiContext, record: PackageRecord): boolean {
  const { caller } = context;
  if (caller.kind === "user") return record.senderId === caller.user.id;
  if (caller.kind === "dropzone") {
    // A dropzone id is public: it grants building an unfinished package, never reading a sent one.
    return record.dropzoneId === caller.dropzone.dropzoneId && record.finalizedAt === undefined;
  }
  return false;
}

/**
 * Refuses callers other than the package's creator.
 *
 * @throws {ServiceError} `PERMISSION_DENIED`.
 */
export function requireBuilder(context: ApiContext, record: PackageRecord): void {
  if (!isBuilder(context, record)) {
    throw new ServiceError("PERMISSION_DENIED", "This package belongs to another sender.");
  }
}

/**
 * Refuses changes to a finalized package (its files and message are sealed by the checksum).
 *
 * @throws {ServiceError} `PERMISSION_DENIED`.
 */
export function requireUnfinalized(record: PackageRecord): void {
  if (record.finalizedAt !== undefined) {
    throw new ServiceError(
      "PERMISSION_DENIED",
      "This package is finalized: its files and message can no longer change.",
    );
  }
}

/**
 * Tells whether the caller may read the package (file list, download URLs, message).
 *
 * @param holdsLink the caller proved it holds the link: it named the package by its
 *   packageCode, or presents the keyCode checksum. An undisclosed package is open to link
 *   holders only, so package ids (which are not secret) cannot be enumerated to read them.
 */
export async function mayRead(
  context: ApiContext,
  record: PackageRecord,
  holdsLink: boolean,
): Promise<boolean> {
  const { caller, services } = context;
  const openToLinkHolders = holdsLink && record.finalizedAt !== undefined && record.undisclosed;
  if (caller.kind === "user") {
    const { user } = caller;
    return record.senderId === user.id || openToLinkHolders ||
      await services.recipients.isRecipient(record.id, user.email) ||
      (record.dropzoneId !== undefined &&
        await services.accounts.mayReadDropzone(record.dropzoneId, user.id));
  }
  if (caller.kind === "dropzone") return isBuilder(context, record);
  if (openToLinkHolders) return true;
  const hook = services.config.authorizeSession;
  return hook ? (await hook(context.req, record.id)) === true : false;
}

/**
 * Tells whether the caller may extend or delete a sent package: its sender, or (for a dropzone
 * package) an agent allowed on its dropzone, who receives what the dropzone gets.
 */
export async function mayManage(context: ApiContext, record: PackageRecord): Promise<boolean> {
  const { caller, services } = context;
  if (caller.kind !== "user") return false;
  return record.senderId === caller.user.id ||
    (record.dropzoneId !== undefined && record.finalizedAt !== undefined &&
      await services.accounts.mayReadDropzone(record.dropzoneId, caller.user.id));
}

/**
 * Refuses callers that may not extend or delete the package (see {@linkcode mayManage}).
 *
 * @throws {ServiceError} `PERMISSION_DENIED`.
 */
export async function requireManager(context: ApiContext, record: PackageRecord): Promise<void> {
  if (!await mayManage(context, record)) {
    throw new ServiceError(
      "PERMISSION_DENIED",
      "Only the sender of this package, or an agent of its dropzone, may change or delete it.",
    );
  }
}

/**
 * Refuses callers that may not read the package (see {@linkcode mayRead}).
 *
 * @throws {ServiceError} `PERMISSION_DENIED`.
 */
export async function requireReader(
  context: ApiContext,
  record: PackageRecord,
  holdsLink: boolean,
): Promise<void> {
  if (!await mayRead(context, record, holdsLink)) {
    throw new ServiceError(
      "PERMISSION_DENIED",
      context.caller.kind === "session"
        ? "Sign in as a recipient of this package to open it."
        : "You are not the sender or a recipient of this package.",
    );
  }
}

/**
 * Checks the keyCode checksum a reader presents against the one stored at finalization,
 * in constant time.
 *
 * @throws {ServiceError} `PERMISSION_DENIED` when the package is not finalized or the checksum differs.
 */
export function requireChecksum(record: PackageRecord, given: unknown): void {
  if (record.checksum === undefined) {
    throw new ServiceError("PERMISSION_DENIED", "This package has not been finalized yet.");
  }
  const candidate = typeof given === "string" ? given.toLowerCase() : "";
  if (!CHECKSUM_PATTERN.test(candidate) || !secretsEqual(candidate, record.checksum)) {
    throw new ServiceError(
      "PERMISSION_DENIED",
      "The checksum does not match this package: the link's keyCode is wrong or incomplete.",
    );
  }
}
