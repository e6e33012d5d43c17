/**
 * The metadata database on both dialects: the two migration lists build the same tables, columns
 * and indexes; a database newer than the code is refused; transactions roll back whole and are
 * not interleaved; constraint errors are recognised the same way.
 */
import assert from "node:assert/strict";
import { DatabaseSync } from "node:sqlite";
import {
  type Database,
  isUniqueViolation,
  SchemaError,
  splitStatements,
} from "../../server/db/database.ts";
import { migrationsFor } from "../../server/db/migrations.ts";
import { numberPlaceholders, openPostgres } from "../../server/db/postgres.ts";
import { openSqlite, SqliteDatabase } from "../../server/db/sqlite.ts";
import { type Backend, backendTest } from "../_helpers/backends.ts";
import { createTestDatabase } from "../_helpers/postgres.ts";

/** Opens a migrated database of `backend` for one test and removes it afterwards. */
async function withDatabase(
  backend: Backend,
  body: (db: Database, reopen: () => Promise<Database>) => Promise<void>,
): Promise<void> {
  if (backend === "sqlite") {
    const dir = await Deno.makeTempDir({ prefix: "padlock-db-" });
    const path = `${dir}/padlock.db`;
    const db = await openSqlite(path);
    try {
      await body(db, () => openSqlite(path));
    } finally {
      await db.close();
      await Deno.remove(dir, { recursive: true });
    }
    return;
  }
  const database = await createTestDatabase();
  const db = await openPostgres(database.url);
  try {
    await body(db, () => openPostgres(database.url));
  } finally {
    await db.close();
    await database.drop();
  }
}

type Kind = "text" | "integer";

interface Shape {
  /** table → column → "kind, NOT NULL?" */
  columns: Record<string, Record<string, string>>;
  /** Named indexes (not those made by PRIMARY KEY or UNIQUE). */
  indexes: string[];
}

function kindOf(type: string): Kind {
  const lower = type.toLowerCase();
  if (lower.includes("int")) return "integer";
  if (lower.includes("text") || lower === "citext" || lower === "user-defined") return "text";
  throw new Error(`Unexpected column type ${type}`);
}

async function shapeOf(backend: Backend, db: Database): Promise<Shape> {
  const columns: Shape["columns"] = {};
  if (backend === "sqlite") {
    const tables = await db.all<{ name: string }>(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
    );
    for (const { name } of tables) {
      columns[name] = {};
      const info = await db.all<{ name: string; type: string; notnull: number; pk: number }>(
        `PRAGMA table_info(${name})`,
      );
      for (const column of info) {
        // A primary key column is NOT NULL in PostgreSQL whether or not it is declared so.
        const notNull = column.notnull === 1 || column.pk > 0;
        columns[name][column.name] = `${kindOf(column.type)}${notNull ? " NOT NULL" : ""}`;
      }
    }
    const indexes = await db.all<{ name: string }>(
      "SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_autoindex%'",
    );
    return { columns, indexes: indexes.map((index) => index.name).sort() };
  }
  const rows = await db.all<
    { table_name: string; column_name: string; data_type: string; is_nullable: string }
  >(
    `SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns
     WHERE table_schema = current_schema()`,
  );
  for (const row of rows) {
    // SQLite's implicit rowid is an explicit identity column in PostgreSQL (same ORDER BY).
    if (row.column_name === "rowid") continue;
    columns[row.table_name] ??= {};
    columns[row.table_name][row.column_name] = `${kindOf(row.data_type)}${
      row.is_nullable === "NO" ? " NOT NULL" : ""
    }`;
  }
  const indexes = await db.all<{ indexname: string }>(
    `SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()
     AND indexname NOT LIKE '%_pkey' AND indexname NOT LIKE '%_key'`,
  );
  return { columns, indexes: indexes.map((index) => index.indexname).sort() };
}

Deno.test("both dialects' migrations create the same tables, columns, types and indexes", async () => {
  const shapes: Partial<Record<Backend, Shape>> = {};
  for (const backend of ["sqlite", "postgres"] as const) {
    await withDatabase(backend, async (db) => {
      shapes[backend] = await shapeOf(backend, db);
    });
  }
  const { sqlite, postgres } = shapes as Record<Backend, Shape>;
  // Something was compared: every table of the service is there.
  assert.ok(Object.keys(sqlite.columns).length >= 16);
  assert.ok(sqlite.columns.packages.expires_at === "integer");
  assert.deepEqual(postgres.columns, sqlite.columns);
  assert.deepEqual(postgres.indexes, sqlite.indexes);
  // And the two lists have the same versions.
  assert.deepEqual(
    migrationsFor("postgres").map((migration) => migration.version),
    migrationsFor("sqlite").map((migration) => migration.version),
  );
});

backendTest(
  "a database migrated by a newer service is refused with a clear message",
  async (backend) => {
    await withDatabase(backend, async (db, reopen) => {
      await db.run(
        "INSERT INTO schema_migrations (version, description, applied_at) VALUES (?, ?, ?)",
        [99, "from the future", Date.now()],
      );
      await assert.rejects(reopen(), (error: Error) => {
        assert.ok(error instanceof SchemaError);
        assert.match(error.message, /schema is version 99 but this service knows up to \d+/);
        assert.match(error.message, /upgrade the service/);
        return true;
      });
    });
  },
);

