/**
 * The service configuration: every option with its default and unit, and the
 * reading of options from environment variables and command-line flags.
 *
 * @module
 */
import { parseArgs } from "node:util";
import type { LogEntry } from "./log.ts";

/** Plaintext size of one SendSafely part (spec 3.4). */
export const SENDSAFELY_PART_SIZE = 2_621_440;

/** Bytes OpenPGP adds to a part (107 for SendSafely's parameters), with room for other clients. */
const PART_OVERHEAD_ALLOWANCE = 65_536;

/** Options of the service. Give `startServer` any subset; the rest take the defaults below. */
export interface ServerConfig {
  /** TCP port; 0 picks a free one. @default {8080} */
  port: number;
  /** Interface to listen on. @default {"127.0.0.1"} */
  hostname: string;
  /**
   * Origin clients reach the service at (scheme, host, optional port, no trailing slash);
   * used in part URLs and Secure Links. @default {`http://<hostname>:<port>`}
   */
  publicUrl?: string;
  /** Folder for the database, the secret key and the ciphertext parts. @default {".data"} */
  dataDir: string;
  /** Largest plaintext file a client may declare, in bytes. @default {10 GiB} */
  maxFileBytes: number;
  /** Most parts one file may have. @default {10000} */
  maxPartsPerFile: number;
  /** Plaintext part size clients use, in bytes; parts may be up to this plus OpenPGP overhead. @default {2621440} */
  partSize: number;
  /** Largest ciphertext part accepted, in bytes. @default {partSize + 64 KiB} */
  maxPartBytes?: number;
  /** Most files in one package. @default {200} */
  maxFilesPerPackage: number;
  /** Most recipients of one package. @default {100} */
  maxRecipientsPerPackage: number;
  /** Longest package life a client may set, in days; 0 means no limit (and then life 0 = never expire). @default {365} */
  maxPackageLifeDays: number;
  /** Life of a new package, in days. @default {10} */
  defaultPackageLifeDays: number;
  /** Days who-opened-what is kept (0: as long as its package). @default {90} */
  activityRetentionDays: number;
  /**
   * The verified email or signed-in agent of an anonymous (`{ session: true }`) request that may
   * read `packageId`, for the activity record; set by the portal. @default {() => undefined}
   */
  sessionActor?: (req: Request, packageId: string) => Promise<string | undefined>;
  /** Largest JSON request body, in bytes. @default {262144} */
  maxJsonBytes: number;
  /**
   * Longest time a JSON or form body may take to arrive, in milliseconds; a slower client is
   * cut off (408). 0 means no limit. @default {60000}
   */
  bodyTimeoutMs: number;
  /**
   * Longest time one part may take to arrive (part URL or proxy upload), in milliseconds; 0 means
   * no limit. @default {600000} (a 2.5 MiB part at 4.4 KB/s)
   */
  partTimeoutMs: number;
  /** Largest encrypted package message (base64), in characters. @default {131072} */
  maxMessageChars: number;
  /** How long an upload or download URL stays valid, in seconds. @default {3600} */
  partUrlLifetimeSeconds: number;
  /** Most clock difference accepted on signed requests, in seconds. @default {600} */
  clockSkewSeconds: number;
  /** How often expired packages are deleted, in milliseconds; 0 turns the timer off. @default {600000} */
  sweepIntervalMs: number;
  /** Whether packages may be finalized without named recipients (anyone with the link reads them). @default {true} */
  allowUndisclosedRecipients: boolean;
  /** Name reported by `GET /enterprise/`. @default {"Padlock"} */
  systemName: string;
  /**
   * Key that encrypts API secrets at rest: 32 bytes, base64url. When absent, a key file
   * `secret.key` is created in `dataDir` (keep it out of database backups).
   */
  secretKey?: string;
  /**
   * `postgres://user:password@host:port/database` puts the metadata on PostgreSQL instead of
   * `<dataDir>/padlock.db`, so several instances can share it. Needs `secretKey`.
   */
  databaseUrl?: string;
  /** Extra handlers (portal pages, sandbox) tried before answering 404 outside the API. */
  extraRoutes?: (
    req: Request,
    info?: { remoteAddr: Deno.Addr },
  ) => Promise<Response | undefined>;
  /** SMTP host for the portal's mail; without it mail goes to `<dataDir>/outbox/`. */
  smtpHost?: string;
  /** SMTP port. @default {587} (465 with `smtpTls: "implicit"`) */
  smtpPort?: number;
  /** SMTP AUTH user. */
  smtpUser?: string;
  /** SMTP AUTH password. */
  smtpPassword?: string;
  /** `implicit` (TLS from the start), `starttls` (required upgrade) or `none`. @default {"starttls"} */
  smtpTls?: "implicit" | "starttls" | "none";
  /** Sender of the portal's mail. @default {"Padlock <no-reply@localhost>"} */
  mailFrom?: string;
  /** Serves the outbox at `/dev/outbox` (development only: it shows live codes). @default {false} */
  devOutbox?: boolean;
  /** Takes the client address for rate limits from `X-Forwarded-For` (behind a reverse proxy). @default {false} */
  trustProxy?: boolean;
  /** Folder holding the built `portal.js`. @default {"dist/portal" of this checkout} */
  portalAssetsDir?: string;
  /** Folder of the built Help Center widget, served at `/widget/`. @default {"dist/helpcenter" of this checkout} */
  widgetDir?: string;
  /**
   * Decides whether an anonymous (`{ session: true }`) request may read a package that is not
   * undisclosed, for example because its cookie belongs to a verified recipient.
   * @default {() => false}
   */
  authorizeSession?: (req: Request, packageId: string) => boolean | Promise<boolean>;
  /** S3-compatible endpoint (origin) for the parts; with the other `s3*` options, parts go to a bucket. */
  s3Endpoint?: string;
  /** The bucket for the parts (it must exist). */
  s3Bucket?: string;
  /** The region signed for. @default {"us-east-1"} */
  s3Region?: string;
  /** The access key id of the bucket's user. */
  s3AccessKeyId?: string;
  /** The secret access key of the bucket's user. */
  s3SecretAccessKey?: string;
  /** Put before every object key, e.g. `padlock/`. @default {""} */
  s3Prefix?: string;
  /** Part URLs are pre-signed bucket URLs: part bytes never pass through the service. @default {false} */
  s3DirectParts?: boolean;
  /** OpenID Connect issuer of the company's identity provider; with the client id and secret, agents sign in through it. */
  oidcIssuer?: string;
  /** The client id registered at the identity provider. */
  oidcClientId?: string;
  /** The client secret registered at the identity provider. */
  oidcClientSecret?: string;
  /** The provider's name on the sign-in button ("Sign in with Okta"). @default {the issuer's host name} */
  oidcName?: string;
  /** Email domains (comma-separated) whose agents get an account at their first sign-in through the provider. */
  oidcAllowedDomains?: string;
  /** Agents sign in only through the provider: passwords are refused. @default {false} */
  oidcOnly?: boolean;
  /** How often an agent's API keys are checked with the provider (refresh token), in minutes; 0 never. @default {15} */
  oidcCheckMinutes?: number;
  /** SAML 2.0: the identity provider's single sign-on URL; with `samlIdpCert`, agents sign in through it. */
  samlEntryPoint?: string;
  /** SAML 2.0: the identity provider's signing certificate, PEM text or the path of a PEM file. */
  samlIdpCert?: string;
  /** SAML 2.0: this service's entity id (the audience of the assertions). @default {the public URL} */
  samlIssuer?: string;
  /** SAML 2.0: the provider's name on the sign-in button ("Sign in with Okta"). @default {the entry point's host name} */
  samlIdpName?: string;
  /** Email domains (comma-separated) whose agents get an account at their first single sign-on (OpenID or SAML); replaces `oidcAllowedDomains`. */
  ssoAllowedDomains?: string;
  /** Agents sign in only through the identity provider (OpenID or SAML): passwords are refused; replaces `oidcOnly`. @default {false} */
  ssoOnly?: boolean;
  /** Zendesk subdomain (`acme` for acme.zendesk.com): with the email and API token, file-request uploads add an internal note to their ticket. */
  zendeskSubdomain?: string;
  /** Email of the Zendesk agent the API token belongs to (the note's author). */
  zendeskEmail?: string;
  /** Zendesk API token (Admin Center, Apps and integrations, Zendesk API). */
  zendeskApiToken?: string;
  /** Zendesk's API origin instead of `https://<subdomain>.zendesk.com` (a sandbox in tests). */
  zendeskBaseUrl?: string;
  /** Waits before each retry of a Zendesk note, in ms (tests shorten them). @default {[5000, 30000, 120000, 600000]} */
  zendeskRetryDelaysMs?: readonly number[];
  /** Receives one structured entry per request; defaults to one JSON line on stdout. */
  log?: (entry: LogEntry) => void;
  /** The clock, in milliseconds since the epoch (tests move it forward). @default {Date.now} */
  now?: () => number;
  /** Bearer token that `GET /metrics` on the service's address asks for; without it (and without `metricsAddress`) metrics are not served. */
  metricsToken?: string;
  /** `host:port` of a separate listener serving `/metrics`, `/healthz`, `/readyz` without a token (a private interface). */
  metricsAddress?: string;
  /**
   * On stop, how long requests in flight (part transfers) may take to finish before the service
   * closes anyway, in seconds. @default {30} from the command line, 0 through `startServer`
   */
  shutdownGraceSeconds?: number;
  /** Abuse limit (`limits.ts`): API calls per API key per minute; 0 = none. @default {3000} */
  apiRequestsPerKeyPerMinute?: number;
  /** Abuse limit: API calls (both prefixes) per client address per minute; 0 = none. @default {6000} */
  apiRequestsPerAddressPerMinute?: number;
  /** Abuse limit: ciphertext bytes uploaded into one dropzone's packages per day; 0 = none. @default {50 GiB} */
  uploadBytesPerDropzonePerDay?: number;
  /** Abuse limit: ciphertext bytes uploaded from one client address per day; 0 = none. @default {20 GiB} */
  uploadBytesPerAddressPerDay?: number;
  /** Abuse limit: ciphertext bytes stored in all; 0 = none. @default {1 TiB} */
  storageQuotaBytes?: number;
}

