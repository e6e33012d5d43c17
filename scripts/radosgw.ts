/**
 * Starts and stops a throwaway single-node Ceph cluster serving S3 (monitor, one OSD on `memstore`,
 * radosgw), everything below one folder and on free ports of 127.0.0.1, so the tests of the S3
 * part store run against a real S3 server that checks SigV4 signatures.
 *
 * As a command (`deno task test` runs the suite under `with`):
 *
 * ```sh
 * deno run -A scripts/radosgw.ts with deno test -A tests/   # a cluster for the command's life
 * deno run -A scripts/radosgw.ts start /tmp/padlock-s3      # prints PADLOCK_TEST_S3_* lines
 * deno run -A scripts/radosgw.ts stop /tmp/padlock-s3
 * ```
 *
 * Needs the Debian packages `ceph-mon ceph-osd radosgw ceph-common`, and root (the daemons must
 * be allowed to lock memory and open their admin sockets).
 *
 * @module
 */
import { join } from "node:path";

/** A running S3 server and the credentials of its one user. */
export interface S3Server {
  /** Its origin, e.g. `http://127.0.0.1:41234`. */
  endpoint: string;
  /** The region to sign for (radosgw accepts any; `us-east-1` is its default). */
  region: string;
  /** The access key id of the user. */
  accessKeyId: string;
  /** The secret access key of the user. */
  secretAccessKey: string;
}

/** Thrown when the cluster does not come up. */
export class RadosgwStartError extends Error {
  override name = "RadosgwStartError";
}

function freePort(): number {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const { port } = listener.addr as Deno.NetAddr;
  listener.close();
  return port;
}

async function run(command: string, args: string[], dir: string): Promise<string> {
  let output: Deno.CommandOutput;
  try {
    output = await new Deno.Command(command, { args, cwd: dir, stdin: "null" }).output();
  } catch (cause) {
    throw new RadosgwStartError(
      `${command} cannot run (install ceph-mon ceph-osd radosgw ceph-common): ${cause}`,
      { cause },
    );
  }
  const text = new TextDecoder().decode(output.stdout);
  if (!output.success) {
    const error = new TextDecoder().decode(output.stderr);
    throw new RadosgwStartError(`${command} ${args.join(" ")} failed: ${error || text}`);
  }
  return text;
}

function randomKey(length: number, alphabet: string): string {
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  return Array.from(bytes, (byte) => alphabet[byte % alphabet.length]).join("");
}

async function waitFor(
  what: string,
  timeoutMs: number,
  check: () => Promise<boolean>,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new RadosgwStartError(`${what} did not come up within ${timeoutMs / 1000} s.`);
}

/**
 * Creates and starts the cluster in `dir` (created; should be empty) and a user with fresh keys.
 *
 * @throws {RadosgwStartError} when a daemon cannot be started or does not answer in time
 *   (the daemons already started are stopped).
 */
