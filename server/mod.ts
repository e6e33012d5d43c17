/**
 * Padlock's SendSafely-compatible service: start it, get its URL and its account
 * store, close it.
 *
 * @example
 * ```ts
 * import { startServer } from "./server/mod.ts";
 * const server = await startServer({ port: 0, dataDir: await Deno.makeTempDir() });
 * const user = await server.accounts.createUser({ email: "agent@example.com", password: "long password" });
 * const { apiKey, apiSecret } = await server.accounts.createApiKey(user.id, "tests");
 * await server.close();
 * ```
 *
 * @module
 */
import { Accounts } from "./accounts/accounts.ts";
import { SecretBox } from "./accounts/secret_box.ts";
import { createHandler } from "./app.ts";
import { AbuseLimits, abuseLimitSettings } from "./limits.ts";
import { resolveConfig, type ResolvedConfig, type ServerConfig } from "./config.ts";
import type { Services } from "./context.ts";
import { Lease } from "./db/lease.ts";
import { openDatabase } from "./db/open.ts";
import type { Database } from "./db/database.ts";
import { newUuid } from "./ids.ts";
import { createPortal } from "./portal/mod.ts";
import { FileRepository } from "./files/repository.ts";
import { KeyLinkRepository } from "./links/repository.ts";
import { consoleLogSink, type LogEntry, stackFrames } from "./log.ts";
import { InFlight } from "./in_flight.ts";
import { mailQueueState } from "./mail/queue.ts";
import { ServiceMetrics } from "./metrics.ts";
import { type OpsListener, startOpsListener } from "./ops_routes.ts";
import { PackageRepository } from "./packages/repository.ts";
import { PartRepository } from "./parts/repository.ts";
import { RecipientRepository } from "./recipients/repository.ts";
import { ActivityRepository } from "./activity/repository.ts";
import { createPartStore } from "./storage/create_part_store.ts";
import { PARTS_FOLDER } from "./storage/fs_part_store.ts";
import type { PartStore } from "./storage/part_store.ts";
import { sweepExpired, type SweepResult } from "./sweeper.ts";
import { ZendeskError, ZendeskNotes, zendeskSettingsOf } from "./notices/zendesk.ts";

export type { ServerConfig } from "./config.ts";
export { ConfigError, configFromOutside, configUsage, DEFAULT_CONFIG } from "./config.ts";
export { AccountError, Accounts } from "./accounts/accounts.ts";
export type { ApiKeyInfo, NewApiKey, User } from "./accounts/accounts.ts";
export type { Dropzone } from "./dropzones/repository.ts";
export type { LogEntry } from "./log.ts";
export type { PartKey, PartStore, StoredPart } from "./storage/part_store.ts";
export { PartTooLargeError, StorageUnavailableError } from "./storage/part_store.ts";
export { FileSystemPartStore } from "./storage/fs_part_store.ts";
export { S3PartStore, type S3Settings } from "./storage/s3_part_store.ts";
export { createPartStore } from "./storage/create_part_store.ts";
export { formatTimestamp, signRequest } from "./signing.ts";
export type { SweepResult } from "./sweeper.ts";

/** A running service. */
export interface RunningServer {
  /** Where it listens, e.g. `http://127.0.0.1:41234`. */
  url: string;
  /** The port it listens on. */
  port: number;
  /** The origin it puts in part URLs and links (`publicUrl`, else `url`). */
  publicUrl: string;
  /** Users, API keys and dropzones. */
  accounts: Accounts;
  /** The configuration in force. */
  config: ResolvedConfig;
  /** Where the separate operator listener (`metricsAddress`) listens, when there is one. */
  metricsUrl?: string;
  /**
   * Deletes expired packages and part URLs now (the timer does it every `sweepIntervalMs`), when
   * this instance holds the sweeper lease; instances sharing a database sweep one at a time.
   */
  sweep(): Promise<SweepResult>;
  /**
   * Stops listening, waits for requests in flight (part transfers included) for up to
   * `shutdownGraceSeconds`, then closes the database (requests still running then fail).
   */
  close(): Promise<void>;
}

