/**
 * A round-robin HTTP front for tests of several service instances, as a load balancer would be:
 * each request goes to the next instance in turn (part transfers and other requests take turns
 * separately, so consecutive parts always alternate); when an instance cannot be reached (it was
 * killed) the request goes to the next one, as a balancer's retry on connection failure does.
 * Request bodies are buffered (parts are a few MB), so a failed-over request is sent whole.
 *
 * @module
 */

/** A running front. */
export interface RoundRobin {
  /** Where clients connect, e.g. `http://127.0.0.1:41234`. */
  url: string;
  /** The instances, by base URL; set once they listen. */
  targets: string[];
  /** For each request, the target that answered it and the path (no query: tokens stay out). */
  served: { target: string; method: string; path: string }[];
  close(): Promise<void>;
}

/** Starts a front on 127.0.0.1 (the targets are filled in by the caller). */
export async function startRoundRobin(): Promise<RoundRobin> {
  const turns = { part: 0, other: 0 };
  const front: RoundRobin = { url: "", targets: [], served: [], close: () => Promise.resolve() };
  let listening!: (addr: Deno.NetAddr) => void;
  const ready = new Promise<Deno.NetAddr>((resolve) => listening = resolve);
  const server = Deno.serve(
    { port: 0, hostname: "127.0.0.1", onListen: (addr) => listening(addr) },
    async (req) => {
      const url = new URL(req.url);
      const body = req.method === "GET" || req.method === "HEAD"
        ? undefined
        : new Uint8Array(await req.arrayBuffer());
      const headers = new Headers(req.headers);
      headers.delete("host");
      let lastError: unknown;
      const kind = url.pathname.startsWith("/part/") ? "part" : "other";
      const turn = turns[kind]++;
      for (let tries = 0; tries < front.targets.length; tries++) {
        const target = front.targets[(turn + tries) % front.targets.length];
        try {
          const response = await fetch(target + url.pathname + url.search, {
            method: req.method,
            headers,
            body,
            redirect: "manual",
          });
          front.served.push({ target, method: req.method, path: url.pathname });
          return new Response(response.body, {
            status: response.status,
            headers: response.headers,
          });
        } catch (error) {
          lastError = error; // unreachable: try the next instance
        }
      }
      return new Response(`No instance answered: ${lastError}`, { status: 502 });
    },
  );
  const addr = await ready;
  front.url = `http://127.0.0.1:${addr.port}`;
  front.close = () => server.shutdown();
  return front;
}
