/**
 * What every API handler receives: the services (configuration, repositories,
 * part store), who is calling, the path parameters and the parsed body.
 *
 * @module
 */
import type { AbuseLimits } from "./limits.ts";
import type { Accounts, User } from "./accounts/accounts.ts";
import type { SecretBox } from "./accounts/secret_box.ts";
import type { ResolvedConfig } from "./config.ts";
import type { Database } from "./db/database.ts";
import type { Dropzone } from "./dropzones/repository.ts";
import type { FileRepository } from "./files/repository.ts";
import type { KeyLinkRepository } from "./links/repository.ts";
import type { LogEntry } from "./log.ts";
import type { PackageRepository } from "./packages/repository.ts";
import type { PartRepository } from "./parts/repository.ts";
import type { RecipientRepository } from "./recipients/repository.ts";
import type { ActivityRepository } from "./activity/repository.ts";
import type { InFlight } from "./in_flight.ts";
import type { ServiceMetrics } from "./metrics.ts";
import type { PartStore } from "./storage/part_store.ts";
import type { MailMessage } from "./mail/message.ts";
import type { ZendeskNotes } from "./notices/zendesk.ts";

/** Everything the handlers share. */
export interface Services {
  /** The configuration with defaults applied. */
  config: ResolvedConfig;
  /** The metadata database. */
  db: Database;
  /** Users, API keys, dropzones. */
  accounts: Accounts;
  /** Seals secrets kept in the database (API secrets, queued mail). */
  secrets: SecretBox;
  /** Package queries. */
  packages: PackageRepository;
  /** Recipient queries. */
  recipients: RecipientRepository;
  /** File queries. */
  files: FileRepository;
  /** Part and part-URL queries. */
  parts: PartRepository;
  /** Encrypted keyCode queries. */
  keyLinks: KeyLinkRepository;
  /** Who opened and downloaded what (issue 13). */
  activity: ActivityRepository;
  /** Where ciphertext lives. */
  store: PartStore;
  /** The origin clients reach the service at, known once it listens. */
  publicUrl: string;
  /** The Prometheus metrics the request handler feeds (absent in handlers built without them). */
  metrics?: ServiceMetrics;
  /** The requests in flight, and whether the service is stopping (`/readyz` then answers 503). */
  inFlight?: InFlight;
  /** The abuse limits (absent in handlers built without them: nothing is limited). */
  limits?: AbuseLimits;
  /**
   * Asks, before an agent's API key is served, whether the agent may still act (single sign-on:
   * the identity provider is asked now and then); false refuses the key.
   */
  checkAgent?: (user: User) => Promise<boolean>;
  /** The outgoing mail queue (set by the portal; absent in handlers built without it). */
  mail?: { enqueue(message: MailMessage): void };
  /** Internal notes on Zendesk tickets, when a Zendesk API token is configured. */
  zendeskNotes?: ZendeskNotes;
}

/** Who sent a request. */
export type Caller =
  | { kind: "user"; user: User }
  | { kind: "dropzone"; dropzone: Dropzone }
  | { kind: "session" };

/** The kinds of caller, for route tables. */
export type CallerKind = Caller["kind"];

/** What a handler receives. */
export interface ApiContext {
  /** The request (its body has been read already). */
  req: Request;
  /** The shared services. */
  services: Services;
  /** Who is calling. */
  caller: Caller;
  /** Path parameters, each already checked against `SAFE_ID_PATTERN`. */
  params: Record<string, string>;
  /** The parsed JSON body; `{}` when there is none. */
  body: Record<string, unknown>;
  /** The form of a multipart request (the proxy upload). */
  form?: FormData;
  /** The entry logged for this request; handlers add the ids they resolve. */
  log: LogEntry;
  /** The client's address (abuse limits). @default {"unknown"} */
  address?: string;
}

/** A handler returns the envelope fields besides `response: "SUCCESS"`. */
export type ApiHandler = (
  context: ApiContext,
) => Record<string, unknown> | Promise<Record<string, unknown>>;

/** One API route. */
export interface ApiRoute {
  /** HTTP method. */
  method: "GET" | "PUT" | "POST" | "DELETE" | "PATCH";
  /** Path below `/api/v2.0` or `/drop-zone/v2.0`, e.g. `/package/:packageId/`. */
  pattern: string;
  /** Kinds of caller allowed; others are refused before the handler runs. */
  callers: readonly CallerKind[];
  /** Patterns for path parameters that are not ids (checked instead of `SAFE_ID_PATTERN`). */
  paramPatterns?: Readonly<Record<string, RegExp>>;
  /** `multipart` for the proxy upload; JSON otherwise. */
  body?: "json" | "multipart";
  /** The handler. */
  handler: ApiHandler;
}

/** The current time of the service's clock. */
export function now(context: { services: Services }): number {
  return context.services.config.now();
}
