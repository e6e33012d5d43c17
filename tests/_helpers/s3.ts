/**
 * A real S3 server for the tests of the S3 part store. With `PADLOCK_TEST_S3_ENDPOINT`,
 * `PADLOCK_TEST_S3_ACCESS_KEY_ID` and `PADLOCK_TEST_S3_SECRET_ACCESS_KEY` set (as `.ci/run` does,
 * after `scripts/radosgw.ts start`), that server is used; otherwise a throwaway single-node Ceph
 * radosgw is started once per test process (about 13 s here) and stopped when it ends.
 *
 * Each test gets a fresh bucket (with the CORS rule direct mode needs) and deletes it after.
 *
 * @module
 */
import { AwsClient } from "aws4fetch";
import { createHash } from "node:crypto";
import { join } from "node:path";
import { type S3Server, startRadosgw } from "../../scripts/radosgw.ts";
import type { S3Settings } from "../../server/storage/s3_part_store.ts";

export type { S3Server } from "../../scripts/radosgw.ts";

let server: Promise<S3Server> | undefined;

/** The S3 server of this test process (started on first use unless the environment names one). */
export function s3Server(): Promise<S3Server> {
  server ??= (async () => {
    const endpoint = Deno.env.get("PADLOCK_TEST_S3_ENDPOINT");
    if (endpoint) {
      const accessKeyId = Deno.env.get("PADLOCK_TEST_S3_ACCESS_KEY_ID");
      const secretAccessKey = Deno.env.get("PADLOCK_TEST_S3_SECRET_ACCESS_KEY");
      if (!accessKeyId || !secretAccessKey) {
        throw new Error(
          "PADLOCK_TEST_S3_ENDPOINT needs PADLOCK_TEST_S3_ACCESS_KEY_ID and PADLOCK_TEST_S3_SECRET_ACCESS_KEY",
        );
      }
      return {
        endpoint,
        region: Deno.env.get("PADLOCK_TEST_S3_REGION") ?? "us-east-1",
        accessKeyId,
        secretAccessKey,
      };
    }
    const dir = await Deno.makeTempDir({ prefix: "padlock-radosgw-" });
    const started = await startRadosgw(dir);
    // The daemons outlive a test process that forgets them: stop them when it ends.
    globalThis.addEventListener("unload", () => stopDaemonsNow(dir));
    return started;
  })();
  return server;
}

/** Kills the daemons of a cluster folder synchronously (an `unload` listener cannot wait). */
function stopDaemonsNow(dir: string): void {
  try {
    for (const entry of Deno.readDirSync(join(dir, "run"))) {
      if (!entry.name.endsWith(".pid")) continue;
      const pid = Number(Deno.readTextFileSync(join(dir, "run", entry.name)).trim());
      if (Number.isSafeInteger(pid) && pid > 1) {
        try {
          Deno.kill(pid, "SIGKILL");
        } catch {
          // Already gone.
        }
      }
    }
    Deno.removeSync(dir, { recursive: true });
  } catch {
    // Nothing left to stop.
  }
}

/** The CORS rule direct mode needs (browsers PUT and GET parts on the bucket). */
export const DIRECT_MODE_CORS = `<CORSConfiguration>
  <CORSRule>
    <AllowedOrigin>*</AllowedOrigin>
    <AllowedMethod>GET</AllowedMethod>
    <AllowedMethod>PUT</AllowedMethod>
    <AllowedHeader>*</AllowedHeader>
    <ExposeHeader>ETag</ExposeHeader>
    <MaxAgeSeconds>600</MaxAgeSeconds>
  </CORSRule>
</CORSConfiguration>`;

/** A fresh bucket for one test. */
export interface TestBucket {
  /** Settings for `S3PartStore` on it (no prefix, proxy mode). */
  settings: S3Settings;
  /** A client signed with the bucket owner's keys, for checks behind the store's back. */
  client: AwsClient;
  /** The bucket's URL (path style). */
  url: string;
  /** Lists every object key in the bucket. */
  keys(): Promise<string[]>;
  /** Deletes every object and the bucket. */
  close(): Promise<void>;
}

/** Creates a bucket with a random name on the test server, with the direct-mode CORS rule. */
export async function freshBucket(): Promise<TestBucket> {
  const s3 = await s3Server();
  const client = new AwsClient({
    accessKeyId: s3.accessKeyId,
    secretAccessKey: s3.secretAccessKey,
    region: s3.region,
    service: "s3",
    retries: 0,
  });
  const bucket = `padlock-test-${crypto.randomUUID().slice(0, 13)}`;
  const url = `${s3.endpoint}/${bucket}`;
  await expectOk(await client.fetch(url, { method: "PUT" }), "CreateBucket");
  const cors = new TextEncoder().encode(DIRECT_MODE_CORS);
  await expectOk(
    await client.fetch(`${url}?cors=`, {
      method: "PUT",
      headers: {
        "Content-MD5": createHash("md5").update(cors).digest("base64"),
        "Content-Type": "application/xml",
      },
      body: cors,
    }),
    "PutBucketCors",
  );
  const keys = async (): Promise<string[]> => {
    const all: string[] = [];
    let after = "";
    while (true) {
      const page = new URL(url);
      page.searchParams.set("list-type", "2");
      if (after) page.searchParams.set("start-after", after);
      const xml = await expectOk(await client.fetch(page.toString()), "ListObjectsV2");
      const found = Array.from(xml.matchAll(/<Key>([^<]*)<\/Key>/g), (match) => match[1]);
      all.push(...found);
      if (!xml.includes("<IsTruncated>true</IsTruncated>") || found.length === 0) break;
      after = found[found.length - 1];
    }
    return all.sort();
  };
  return {
    settings: {
      endpoint: s3.endpoint,
      bucket,
      region: s3.region,
      accessKeyId: s3.accessKeyId,
      secretAccessKey: s3.secretAccessKey,
    },
    client,
    url,
    keys,
    async close() {
      const left = await keys();
      for (let start = 0; start < left.length; start += 16) {
        await Promise.all(
          left.slice(start, start + 16).map(async (key) =>
            expectOk(await client.fetch(`${url}/${key}`, { method: "DELETE" }), "DeleteObject")
          ),
        );
      }
      await expectOk(await client.fetch(url, { method: "DELETE" }), "DeleteBucket");
    },
  };
}

async function expectOk(response: Response, what: string): Promise<string> {
  const text = await response.text();
  if (!response.ok) throw new Error(`${what} answered HTTP ${response.status}: ${text}`);
  return text;
}
