/**
 * The portal's static files: `/assets/portal.css` (from `styles.ts`), `/assets/portal.js`
 * (the esbuild bundle of `portal/main.ts`) and the two workers it starts, built by
 * `deno task build` into `dist/portal/`.
 *
 * @module
 */
import { createHash } from "node:crypto";
import { join } from "node:path";
import type { Portal } from "./context.ts";
import { PORTAL_CSS } from "./styles.ts";

/** Where the bundle is unless configured: `dist/portal/` of this checkout. */
export const DEFAULT_ASSETS_DIR: string = new URL("../../dist/portal/", import.meta.url).pathname;

function asset(body: BodyInit, type: string): Response {
  return new Response(body, {
    headers: {
      "Content-Type": type,
      // Revalidated each time: a rebuilt bundle is picked up at once.
      "Cache-Control": "no-cache",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

/**
 * The built scripts served from the assets folder: the page's bundle, the crypto worker it
 * starts (`src/worker_pool.ts`) and the service worker that streams downloads to disk
 * (`src/sinks.ts`; its scope, `/assets/padlock-download/`, is under its own folder).
 */
const SCRIPTS = new Set(["portal.js", "crypto_worker.js", "download_sw.js"]);

/** Answers `/assets/…`, or `undefined` for another path. */
export async function serveAsset(portal: Portal, pathname: string): Promise<Response | undefined> {
  if (pathname === "/assets/portal.css") return asset(PORTAL_CSS, "text/css; charset=utf-8");
  const name = pathname.slice("/assets/".length);
  if (!pathname.startsWith("/assets/") || !SCRIPTS.has(name)) return undefined;
  try {
    const bundle = await Deno.readFile(join(portal.assetsDir, name));
    return asset(bundle, "text/javascript; charset=utf-8");
  } catch (error) {
    if (!(error instanceof Deno.errors.NotFound)) throw error;
    return new Response("The portal script is not built: run `deno task build`.", {
      status: 503,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
}

const integrities = new Map<string, { stamp: string; value: string }>();

/**
 * The Subresource Integrity value (`sha384-…`) of the portal script in `dir`, for the
 * `integrity` of the pages' `<script>` tag, or undefined when it is not built. Hashed again when
 * the file changes (a rebuild), so the page always names the script this service serves; the
 * script in turn pins the workers it starts (`src/pins.ts`).
 *
 * @throws {Deno.errors.PermissionDenied} and other file-system errors than a missing file.
 */
export function portalScriptIntegrity(dir: string): string | undefined {
  const path = join(dir, "portal.js");
  let info: Deno.FileInfo;
  try {
    info = Deno.statSync(path);
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return undefined;
    throw error;
  }
  const stamp = `${info.mtime?.getTime()}:${info.size}`;
  const known = integrities.get(path);
  if (known?.stamp === stamp) return known.value;
  const value = `sha384-${createHash("sha384").update(Deno.readFileSync(path)).digest("base64")}`;
  integrities.set(path, { stamp, value });
  return value;
}
