/**
 * The two metadata backends the service suite runs on: the embedded SQLite file and a real
 * PostgreSQL server (see `postgres.ts`). A test written once with {@linkcode backendTest} is
 * registered once per backend, the backend in its name (`… [postgres]`).
 *
 * @module
 */
import { DatabaseSync } from "node:sqlite";
import postgres from "postgres";
import { createTestDatabase } from "./postgres.ts";

/** Where a service keeps its metadata. */
export type Backend = "sqlite" | "postgres";

/** Every backend, in the order tests are registered. */
export const BACKENDS: readonly Backend[] = ["sqlite", "postgres"];

let running: Backend | undefined;

/**
 * The backend of the `backendTest` running now (tests of one file run one at a time), so that a
 * service started on another backend by mistake is refused instead of passing unnoticed.
 */
export function runningBackend(): Backend | undefined {
  return running;
}

/** Registers `body` once per backend, as `name [backend]`. */
export function backendTest(
  name: string,
  body: (backend: Backend) => Promise<void>,
  backends: readonly Backend[] = BACKENDS,
): void {
  for (const backend of backends) {
    Deno.test(`${name} [${backend}]`, async () => {
      running = backend;
      try {
        await body(backend);
      } finally {
        running = undefined;
      }
    });
  }
}

/** The service options of a backend for one test, and how to clean up after it. */
export interface BackendSettings {
  /** Set for PostgreSQL: a database of this test's own. */
  databaseUrl?: string;
  /** Set for PostgreSQL, where it is required (instances share it). */
  secretKey?: string;
  /** Drops the test's database (nothing to do for SQLite: it lives in the data directory). */
  drop(): Promise<void>;
}

/** A random 32-byte key, base64url, as `--secret-key` takes it. */
export function randomSecretKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return btoa(String.fromCharCode(...bytes)).replaceAll("+", "-").replaceAll("/", "_")
    .replace(/=+$/, "");
}

/**
 * Prepares a backend for one test: nothing for SQLite; a fresh database and a secret key for
 * PostgreSQL (the test cluster starts on first use).
 */
export async function backendSettings(backend: Backend): Promise<BackendSettings> {
  if (backend === "sqlite") return { drop: () => Promise.resolve() };
  const database = await createTestDatabase();
  return { databaseUrl: database.url, secretKey: randomSecretKey(), drop: database.drop };
}

/**
 * Runs a read-only query on a service's metadata beside the running service: the SQLite file of
 * `dataDir`, or the PostgreSQL database of `databaseUrl`. Write it with `?` placeholders.
 */
export async function queryRows<T>(
  where: { dataDir: string; databaseUrl?: string },
  sql: string,
  params: (string | number)[] = [],
): Promise<T[]> {
  if (where.databaseUrl) {
    const client = postgres(where.databaseUrl, {
      max: 1,
      onnotice: () => {},
      types: {
        bigint: {
          to: 20,
          from: [20, 1700],
          serialize: (value: unknown) => String(value),
          parse: (value: string) => Number(value),
        },
      },
    });
    try {
      let n = 0;
      const text = sql.replace(/\?/g, () => `$${++n}`);
      return [...await client.unsafe(text, params)] as T[];
    } finally {
      await client.end({ timeout: 5 });
    }
  }
  const db = new DatabaseSync(`${where.dataDir}/padlock.db`, { readOnly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}
