/**
 * The PostgreSQL implementation of {@linkcode Database}, for several service instances over one
 * database (`--database-url postgres://…`). Driver: `postgres` from npm (porsager), pure
 * JavaScript with no dependencies, so it runs under Deno's npm compatibility as is.
 *
 * SQL is written once with `?` placeholders for both dialects; they become `$1…$n` here.
 * BIGINT and NUMERIC values (times in ms, byte counts, COUNT, SUM) come back as JavaScript
 * numbers, as from SQLite. Transactions are SERIALIZABLE and retried on a serialization conflict,
 * which gives a check-then-write the guarantee SQLite's `BEGIN IMMEDIATE` gives it.
 *
 * @module
 */
import postgres from "postgres";
import {
  type Database,
  DatabaseUnavailableError,
  migrate,
  type Queryable,
  type RunResult,
  type SqlValue,
} from "./database.ts";
import type { Migration } from "./migrations.ts";
import { POSTGRES_MIGRATIONS } from "./migrations/postgres.ts";

type Sql = postgres.Sql<Record<string, never>>;
type TransactionSql = postgres.TransactionSql<Record<string, never>>;

/** How often a transaction is tried when the server reports a serialization conflict. */
const MAX_ATTEMPTS = 20;

/**
 * Rewrites `?` placeholders as `$1…$n`, leaving quoted literals and identifiers alone.
 *
 * @example
 * ```ts
 * numberPlaceholders("SELECT '?' FROM t WHERE a = ? AND b = ?"); // "SELECT '?' FROM t WHERE a = $1 AND b = $2"
 * ```
 */
export function numberPlaceholders(sql: string): string {
  let out = "";
  let n = 0;
  let quote: string | undefined;
  for (const char of sql) {
    if (quote) {
      if (char === quote) quote = undefined;
      out += char;
    } else if (char === "'" || char === '"') {
      quote = char;
      out += char;
    } else if (char === "?") {
      out += `$${++n}`;
    } else {
      out += char;
    }
  }
  return out;
}

/** SQLSTATE classes and driver codes that mean "the database is not reachable now". */
function isUnavailable(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const code = String((error as { code?: unknown }).code ?? "");
  return code.startsWith("08") || // connection exception
    code === "57P01" || code === "57P02" || code === "57P03" || // shutdown, crash, starting
    code === "53300" || // too many connections
    [
      "CONNECTION_CLOSED",
      "CONNECTION_ENDED",
      "CONNECTION_DESTROYED",
      "CONNECT_TIMEOUT",
      "ECONNREFUSED",
      "ECONNRESET",
      "EPIPE",
      "ETIMEDOUT",
      "ENOTFOUND",
      "EHOSTUNREACH",
    ].includes(code) ||
    error instanceof Deno.errors.ConnectionRefused ||
    error instanceof Deno.errors.ConnectionReset ||
    error instanceof Deno.errors.BrokenPipe;
}

function isRetryable(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  return code === "40001" || code === "40P01"; // serialization failure, deadlock
}

/** Runs a driver call, turning "the database is down" into {@linkcode DatabaseUnavailableError}. */
async function guarded<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (isUnavailable(error)) {
      throw new DatabaseUnavailableError("The database cannot be reached.", { cause: error });
    }
    throw error;
  }
}

class PostgresStatements implements Queryable {
  readonly dialect = "postgres" as const;
  readonly #sql: Sql | TransactionSql;
  readonly #inTransaction: boolean;
  readonly #owner: PostgresDatabase | undefined;

  constructor(sql: Sql | TransactionSql, owner: PostgresDatabase | undefined) {
    this.#sql = sql;
    this.#owner = owner;
    this.#inTransaction = owner === undefined;
  }

