/**
 * The download service worker: turns a file that a page decrypts part by part into an ordinary
 * browser download, without the file ever being whole in memory (the `"service-worker"` way of
 * `sinks.ts`). Built by build.ts into `download_sw.js` beside each surface's bundle and
 * registered by `chooseSink` with the scope `<its folder>/padlock-download/`.
 *
 * 1. The page posts `{ type: "register", id, name, size }` with a `MessagePort`; the worker
 *    keeps it under that random id and answers `registered`.
 * 2. The page points a hidden frame at `<scope>/<id>/<name>`. The worker answers that request
 *    (once; the id is then forgotten) with a response that makes the browser save it, whose body
 *    is a stream it pulls from the page: it posts `pull`, the page posts one `chunk`, and so on,
 *    so no more than a part or two wait anywhere. `close` ends the file, `abort` fails it (the
 *    browser then drops the partial download), and `cancel` tells the page the person cancelled
 *    the download in the browser.
 *
 * It handles no other request: everything else goes to the network as if it were not there.
 *
 * @module
 */
import type { PageToWorker } from "./sinks.ts";

/** The parts of the service worker's global scope and its events that this module uses. */
interface WorkerScope {
  location: { origin: string };
  registration: { scope: string };
  skipWaiting(): Promise<void>;
  addEventListener(type: "install", listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: "message", listener: (event: ExtendableMessageEvent) => void): void;
  addEventListener(type: "fetch", listener: (event: FetchEvent) => void): void;
}
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface ExtendableMessageEvent extends ExtendableEvent {
  data: PageToWorker;
  origin: string;
  source: unknown;
  ports: readonly MessagePort[];
}
interface FetchEvent extends ExtendableEvent {
  request: Request;
  respondWith(response: Response | Promise<Response>): void;
}

const scope = globalThis as unknown as WorkerScope;

interface Pending {
  port: MessagePort;
  name: string;
  size: number;
}

/** Downloads registered by a page and not yet requested, by id. */
const pending = new Map<string, Pending>();

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** `Content-Disposition` for `name`: an ASCII fallback and the exact UTF-8 name (RFC 6266). */
function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\%]/g, "_");
  const exact = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${exact}`;
}

function respond(download: Pending): Response {
  const { port, name, size } = download;
  let waiting: (() => void) | undefined;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      port.onmessage = (event: MessageEvent<PageToWorker>) => {
        const message = event.data;
        if (message.type === "chunk") controller.enqueue(message.chunk);
        else if (message.type === "close") {
          controller.close();
          port.close();
        } else if (message.type === "abort") {
          controller.error(new Error(message.message));
          port.close();
        }
        waiting?.();
        waiting = undefined;
      };
      port.postMessage({ type: "started" });
    },
    // Called when the browser wants more; resolves once the page sent the next part.
    pull() {
      return new Promise<void>((resolve) => {
        waiting = resolve;
        port.postMessage({ type: "pull" });
      });
    },
    cancel() {
      port.postMessage({ type: "cancel" });
      port.close();
    },
  }, { highWaterMark: 1 });
  return new Response(body, {
    headers: {
      "Content-Type": "application/octet-stream",
      "Content-Disposition": contentDisposition(name),
      // The browser shows progress and refuses a download that ends short.
      "Content-Length": String(size),
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "Cache-Control": "no-store",
    },
  });
}

scope.addEventListener("install", (event) => event.waitUntil(scope.skipWaiting()));

scope.addEventListener("message", (event) => {
  // Only pages of this origin may register downloads.
  if (event.origin !== scope.location.origin || !event.source) return;
  const message = event.data;
  if (message?.type !== "register") return; // `keepalive` needs no answer: it woke the worker.
  const [port] = event.ports;
  const { id, name, size } = message;
  if (!port || typeof id !== "string" || !ID.test(id) || typeof name !== "string") return;
  if (!Number.isSafeInteger(size) || size < 0) return;
  pending.set(id, { port, name, size });
  port.postMessage({ type: "registered" });
});

scope.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  const base = new URL(scope.registration.scope);
  if (url.origin !== base.origin || !url.pathname.startsWith(base.pathname)) return;
  const id = url.pathname.slice(base.pathname.length).split("/")[0];
  const download = pending.get(id);
  if (!download) {
    event.respondWith(new Response("This download has ended.", { status: 404 }));
    return;
  }
  pending.delete(id);
  event.respondWith(respond(download));
});