/** The defaults of every option that has one. */
export const DEFAULT_CONFIG: ServerConfig = {
  port: 8080,
  hostname: "127.0.0.1",
  dataDir: ".data",
  maxFileBytes: 10 * 1024 ** 3,
  maxPartsPerFile: 10_000,
  partSize: SENDSAFELY_PART_SIZE,
  maxFilesPerPackage: 200,
  maxRecipientsPerPackage: 100,
  maxPackageLifeDays: 365,
  defaultPackageLifeDays: 10,
  activityRetentionDays: 90,
  maxJsonBytes: 262_144,
  bodyTimeoutMs: 60_000,
  partTimeoutMs: 600_000,
  maxMessageChars: 131_072,
  partUrlLifetimeSeconds: 3600,
  clockSkewSeconds: 600,
  sweepIntervalMs: 600_000,
  allowUndisclosedRecipients: true,
  systemName: "Padlock",
};

/** A configuration with every default applied. */
export type ResolvedConfig = ServerConfig & { maxPartBytes: number; now: () => number };

/** Thrown when an option has a value the service cannot run with. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

/**
 * Applies the defaults and checks the values.
 *
 * @throws {ConfigError} when a limit is not a non-negative integer or the public URL is not an origin.
 */
export function resolveConfig(config: Partial<ServerConfig> = {}): ResolvedConfig {
  const merged: ServerConfig = { ...DEFAULT_CONFIG };
  for (const [key, value] of Object.entries(config)) {
    if (value !== undefined) (merged as unknown as Record<string, unknown>)[key] = value;
  }
  const numeric = [
    "port",
    "maxFileBytes",
    "maxPartsPerFile",
    "partSize",
    "maxFilesPerPackage",
    "maxRecipientsPerPackage",
    "maxPackageLifeDays",
    "defaultPackageLifeDays",
    "maxJsonBytes",
    "bodyTimeoutMs",
    "partTimeoutMs",
    "maxMessageChars",
    "partUrlLifetimeSeconds",
    "clockSkewSeconds",
    "sweepIntervalMs",
    "activityRetentionDays",
  ] as const;
  for (const key of numeric) {
    const value = merged[key];
    if (!Number.isSafeInteger(value) || value < 0) {
      throw new ConfigError(`${key} must be a non-negative integer: current value is ${value}`);
    }
  }
  for (
    const key of [
      "apiRequestsPerKeyPerMinute",
      "apiRequestsPerAddressPerMinute",
      "uploadBytesPerDropzonePerDay",
      "uploadBytesPerAddressPerDay",
      "storageQuotaBytes",
    ] as const
  ) {
    const value = merged[key];
    if (value !== undefined && (!Number.isSafeInteger(value) || value < 0)) {
      throw new ConfigError(`${key} must be a non-negative integer: current value is ${value}`);
    }
  }
  const grace = merged.shutdownGraceSeconds;
  if (grace !== undefined && (!Number.isSafeInteger(grace) || grace < 0)) {
    throw new ConfigError(
      `shutdownGraceSeconds must be a non-negative integer: current value is ${grace}`,
    );
  }
  if (merged.maxPackageLifeDays > 0 && merged.defaultPackageLifeDays > merged.maxPackageLifeDays) {
    throw new ConfigError(
      `defaultPackageLifeDays (${merged.defaultPackageLifeDays}) exceeds maxPackageLifeDays (${merged.maxPackageLifeDays})`,
    );
  }
  if (merged.publicUrl !== undefined) {
    let parsed: URL;
    try {
      parsed = new URL(merged.publicUrl);
    } catch (cause) {
      throw new ConfigError(`publicUrl is not a URL: ${merged.publicUrl}`, { cause });
    }
    if (
      !["http:", "https:"].includes(parsed.protocol) || parsed.pathname !== "/" || parsed.search
    ) {
      throw new ConfigError(
        `publicUrl must be an http(s) origin without path: current value is ${merged.publicUrl}`,
      );
    }
    merged.publicUrl = parsed.origin;
  }
  if (merged.databaseUrl !== undefined) {
    if (!/^postgres(ql)?:\/\//i.test(merged.databaseUrl)) {
      throw new ConfigError("databaseUrl must be a postgres:// URL.");
    }
    if (!merged.secretKey) {
      // Every instance must open the API secrets sealed by the others and agree on the CSRF key.
      throw new ConfigError(
        "With a database URL, set the shared secret key (--secret-key or PADLOCK_SECRET_KEY): " +
          "every instance must use the same one.",
      );
    }
  }
  checkOidc(merged);
  checkSaml(merged);
  checkZendesk(merged);
  return {
    ...merged,
    maxPartBytes: merged.maxPartBytes ?? merged.partSize + PART_OVERHEAD_ALLOWANCE,
    now: merged.now ?? Date.now,
  };
}

