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
import { join } from "node:path";
import { Accounts } from "./accounts/accounts.ts";
import { SecretBox } from "./accounts/secret_box.ts";
import { createHandler } from "./app.ts";
import { resolveConfig, type ResolvedConfig, type ServerConfig } from "./config.ts";
import type { Services } from "./context.ts";
import { openDatabase } from "./db/database.ts";
import { createPortal } from "./portal/mod.ts";
import { FileRepository } from "./files/repository.ts";
import { KeyLinkRepository } from "./links/repository.ts";
import { consoleLogSink, type LogEntry, stackFrames } from "./log.ts";
import { PackageRepository } from "./packages/repository.ts";
import { PartRepository } from "./parts/repository.ts";
import { RecipientRepository } from "./recipients/repository.ts";
import { createPartStore } from "./storage/create_part_store.ts";
import { PARTS_FOLDER } from "./storage/fs_part_store.ts";
import type { PartStore } from "./storage/part_store.ts";
import { sweepExpired, type SweepResult } from "./sweeper.ts";

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
  /** Deletes expired packages and part URLs now (the timer does it every `sweepIntervalMs`). */
  sweep(): Promise<SweepResult>;
  /** Stops listening, waits for requests in flight, closes the database. */
  close(): Promise<void>;
}

/** The file and folder names inside `dataDir`. */
export const DATA_LAYOUT = { database: "padlock.db", parts: PARTS_FOLDER, secretKey: "secret.key" };

/**
 * Opens the database and the account store of a data directory without serving
 * (the admin CLI uses this).
 *
 * @throws {import("./db/database.ts").SchemaError} when the database is newer than this code.
 */
export async function openAccounts(
  dataDir: string,
  secretKey?: string,
): Promise<{ accounts: Accounts; close(): void }> {
  await Deno.mkdir(dataDir, { recursive: true });
  const db = openDatabase(join(dataDir, DATA_LAYOUT.database));
  const accounts = new Accounts(db, await SecretBox.open(dataDir, secretKey));
  return { accounts, close: () => db.close() };
}

/**
 * Starts the service: opens (or creates) the data directory, migrates the database,
 * listens, and starts the sweeper.
 *
 * @param config any options; the rest take their defaults (see `ServerConfig`).
 * @param store where parts go; defaults to the one the configuration names (`createPartStore`).
 * @throws {import("./config.ts").ConfigError} on invalid options.
 * @throws {Deno.errors.AddrInUse} when the port is taken.
 */
export async function startServer(
  config: Partial<ServerConfig> = {},
  store?: PartStore,
): Promise<RunningServer> {
  const resolved = resolveConfig(config);
  const partStore = store ?? createPartStore(resolved);
  const log = resolved.log ?? consoleLogSink;
  await Deno.mkdir(resolved.dataDir, { recursive: true });
  const db = openDatabase(join(resolved.dataDir, DATA_LAYOUT.database));
  const accounts = new Accounts(
    db,
    await SecretBox.open(resolved.dataDir, resolved.secretKey),
    resolved.now,
  );
  const services: Services = {
    config: resolved,
    db,
    accounts,
    packages: new PackageRepository(db),
    recipients: new RecipientRepository(db),
    files: new FileRepository(db),
    parts: new PartRepository(db),
    keyLinks: new KeyLinkRepository(db),
    store: partStore,
    publicUrl: resolved.publicUrl ?? "",
  };
  // The portal (pages, pairing, mail) runs in front of the caller's extra routes and hook.
  const portal = await createPortal(services, log);
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
    db.close();
    throw error;
  }
  const addr = await ready;
  const host = addr.hostname.includes(":") ? `[${addr.hostname}]` : addr.hostname;
  const url = `http://${host}:${addr.port}`;
  services.publicUrl = resolved.publicUrl ?? url;

  let sweeping: Promise<SweepResult> | undefined;
  const sweep = (): Promise<SweepResult> => {
    // One sweep at a time: the timer and a caller share the run in progress.
    sweeping ??= sweepExpired(services).finally(() => sweeping = undefined);
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
    sweep,
    close() {
      closed ??= (async () => {
        if (timer !== undefined) clearInterval(timer);
        await server.shutdown();
        await portal.close();
        await sweeping?.catch(() => {});
        db.close();
      })();
      return closed;
    },
  };
}
