/**
 * File routes: create a file record, read and delete it, and declare its upload
 * complete. The parts themselves are in `parts/routes.ts`.
 *
 * @module
 */
import { type ApiContext, type ApiRoute, now } from "../context.ts";
import { ServiceError } from "../http.ts";
import { integerField, stringField } from "../input.ts";
import {
  loadPackage,
  requireBuilder,
  requireReader,
  requireUnfinalized,
} from "../packages/access.ts";
import type { PackageRecord } from "../packages/repository.ts";
import { fileView } from "../packages/views.ts";
import { recordDirectParts } from "../parts/direct.ts";
import { decodeFileName } from "./file_names.ts";
import type { FileRecord } from "./repository.ts";
import { refuseFile } from "../dropzones/settings.ts";

/**
 * Refuses a file its package's dropzone does not take (extension, size).
 *
 * @throws {ServiceError} `INVALID_FILE_EXTENSION` or `LIMIT_EXCEEDED`, naming what is allowed.
 */
async function requireDropzoneRules(
  context: ApiContext,
  record: PackageRecord,
  name: string,
  size: number,
): Promise<void> {
  if (record.dropzoneId === undefined) return;
  const dropzone = await context.services.accounts.findDropzone(record.dropzoneId);
  const refusal = dropzone && refuseFile(dropzone.settings, name, size);
  if (refusal?.kind === "extension") {
    throw new ServiceError(
      "INVALID_FILE_EXTENSION",
      `This dropzone takes only files ending in ${
        refusal.allowed.map((extension) => `.${extension}`).join(", ")
      }: "${name}" is refused.`,
    );
  }
  if (refusal?.kind === "size") {
    throw new ServiceError(
      "LIMIT_EXCEEDED",
      `This dropzone takes files up to ${refusal.maxFileBytes} bytes: "${name}" has ${size}.`,
    );
  }
}

/** The smallest part a SendSafely client makes (the legacy first part, spec 3.4). */
const SMALLEST_PART = 655_360;

async function createFile(context: ApiContext): Promise<Record<string, unknown>> {
  const { services, body, caller } = context;
  const { config } = services;
  const record = await loadPackage(context, context.params.packageId);
  requireBuilder(context, record);
  requireUnfinalized(record);
  if (stringField(body, "directoryId", { maxLength: 200, fallback: "" }) !== "") {
    throw new ServiceError(
      "INVALID_INPUT",
      "Directories (workspaces) are not supported by this service.",
    );
  }
  const name = decodeFileName(body.filename);
  const size = integerField(body, "filesize", { min: 0, max: Number.MAX_SAFE_INTEGER });
  await requireDropzoneRules(context, record, name, size);
  if (size > config.maxFileBytes) {
    throw new ServiceError(
      "LIMIT_EXCEEDED",
      `The file is larger than the limit of ${config.maxFileBytes} bytes.`,
    );
  }
  const parts = integerField(body, "parts", { min: 1, max: Number.MAX_SAFE_INTEGER });
  // More parts than even the smallest part size needs would let a tiny file claim much storage.
  const mostParts = Math.min(
    config.maxPartsPerFile,
    Math.max(1, Math.ceil(size / SMALLEST_PART)) + 1,
  );
  if (parts > mostParts) {
    throw new ServiceError(
      parts > config.maxPartsPerFile ? "LIMIT_EXCEEDED" : "INVALID_INPUT",
      `A file of ${size} bytes may have at most ${mostParts} parts: ${parts} were declared.`,
    );
  }
  if (await services.files.count(record.id) >= config.maxFilesPerPackage) {
    throw new ServiceError(
      "LIMIT_EXCEEDED",
      `A package may hold at most ${config.maxFilesPerPackage} files.`,
    );
  }
  const file = await services.files.create({
    packageId: record.id,
    name,
    size,
    parts,
    uploadType: stringField(body, "uploadType", { maxLength: 64, fallback: "" }),
    createdByEmail: caller.kind === "user" ? caller.user.email : "",
    createdAt: now(context),
  });
  context.log.fileId = file.id;
  return { message: file.id, fileId: file.id };
}

/**
 * Loads a file of a package.
 *
 * @throws {ServiceError} `UNKNOWN_FILE` when the package has no such file.
 */
export async function loadFile(
  context: ApiContext,
  record: PackageRecord,
  fileId: string,
): Promise<FileRecord> {
  const file = await context.services.files.find(record.id, fileId);
  if (!file) throw new ServiceError("UNKNOWN_FILE", "This package has no file with this id.");
  context.log.fileId = file.id;
  return file;
}

async function getFile(context: ApiContext): Promise<Record<string, unknown>> {
  const record = await loadPackage(context, context.params.packageId);
  await requireReader(context, record, false);
  return { file: fileView(await loadFile(context, record, context.params.fileId)) };
}

async function deleteFile(context: ApiContext): Promise<Record<string, unknown>> {
  const { services } = context;
  const record = await loadPackage(context, context.params.packageId);
  requireBuilder(context, record);
  requireUnfinalized(record);
  const file = await loadFile(context, record, context.params.fileId);
  for (const part of await services.parts.stored(file.id)) {
    await services.store.delete({ packageId: record.id, fileId: file.id, part });
  }
  await services.files.delete(file.id);
  return { message: "File deleted" };
}

/**
 * Marks a file complete when every part is stored.
 *
 * @returns whether it is complete.
 */
export async function completeIfWhole(context: ApiContext, file: FileRecord): Promise<boolean> {
  const whole = await context.services.parts.storedCount(file.id) === file.parts;
  if (whole) await context.services.files.markComplete(file.id, now(context));
  return whole;
}

async function uploadComplete(context: ApiContext): Promise<Record<string, unknown>> {
  const record = await loadPackage(context, context.params.packageId);
  requireBuilder(context, record);
  const file = await loadFile(context, record, context.params.fileId);
  if (record.finalizedAt === undefined) {
    await recordDirectParts(context.services, file, now(context));
  }
  // The SDK compares with the string "true" (spec 2.4.2).
  return { message: await completeIfWhole(context, file) ? "true" : "false" };
}

/** The file routes. */
export const fileRoutes: readonly ApiRoute[] = [
  {
    method: "PUT",
    pattern: "/package/:packageId/file/",
    callers: ["user", "dropzone"],
    handler: createFile,
  },
  {
    method: "GET",
    pattern: "/package/:packageId/file/:fileId/",
    callers: ["user", "dropzone"],
    handler: getFile,
  },
  {
    method: "DELETE",
    pattern: "/package/:packageId/file/:fileId/",
    callers: ["user", "dropzone"],
    handler: deleteFile,
  },
  {
    method: "POST",
    pattern: "/package/:packageId/file/:fileId/upload-complete/",
    callers: ["user", "dropzone"],
    handler: uploadComplete,
  },
];
