/**
 * Which files a dropzone takes: its allowed extensions and largest file. The service refuses
 * other files; the Help Center widget checks a file with the same function before encrypting it.
 *
 * @module
 */

/** A dropzone's rules for files. */
export interface FileRules {
  /** Lower-case extensions without the dot; empty = any file. */
  allowedExtensions: string[];
  /** Largest file in bytes; absent = no limit of the dropzone's own. */
  maxFileBytes?: number;
}

/** The extension of a file name, lower case, without the dot; empty when it has none. */
export function extensionOf(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const dot = base.lastIndexOf(".");
  return dot <= 0 ? "" : base.slice(dot + 1).toLowerCase();
}

/** Why a file may not be dropped: its extension, or its size. */
export type FileRefusal =
  | { kind: "extension"; extension: string; allowed: string[] }
  | { kind: "size"; maxFileBytes: number };

/**
 * Checks a file against a dropzone's rules.
 *
 * @returns why it is refused, or `undefined` when it may be dropped.
 */
export function refuseFile(
  rules: FileRules,
  name: string,
  size: number,
): FileRefusal | undefined {
  const { allowedExtensions, maxFileBytes } = rules;
  const extension = extensionOf(name);
  if (allowedExtensions.length > 0 && !allowedExtensions.includes(extension)) {
    return { kind: "extension", extension, allowed: allowedExtensions };
  }
  if (maxFileBytes !== undefined && size > maxFileBytes) return { kind: "size", maxFileBytes };
  return undefined;
}