backendTest("a migrated database opens again without change", async (backend) => {
  await withDatabase(backend, async (db, reopen) => {
    const again = await reopen();
    try {
      const rows = await again.all<{ version: number }>(
        "SELECT version FROM schema_migrations ORDER BY version",
      );
      const versions = migrationsFor(backend).map((migration) => migration.version);
      assert.deepEqual(rows.map((row) => row.version), versions);
      assert.deepEqual(versions.slice(0, 4), [1, 2, 3, 4]);
    } finally {
      await again.close();
    }
    assert.equal((await db.get<{ n: number }>("SELECT COUNT(*) AS n FROM users"))!.n, 0);
  });
});

backendTest(
  "a transaction that throws leaves nothing; values round-trip as numbers",
  async (backend) => {
    await withDatabase(backend, async (db) => {
      const insert = (tx: { run: Database["run"] }, id: string) =>
        tx.run(
          "INSERT INTO users (id, email, name, password_hash, created_at) VALUES (?, ?, ?, ?, ?)",
          [
            id,
            `${id}@example.com`,
            "",
            "hash",
            1_796_000_000_123,
          ],
        );
      await assert.rejects(
        db.transaction(async (tx) => {
          await insert(tx, "a");
          await new Promise((resolve) => setTimeout(resolve, 20));
          await insert(tx, "b");
          throw new Error("stop half-way");
        }),
        /stop half-way/,
      );
      assert.equal((await db.get<{ n: number }>("SELECT COUNT(*) AS n FROM users"))!.n, 0);
      await insert(db, "c");
      const row = await db.get<{ created_at: number; n: number }>(
        "SELECT created_at, (SELECT COUNT(*) FROM users) AS n FROM users WHERE email = ?",
        ["C@EXAMPLE.COM"], // emails compare without case on both
      );
      assert.deepEqual({ ...row }, { created_at: 1_796_000_000_123, n: 1 });
      // A duplicate is recognised as such on both dialects.
      const duplicate = await insert(db, "c").then(() => undefined, (error) => error);
      assert.ok(isUniqueViolation(duplicate), String(duplicate));
      assert.equal(isUniqueViolation(new Error("something else")), false);
    });
  },
);

backendTest("concurrent check-then-write transactions do not lose an update", async (backend) => {
  await withDatabase(backend, async (db) => {
    await db.exec("CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL)");
    await db.run("INSERT INTO counters (name, value) VALUES (?, ?)", ["n", 0]);
    // Each reads, waits (other requests run meanwhile), then writes what it read plus one: without
    // isolation the writes would overwrite each other.
    await Promise.all(Array.from({ length: 8 }, () =>
      db.transaction(async (tx) => {
        const row = await tx.get<{ value: number }>("SELECT value FROM counters WHERE name = ?", [
          "n",
        ]);
        await new Promise((resolve) => setTimeout(resolve, 5));
        await tx.run("UPDATE counters SET value = ? WHERE name = ?", [row!.value + 1, "n"]);
      })));
    const row = await db.get<{ value: number }>("SELECT value FROM counters WHERE name = ?", ["n"]);
    assert.equal(row!.value, 8);
  });
});

Deno.test("SQLite: a statement outside a transaction waits until the transaction ends", async () => {
  const db = new SqliteDatabase(new DatabaseSync(":memory:"));
  try {
    await db.exec("CREATE TABLE t (x INTEGER)");
    const order: string[] = [];
    let release!: () => void;
    const held = new Promise<void>((resolve) => release = resolve);
    const transaction = db.transaction(async (tx) => {
      await tx.run("INSERT INTO t (x) VALUES (1)");
      order.push("inserted");
      await held;
      throw new Error("rolled back");
    });
    await new Promise((resolve) => setTimeout(resolve, 10));
    // Without the lock this read would see the uncommitted row (same connection).
    const reading = db.get<{ n: number }>("SELECT COUNT(*) AS n FROM t").then((row) => {
      order.push(`read ${row!.n}`);
    });
    await new Promise((resolve) => setTimeout(resolve, 10));
    order.push("releasing");
    release();
    await assert.rejects(transaction, /rolled back/);
    await reading;
    assert.deepEqual(order, ["inserted", "releasing", "read 0"]);
  } finally {
    await db.close();
  }
});

Deno.test("placeholders are numbered outside literals; migrations split into statements", () => {
  assert.equal(
    numberPlaceholders("SELECT '?', \"a?\" FROM t WHERE a = ? AND b IN (?, ?)"),
    "SELECT '?', \"a?\" FROM t WHERE a = $1 AND b IN ($2, $3)",
  );
  assert.deepEqual(
    splitStatements(
      "-- a comment; with a semicolon\nCREATE TABLE a (x INT);\n\nCREATE INDEX i ON a(x);",
    ),
    ["CREATE TABLE a (x INT)", "CREATE INDEX i ON a(x)"],
  );
});
