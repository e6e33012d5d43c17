/**
 * What the Chromium tests of the worker pool and the download sinks need: the shared core bundled
 * for the browser (a test page script that puts the modules on `globalThis.padlock`, the crypto
 * worker and the download service worker, built with esbuild in memory as build.ts builds them),
 * and a tiny server that serves them on an origin of its own.
 *
 * @module
 */
import * as esbuild from "esbuild";

const SRC = new URL("../../src/", import.meta.url).pathname;

/** The three scripts, as JavaScript text. */
export interface TestBundles {
  /** Puts the core's modules on `globalThis.padlock` (see `PAGE_SOURCE`). */
  page: string;
  /** `src/crypto_worker.ts`. */
  worker: string;
  /** `src/download_sw.ts`. */
  serviceWorker: string;
}

/** The test page's script: the modules a test drives through `page.evaluate`. */
const PAGE_SOURCE = `
import * as pool from "./worker_pool.ts";
import * as pgp from "./pgp.ts";
import * as sinks from "./sinks.ts";
import * as api from "./api.ts";
import * as download from "./download.ts";
globalThis.padlock = { ...pool, ...pgp, ...sinks, ...api, ...download };
`;

let built: Promise<TestBundles> | undefined;

async function bundle(options: esbuild.BuildOptions): Promise<string> {
  const result = await esbuild.build({
    ...options,
    bundle: true,
    format: "esm",
    platform: "browser",
    target: ["chrome110"],
    write: false,
    logLevel: "silent",
  });
  return result.outputFiles![0].text;
}

/** Builds the three scripts once per test process. */
export function buildTestBundles(): Promise<TestBundles> {
  built ??= (async () => {
    try {
      return {
        page: await bundle({
          stdin: { contents: PAGE_SOURCE, resolveDir: SRC, loader: "ts" },
          outfile: "page.js",
        }),
        worker: await bundle({ entryPoints: [`${SRC}crypto_worker.ts`], outfile: "worker.js" }),
        serviceWorker: await bundle({ entryPoints: [`${SRC}download_sw.ts`], outfile: "sw.js" }),
      };
    } finally {
      // esbuild's service process would otherwise outlive the test and trip its sanitizer.
      await esbuild.stop();
    }
  })();
  return built;
}

/** Options of {@linkcode pageRoutes}. */
export interface PageOptions {
  /** The page's Content-Security-Policy header, if any. */
  csp?: string;
  /** Extra HTML in the page's body. */
  body?: string;
  /** Sent with the scripts (for a worker imported from another origin). */
  cors?: boolean;
}

const JS = "text/javascript; charset=utf-8";

/**
 * Answers, under `/t/` (out of the way of the service's own paths): `/t/` and `/t/frame` (a page
 * loading `/t/page.js`), `/t/page.js`, `/t/crypto_worker.js` and `/t/download_sw.js` (whose
 * downloads are then under `/t/padlock-download/`); `undefined` for anything else.
 */
export function pageRoutes(
  bundles: TestBundles,
  options: PageOptions = {},
): (request: Request) => Response | undefined {
  const { csp, body = "", cors = false } = options;
  const script = (text: string) =>
    new Response(text, {
      headers: { "Content-Type": JS, ...(cors ? { "Access-Control-Allow-Origin": "*" } : {}) },
    });
  return (request) => {
    const { pathname } = new URL(request.url);
    if (pathname === "/t/" || pathname === "/t/frame") {
      return new Response(
        `<!doctype html><html><head><meta charset="utf-8"><title>test</title>` +
          `<script type="module" src="/t/page.js"></script></head><body>${body}</body></html>`,
        {
          headers: {
            "Content-Type": "text/html; charset=utf-8",
            ...(csp ? { "Content-Security-Policy": csp } : {}),
          },
        },
      );
    }
    if (pathname === "/t/page.js") return script(bundles.page);
    if (pathname === "/t/crypto_worker.js") return script(bundles.worker);
    if (pathname === "/t/download_sw.js") return script(bundles.serviceWorker);
    return undefined;
  };
}

/** A server on a random port of 127.0.0.1 (or `localhost`, another site, for a second origin). */
export interface TestOrigin {
  url: string;
  close(): Promise<void>;
}

/** Serves `handler` (404 where it answers `undefined`). */
export function serveOrigin(
  handler: (request: Request) => Response | undefined | Promise<Response | undefined>,
  host: "127.0.0.1" | "localhost" = "127.0.0.1",
): TestOrigin {
  const server = Deno.serve({ port: 0, hostname: "127.0.0.1", onListen() {} }, async (request) => {
    return await handler(request) ?? new Response("Not found", { status: 404 });
  });
  const { port } = server.addr as Deno.NetAddr;
  return { url: `http://${host}:${port}`, close: () => server.shutdown() };
}
