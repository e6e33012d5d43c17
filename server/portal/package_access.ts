/**
 * Who may open a package on the receive page, decided before anything about the package is
 * shown: the page learns only "open", "verify" (a named recipient must prove their address),
 * "signin" (a dropzone package: agents only) or "forbidden" — never file names, recipients or
 * sender — until the visitor is authorised. The same decision backs `authorizeSession`, through
 * which the SendSafely API serves a cookie-holding browser.
 *
 * @module
 */
import type { User } from "../accounts/accounts.ts";
import type { Session } from "../auth/sessions.ts";
import { secretsEqual } from "../ids.ts";
import type { PackageRecord } from "../packages/repository.ts";
import type { Portal } from "./context.ts";
import { domainOf } from "../dropzones/settings.ts";

/** What the receive page may do with a package. */
export type ReceiveAccess =
  /** Open it: list and download its files. */
  | "open"
  /** Ask for the visitor's address and a code. */
  | "verify"
  /** Ask an agent to sign in (dropzone package). */
  | "signin"
  /** The signed-in agent may not open it. */
  | "forbidden";

/** Shape of a checksum (spec 3.3): 64 lower-case hex digits. */
const CHECKSUM_PATTERN = /^[0-9a-f]{64}$/;

/** Shape of a packageCode: URL-safe base64. */
const PACKAGE_CODE_PATTERN = /^[A-Za-z0-9_-]{16,128}$/;

/**
 * Finds a finalized, unexpired package by the packageCode of its link.
 *
 * @returns the package, or `undefined` when it does not exist, expired, or was never sent.
 */
export async function findLivePackage(
  portal: Portal,
  packageCode: unknown,
): Promise<PackageRecord | undefined> {
  if (typeof packageCode !== "string" || !PACKAGE_CODE_PATTERN.test(packageCode)) return undefined;
  const record = await portal.services.packages.findByCode(packageCode);
  if (!record || record.finalizedAt === undefined) return undefined;
  if (record.expiresAt !== undefined && record.expiresAt <= portal.now()) return undefined;
  return record;
}

/** Tells whether a checksum proves the link's keyCode (constant-time compare). */
export function checksumMatches(record: PackageRecord, checksum: unknown): boolean {
  if (typeof checksum !== "string" || record.checksum === undefined) return false;
  const candidate = checksum.toLowerCase();
  return CHECKSUM_PATTERN.test(candidate) && secretsEqual(candidate, record.checksum);
}

/** Tells whether an agent may read a package: its sender, a recipient, or a reader of its dropzone. */
export async function agentMayRead(
  portal: Portal,
  record: PackageRecord,
  user: User,
): Promise<boolean> {
  const { accounts, recipients } = portal.services;
  return record.senderId === user.id || await recipients.isRecipient(record.id, user.email) ||
    (record.dropzoneId !== undefined &&
      await accounts.mayReadDropzone(record.dropzoneId, user.id));
}

/**
 * Tells whether a visitor who proves `email` may open a package: a recipient of it, or (when
 * its dropzone has Sender Domain Access) anyone of the domain of the email its sender gave.
 */
export async function addressMayOpen(
  portal: Portal,
  record: PackageRecord,
  email: string,
): Promise<boolean> {
  if (record.dropzoneId === undefined) {
    return await portal.services.recipients.isRecipient(record.id, email);
  }
  return await senderDomainAccess(portal, record) &&
    domainOf(email) !== "" && domainOf(email) === domainOf(record.unconfirmedSender ?? "");
}

/** Whether a dropzone package may be opened by people of its sender's domain. */
export async function senderDomainAccess(portal: Portal, record: PackageRecord): Promise<boolean> {
  if (record.dropzoneId === undefined || !record.unconfirmedSender) return false;
  const dropzone = await portal.services.accounts.findDropzone(record.dropzoneId);
  return dropzone?.settings.senderDomainAccess === true;
}

/** Decides what a visitor may do with a live package. */
export async function decideAccess(
  portal: Portal,
  record: PackageRecord,
  sessionId: string | undefined,
  session: Session | undefined,
  user: User | undefined,
): Promise<ReceiveAccess> {
  if (record.undisclosed) return "open";
  if (user && await agentMayRead(portal, record, user)) return "open";
  if (session) {
    const email = await portal.sessions.grantOf(sessionId, record.id);
    // The grant holds while the address may still open the package.
    if (email && await addressMayOpen(portal, record, email)) return "open";
  }
  if (record.dropzoneId !== undefined) {
    if (await senderDomainAccess(portal, record)) return "verify";
    return user ? "forbidden" : "signin";
  }
  return "verify";
}
