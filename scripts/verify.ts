/**
 * `deno task verify <service URL>`: rebuilds the bundles of this checkout (builds are
 * reproducible) and compares, byte for byte, every file that the Padlock service at that URL
 * serves from a build with the file just built:
 *
 * - the Help Center widget, every script of `dist/helpcenter/` at `/widget/<name>`;
 * - the portal's assets: `/assets/portal.js`, its crypto worker and download service worker,
 *   and `/assets/portal.css` (from `server/portal/styles.ts` of this checkout);
 * - the portal's pages, which are made per request (a CSRF token, a cookie): their `<script>`
 *   must carry the `integrity` of the `portal.js` just built.
 *
 * It prints one line per file (`same`, or what differs: sizes, the first differing byte, both
 * SHA-384) and exits with 1 when anything differs or is missing, 0 when all is the same. The
 * Zendesk app is not served by the service (Zendesk serves the zip an admin installed): compare
 * that zip with `dist/padlock-zendesk-app.zip`.
 *
 * @module
 */
import * as esbuild from "esbuild";
import { build } from "../build.ts";
import { PORTAL_CSS } from "../server/portal/styles.ts";
import { subresourceIntegrity } from "./bundle_facts.ts";

/** The comparison of one served file with the build. */
export interface Comparison {
  /** The URL path on the service. */
  path: string;
  /** `same`; `differs`; `missing` (not served: an HTTP error or no connection). */
  outcome: "same" | "differs" | "missing";
  /** What differs, for a person. */
  detail?: string;
}

/** What {@linkcode verifyService} found. */
export interface Verification {
  /** The commit built (`git rev-parse HEAD`), when this is a git checkout. */
  commit?: string;
  /** Whether the checkout has changes against that commit (then the tree was built). */
  dirty: boolean;
  /** One comparison per file, in the order checked. */
  comparisons: Comparison[];
}

async function git(...args: string[]): Promise<string | undefined> {
  try {
    const { success, stdout } = await new Deno.Command("git", { args, stderr: "null" }).output();
    return success ? new TextDecoder().decode(stdout).trim() : undefined;
  } catch {
    return undefined;
  }
}

/** Where two byte strings first differ (or the length of the shorter when one is a prefix). */
function firstDifference(a: Uint8Array, b: Uint8Array): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) if (a[i] !== b[i]) return i;
  return length;
}

async function compare(
  serviceUrl: string,
  path: string,
  built: Uint8Array,
): Promise<Comparison> {
  let served: Uint8Array;
  try {
    const response = await fetch(new URL(path, serviceUrl));
    if (!response.ok) {
      await response.body?.cancel();
      return { path, outcome: "missing", detail: `HTTP ${response.status}` };
    }
    served = new Uint8Array(await response.arrayBuffer());
  } catch (error) {
    return { path, outcome: "missing", detail: (error as Error).message };
  }
  if (served.length === built.length && firstDifference(served, built) === built.length) {
    return { path, outcome: "same" };
  }
  return {
    path,
    outcome: "differs",
    detail: `served ${served.length} bytes, built ${built.length}; first difference at byte ` +
      `${firstDifference(served, built)}; served ${await subresourceIntegrity(served)}, built ` +
      `${await subresourceIntegrity(built)}`,
  };
}

/** The `integrity` of the portal script in a page, or a sentence saying why there is none. */
async function pageScriptIntegrity(serviceUrl: string, path: string): Promise<string> {
  const response = await fetch(new URL(path, serviceUrl), { redirect: "manual" });
  const page = await response.text();
  const tag = /<script type="module" src="\/assets\/portal\.js"(?: integrity="([^"]+)")?>/.exec(
    page,
  );
  if (!tag) return `no portal script in the page (HTTP ${response.status})`;
  return tag[1] ?? "a portal script without integrity";
}

/**
 * Rebuilds this checkout into a temporary directory and compares what `serviceUrl` serves.
 *
 * @throws {Error} when the build fails.
 */
export async function verifyService(serviceUrl: string): Promise<Verification> {
  const outdir = await Deno.makeTempDir({ prefix: "padlock-verify-" });
  try {
    const result = await build({ outdir, failOnBudget: false });
    await esbuild.stop();
    const contents = new Map<string, Uint8Array>();
    for (const file of result.files) {
      contents.set(file.path, await Deno.readFile(`${outdir}/${file.path}`));
    }
    const comparisons: Comparison[] = [];
    for (const [path, data] of contents) {
      if (path.startsWith("helpcenter/") && path.endsWith(".js")) {
        comparisons.push(await compare(serviceUrl, `/widget/${path.slice(11)}`, data));
      }
    }
    for (const name of ["portal.js", "crypto_worker.js", "download_sw.js"]) {
      const data = contents.get(`portal/${name}`);
      if (data) comparisons.push(await compare(serviceUrl, `/assets/${name}`, data));
    }
    comparisons.push(
      await compare(serviceUrl, "/assets/portal.css", new TextEncoder().encode(PORTAL_CSS)),
    );
    const portal = contents.get("portal/portal.js");
    if (portal) {
      const expected = await subresourceIntegrity(portal);
      const path = "/receive/";
      let found: string;
      try {
        found = await pageScriptIntegrity(serviceUrl, path);
      } catch (error) {
        found = (error as Error).message;
      }
      comparisons.push(
        found === expected ? { path: `${path} (script integrity)`, outcome: "same" } : {
          path: `${path} (script integrity)`,
          outcome: "differs",
          detail: `the page names ${found}, the build is ${expected}`,
        },
      );
    }
    const commit = await git("rev-parse", "HEAD");
    const dirty = commit !== undefined &&
      (await git("status", "--porcelain", "--untracked-files=no")) !== "";
    return { commit, dirty, comparisons };
  } finally {
    await Deno.remove(outdir, { recursive: true });
  }
}

/** The command: prints the comparison and returns the exit code (0 all same, 1 otherwise). */
export async function main(args: string[]): Promise<number> {
  const [serviceUrl] = args;
  if (!serviceUrl || args.length !== 1 || !/^https?:\/\//.test(serviceUrl)) {
    console.error("usage: deno task verify <service URL>, e.g. https://padlock.example.com");
    return 2;
  }
  const { commit, dirty, comparisons } = await verifyService(serviceUrl);
  console.log(`built ${commit ? `commit ${commit}` : "this folder (not a git checkout)"}`);
  if (dirty) {
    console.log("warning: the checkout has changes against that commit; they were built too");
  }
  for (const { path, outcome, detail } of comparisons) {
    console.log(`${outcome.padEnd(7)} ${path}${detail ? `: ${detail}` : ""}`);
  }
  const bad = comparisons.filter(({ outcome }) => outcome !== "same");
  console.log(
    bad.length === 0
      ? `all ${comparisons.length} files served are the build's`
      : `${bad.length} of ${comparisons.length} files served differ from the build or are missing`,
  );
  return bad.length === 0 ? 0 : 1;
}

if (import.meta.main) Deno.exitCode = await main(Deno.args);