  async all<T>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    const rows = await this.#query(sql, params);
    return [...rows] as T[];
  }

  async get<T>(sql: string, params: readonly SqlValue[] = []): Promise<T | undefined> {
    const rows = await this.#query(sql, params);
    return rows[0] as T | undefined;
  }

  async run(sql: string, params: readonly SqlValue[] = []): Promise<RunResult> {
    const rows = await this.#query(sql, params);
    return { changes: rows.count ?? 0 };
  }

  transaction<T>(body: (tx: Queryable) => Promise<T>): Promise<T> {
    if (this.#inTransaction) return body(this);
    return this.#owner!.transaction(body);
  }

  #query(sql: string, params: readonly SqlValue[]): Promise<postgres.RowList<postgres.Row[]>> {
    const text = numberPlaceholders(sql);
    const call = () =>
      this.#sql.unsafe(text, params as SqlValue[]) as unknown as Promise<
        postgres.RowList<postgres.Row[]>
      >;
    // Inside a transaction the error goes up to transaction(), which classifies it.
    return this.#inTransaction ? call() : guarded(call);
  }
}

/** The PostgreSQL implementation of {@linkcode Database}. */
export class PostgresDatabase implements Database {
  readonly dialect = "postgres" as const;
  readonly #sql: Sql;
  readonly #outside: PostgresStatements;

  /** Wraps a driver instance (a pool of connections). */
  constructor(sql: Sql) {
    this.#sql = sql;
    this.#outside = new PostgresStatements(sql, this);
  }

  all<T = Record<string, unknown>>(sql: string, params?: readonly SqlValue[]): Promise<T[]> {
    return this.#outside.all<T>(sql, params);
  }

  get<T = Record<string, unknown>>(
    sql: string,
    params?: readonly SqlValue[],
  ): Promise<T | undefined> {
    return this.#outside.get<T>(sql, params);
  }

  run(sql: string, params?: readonly SqlValue[]): Promise<RunResult> {
    return this.#outside.run(sql, params);
  }

  async exec(sql: string): Promise<void> {
    await guarded(() => this.#sql.unsafe(sql) as unknown as Promise<unknown>);
  }

  async transaction<T>(body: (tx: Queryable) => Promise<T>): Promise<T> {
    for (let attempt = 1;; attempt++) {
      try {
        return await guarded(() =>
          this.#sql.begin(
            "isolation level serializable",
            (tx) => body(new PostgresStatements(tx, undefined)),
          ) as Promise<T>
        );
      } catch (error) {
        if (!isRetryable(error) || attempt >= MAX_ATTEMPTS) throw error;
        // Conflicting transactions back off by a random few milliseconds, growing.
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * attempt));
      }
    }
  }

  async close(): Promise<void> {
    await this.#sql.end({ timeout: 5 });
  }
}

/** Connection settings besides the URL. */
export interface PostgresOptions {
  /** Most connections the pool opens. @default {10} */
  maxConnections?: number;
  /** Seconds to wait for a connection before the statement fails as unavailable. @default {5} */
  connectTimeoutSeconds?: number;
}

/**
 * Connects to the PostgreSQL database at `url` and applies pending migrations.
 *
 * @throws {import("./database.ts").SchemaError} when the database was migrated by a newer
 *   version of the service.
 * @throws {DatabaseUnavailableError} when the server cannot be reached.
 */
export async function openPostgres(
  url: string,
  options: PostgresOptions = {},
  migrations: readonly Migration[] = POSTGRES_MIGRATIONS,
): Promise<PostgresDatabase> {
  const sql = postgres(url, {
    max: options.maxConnections ?? 10,
    connect_timeout: options.connectTimeoutSeconds ?? 5,
    idle_timeout: 60,
    onnotice: () => {},
    // int8 (COUNT, BIGINT columns) and numeric (SUM) as numbers, as SQLite returns them: every
    // such value here is a time in ms or a byte count, far below 2^53.
    types: {
      bigint: {
        to: 20,
        from: [20, 1700],
        serialize: (value: unknown) => String(value),
        parse: (value: string) => Number(value),
      },
    },
  }) as unknown as Sql;
  const db = new PostgresDatabase(sql);
  try {
    await migrate(db, migrations);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}