export async function startRadosgw(dir: string, timeoutMs = 120_000): Promise<S3Server> {
  await Deno.mkdir(dir, { recursive: true });
  const monPort = freePort();
  const rgwPort = freePort();
  const conf = join(dir, "ceph.conf");
  await Deno.writeTextFile(
    conf,
    `[global]
fsid = ${crypto.randomUUID()}
mon host = v1:127.0.0.1:${monPort}
mon initial members = a
auth cluster required = none
auth service required = none
auth client required = none
osd pool default size = 1
osd pool default min size = 1
osd pool default pg num = 8
osd pool default pgp num = 8
mon allow pool size one = true
mon max pg per osd = 1000
mon warn on pool no redundancy = false
osd crush chooseleaf type = 0
osd objectstore = memstore
memstore device bytes = 2147483648
run dir = ${dir}/run
log file = ${dir}/log/$name.log
admin socket = ${dir}/run/$name.asok
pid file = ${dir}/run/$name.pid
keyring = ${dir}/keyring
ms bind ipv6 = false

[mon.a]
mon data = ${dir}/mon

[osd.0]
osd data = ${dir}/osd

[client.rgw]
rgw frontends = beast endpoint=127.0.0.1:${rgwPort}
rgw data = ${dir}/rgw
`,
  );
  for (const sub of ["run", "log", "mon", "osd", "rgw"]) {
    await Deno.mkdir(join(dir, sub), { recursive: true });
  }
  try {
    const fsid = (await Deno.readTextFile(conf)).match(/fsid = (\S+)/)![1];
    await run("monmaptool", [
      "--create",
      "--add",
      "a",
      `v1:127.0.0.1:${monPort}`,
      "--fsid",
      fsid,
      join(dir, "monmap"),
    ], dir);
    await run("ceph-mon", ["-c", conf, "--mkfs", "-i", "a", "--monmap", join(dir, "monmap")], dir);
    await run("ceph-mon", ["-c", conf, "-i", "a"], dir);
    const osdId = (await run("ceph", ["-c", conf, "osd", "create"], dir)).trim();
    if (osdId !== "0") throw new RadosgwStartError(`ceph osd create answered ${osdId}, not 0`);
    await run("ceph-osd", ["-c", conf, "-i", "0", "--mkfs"], dir);
    await run("ceph-osd", ["-c", conf, "-i", "0"], dir);
    await run("ceph", [
      "-c",
      conf,
      "osd",
      "crush",
      "add",
      "osd.0",
      "1.0",
      "host=localhost",
      "root=default",
    ], dir);
    await run("radosgw", ["-c", conf, "-n", "client.rgw"], dir);
    const endpoint = `http://127.0.0.1:${rgwPort}`;
    await waitFor("radosgw", timeoutMs, async () => {
      const response = await fetch(endpoint + "/");
      await response.body?.cancel();
      return response.status === 200;
    });
    const accessKeyId = randomKey(20, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");
    const secretAccessKey = randomKey(
      40,
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
    );
    await run("radosgw-admin", [
      "-c",
      conf,
      "user",
      "create",
      "--uid=padlock",
      "--display-name=Padlock tests",
      `--access-key=${accessKeyId}`,
      `--secret=${secretAccessKey}`,
    ], dir);
    return { endpoint, region: "us-east-1", accessKeyId, secretAccessKey };
  } catch (error) {
    await stopRadosgw(dir);
    throw error;
  }
}

/** Stops the daemons of a cluster started in `dir` (by the pids they wrote) and deletes `dir`. */
export async function stopRadosgw(dir: string): Promise<void> {
  const pids: number[] = [];
  try {
    for await (const entry of Deno.readDir(join(dir, "run"))) {
      if (!entry.name.endsWith(".pid")) continue;
      const pid = Number((await Deno.readTextFile(join(dir, "run", entry.name))).trim());
      if (Number.isSafeInteger(pid) && pid > 1) pids.push(pid);
    }
  } catch (error) {
    if (!(error instanceof Deno.errors.NotFound)) throw error;
  }
  for (const pid of pids) {
    try {
      Deno.kill(pid, "SIGTERM");
    } catch {
      // Already gone.
    }
  }
  // Wait (bounded) for them to exit, so the memory is back before the folder goes.
  const deadline = Date.now() + 10_000;
  for (const pid of pids) {
    while (Date.now() < deadline && isAlive(pid)) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    if (isAlive(pid)) {
      try {
        Deno.kill(pid, "SIGKILL");
      } catch {
        // Gone meanwhile.
      }
    }
  }
  await Deno.remove(dir, { recursive: true }).catch(() => {});
}

function isAlive(pid: number): boolean {
  try {
    return Deno.statSync(`/proc/${pid}`).isDirectory;
  } catch {
    return false;
  }
}

/**
 * Runs a command with `PADLOCK_TEST_S3_*` naming a running S3 server: the one the environment
 * already names, or a cluster started for the command and stopped after it.
 *
 * @returns the command's exit code.
 * @throws {RadosgwStartError} when the cluster cannot start.
 */
export async function runWithS3(command: string[]): Promise<number> {
  let dir: string | undefined;
  const env: Record<string, string> = {};
  if (!Deno.env.get("PADLOCK_TEST_S3_ENDPOINT")) {
    dir = await Deno.makeTempDir({ prefix: "padlock-radosgw-" });
    const started = performance.now();
    const server = await startRadosgw(join(dir, "cluster")).catch(async (error) => {
      await Deno.remove(dir!, { recursive: true }).catch(() => {});
      throw error;
    });
    console.error(
      `radosgw for the tests at ${server.endpoint}, ready in ${
        ((performance.now() - started) / 1000).toFixed(1)
      } s`,
    );
    Object.assign(env, environmentOf(server));
  }
  const child = new Deno.Command(command[0], { args: command.slice(1), env }).spawn();
  const forward = () => {
    try {
      child.kill("SIGINT");
    } catch {
      // It has ended.
    }
  };
  Deno.addSignalListener("SIGINT", forward);
  try {
    return (await child.status).code;
  } finally {
    Deno.removeSignalListener("SIGINT", forward);
    if (dir) {
      await stopRadosgw(join(dir, "cluster"));
      await Deno.remove(dir, { recursive: true }).catch(() => {});
    }
  }
}

/** The `PADLOCK_TEST_S3_*` variables the tests read for a server. */
export function environmentOf(server: S3Server): Record<string, string> {
  return {
    PADLOCK_TEST_S3_ENDPOINT: server.endpoint,
    PADLOCK_TEST_S3_REGION: server.region,
    PADLOCK_TEST_S3_ACCESS_KEY_ID: server.accessKeyId,
    PADLOCK_TEST_S3_SECRET_ACCESS_KEY: server.secretAccessKey,
  };
}

if (import.meta.main) {
  const [command, ...rest] = Deno.args;
  if (command === "with" && rest.length > 0) {
    try {
      Deno.exit(await runWithS3(rest));
    } catch (error) {
      if (!(error instanceof RadosgwStartError)) throw error;
      console.error(
        `${error.message}\nThe S3 tests need a real S3 server: install ceph-mon ceph-osd radosgw ` +
          "ceph-common (Debian), or set PADLOCK_TEST_S3_ENDPOINT, PADLOCK_TEST_S3_ACCESS_KEY_ID " +
          "and PADLOCK_TEST_S3_SECRET_ACCESS_KEY to a server of your own.",
      );
      Deno.exit(1);
    }
  }
  const dir = rest[0];
  if (!dir || !["start", "stop"].includes(command)) {
    console.error(
      "usage: deno run -A scripts/radosgw.ts start|stop <folder>\n" +
        "       deno run -A scripts/radosgw.ts with <command> [args…]",
    );
    Deno.exit(2);
  }
  if (command === "stop") {
    await stopRadosgw(dir);
  } else {
    const started = performance.now();
    const server = await startRadosgw(dir);
    console.error(`radosgw ready in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    for (const [name, value] of Object.entries(environmentOf(server))) {
      console.log(`${name}=${value}`);
    }
  }
}
