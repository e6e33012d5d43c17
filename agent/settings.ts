/**
 * The app's installation parameters (set by the Zendesk admin, sent by Zendesk in the app's
 * metadata), read into a typed object, and the role check that uses them.
 *
 * @module
 */
import { t } from "./strings.ts";

/** The parameters of `agent/manifest.json`, typed. */
export interface AppSettings {
  /** Origin of the Padlock (or SendSafely) service, e.g. `https://padlock.example.com`. */
  serviceUrl: string;
  /** Whether "Require authentication to access files" starts ticked. */
  requireAuthDefault: boolean;
  /** Whether replies carrying Zendesk's own (unencrypted) attachments are refused. */
  blockUnencryptedAttachments: boolean;
  /** Roles allowed to use the app's actions, lowercase; empty means every role. */
  allowedRoles: string[];
  /** Every agent and admin of the account is a recipient instead of the ticket's assignee. */
  allAgentsAsRecipients: boolean;
  /** Rich-text replies get a hyperlink with words instead of the bare Secure Link. */
  insertHyperlink: boolean;
}

/** The installation's settings are missing or wrong: only the admin can fix them. */
export class SettingsError extends Error {
  /** Builds the error with a message for the agent. */
  constructor(message: string) {
    super(message);
    this.name = "SettingsError";
  }
}

function checkbox(value: unknown, fallback: boolean): boolean {
  if (typeof value === "boolean") return value;
  // Zendesk has sent checkbox values as strings in some versions.
  if (value === "true" || value === "1") return true;
  if (value === "false" || value === "0" || value === "") return false;
  return fallback;
}

/**
 * Reads the installation parameters.
 *
 * @throws {SettingsError} when `service_url` is missing or not an http(s) URL.
 */
export function readSettings(settings: Record<string, unknown>): AppSettings {
  const raw = typeof settings.service_url === "string" ? settings.service_url.trim() : "";
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new SettingsError(
      t("settings.missingUrl"),
    );
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new SettingsError(
      t("settings.badUrl"),
    );
  }
  const roles = typeof settings.allowed_roles === "string" ? settings.allowed_roles : "";
  return {
    serviceUrl: url.origin,
    requireAuthDefault: checkbox(settings.require_auth_default, true),
    blockUnencryptedAttachments: checkbox(settings.block_unencrypted_attachments, false),
    allowedRoles: roles.split(/[,;\n]/).map((role) => role.trim().toLowerCase()).filter(Boolean),
    allAgentsAsRecipients: checkbox(settings.all_agents_as_recipients, false),
    insertHyperlink: checkbox(settings.insert_hyperlink, false),
  };
}

/** Whether an agent with `role` may use the app's actions (every role when the list is empty). */
export function roleAllowed(role: string | undefined, allowedRoles: readonly string[]): boolean {
  if (allowedRoles.length === 0) return true;
  return role !== undefined && allowedRoles.includes(role.trim().toLowerCase());
}
