/**
 * Where the agent's API key pair lives between visits: the browser's `localStorage` of the app's
 * own origin, under a key namespaced by service URL and Zendesk installation, so that two
 * installations (or two services) never share a key.
 *
 * @module
 */

/** The API key pair the device pairing handed out, and whose it is. */
export interface StoredCredentials {
  /** The API key (sent with each request). */
  apiKey: string;
  /** The API secret (signs each request; never sent). */
  apiSecret: string;
  /** The agent's email on the service. */
  email: string;
}

/** The slice of the Web Storage API this module uses. */
export interface KeyValueStorage {
  /** The value stored under `key`, or `null`. */
  getItem(key: string): string | null;
  /** Stores `value` under `key`. */
  setItem(key: string, value: string): void;
  /** Removes `key`. */
  removeItem(key: string): void;
}

/** The storage key for one service and one installation. */
export function credentialsKey(serviceUrl: string, installationId: string | number): string {
  return `padlock.credentials:${serviceUrl}:${installationId}`;
}

/** Loads, saves and forgets the credentials of one service and installation. */
export class CredentialStore {
  readonly #storage: KeyValueStorage;
  readonly #key: string;

  /** A store for `serviceUrl` in installation `installationId`. */
  constructor(storage: KeyValueStorage, serviceUrl: string, installationId: string | number) {
    this.#storage = storage;
    this.#key = credentialsKey(serviceUrl, installationId);
  }

  /** The stored credentials, or `undefined` when none (or unreadable ones) are stored. */
  load(): StoredCredentials | undefined {
    let text: string | null;
    try {
      text = this.#storage.getItem(this.#key);
    } catch {
      return undefined; // storage blocked (third-party cookies off): behave as signed out
    }
    if (!text) return undefined;
    try {
      const value = JSON.parse(text);
      if (
        typeof value?.apiKey === "string" && typeof value?.apiSecret === "string" &&
        value.apiKey && value.apiSecret
      ) {
        return {
          apiKey: value.apiKey,
          apiSecret: value.apiSecret,
          email: typeof value.email === "string" ? value.email : "",
        };
      }
    } catch {
      // fall through: a damaged entry counts as none
    }
    return undefined;
  }

  /**
   * Stores credentials.
   *
   * @throws {DOMException} when the browser refuses storage (quota or blocked storage).
   */
  save(credentials: StoredCredentials): void {
    this.#storage.setItem(this.#key, JSON.stringify(credentials));
  }

  /** Forgets the stored credentials (sign out). */
  forget(): void {
    try {
      this.#storage.removeItem(this.#key);
    } catch {
      // nothing stored that could be read either
    }
  }
}