/** The file and folder names inside `dataDir`. */
export const DATA_LAYOUT = { database: "padlock.db", parts: PARTS_FOLDER, secretKey: "secret.key" };

/**
 * Opens the database and the account store of a data directory without serving
 * (the admin CLI uses this).
 *
 * @throws {import("./db/database.ts").SchemaError} when the database is newer than this code.
 * @throws {import("./db/database.ts").DatabaseUnavailableError} when PostgreSQL cannot be reached.
 */
export async function openAccounts(
  dataDir: string,
  secretKey?: string,
  databaseUrl?: string,
): Promise<{ accounts: Accounts; db: Database; close(): Promise<void> }> {
  await Deno.mkdir(dataDir, { recursive: true });
  const db = await openDatabase({ dataDir, databaseUrl });
  try {
    const accounts = new Accounts(db, await SecretBox.open(dataDir, secretKey));
    return { accounts, db, close: () => db.close() };
  } catch (error) {
    await db.close();
    throw error;
  }
}

/**
 * Starts the service: opens (or creates) the data directory, migrates the database,
 * listens, and starts the sweeper.
 *
 * @param config any options; the rest take their defaults (see `ServerConfig`).
 * @param store where parts go; defaults to the one the configuration names (`createPartStore`).
 * @throws {import("./config.ts").ConfigError} on invalid options.
 * @throws {import("./db/database.ts").DatabaseUnavailableError} when PostgreSQL cannot be reached.
 * @throws {Deno.errors.AddrInUse} when the port is taken.
 */
