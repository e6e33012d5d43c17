/**
 * Reading the small bodies the portal accepts: HTML forms and JSON objects, size-limited.
 *
 * @module
 */
import { readBodyLimited, ServiceError } from "../http.ts";

/** Largest form or JSON body the portal reads, in bytes. */
export const MAX_PORTAL_BODY = 16_384;

/**
 * Reads an `application/x-www-form-urlencoded` body into a plain object (first value wins).
 *
 * @throws {ServiceError} `LIMIT_EXCEEDED` when the body is larger than `maxBytes`.
 */
export async function readForm(
  req: Request,
  maxBytes: number = MAX_PORTAL_BODY,
): Promise<Record<string, string>> {
  const raw = await readBodyLimited(req, maxBytes);
  const fields: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(new TextDecoder().decode(raw))) {
    if (!(name in fields)) fields[name] = value;
  }
  return fields;
}

/**
 * Reads a JSON object body; an empty body is `{}`.
 *
 * @throws {ServiceError} `LIMIT_EXCEEDED` when too large, `INVALID_INPUT` when not a JSON object.
 */
export async function readJson(req: Request): Promise<Record<string, unknown>> {
  const raw = await readBodyLimited(req, MAX_PORTAL_BODY);
  if (raw.byteLength === 0) return {};
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(raw));
  } catch {
    throw new ServiceError("INVALID_INPUT", "The request body is not valid JSON.");
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new ServiceError("INVALID_INPUT", "The request body must be a JSON object.");
  }
  return value as Record<string, unknown>;
}

/** A string field, trimmed; `""` when absent or not a string. */
export function textField(body: Record<string, unknown>, name: string, maxLength = 1024): string {
  const value = body[name];
  return typeof value === "string" ? value.trim().slice(0, maxLength) : "";
}
