/**
 * `deno task bench`: throughput of the shared core in Deno, one run on this machine.
 *
 * Prints MB/s for (a) encrypting parts, (b) decrypting parts, (c) uploading a file end to end to
 * the local service (encrypt + PUT + finalize) and (d) downloading it again (GET + decrypt), with
 * (c) and (d) also as ratios of (a) measured in the same run, since machines here are noisy and
 * only ratios compare across runs. Size with `PADLOCK_BENCH_MIB` (default 64).
 *
 * @module
 */
import { SendSafelyClient } from "../src/api.ts";
import { downloadFile, openPackage } from "../src/download.ts";
import { decryptPart, encryptPart } from "../src/pgp.ts";
import { createPackage, finalizePackage, PART_SIZE, uploadFile } from "../src/upload.ts";
import { startServer } from "../server/mod.ts";

const MIB = 1024 * 1024;
const sizeMiB = Number(Deno.env.get("PADLOCK_BENCH_MIB") ?? "64");
if (!Number.isSafeInteger(sizeMiB) || sizeMiB < 1) {
  throw new RangeError(`PADLOCK_BENCH_MIB must be a positive integer: current value is ${sizeMiB}`);
}
const bytes = sizeMiB * MIB;

function rate(byteCount: number, ms: number): number {
  return byteCount / MIB / (ms / 1000);
}

async function timed(run: () => Promise<void>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

const part = new Uint8Array(PART_SIZE);
// getRandomValues fills at most 64 KiB per call; random bytes keep compression from flattering.
for (let offset = 0; offset < PART_SIZE; offset += 65_536) {
  crypto.getRandomValues(part.subarray(offset, offset + 65_536));
}
const secret = "bench-secret-" + crypto.randomUUID();
const partsInFile = Math.ceil(bytes / PART_SIZE);

let ciphertext: Uint8Array = new Uint8Array();
const encryptMs = await timed(async () => {
  for (let i = 0; i < partsInFile; i++) ciphertext = await encryptPart(part, secret);
});
const decryptMs = await timed(async () => {
  for (let i = 0; i < partsInFile; i++) await decryptPart(ciphertext, secret);
});

const dataDir = await Deno.makeTempDir({ prefix: "padlock-bench-" });
const server = await startServer({ port: 0, dataDir, log: () => {} });
try {
  const user = await server.accounts.createUser({
    email: "bench@example.com",
    password: "bench-password-1",
  });
  const key = await server.accounts.createApiKey(user.id, "bench");
  const client = new SendSafelyClient({ host: server.url, credentials: key });
  const file = new Blob(Array.from({ length: partsInFile }, () => part)).slice(0, bytes);

  let link = "";
  const uploadMs = await timed(async () => {
    const pkg = await createPackage(client);
    await uploadFile(client, pkg, file, { name: "bench.bin" });
    link = await finalizePackage(client, pkg, { undisclosed: true });
  });

  let received = 0;
  const downloadMs = await timed(async () => {
    const opened = await openPackage(client, link);
    const sink = new WritableStream<Uint8Array>({
      write: (chunk) => void (received += chunk.length),
    });
    await downloadFile(client, opened, opened.files[0], sink);
  });
  if (received !== bytes) throw new Error(`downloaded ${received} bytes, expected ${bytes}`);

  const base = rate(bytes, encryptMs);
  const rows: [string, number][] = [
    ["(a) encrypt parts", encryptMs],
    ["(b) decrypt parts", decryptMs],
    ["(c) upload end to end", uploadMs],
    ["(d) download end to end", downloadMs],
  ];
  console.log(
    `Padlock bench: ${sizeMiB} MiB, ${navigator.hardwareConcurrency} cores, Deno ${Deno.version.deno}`,
  );
  console.log(`${"measure".padEnd(26)}${"MB/s".padStart(9)}${"vs (a)".padStart(9)}`);
  for (const [name, ms] of rows) {
    const mbps = rate(bytes, ms);
    console.log(
      `${name.padEnd(26)}${mbps.toFixed(1).padStart(9)}${(mbps / base).toFixed(2).padStart(9)}`,
    );
  }
} finally {
  await server.close();
  await Deno.remove(dataDir, { recursive: true });
}
