/**
 * The JSON shapes of packages, files and recipients as the SendSafely SDK reads
 * them (spec 2.2, 2.3, 2.4.4).
 *
 * @module
 */
import type { Services } from "../context.ts";
import type { FileRecord } from "../files/repository.ts";
import type { RecipientRecord } from "../recipients/repository.ts";
import type { PackageRecord } from "./repository.ts";

/** The Secure Link of a package, without the `#keyCode=` fragment. */
export function secureLink(services: Services, record: PackageRecord): string {
  const query = new URLSearchParams({ thread: record.id, packageCode: record.code });
  return `${services.publicUrl}/receive/?${query}`;
}

/** A recipient as in `recipients[]`. */
export function recipientView(recipient: RecipientRecord): Record<string, unknown> {
  return {
    recipientId: recipient.id,
    email: recipient.email,
    fullName: "",
    approvalRequired: false,
    phonenumbers: [],
    autoEnabledNumber: false,
    smsAuth: false,
    roleName: "VIEWER",
    checkForPublicKeys: false,
  };
}

/** A file as in package info `files[]` (`parts`) and file info (`fileParts`). */
export function fileView(file: FileRecord): Record<string, unknown> {
  const uploaded = file.completedAt === undefined ? "" : new Date(file.completedAt).toISOString();
  return {
    fileId: file.id,
    fileName: file.name,
    fileSize: file.size,
    parts: file.parts,
    fileParts: file.parts,
    createdByEmail: file.createdByEmail,
    uploaded,
    uploadedStr: uploaded,
    complete: file.completedAt !== undefined,
  };
}

/** A package as in package info. */
export async function packageView(
  services: Services,
  record: PackageRecord,
): Promise<Record<string, unknown>> {
  const sender = record.senderId ? await services.accounts.getUser(record.senderId) : undefined;
  return {
    packageId: record.id,
    packageCode: record.code,
    serverSecret: record.serverSecret,
    rootDirectoryId: "",
    recipients: (await services.recipients.list(record.id)).map(recipientView),
    files: (await services.files.list(record.id)).map(fileView),
    directories: [],
    approverList: [],
    needsApproval: false,
    state: record.finalizedAt === undefined
      ? "PACKAGE_STATE_IN_PROGRESS"
      : "PACKAGE_STATE_FINALIZED",
    life: record.lifeDays,
    label: "",
    url: record.finalizedAt === undefined ? "" : secureLink(services, record),
    isArchived: false,
    isVDR: false,
    undisclosedRecipients: record.undisclosed,
    packageSender: sender?.email ?? record.unconfirmedSender ?? "",
    packageTimestamp: new Date(record.createdAt).toISOString(),
    expiration: record.expiresAt === undefined ? "" : new Date(record.expiresAt).toISOString(),
  };
}

/** A package as in package lists (no serverSecret: lists are for browsing). */
export async function packageSummaryView(
  services: Services,
  record: PackageRecord,
): Promise<Record<string, unknown>> {
  return {
    packageId: record.id,
    packageCode: record.code,
    state: record.finalizedAt === undefined
      ? "PACKAGE_STATE_IN_PROGRESS"
      : "PACKAGE_STATE_FINALIZED",
    life: record.lifeDays,
    packageTimestamp: new Date(record.createdAt).toISOString(),
    recipients: (await services.recipients.list(record.id)).map((recipient) => recipient.email),
    filenames: (await services.files.list(record.id)).map((file) => file.name),
  };
}
