/**
 * A real PostgreSQL server for the tests. With `PADLOCK_TEST_DATABASE_URL` set (a URL whose user
 * may create databases) that server is used; otherwise one throwaway cluster is started per test
 * process, the first time a test asks for it: `initdb` in a temporary directory, `pg_ctl` on a
 * free port of 127.0.0.1 with its socket in that directory, and stopped when the process ends.
 * As root (CI), the cluster runs as the `postgres` user, which PostgreSQL requires.
 *
 * Each test gets a database of its own (`CREATE DATABASE padlock_<random>`), dropped afterwards.
 *
 * @module
 */
import postgres from "postgres";

/** A fresh database for one test. */
export interface TestDatabase {
  /** Its URL, for `--database-url`. */
  url: string;
  /** Drops it (closing whatever is still connected). */
  drop(): Promise<void>;
}

interface Cluster {
  /** URL of the `postgres` maintenance database, as a user who may create databases. */
  adminUrl: string;
}

let cluster: Promise<Cluster> | undefined;

/** Finds the directory of `initdb` and `pg_ctl` (Debian: /usr/lib/postgresql/<major>/bin). */
export function postgresBinDir(): string | undefined {
  const candidates: string[] = [];
  try {
    for (const entry of Deno.readDirSync("/usr/lib/postgresql")) {
      candidates.push(`/usr/lib/postgresql/${entry.name}/bin`);
    }
  } catch {
    // Not Debian's layout: look on the PATH below.
  }
  candidates.sort((a, b) => b.localeCompare(a, undefined, { numeric: true }));
  for (const directory of [...candidates, ...(Deno.env.get("PATH") ?? "").split(":")]) {
    try {
      Deno.statSync(`${directory}/pg_ctl`);
      Deno.statSync(`${directory}/initdb`);
      return directory;
    } catch {
      // Try the next one.
    }
  }
  return undefined;
}

function freePort(): number {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const { port } = listener.addr as Deno.NetAddr;
  listener.close();
  return port;
}

function isRoot(): boolean {
  return Deno.uid() === 0;
}

/** Runs a PostgreSQL program, as the `postgres` user when this process is root. */
async function runAsOwner(program: string, args: string[]): Promise<void> {
  const command = isRoot()
    ? new Deno.Command("runuser", { args: ["-u", "postgres", "--", program, ...args] })
    : new Deno.Command(program, { args });
  const { code, stdout, stderr } = await command.output();
  if (code !== 0) {
    const text = new TextDecoder().decode(stderr) || new TextDecoder().decode(stdout);
    throw new Error(`${program} failed (${code}): ${text}`);
  }
}

async function startCluster(): Promise<Cluster> {
  const configured = Deno.env.get("PADLOCK_TEST_DATABASE_URL");
  if (configured) return { adminUrl: configured };
  const bin = postgresBinDir();
  if (!bin) {
    throw new Error(
      "PostgreSQL is not installed (no initdb/pg_ctl): apt-get install -y postgresql, " +
        "or set PADLOCK_TEST_DATABASE_URL.",
    );
  }
  const root = await Deno.makeTempDir({ prefix: "padlock-pg-" });
  if (isRoot()) {
    await new Deno.Command("chown", { args: ["-R", "postgres:postgres", root] }).output();
  }
  const data = `${root}/data`;
  await runAsOwner(`${bin}/initdb`, [
    "-D",
    data,
    "-U",
    "postgres",
    "--auth=trust",
    "--encoding=UTF8",
    "--locale=C",
    "--no-sync",
  ]);
  const port = freePort();
  // Durability is not what these tests measure: fsync off makes CREATE DATABASE fast.
  const options = [
    `-p ${port}`,
    `-k ${root}`,
    "-c listen_addresses=127.0.0.1",
    "-c fsync=off",
    "-c synchronous_commit=off",
    "-c full_page_writes=off",
    "-c max_connections=300",
  ].join(" ");
  await runAsOwner(`${bin}/pg_ctl`, [
    "-D",
    data,
    "-o",
    options,
    "-l",
    `${root}/log`,
    "-w",
    "start",
  ]);
  globalThis.addEventListener("unload", () => {
    const stop = ["-D", data, "-m", "immediate", "stop"];
    try {
      (isRoot()
        ? new Deno.Command("runuser", { args: ["-u", "postgres", "--", `${bin}/pg_ctl`, ...stop] })
        : new Deno.Command(`${bin}/pg_ctl`, { args: stop })).outputSync();
    } finally {
      Deno.removeSync(root, { recursive: true });
    }
  });
  return { adminUrl: `postgres://postgres@127.0.0.1:${port}/postgres` };
}

/** Returns the running test cluster, starting it on first use. */
export function testCluster(): Promise<Cluster> {
  cluster ??= startCluster();
  return cluster;
}

async function admin<T>(adminUrl: string, body: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    return await body(sql);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/**
 * Creates an empty database for one test on the test cluster (started if needed).
 *
 * @throws {Error} when PostgreSQL is not installed and no server is configured.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const { adminUrl } = await testCluster();
  const name = `padlock_${crypto.randomUUID().replaceAll("-", "").slice(0, 16)}`;
  await admin(adminUrl, (sql) => sql.unsafe(`CREATE DATABASE ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.href,
    async drop() {
      await admin(adminUrl, (sql) => sql.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}
