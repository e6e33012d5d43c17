/**
 * Reading fields of a JSON request body, refusing wrong types with `INVALID_INPUT`
 * and a message that says which field and what was expected.
 *
 * @module
 */
import { ServiceError } from "./http.ts";

/**
 * Reads an integer field within bounds; `fallback` when absent.
 *
 * @throws {ServiceError} `INVALID_INPUT` when absent without fallback, not an integer, or out of bounds.
 */
export function integerField(
  body: Record<string, unknown>,
  name: string,
  bounds: { min: number; max: number; fallback?: number },
): number {
  const raw = body[name];
  if (raw === undefined || raw === null) {
    if (bounds.fallback !== undefined) return bounds.fallback;
    throw new ServiceError("INVALID_INPUT", `The field "${name}" is required.`);
  }
  // Some SDKs send numbers as strings ("3"); accept digits only.
  const value = typeof raw === "string" && /^\d{1,15}$/.test(raw) ? Number(raw) : raw;
  if (typeof value !== "number" || !Number.isSafeInteger(value)) {
    throw new ServiceError("INVALID_INPUT", `The field "${name}" must be an integer.`);
  }
  if (value < bounds.min || value > bounds.max) {
    throw new ServiceError(
      "INVALID_INPUT",
      `The field "${name}" must be between ${bounds.min} and ${bounds.max}: it is ${value}.`,
    );
  }
  return value;
}

/**
 * Reads a string field; `fallback` when absent.
 *
 * @throws {ServiceError} `INVALID_INPUT` when absent without fallback, not a string, or longer than `maxLength`.
 */
export function stringField(
  body: Record<string, unknown>,
  name: string,
  options: { maxLength: number; fallback?: string },
): string {
  const value = body[name];
  if (value === undefined || value === null) {
    if (options.fallback !== undefined) return options.fallback;
    throw new ServiceError("INVALID_INPUT", `The field "${name}" is required.`);
  }
  if (typeof value !== "string") {
    throw new ServiceError("INVALID_INPUT", `The field "${name}" must be a string.`);
  }
  if (value.length > options.maxLength) {
    throw new ServiceError(
      "INVALID_INPUT",
      `The field "${name}" is longer than ${options.maxLength} characters.`,
    );
  }
  return value;
}

/**
 * Reads a boolean field (`true`, `false`, or the strings the Python SDK sends); `fallback` when absent.
 *
 * @throws {ServiceError} `INVALID_INPUT` when present but not a boolean.
 */
export function booleanField(
  body: Record<string, unknown>,
  name: string,
  fallback: boolean,
): boolean {
  const value = body[name];
  if (value === undefined || value === null) return fallback;
  if (value === true || value === "true") return true;
  if (value === false || value === "false") return false;
  throw new ServiceError("INVALID_INPUT", `The field "${name}" must be true or false.`);
}

/** Matches a checksum: 64 lowercase hex characters (spec 3.3). */
export const CHECKSUM_PATTERN = /^[0-9a-f]{64}$/;
