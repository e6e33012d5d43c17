/**
 * Device pairing: how the app gets an API key for the agent without a secret ever travelling in
 * a URL, in the manner of the OAuth device authorization grant (RFC 8628). The app asks the
 * service for a pairing; the service answers with a secret `deviceCode` (kept in memory here) and
 * a short `userCode` the agent sees on both screens; the agent allows the pairing on the service's
 * `/connect` page; the app polls with the deviceCode until the service hands out the key pair once.
 *
 * @module
 */
import { t } from "./strings.ts";

/** What `POST /auth/pairing` answers. */
export interface Pairing {
  /** Secret: proves to the service that this app started the pairing. Never shown, never in a URL. */
  deviceCode: string;
  /** Shown to the agent, who checks it on the `/connect` page. */
  userCode: string;
  /** The service page where the agent allows the pairing (carries only the userCode). */
  verificationUrl: string;
  /** Seconds between two polls. */
  interval: number;
  /** Seconds the pairing stays valid. */
  expiresIn: number;
}

/** The credentials a completed pairing hands out. */
export interface PairedCredentials {
  /** The new API key. */
  apiKey: string;
  /** Its secret: stored by the app, never shown or sent. */
  apiSecret: string;
  /** The agent's email on the service. */
  email: string;
}

/** Why a pairing failed. */
export type PairingErrorCode =
  | "EXPIRED"
  | "DENIED"
  | "NOT_SUPPORTED"
  | "NETWORK_ERROR"
  | "BAD_RESPONSE";

/** A pairing that could not start or complete, with a message for the agent. */
export class PairingError extends Error {
  /** What went wrong. */
  readonly code: PairingErrorCode;
  /** Builds the error. */
  constructor(code: PairingErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "PairingError";
    this.code = code;
  }
}

/** Options of {@linkcode startPairing} and {@linkcode waitForPairing}. */
export interface PairingOptions {
  /** The `fetch` to use. @default {globalThis.fetch} */
  fetch?: typeof fetch;
  /** Cancels the pairing (the promise rejects with the signal's reason). */
  signal?: AbortSignal;
}

async function post(
  url: string,
  body: unknown,
  options: PairingOptions,
): Promise<Record<string, unknown>> {
  const { fetch: fetchFunction = (input, init) => globalThis.fetch(input, init), signal } = options;
  let response: Response;
  try {
    response = await fetchFunction(url, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
      signal,
      credentials: "omit",
    });
  } catch (cause) {
    if (signal?.aborted) throw signal.reason;
    throw new PairingError("NETWORK_ERROR", t("pairing.unreachable"), {
      cause,
    });
  }
  if (response.status === 404) {
    await response.body?.cancel();
    throw new PairingError(
      "NOT_SUPPORTED",
      t("pairing.unsupported"),
    );
  }
  let value: unknown;
  try {
    value = await response.json();
  } catch (cause) {
    throw new PairingError("BAD_RESPONSE", t("pairing.unreadable"), {
      cause,
    });
  }
  if (
    typeof value !== "object" || value === null || typeof (value as Record<string, unknown>)
        .response !== "string"
  ) {
    throw new PairingError("BAD_RESPONSE", t("pairing.unreadable"));
  }
  return value as Record<string, unknown>;
}

function positive(value: unknown, fallback: number): number {
  return typeof value === "number" && Number.isFinite(value) && value > 0 ? value : fallback;
}

/**
 * Starts a pairing with the service at `serviceUrl` (`POST /auth/pairing`).
 *
 * @throws {PairingError} `NOT_SUPPORTED`, `NETWORK_ERROR` or `BAD_RESPONSE`.
 */
export async function startPairing(
  serviceUrl: string,
  options: PairingOptions = {},
): Promise<Pairing> {
  const answer = await post(`${serviceUrl}/auth/pairing`, { description: "Zendesk app" }, options);
  const { deviceCode, userCode } = answer;
  if (
    answer.response !== "SUCCESS" || typeof deviceCode !== "string" || !deviceCode ||
    typeof userCode !== "string" || !userCode
  ) {
    throw new PairingError(
      "BAD_RESPONSE",
      typeof answer.message === "string" && answer.message
        ? t("pairing.refusedBecause", { reason: answer.message })
        : t("pairing.refused"),
    );
  }
  // Open only a page of the service itself, whatever the answer says.
  const fallback = `${serviceUrl}/connect?code=${encodeURIComponent(userCode)}`;
  let verificationUrl = fallback;
  if (typeof answer.verificationUrl === "string") {
    try {
      const url = new URL(answer.verificationUrl, serviceUrl);
      if (url.origin === new URL(serviceUrl).origin) verificationUrl = url.href;
    } catch {
      // keep the fallback
    }
  }
  return {
    deviceCode,
    userCode,
    verificationUrl,
    interval: positive(answer.interval, 2),
    expiresIn: positive(answer.expiresIn, 600),
  };
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/**
 * Polls `POST /auth/pairing/poll` every `pairing.interval` seconds until the agent allows or
 * denies the pairing, or it expires. A failed poll (network) is retried until expiry.
 *
 * @throws {PairingError} `EXPIRED`, `DENIED` or `BAD_RESPONSE`.
 * @throws the signal's reason when cancelled.
 */
export async function waitForPairing(
  serviceUrl: string,
  pairing: Pairing,
  options: PairingOptions = {},
): Promise<PairedCredentials> {
  const deadline = Date.now() + pairing.expiresIn * 1000;
  while (Date.now() < deadline) {
    await sleep(pairing.interval * 1000, options.signal);
    let answer: Record<string, unknown>;
    try {
      answer = await post(
        `${serviceUrl}/auth/pairing/poll`,
        { deviceCode: pairing.deviceCode },
        options,
      );
    } catch (error) {
      if (error instanceof PairingError && error.code === "NETWORK_ERROR") continue;
      throw error;
    }
    switch (answer.response) {
      case "PENDING":
        continue;
      case "SUCCESS": {
        const { apiKey, apiSecret, email } = answer;
        if (typeof apiKey !== "string" || typeof apiSecret !== "string" || !apiKey || !apiSecret) {
          throw new PairingError("BAD_RESPONSE", t("pairing.incomplete"));
        }
        return { apiKey, apiSecret, email: typeof email === "string" ? email : "" };
      }
      case "DENIED":
        throw new PairingError("DENIED", t("pairing.denied"));
      case "EXPIRED":
        throw new PairingError("EXPIRED", t("pairing.expired"));
      default:
        throw new PairingError(
          "BAD_RESPONSE",
          t("pairing.unexpected", { answer: String(answer.response) }),
        );
    }
  }
  throw new PairingError("EXPIRED", t("pairing.expired"));
}
