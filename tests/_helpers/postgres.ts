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

/** A PostgreSQL server the tests use. */
export interface Cluster {
  /** URL of the `postgres` maintenance database, as a user who may create databases. */
  adminUrl: string;
}

/** A throwaway cluster this process started, which a test may stop and start again. */
export interface OwnCluster extends Cluster {
  /** Stops the server at once (connections are cut), keeping its data. */
  stop(): Promise<void>;
  /** Starts it again on the same port. */
  start(): Promise<void>;
  /** Stops it and deletes its directory. */
  destroy(): void;
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

/** A PostgreSQL program, run as the `postgres` user when this process is root. */
function ownerCommand(program: string, args: string[]): Deno.Command {
  return isRoot()
    ? new Deno.Command("runuser", { args: ["-u", "postgres", "--", program, ...args] })
    : new Deno.Command(program, { args });
}

async function runAsOwner(program: string, args: string[]): Promise<void> {
  const { code, stdout, stderr } = await ownerCommand(program, args).output();
  if (code !== 0) {
    const text = new TextDecoder().decode(stderr) || new TextDecoder().decode(stdout);
    throw new Error(`${program} failed (${code}): ${text}`);
  }
}

/**
 * Starts a throwaway cluster: `initdb` in a temporary directory, `pg_ctl` on a free port of
 * 127.0.0.1, the socket in that directory; it is destroyed when the process ends.
 *
 * @throws {Error} when PostgreSQL is not installed.
 */
export async function startPostgresCluster(): Promise<OwnCluster> {
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
  // fsync off makes CREATE DATABASE fast and only matters if the machine loses power; a commit
  // still reaches the WAL before it returns (synchronous_commit stays on), so a cluster stopped
  // with `-m immediate` (the outage and instance tests) keeps every committed row.
  const options = [
    `-p ${port}`,
    `-k ${root}`,
    "-c listen_addresses=127.0.0.1",
    "-c fsync=off",
    "-c full_page_writes=off",
    "-c max_connections=300",
  ].join(" ");
  const start = () =>
    runAsOwner(`${bin}/pg_ctl`, ["-D", data, "-o", options, "-l", `${root}/log`, "-w", "start"]);
  await start();
  let destroyed = false;
  const destroy = () => {
    if (destroyed) return;
    destroyed = true;
    try {
      ownerCommand(`${bin}/pg_ctl`, ["-D", data, "-m", "immediate", "stop"]).outputSync();
    } finally {
      Deno.removeSync(root, { recursive: true });
    }
  };
  globalThis.addEventListener("unload", destroy);
  return {
    adminUrl: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: () => runAsOwner(`${bin}/pg_ctl`, ["-D", data, "-m", "immediate", "-w", "stop"]),
    start,
    destroy,
  };
}

async function startCluster(): Promise<Cluster> {
  const configured = Deno.env.get("PADLOCK_TEST_DATABASE_URL");
  if (configured) return { adminUrl: configured };
  return await startPostgresCluster();
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
 * Creates an empty database for one test on `on`, or on the test cluster (started if needed).
 *
 * @throws {Error} when PostgreSQL is not installed and no server is configured.
 */
export async function createTestDatabase(on?: Cluster): Promise<TestDatabase> {
  const { adminUrl } = on ?? await testCluster();
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
