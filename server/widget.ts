/**
 * Serves the Help Center widget (`dist/helpcenter/`, built by `deno task build`) at
 * `/widget/<file>`, so that an admin installs it with one `<script>` tag pointing at the service,
 * with the `integrity` of `padlock.js` from `dist/AUDIT.md`, instead of uploading every file of the
 * folder as theme assets.
 *
 * The Help Center is another origin: the files are served to any origin (`Access-Control-Allow-
 * Origin: *`, which module scripts and Subresource Integrity need; they are public code, sent
 * without cookies). `padlock.js` and `crypto_worker.js` keep their names from build to build and
 * are revalidated each time; the chunks are named by the hash of their content and cached for
 * a year.
 *
 * @module
 */
import { join } from "node:path";

/** Where the widget is unless configured: `dist/helpcenter/` of this checkout. */
export const DEFAULT_WIDGET_DIR: string = new URL("../dist/helpcenter/", import.meta.url).pathname;

/** The URL path the widget's files are served under. */
export const WIDGET_PATH = "/widget/";

/** A file name esbuild writes into the folder; nothing else (no path, no dot file) is served. */
const FILE_NAME = /^[A-Za-z0-9_-]{1,100}\.js$/;

/** esbuild's chunk names: `[name]-[hash].js`, the hash being 8 capitals or digits. */
const CONTENT_HASHED = /-[A-Z0-9]{8}\.js$/;

function plain(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: {
      "Content-Type": "text/plain; charset=utf-8",
      "Access-Control-Allow-Origin": "*",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

/**
 * Answers a request under {@linkcode WIDGET_PATH}, or returns `undefined` for any other path.
 * A name that is not a built file's gets 404; a missing build, 503 with what to run.
 *
 * @param req The request (`GET` or `HEAD`; other methods get 405).
 * @param dir The folder holding the built widget.
 * @throws {Deno.errors.PermissionDenied} and other file-system errors than a missing file.
 */
export async function serveWidget(req: Request, dir: string): Promise<Response | undefined> {
  const { pathname } = new URL(req.url);
  if (!pathname.startsWith(WIDGET_PATH)) return undefined;
  if (req.method !== "GET" && req.method !== "HEAD") {
    const refused = plain(405, "The widget's files are read with GET.");
    refused.headers.set("Allow", "GET, HEAD");
    return refused;
  }
  const name = pathname.slice(WIDGET_PATH.length);
  if (!FILE_NAME.test(name)) return plain(404, "No such file of the widget.");
  let body: Uint8Array<ArrayBuffer>;
  try {
    body = await Deno.readFile(join(dir, name));
  } catch (error) {
    if (!(error instanceof Deno.errors.NotFound)) throw error;
    const built = await Deno.stat(join(dir, "padlock.js")).then(() => true, () => false);
    return built
      ? plain(404, "No such file of the widget.")
      : plain(503, "The widget is not built: run `deno task build`.");
  }
  return new Response(req.method === "HEAD" ? null : body, {
    headers: {
      "Content-Type": "text/javascript; charset=utf-8",
      "Content-Length": String(body.byteLength),
      "Cache-Control": CONTENT_HASHED.test(name)
        ? "public, max-age=31536000, immutable"
        : "no-cache",
      "Access-Control-Allow-Origin": "*",
      "Cross-Origin-Resource-Policy": "cross-origin",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
