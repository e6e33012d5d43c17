/**
 * Raw HTTP/1.1 over a socket, for requests `fetch` will not send as written: paths with `..` or
 * `%2e%2e` left alone, NUL bytes, bodies sent a byte at a time. Every call is bounded in time.
 *
 * @module
 */

/** What came back: the status (or none, when the service closed the connection) and the body. */
export interface RawResponse {
  status?: number;
  headers: Record<string, string>;
  body: string;
}

function concat(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

/** Parses an HTTP/1.1 response (Content-Length or chunked bodies). */
export function parseResponse(bytes: Uint8Array): RawResponse {
  const text = new TextDecoder().decode(bytes);
  const end = text.indexOf("\r\n\r\n");
  if (end === -1) return { headers: {}, body: "" };
  const [statusLine, ...lines] = text.slice(0, end).split("\r\n");
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(":");
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  let body = text.slice(end + 4);
  if (headers["transfer-encoding"] === "chunked") {
    let decoded = "";
    let rest = body;
    for (;;) {
      const lineEnd = rest.indexOf("\r\n");
      const size = parseInt(rest.slice(0, lineEnd), 16);
      if (!(size > 0)) break;
      decoded += rest.slice(lineEnd + 2, lineEnd + 2 + size);
      rest = rest.slice(lineEnd + 2 + size + 2);
    }
    body = decoded;
  }
  const status = /^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1];
  return { status: status ? Number(status) : undefined, headers, body };
}

/** Whether `bytes` hold a whole response (its headers and all of its body). */
function isComplete(bytes: Uint8Array): boolean {
  const text = new TextDecoder().decode(bytes);
  const end = text.indexOf("\r\n\r\n");
  if (end === -1) return false;
  const head = text.slice(0, end).toLowerCase();
  const length = /\r\ncontent-length: *(\d+)/.exec(head)?.[1];
  if (length !== undefined) return bytes.length - (end + 4) >= Number(length);
  if (head.includes("transfer-encoding: chunked")) return text.endsWith("0\r\n\r\n");
  return false;
}

/**
 * Sends `head` (request line and headers, without the blank line) and `body`, optionally a few
 * bytes at a time with a pause between, and reads the answer until the service closes or
 * `timeoutMs` passes.
 */
export async function rawHttp(
  port: number,
  head: string,
  body: Uint8Array = new Uint8Array(0),
  options: { chunkSize?: number; pauseMs?: number; timeoutMs?: number; closeWrite?: boolean } = {},
): Promise<RawResponse & { elapsedMs: number; sentBytes: number; sentBeforeAnswer: number }> {
  const { chunkSize = body.length || 1, pauseMs = 0, timeoutMs = 10_000 } = options;
  const started = performance.now();
  const connection = await Deno.connect({ hostname: "127.0.0.1", port });
  const received: Uint8Array[] = [];
  let closed = false;
  let sentBytes = 0;
  let sentBeforeAnswer = -1;
  const deadline = setTimeout(() => {
    closed = true;
    try {
      connection.close();
    } catch {
      // closed already
    }
  }, timeoutMs);
  const reading = (async () => {
    const buffer = new Uint8Array(16_384);
    for (;;) {
      const read = await connection.read(buffer).catch(() => null);
      if (read === null) return;
      if (sentBeforeAnswer === -1) sentBeforeAnswer = sentBytes;
      received.push(buffer.slice(0, read));
      // The whole answer is in: hang up rather than wait for the service to.
      if (isComplete(concat(received))) return;
    }
  })();
  try {
    // One request per connection: the answer ends when the service closes it.
    const close = /\r\nconnection:/i.test(head) ? "" : "\r\nConnection: close";
    await connection.write(new TextEncoder().encode(head + close + "\r\n\r\n"));
    // A client stops sending once it has its answer.
    for (
      let offset = 0;
      offset < body.length && !closed && sentBeforeAnswer === -1;
      offset += chunkSize
    ) {
      await connection.write(body.subarray(offset, offset + chunkSize));
      sentBytes += Math.min(chunkSize, body.length - offset);
      if (pauseMs > 0) await new Promise((resolve) => setTimeout(resolve, pauseMs));
    }
    if (options.closeWrite) await connection.closeWrite();
  } catch {
    // The service hung up on us: what it answered before is what counts.
  }
  await reading;
  clearTimeout(deadline);
  if (!closed) {
    try {
      connection.close();
    } catch {
      // closed already
    }
  }
  return {
    ...parseResponse(concat(received)),
    elapsedMs: performance.now() - started,
    sentBytes,
    sentBeforeAnswer: sentBeforeAnswer === -1 ? sentBytes : sentBeforeAnswer,
  };
}