/** The Zendesk API settings come together; the base URL is an http(s) origin. */
function checkZendesk(config: ServerConfig): void {
  const set = [config.zendeskEmail, config.zendeskApiToken].filter(Boolean).length +
    (config.zendeskSubdomain || config.zendeskBaseUrl ? 1 : 0);
  if (set !== 0 && set !== 3) {
    throw new ConfigError(
      "Zendesk notes need all of --zendesk-subdomain (or --zendesk-base-url), --zendesk-email " +
        "and --zendesk-api-token.",
    );
  }
  if (config.zendeskSubdomain && !/^[a-z0-9][a-z0-9-]{0,62}$/i.test(config.zendeskSubdomain)) {
    throw new ConfigError(
      `zendeskSubdomain is the name before .zendesk.com: current value is ${config.zendeskSubdomain}`,
    );
  }
  // The API token travels in every call: http only to this machine (a sandbox).
  const base = /^(https?):\/\/([^/]+?)\/?$/.exec(config.zendeskBaseUrl ?? "");
  if (
    config.zendeskBaseUrl &&
    (!base || (base[1] === "http" && !/^(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/.test(base[2])))
  ) {
    throw new ConfigError(
      `zendeskBaseUrl must be an https origin (http only on localhost): current value is ${config.zendeskBaseUrl}`,
    );
  }
}

/** The OpenID settings come together, the issuer is an https URL (http only on loopback). */
function checkOidc(config: ServerConfig): void {
  const set = [config.oidcIssuer, config.oidcClientId, config.oidcClientSecret].filter(Boolean);
  if (set.length === 0) {
    if ((config.ssoOnly ?? config.oidcOnly) && !config.samlEntryPoint) {
      throw new ConfigError(
        "ssoOnly (oidcOnly) needs single sign-on: the OpenID or the SAML settings.",
      );
    }
    return;
  }
  if (set.length !== 3) {
    throw new ConfigError(
      "Single sign-on needs all three of --oidc-issuer, --oidc-client-id and --oidc-client-secret.",
    );
  }
  let issuer: URL;
  try {
    issuer = new URL(config.oidcIssuer!);
  } catch (cause) {
    throw new ConfigError(`oidcIssuer is not a URL: ${config.oidcIssuer}`, { cause });
  }
  const loopback = ["127.0.0.1", "localhost", "[::1]"].includes(issuer.hostname);
  if (issuer.protocol !== "https:" && !(issuer.protocol === "http:" && loopback)) {
    throw new ConfigError(`oidcIssuer must be an https URL: current value is ${config.oidcIssuer}`);
  }
  const minutes = config.oidcCheckMinutes;
  if (minutes !== undefined && (!Number.isSafeInteger(minutes) || minutes < 0)) {
    throw new ConfigError(
      `oidcCheckMinutes must be a non-negative integer: current value is ${minutes}`,
    );
  }
}

/** The SAML settings come together, the entry point is an https URL (http only on loopback). */
function checkSaml(config: ServerConfig): void {
  if (!config.samlEntryPoint && !config.samlIdpCert) return;
  if (!config.samlEntryPoint || !config.samlIdpCert) {
    throw new ConfigError("SAML sign-in needs both --saml-entry-point and --saml-idp-cert.");
  }
  if (config.oidcIssuer) {
    throw new ConfigError(
      "Choose one single sign-on: OpenID Connect (--oidc-*) or SAML (--saml-*).",
    );
  }
  let entryPoint: URL;
  try {
    entryPoint = new URL(config.samlEntryPoint);
  } catch (cause) {
    throw new ConfigError(`samlEntryPoint is not a URL: ${config.samlEntryPoint}`, { cause });
  }
  const loopback = ["127.0.0.1", "localhost", "[::1]"].includes(entryPoint.hostname);
  if (entryPoint.protocol !== "https:" && !(entryPoint.protocol === "http:" && loopback)) {
    throw new ConfigError(
      `samlEntryPoint must be an https URL: current value is ${config.samlEntryPoint}`,
    );
  }
}

/** Each option that can be set from outside: flag name, environment variable, kind. */
const EXTERNAL_OPTIONS = [
  ["port", "PADLOCK_PORT", "number"],
  ["hostname", "PADLOCK_HOSTNAME", "string"],
  ["public-url", "PADLOCK_PUBLIC_URL", "string"],
  ["data-dir", "PADLOCK_DATA_DIR", "string"],
  ["max-file-bytes", "PADLOCK_MAX_FILE_BYTES", "number"],
  ["max-parts-per-file", "PADLOCK_MAX_PARTS_PER_FILE", "number"],
  ["part-size", "PADLOCK_PART_SIZE", "number"],
  ["max-part-bytes", "PADLOCK_MAX_PART_BYTES", "number"],
  ["max-files-per-package", "PADLOCK_MAX_FILES_PER_PACKAGE", "number"],
  ["max-recipients-per-package", "PADLOCK_MAX_RECIPIENTS_PER_PACKAGE", "number"],
  ["max-package-life-days", "PADLOCK_MAX_PACKAGE_LIFE_DAYS", "number"],
  ["default-package-life-days", "PADLOCK_DEFAULT_PACKAGE_LIFE_DAYS", "number"],
  ["max-json-bytes", "PADLOCK_MAX_JSON_BYTES", "number"],
  ["body-timeout-ms", "PADLOCK_BODY_TIMEOUT_MS", "number"],
  ["part-timeout-ms", "PADLOCK_PART_TIMEOUT_MS", "number"],
  ["max-message-chars", "PADLOCK_MAX_MESSAGE_CHARS", "number"],
  ["part-url-lifetime-seconds", "PADLOCK_PART_URL_LIFETIME_SECONDS", "number"],
  ["clock-skew-seconds", "PADLOCK_CLOCK_SKEW_SECONDS", "number"],
  ["sweep-interval-ms", "PADLOCK_SWEEP_INTERVAL_MS", "number"],
  ["activity-retention-days", "PADLOCK_ACTIVITY_RETENTION_DAYS", "number"],
  ["allow-undisclosed-recipients", "PADLOCK_ALLOW_UNDISCLOSED_RECIPIENTS", "boolean"],
  ["system-name", "PADLOCK_SYSTEM_NAME", "string"],
  ["secret-key", "PADLOCK_SECRET_KEY", "string"],
  ["database-url", "PADLOCK_DATABASE_URL", "string"],
  ["smtp-host", "PADLOCK_SMTP_HOST", "string"],
  ["smtp-port", "PADLOCK_SMTP_PORT", "number"],
  ["smtp-user", "PADLOCK_SMTP_USER", "string"],
  ["smtp-password", "PADLOCK_SMTP_PASSWORD", "string"],
  ["smtp-tls", "PADLOCK_SMTP_TLS", "string"],
  ["mail-from", "PADLOCK_MAIL_FROM", "string"],
  ["dev-outbox", "PADLOCK_DEV_OUTBOX", "boolean"],
  ["trust-proxy", "PADLOCK_TRUST_PROXY", "boolean"],
  ["widget-dir", "PADLOCK_WIDGET_DIR", "string"],
  ["metrics-token", "PADLOCK_METRICS_TOKEN", "string"],
  ["metrics-address", "PADLOCK_METRICS_ADDRESS", "string"],
  ["shutdown-grace-seconds", "PADLOCK_SHUTDOWN_GRACE_SECONDS", "number"],
  ["s3-endpoint", "PADLOCK_S3_ENDPOINT", "string"],
  ["s3-bucket", "PADLOCK_S3_BUCKET", "string"],
  ["s3-region", "PADLOCK_S3_REGION", "string"],
  ["s3-access-key-id", "PADLOCK_S3_ACCESS_KEY_ID", "string"],
  ["s3-secret-access-key", "PADLOCK_S3_SECRET_ACCESS_KEY", "string"],
  ["s3-prefix", "PADLOCK_S3_PREFIX", "string"],
  ["s3-direct-parts", "PADLOCK_S3_DIRECT_PARTS", "boolean"],
  ["api-requests-per-key-per-minute", "PADLOCK_API_REQUESTS_PER_KEY_PER_MINUTE", "number"],
  ["api-requests-per-address-per-minute", "PADLOCK_API_REQUESTS_PER_ADDRESS_PER_MINUTE", "number"],
  ["upload-bytes-per-dropzone-per-day", "PADLOCK_UPLOAD_BYTES_PER_DROPZONE_PER_DAY", "number"],
  ["upload-bytes-per-address-per-day", "PADLOCK_UPLOAD_BYTES_PER_ADDRESS_PER_DAY", "number"],
  ["storage-quota-bytes", "PADLOCK_STORAGE_QUOTA_BYTES", "number"],
  ["oidc-issuer", "PADLOCK_OIDC_ISSUER", "string"],
  ["oidc-client-id", "PADLOCK_OIDC_CLIENT_ID", "string"],
  ["oidc-client-secret", "PADLOCK_OIDC_CLIENT_SECRET", "string"],
  ["oidc-name", "PADLOCK_OIDC_NAME", "string"],
  ["oidc-allowed-domains", "PADLOCK_OIDC_ALLOWED_DOMAINS", "string"],
  ["oidc-only", "PADLOCK_OIDC_ONLY", "boolean"],
  ["oidc-check-minutes", "PADLOCK_OIDC_CHECK_MINUTES", "number"],
  ["saml-entry-point", "PADLOCK_SAML_ENTRY_POINT", "string"],
  ["saml-idp-cert", "PADLOCK_SAML_IDP_CERT", "string"],
  ["saml-issuer", "PADLOCK_SAML_ISSUER", "string"],
  ["saml-idp-name", "PADLOCK_SAML_IDP_NAME", "string"],
  ["sso-allowed-domains", "PADLOCK_SSO_ALLOWED_DOMAINS", "string"],
  ["sso-only", "PADLOCK_SSO_ONLY", "boolean"],
  ["zendesk-subdomain", "PADLOCK_ZENDESK_SUBDOMAIN", "string"],
  ["zendesk-email", "PADLOCK_ZENDESK_EMAIL", "string"],
  ["zendesk-api-token", "PADLOCK_ZENDESK_API_TOKEN", "string"],
  ["zendesk-base-url", "PADLOCK_ZENDESK_BASE_URL", "string"],
] as const;

/** The `--help` text listing every flag and environment variable. */
export function configUsage(): string {
  return EXTERNAL_OPTIONS.map(([flag, env, kind]) => `  --${flag}=<${kind}>  (env ${env})`)
    .join("\n");
}

function camelCase(flag: string): string {
  return flag.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

/**
 * Reads options from flags (`--port 8080`, `--data-dir=/srv/padlock`) and environment
 * variables (`PADLOCK_PORT`); a flag wins over the environment.
 *
 * @throws {ConfigError} on an unknown flag or a value that is not a number or boolean where one is needed.
 */
export function configFromOutside(
  args: string[],
  env: (name: string) => string | undefined,
): Partial<ServerConfig> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: Object.fromEntries(
        EXTERNAL_OPTIONS.map(([flag]) => [flag, { type: "string" as const }]),
      ),
      strict: true,
      allowPositionals: false,
    });
  } catch (cause) {
    throw new ConfigError(`${(cause as Error).message}\nOptions:\n${configUsage()}`, { cause });
  }
  const config: Record<string, unknown> = {};
  for (const [flag, envName, kind] of EXTERNAL_OPTIONS) {
    const raw = (parsed.values as Record<string, string | undefined>)[flag] ?? env(envName);
    if (raw === undefined || raw === "") continue;
    if (kind === "number") {
      const value = Number(raw);
      if (!Number.isSafeInteger(value)) {
        throw new ConfigError(`--${flag} (${envName}) must be an integer: current value is ${raw}`);
      }
      config[camelCase(flag)] = value;
    } else if (kind === "boolean") {
      if (!["true", "false", "1", "0"].includes(raw)) {
        throw new ConfigError(
          `--${flag} (${envName}) must be true or false: current value is ${raw}`,
        );
      }
      config[camelCase(flag)] = raw === "true" || raw === "1";
    } else {
      config[camelCase(flag)] = raw;
    }
  }
  return config as Partial<ServerConfig>;
}
