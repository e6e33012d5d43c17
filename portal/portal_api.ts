/// <reference lib="dom" />
/**
 * The portal's own JSON calls (`/portal/api/…`): same origin, the session cookie, and the CSRF
 * token of the page in `X-CSRF-Token`.
 *
 * @module
 */
import { t } from "./strings.ts";

/** A portal call that did not succeed: `code` is the server's `response` or `NETWORK_ERROR`. */
export class PortalApiError extends Error {
  /** The server's `response` code, or `NETWORK_ERROR` / `BAD_RESPONSE`. */
  readonly code: string;
  /** Builds the error. */
  constructor(code: string, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "PortalApiError";
    this.code = code;
  }
}

/** Calls the portal's JSON endpoints. */
export class PortalApi {
  #csrfToken: string;

  /** Reads the CSRF token from the page's `<meta name="csrf-token">`. */
  constructor(doc: Document) {
    this.#csrfToken = doc.querySelector<HTMLMetaElement>('meta[name="csrf-token"]')?.content ?? "";
  }

  /** The CSRF token in use. */
  get csrfToken(): string {
    return this.#csrfToken;
  }

  /** Replaces the token (the session id changed after verification). */
  set csrfToken(token: string) {
    this.#csrfToken = token;
  }

  /**
   * POSTs a JSON body and returns the answer when its `response` is SUCCESS.
   *
   * @throws {PortalApiError} with the server's code and message otherwise.
   */
  async post(path: string, body: Record<string, unknown>): Promise<Record<string, unknown>> {
    let response: Response;
    try {
      response = await fetch(path, {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json", "X-CSRF-Token": this.#csrfToken },
        body: JSON.stringify(body),
      });
    } catch (cause) {
      throw new PortalApiError(
        "NETWORK_ERROR",
        t("api.unreachable"),
        { cause },
      );
    }
    let answer: Record<string, unknown>;
    try {
      answer = await response.json();
    } catch (cause) {
      throw new PortalApiError("BAD_RESPONSE", t("api.unreadable"), { cause });
    }
    if (answer.response !== "SUCCESS") {
      throw new PortalApiError(
        String(answer.response ?? "BAD_RESPONSE"),
        typeof answer.message === "string" ? answer.message : t("api.refused"),
      );
    }
    return answer;
  }
}
