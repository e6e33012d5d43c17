/**
 * Protection of the portal's state-changing requests against cross-site request forgery, in two
 * independent layers:
 *
 * 1. a synchroniser token bound to the session: `HMAC-SHA256(key, session id)`, put in every form
 *    (and in a `<meta>` for the page scripts, which send it as `X-CSRF-Token`), compared in
 *    constant time; a page of another site can neither read it nor compute it;
 * 2. the browser's own word on where the request comes from: `Origin` must be this service, and
 *    when a browser sends no `Origin`, `Sec-Fetch-Site` must not say cross-site.
 *
 * @module
 */
import { createHmac } from "node:crypto";
import { encodeBase64Url, secretsEqual } from "../ids.ts";

/** A request was refused as a possible forgery. */
export class CsrfError extends Error {
  /** Always `"CsrfError"`. */
  override name = "CsrfError";
  /**
   * Why: the request came from another site (`foreign`), or its token is missing or wrong, as
   * in a form left open too long (`expired`); a page names it in the visitor's language.
   */
  readonly reason: "foreign" | "expired";
  /** A refusal for `reason`, with its English `message`. */
  constructor(message: string, reason: "foreign" | "expired" = "expired") {
    super(message);
    this.reason = reason;
  }
}

/** Issues and checks CSRF tokens. */
export class CsrfGuard {
  readonly #key: Uint8Array;
  readonly #origins: () => string[];

  /**
   * Uses a 32-byte secret `key`; `origins` lists the origins this service is reached at.
   *
   * @throws {RangeError} when the key is shorter than 32 bytes.
   */
  constructor(key: Uint8Array, origins: () => string[]) {
    if (key.byteLength < 32) {
      throw new RangeError(`The CSRF key must have 32 bytes: it has ${key.byteLength}.`);
    }
    this.#key = key;
    this.#origins = origins;
  }

  /** The token for a session id. */
  tokenFor(sessionId: string): string {
    return encodeBase64Url(createHmac("sha256", this.#key).update(`csrf:${sessionId}`).digest());
  }

  /**
   * Checks a state-changing request.
   *
   * @throws {CsrfError} when the origin is foreign or the token is missing or wrong.
   */
  check(req: Request, sessionId: string | undefined, token: unknown): void {
    const origin = req.headers.get("origin");
    if (origin !== null) {
      const own = [...this.#origins(), new URL(req.url).origin];
      if (!own.includes(origin)) {
        throw new CsrfError("This form was sent from another site and was refused.", "foreign");
      }
    } else {
      const site = req.headers.get("sec-fetch-site");
      if (site !== null && site !== "same-origin" && site !== "none") {
        throw new CsrfError("This form was sent from another site and was refused.", "foreign");
      }
    }
    if (!sessionId || typeof token !== "string" || token === "") {
      throw new CsrfError("The form has expired. Reload the page and try again.");
    }
    if (!secretsEqual(token, this.tokenFor(sessionId))) {
      throw new CsrfError("The form has expired. Reload the page and try again.");
    }
  }
}
