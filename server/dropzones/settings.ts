/**
 * A dropzone's settings: which files it takes (extensions, largest file), how long what is
 * dropped there lives, and whether people of the sender's email domain may open it. One parser
 * for the admin CLI and the account page, one check for the file routes.
 *
 * @module
 */

import type { FileRules } from "../../src/dropzone_rules.ts";
export {
  extensionOf,
  type FileRefusal,
  type FileRules,
  refuseFile,
} from "../../src/dropzone_rules.ts";

/** The settings of a dropzone; absent fields fall back to the service's configuration. */
export interface DropzoneSettings extends FileRules {
  /** Days a package dropped there lives (1–365); absent = the service's default. */
  lifeDays?: number;
  /** Whether people whose verified email has the sender's domain may open the files. */
  senderDomainAccess: boolean;
  /** Whether its agents get a mail on each new upload (never with the keyCode); absent = no. */
  notifyUploads?: boolean;
}

/** The settings of a new dropzone. */
export const DEFAULT_DROPZONE_SETTINGS: Readonly<DropzoneSettings> = {
  allowedExtensions: [],
  senderDomainAccess: false,
  notifyUploads: false,
};

/** Longest package life a dropzone may set, in days. */
export const MAX_DROPZONE_LIFE_DAYS = 365;

/** A setting's value is not acceptable; the message says which and why. */
export class DropzoneSettingsError extends Error {
  override name = "DropzoneSettingsError";
}

const EXTENSION = /^[a-z0-9]{1,16}$/;

/**
 * Parses a list of extensions as a person writes it: `pdf, .PNG docx` → `["pdf", "png", "docx"]`.
 *
 * @throws {DropzoneSettingsError} when an entry is not letters and digits (at most 16).
 */
export function parseExtensions(text: string): string[] {
  const found: string[] = [];
  for (const raw of text.split(/[\s,;]+/)) {
    const extension = raw.trim().replace(/^\*?\./, "").toLowerCase();
    if (!extension) continue;
    if (!EXTENSION.test(extension)) {
      throw new DropzoneSettingsError(
        `"${raw}" is not a file extension (letters and digits, such as pdf or png).`,
      );
    }
    if (!found.includes(extension)) found.push(extension);
  }
  return found;
}

/**
 * Parses the largest file as a person writes it: bytes, or with a unit (`25 MB`, `1.5GB`,
 * `500k`); empty = no limit of the dropzone's own.
 *
 * @throws {DropzoneSettingsError} when it is not a positive size.
 */
export function parseFileSize(text: string): number | undefined {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  const match = /^(\d+(?:\.\d+)?)\s*(b|k|kb|m|mb|g|gb)?$/i.exec(trimmed);
  const units: Record<string, number> = { b: 1, k: 1e3, m: 1e6, g: 1e9 };
  const bytes = match
    ? Math.floor(Number(match[1]) * units[(match[2] ?? "b")[0].toLowerCase()])
    : 0;
  if (!match || bytes < 1 || !Number.isSafeInteger(bytes)) {
    throw new DropzoneSettingsError(`"${trimmed}" is not a file size (such as 25 MB).`);
  }
  return bytes;
}

/**
 * Parses a package life in days (1–365); empty = the service's default.
 *
 * @throws {DropzoneSettingsError} when it is not a whole number in range.
 */
export function parseLifeDays(text: string): number | undefined {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  const days = /^\d{1,4}$/.test(trimmed) ? Number(trimmed) : NaN;
  if (!(days >= 1 && days <= MAX_DROPZONE_LIFE_DAYS)) {
    throw new DropzoneSettingsError(
      `The package life must be a whole number of days from 1 to ${MAX_DROPZONE_LIFE_DAYS}: "${trimmed}" is not.`,
    );
  }
  return days;
}

/**
 * Parses an on/off switch of the admin command (`--notify-uploads on`).
 *
 * @throws {DropzoneSettingsError} when it is neither.
 */
export function parseSwitch(option: string, text: string): boolean {
  if (!["on", "off"].includes(text)) {
    throw new DropzoneSettingsError(`--${option} is on or off, not "${text}".`);
  }
  return text === "on";
}

/** The domain of an email address, lower case; empty when it has none. */
export function domainOf(email: string): string {
  const at = email.lastIndexOf("@");
  return at < 0 ? "" : email.slice(at + 1).toLowerCase();
}
