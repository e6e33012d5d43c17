/**
 * The 6-digit codes that let a named recipient open a package. A code lasts 10 minutes and works
 * once; after 5 wrong tries it is void and a new one must be asked for; asking again replaces the
 * previous code. A request for an address that is not a recipient stores a row that no code can
 * match, so every later answer is the same as for a recipient: nothing tells the two apart.
 *
 * @module
 */
import type { Queryable } from "../db/database.ts";
import { newUuid, secretsEqual, sha256Hex } from "../ids.ts";

/** How long a code is valid, in milliseconds. */
export const CODE_TTL_MS = 10 * 60_000;
/** Wrong tries after which a code is void. */
export const CODE_MAX_ATTEMPTS = 5;

/** The outcome of checking a code. */
export type CodeCheck =
  /** The code is right; it is now used up. */
  | "ok"
  /** The code is wrong; tries remain. */
  | "wrong"
  /** Too many wrong tries (this one included): the code is void. */
  | "void"
  /** The code has expired. */
  | "expired"
  /** No code was asked for (or it was used already). */
  | "missing";

/**
 * Returns 6 uniformly random digits from the CSPRNG.
 *
 * @example
 * ```ts
 * /^[0-9]{6}$/.test(randomDigits()); // true
 * ```
 */
export function randomDigits(): string {
  const buffer = new Uint32Array(1);
  // 4,294,000,000 is the largest multiple of 10^6 below 2^32: rejecting above it keeps the
  // digits uniform.
  do crypto.getRandomValues(buffer); while (buffer[0] >= 4_294_000_000);
  return String(buffer[0] % 1_000_000).padStart(6, "0");
}

function hashCode(id: string, code: string): string {
  return sha256Hex(`${id}:${code}`);
}

interface CodeRow {
  id: string;
  code_hash: string | null;
  expires_at: number;
  failed_attempts: number;
  used_at: number | null;
}

/** Issues and checks verification codes. */
export class VerificationCodes {
  readonly #db: Queryable;
  readonly #now: () => number;

  /** Works on `db` with the clock `now`. */
  constructor(db: Queryable, now: () => number = Date.now) {
    this.#db = db;
    this.#now = now;
  }

  /**
   * Replaces the code of (package, address) with a new one.
   *
   * @param deliverable whether the address is a recipient (only then is a code made).
   * @returns the code to mail, or `undefined` when the address is not a recipient.
   */
  async issue(packageId: string, email: string, deliverable: boolean): Promise<string | undefined> {
    const id = newUuid();
    const code = deliverable ? randomDigits() : undefined;
    const now = this.#now();
    await this.#db.transaction(async (tx) => {
      await tx.run("DELETE FROM portal_codes WHERE package_id = ? AND email = ?", [
        packageId,
        email,
      ]);
      await tx.run(
        `INSERT INTO portal_codes (id, package_id, email, code_hash, created_at, expires_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
        [id, packageId, email, code ? hashCode(id, code) : null, now, now + CODE_TTL_MS],
      );
    });
    return code;
  }

  /** Checks a code typed for (package, address), counting a wrong try. */
  check(packageId: string, email: string, code: string): Promise<CodeCheck> {
    return this.#db.transaction(async (tx): Promise<CodeCheck> => {
      const row = await tx.get<CodeRow>(
        `SELECT id, code_hash, expires_at, failed_attempts, used_at FROM portal_codes
         WHERE package_id = ? AND email = ?`,
        [packageId, email],
      );
      if (!row || row.used_at !== null) return "missing";
      if (row.expires_at <= this.#now()) return "expired";
      if (row.failed_attempts >= CODE_MAX_ATTEMPTS) return "void";
      // Hash the candidate either way, so a row without a code takes as long as one with a code.
      const candidate = hashCode(row.id, /^[0-9]{6}$/.test(code) ? code : "-");
      if (row.code_hash !== null && secretsEqual(candidate, row.code_hash)) {
        await tx.run("UPDATE portal_codes SET used_at = ? WHERE id = ?", [this.#now(), row.id]);
        return "ok";
      }
      await tx.run(
        "UPDATE portal_codes SET failed_attempts = failed_attempts + 1 WHERE id = ?",
        [row.id],
      );
      return row.failed_attempts + 1 >= CODE_MAX_ATTEMPTS ? "void" : "wrong";
    });
  }

  /** Deletes codes that expired more than a day ago. */
  async sweep(): Promise<void> {
    await this.#db.run("DELETE FROM portal_codes WHERE expires_at <= ?", [
      this.#now() - 86_400_000,
    ]);
  }
}