export async function startServer(
  config: Partial<ServerConfig> = {},
  store?: PartStore,
): Promise<RunningServer> {
  const resolved = resolveConfig(config);
  const inFlight = new InFlight();
  const metrics = new ServiceMetrics(() => inFlight.transfers);
  const sink = resolved.log ?? consoleLogSink;
  const log = (entry: LogEntry) => {
    metrics.observeLog(entry);
    sink(entry);
  };
  const partStore = store ?? createPartStore(resolved);
  await Deno.mkdir(resolved.dataDir, { recursive: true });
  const db = await openDatabase(resolved);
  let secrets: SecretBox;
  try {
    secrets = await SecretBox.open(resolved.dataDir, resolved.secretKey);
  } catch (error) {
    await db.close();
    throw error;
  }
  const accounts = new Accounts(db, secrets, resolved.now);
  metrics.watchMailQueue(() => mailQueueState(db, resolved.now()));
  const services: Services = {
    config: resolved,
    db,
    accounts,
    secrets,
    packages: new PackageRepository(db),
    recipients: new RecipientRepository(db),
    files: new FileRepository(db),
    parts: new PartRepository(db),
    keyLinks: new KeyLinkRepository(db),
    activity: new ActivityRepository(db),
    store: partStore,
    publicUrl: resolved.publicUrl ?? "",
    metrics,
    inFlight,
    limits: new AbuseLimits(db, abuseLimitSettings(resolved), resolved.now),
  };
  const zendesk = zendeskSettingsOf(resolved);
  if (zendesk) {
    services.zendeskNotes = new ZendeskNotes(
      zendesk,
      (error, ticketId) =>
        log({
          time: new Date().toISOString(),
          event: "error",
          errorName: error instanceof Error ? error.name : typeof error,
          detail: {
            what: "zendesk note not added",
            ticketId,
            status: error instanceof ZendeskError ? error.status ?? "unreachable" : "unknown",
          },
        }),
      resolved.zendeskRetryDelaysMs === undefined ? {} : {
        retryDelaysMs: resolved.zendeskRetryDelaysMs,
      },
    );
  }
  // The portal (pages, pairing, mail) runs in front of the caller's extra routes and hook.
  let portal: Awaited<ReturnType<typeof createPortal>>;
  try {
    portal = await createPortal(services, log);
  } catch (error) {
    await db.close();
    throw error;
  }
  services.config = portal.mount(services.config);
  const handler = createHandler(services, log);
  let listening: (addr: Deno.NetAddr) => void;
  const ready = new Promise<Deno.NetAddr>((resolve) => listening = resolve);
  let server: Deno.HttpServer<Deno.NetAddr>;
  try {
    server = Deno.serve({
      port: resolved.port,
      hostname: resolved.hostname,
      onListen: (addr) => listening(addr),
    }, handler);
  } catch (error) {
    await portal.close();
    await db.close();
    throw error;
  }
  const addr = await ready;
  const host = addr.hostname.includes(":") ? `[${addr.hostname}]` : addr.hostname;
  const url = `http://${host}:${addr.port}`;
  services.publicUrl = resolved.publicUrl ?? url;
  let ops: OpsListener | undefined;
  if (resolved.metricsAddress !== undefined) {
    try {
      ops = await startOpsListener(resolved.metricsAddress, services);
    } catch (error) {
      await server.shutdown();
      await portal.close();
      await db.close();
      throw error;
    }
  }

  let sweeping: Promise<SweepResult> | undefined;
  // Instances sharing a database sweep one at a time: the holder of the lease (renewed at each
  // sweep; taken over when its holder stops renewing it).
  const sweepLease = new Lease(
    db,
    "sweeper",
    newUuid(),
    Math.max(60_000, 2 * resolved.sweepIntervalMs),
    resolved.now,
  );
  const sweep = (): Promise<SweepResult> => {
    // One sweep at a time: the timer and a caller share the run in progress.
    sweeping ??=
      (async () =>
        await sweepLease.acquire()
          ? await sweepExpired(services)
          : { packages: 0, partUrls: 0, activity: 0 })()
        .then(
          (result) => (metrics.sweepRan(result), result),
          (error) => {
            metrics.sweepRan(undefined);
            throw error;
          },
        ).finally(() => sweeping = undefined);
    return sweeping;
  };
  const timer = resolved.sweepIntervalMs > 0
    ? setInterval(() => {
      sweep().then(
        (result) => {
          if (result.packages > 0) {
            log({ time: new Date().toISOString(), event: "sweep", detail: { ...result } });
          }
        },
        (error) =>
          log(
            {
              time: new Date().toISOString(),
              event: "error",
              errorName: error instanceof Error ? error.name : typeof error,
              stack: stackFrames(error),
            } satisfies LogEntry,
          ),
      );
    }, resolved.sweepIntervalMs)
    : undefined;

  let closed: Promise<void> | undefined;
  return {
    url,
    port: addr.port,
    publicUrl: services.publicUrl,
    accounts,
    config: resolved,
    metricsUrl: ops?.url,
    sweep,
    close() {
      closed ??= (async () => {
        if (timer !== undefined) clearInterval(timer);
        // Deno's shutdown cuts request bodies still arriving: first wait for the requests in
        // flight (new ones get 503), then close the listener.
        inFlight.stop();
        const graceMs = (resolved.shutdownGraceSeconds ?? 0) * 1000;
        const drained = await drainWithin(inFlight.idle(), graceMs);
        log({
          time: new Date().toISOString(),
          event: "stop",
          detail: { drained, transfersCut: inFlight.transfers, requestsCut: inFlight.requests },
        });
        // A client still sending a cut body can hold Deno's shutdown open: past a grace time,
        // give it one more second (the command line exits after close). Without a grace time
        // (the library's default) close waits for the shutdown, as it always did.
        const closing = server.shutdown();
        if (drained || graceMs === 0) await closing;
        else await drainWithin(closing, 1000);
        await ops?.close();
        services.zendeskNotes?.close();
        await services.zendeskNotes?.drain();
        await portal.close();
        await sweeping?.catch(() => {});
        await sweepLease.release().catch(() => {});
        await db.close();
      })();
      return closed;
    },
  };
}

/** Waits for `idle` for up to `ms`; tells whether it came in time. */
async function drainWithin(idle: Promise<void>, ms: number): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<false>((resolve) => timer = setTimeout(() => resolve(false), ms));
  try {
    return await Promise.race([idle.then(() => true as const), expired]);
  } finally {
    clearTimeout(timer);
  }
}
