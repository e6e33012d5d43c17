/**
 * The embedded database: one `node:sqlite` connection to `<dataDir>/padlock.db`.
 *
 * `node:sqlite` is synchronous, but a transaction's body awaits (other repositories, hashing), and
 * other requests run meanwhile on the same connection. So the connection has a lock: a
 * transaction holds it from `BEGIN IMMEDIATE` to `COMMIT`, and a statement outside a transaction
 * waits for it, so nothing interleaves with a transaction in progress.
 *
 * @module
 */
import { DatabaseSync, type SQLInputValue, type StatementSync } from "node:sqlite";
import {
  type Database,
  migrate,
  type Queryable,
  type RunResult,
  type SqlValue,
} from "./database.ts";
import type { Migration } from "./migrations.ts";
import { SQLITE_MIGRATIONS } from "./migrations/sqlite.ts";

/** Most prepared statements kept per connection. */
const STATEMENT_CACHE_SIZE = 500;

/** A FIFO lock: `acquire` resolves with the function that releases it. */
class Lock {
  #tail: Promise<void> = Promise.resolve();
  #pending = 0;

  /** Whether nobody holds or waits for the lock. */
  get idle(): boolean {
    return this.#pending === 0;
  }

  acquire(): Promise<() => void> {
    this.#pending++;
    let release!: () => void;
    const next = new Promise<void>((resolve) => release = resolve);
    const previous = this.#tail;
    this.#tail = next;
    return previous.then(() => () => {
      this.#pending--;
      release();
    });
  }
}

class SqliteStatements implements Queryable {
  readonly dialect = "sqlite" as const;
  readonly #db: DatabaseSync;
  readonly #direct: boolean;
  readonly #owner: SqliteDatabase;

  constructor(db: DatabaseSync, owner: SqliteDatabase, direct: boolean) {
    this.#db = db;
    this.#owner = owner;
    this.#direct = direct;
  }

  all<T>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    return this.#call(() => this.#owner.prepare(sql).all(...params as SQLInputValue[]) as T[]);
  }

  get<T>(sql: string, params: readonly SqlValue[] = []): Promise<T | undefined> {
    return this.#call(() => this.#owner.prepare(sql).get(...params as SQLInputValue[]) as T);
  }

  run(sql: string, params: readonly SqlValue[] = []): Promise<RunResult> {
    return this.#call(() => {
      const result = this.#owner.prepare(sql).run(...params as SQLInputValue[]);
      return { changes: Number(result.changes) };
    });
  }

  transaction<T>(body: (tx: Queryable) => Promise<T>): Promise<T> {
    // Inside a transaction: the same one.
    if (this.#direct) return body(this);
    return this.#owner.transaction(body);
  }

  async #call<T>(statement: () => T): Promise<T> {
    // A synchronous statement cannot interleave with anything: it only has to wait when a
    // transaction holds (or waits for) the connection.
    if (this.#direct || this.#owner.lock.idle) return statement();
    const release = await this.#owner.lock.acquire();
    try {
      return statement();
    } finally {
      release();
    }
  }
}

/** The SQLite implementation of {@linkcode Database}. */
export class SqliteDatabase implements Database {
  readonly dialect = "sqlite" as const;
  /** Held by a transaction in progress; statements outside it wait. */
  readonly lock: Lock = new Lock();
  readonly #db: DatabaseSync;
  readonly #outside: SqliteStatements;

  /**
   * Prepared statements by SQL text. Preparing is most of the cost of a small statement, and the
   * repositories' SQL is a few hundred constant texts; a statement is reset after each use
   * (`all`, `get` and `run` step it to the end or reset it), so reusing one holds no lock.
   */
  readonly #statements = new Map<string, StatementSync>();

  /** Wraps an open connection. */
  constructor(db: DatabaseSync) {
    this.#db = db;
    this.#outside = new SqliteStatements(db, this, false);
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

  /** The prepared statement of `sql`, from the cache or prepared now. */
  prepare(sql: string): StatementSync {
    let statement = this.#statements.get(sql);
    if (!statement) {
      // A bound on SQL built from varying input (lists of values): start over past it.
      if (this.#statements.size >= STATEMENT_CACHE_SIZE) this.#statements.clear();
      statement = this.#db.prepare(sql);
      this.#statements.set(sql, statement);
    }
    return statement;
  }

  async exec(sql: string): Promise<void> {
    const release = await this.lock.acquire();
    try {
      this.#db.exec(sql);
    } finally {
      release();
    }
  }

  async transaction<T>(body: (tx: Queryable) => Promise<T>): Promise<T> {
    const release = await this.lock.acquire();
    try {
      this.#db.exec("BEGIN IMMEDIATE");
      try {
        const result = await body(new SqliteStatements(this.#db, this, true));
        this.#db.exec("COMMIT");
        return result;
      } catch (error) {
        if (this.#db.isTransaction) this.#db.exec("ROLLBACK");
        throw error;
      }
    } finally {
      release();
    }
  }

  async close(): Promise<void> {
    const release = await this.lock.acquire();
    try {
      this.#statements.clear();
      if (this.#db.isOpen) this.#db.close();
    } finally {
      release();
    }
  }
}

/**
 * Opens (or creates) the SQLite database at `path` and applies pending migrations.
 *
 * @throws {import("./database.ts").SchemaError} when the database was migrated by a newer
 *   version of the service.
 */
export async function openSqlite(
  path: string,
  migrations: readonly Migration[] = SQLITE_MIGRATIONS,
): Promise<SqliteDatabase> {
  const connection = new DatabaseSync(path);
  // WAL lets the admin CLI write while the service runs; FULL makes a committed part
  // record survive a power cut, not only a killed process.
  connection.exec("PRAGMA journal_mode = WAL");
  connection.exec("PRAGMA synchronous = FULL");
  connection.exec("PRAGMA foreign_keys = ON");
  connection.exec("PRAGMA busy_timeout = 5000");
  const db = new SqliteDatabase(connection);
  try {
    await migrate(db, migrations);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}
