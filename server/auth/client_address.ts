/**
 * The address of the client that sent a request, for rate limits.
 *
 * @module
 */

/**
 * Returns the client's address: the TCP peer, or, behind a trusted reverse proxy, the last
 * address the proxy appended to `X-Forwarded-For` (earlier entries are whatever the client wrote).
 *
 * @example
 * ```ts
 * clientAddress(new Request("http://x"), { remoteAddr: { transport: "tcp", hostname: "10.0.0.2", port: 1 } });
 * ```
 */
export function clientAddress(
  req: Request,
  info?: { remoteAddr: Deno.Addr },
  trustProxy = false,
): string {
  if (trustProxy) {
    const forwarded = req.headers.get("x-forwarded-for")?.split(",").map((part) => part.trim())
      .filter(Boolean).at(-1);
    if (forwarded) return forwarded.slice(0, 64);
  }
  const addr = info?.remoteAddr;
  return addr && "hostname" in addr ? addr.hostname : "unknown";
}
