/**
 * What the fault tests share: random files, SHA-256, downloading a Secure Link with the `src/`
 * client, and reading the fault proxy's log (which parts were stored before an outage, which
 * were sent again after it).
 *
 * @module
 */
import type { SendSafelyClient } from "../../src/api.ts";
import { downloadFile, type DownloadOptions, openPackage } from "../../src/download.ts";
import type { Exchange, ExchangeKind, FaultProxy } from "../_helpers/fault_proxy.ts";
export { randomBytes, sha256 } from "../_helpers/bytes.ts";

/** Concatenates chunks. */
export function concat(chunks: Uint8Array[]): Uint8Array {
  const bytes = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}

/** Downloads and decrypts every file behind a Secure Link, by name. */
export async function downloadLink(
  client: SendSafelyClient,
  link: string,
  options: DownloadOptions = {},
): Promise<Map<string, Uint8Array>> {
  const pkg = await openPackage(client, link);
  const files = new Map<string, Uint8Array>();
  for (const file of pkg.files) {
    const chunks: Uint8Array[] = [];
    await downloadFile(
      client,
      pkg,
      file,
      new WritableStream({ write: (chunk) => void chunks.push(chunk.slice()) }),
      options,
    );
    files.set(file.fileName, concat(chunks));
  }
  return files;
}

/** `fileId:part` of a part transfer. */
export function partKey(exchange: Exchange): string {
  return `${exchange.fileId}:${exchange.part}`;
}

/**
 * The parts whose transfer of `kind` the client got a 2xx answer for before `time` (its
 * `performance.now()`): stored, as far as the client knows, so never sent again.
 */
export function deliveredBefore(proxy: FaultProxy, kind: ExchangeKind, time: number): Set<string> {
  return new Set(
    proxy.log.filter((exchange) =>
      exchange.kind === kind && exchange.completed && exchange.endedAt !== undefined &&
      exchange.endedAt <= time && exchange.status !== undefined && exchange.status < 300
    ).map(partKey),
  );
}

/** The part transfers of `kind` that started after `time`, as `fileId:part`. */
export function transfersAfter(proxy: FaultProxy, kind: ExchangeKind, time: number): string[] {
  return proxy.log.filter((exchange) => exchange.kind === kind && exchange.startedAt > time)
    .map(partKey);
}

/** Part transfers of one kind on either side of a moment, as `fileId:part`. */
export interface TransfersAround {
  /** Delivered (2xx) before the moment: {@linkcode deliveredBefore}. */
  before: Set<string>;
  /** Started after the moment: {@linkcode transfersAfter}. */
  after: string[];
  /** Those of `after` that repeat one of `before`: a client that resumes leaves this empty. */
  repeated: string[];
}

/** The part transfers of `kind` delivered before `time` and started after it, and the repeats. */
export function transfersAround(
  proxy: FaultProxy,
  kind: ExchangeKind,
  time: number,
): TransfersAround {
  const before = deliveredBefore(proxy, kind, time);
  const after = transfersAfter(proxy, kind, time);
  return { before, after, repeated: after.filter((key) => before.has(key)) };
}

/**
 * Starts an outage right after the `count`-th part transfer of `kind` got its answer, and ends it
 * `ms` milliseconds later (or never, when `ms` is undefined). Resolves when the outage began;
 * rejects when the transfers never got that far (within `waitMs`).
 */
export function outageAfter(
  proxy: FaultProxy,
  options: {
    kind: ExchangeKind;
    count: number;
    mode: "refuse" | "hang";
    ms?: number;
    waitMs?: number;
  },
): Promise<void> {
  const { kind, count, mode, ms, waitMs = 60_000 } = options;
  let seen = 0;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      remove();
      reject(new Error(`only ${seen} of ${count} ${kind} transfers happened`));
    }, waitMs);
    const remove = proxy.onExchange((exchange) => {
      if (exchange.kind !== kind || !exchange.completed || (exchange.status ?? 500) >= 300) return;
      if (++seen < count) return;
      remove();
      clearTimeout(timer);
      proxy.startOutage(mode);
      if (ms !== undefined) setTimeout(() => proxy.endOutage(), ms);
      resolve();
    });
  });
}

/**
 * Lets an outage go on for `ms` milliseconds more, runs `check` (still during the outage), then
 * ends the outage, also when `check` throws. The fault tests start an outage without an end,
 * wait until the page says "Reconnecting…" (which takes longer on a loaded machine), then hold
 * it: the page is seen waiting during the outage however slow the machine.
 */
export async function holdOutage(
  proxy: FaultProxy,
  ms: number,
  check: () => Promise<void> = async () => {},
): Promise<void> {
  try {
    await new Promise((resolve) => setTimeout(resolve, ms));
    await check();
  } finally {
    proxy.endOutage();
  }
}
