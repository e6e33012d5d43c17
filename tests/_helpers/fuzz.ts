/**
 * A small, seeded fuzzing kit for the tests: a deterministic PRNG (sfc32), generators of hostile
 * strings, JSON values and byte mutations, and a case runner that gives every case its own seed and
 * prints it when the case fails, so one failing case can be replayed alone:
 *
 * ```sh
 * FUZZ_SEED=<case seed> FUZZ_CASES=1 deno test -A tests/fuzz/link_fuzz_test.ts
 * ```
 *
 * `FUZZ_SEED` replaces the base seed of every run and `FUZZ_CASES` its number of cases;
 * `FUZZ_SCALE` multiplies the case counts (e.g. `FUZZ_SCALE=10` for a longer soak).
 *
 * No dependency: the generator is sfc32 (Chris Doty-Humphrey's small fast counter), seeded
 * through splitmix32, which is plenty for test inputs and never for keys.
 *
 * @module
 */

/** A deterministic pseudo-random generator with helpers for building test inputs. */
export class Rng {
  #a: number;
  #b: number;
  #c: number;
  #d: number;
  /** The seed this generator started from. */
  readonly seed: number;

  /** Starts the generator from a 32-bit seed. */
  constructor(seed: number) {
    this.seed = seed >>> 0;
    let state = this.seed;
    const split = () => {
      state = (state + 0x9e3779b9) >>> 0;
      let z = state;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.#a = split();
    this.#b = split();
    this.#c = split();
    this.#d = split();
    for (let i = 0; i < 12; i++) this.next();
  }

  /** The next 32-bit unsigned integer. */
  next(): number {
    const t = (((this.#a + this.#b) >>> 0) + this.#d) >>> 0;
    this.#d = (this.#d + 1) >>> 0;
    this.#a = this.#b ^ (this.#b >>> 9);
    this.#b = (this.#c + (this.#c << 3)) >>> 0;
    this.#c = ((this.#c << 21) | (this.#c >>> 11)) >>> 0;
    this.#c = (this.#c + t) >>> 0;
    return t;
  }

  /** A float in [0, 1). */
  float(): number {
    return this.next() / 4294967296;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.float() * (max - min + 1));
  }

  /** `true` with probability `p`. */
  chance(p = 0.5): boolean {
    return this.float() < p;
  }

  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)];
  }

  /** Picks by weight: `[[3, "a"], [1, "b"]]` gives "a" three times as often as "b". */
  weighted<T>(choices: readonly (readonly [number, T])[]): T {
    const total = choices.reduce((sum, [weight]) => sum + weight, 0);
    let roll = this.float() * total;
    for (const [weight, value] of choices) {
      roll -= weight;
      if (roll < 0) return value;
    }
    return choices[choices.length - 1][1];
  }

  /** `length` pseudo-random bytes. */
  bytes(length: number): Uint8Array<ArrayBuffer> {
    const out = new Uint8Array(length);
    for (let i = 0; i < length; i += 4) {
      const value = this.next();
      for (let j = 0; j < 4 && i + j < length; j++) out[i + j] = (value >>> (8 * j)) & 0xff;
    }
    return out;
  }

  /** A string of `length` characters drawn from `alphabet`. */
  stringOf(alphabet: string, length: number): string {
    const chars = [...alphabet];
    let out = "";
    for (let i = 0; i < length; i++) out += this.pick(chars);
    return out;
  }

  /** A string of hostile text: markup, escapes, separators, odd Unicode and lone surrogates. */
  hostileString(maxLength = 40): string {
    let out = "";
    const length = this.int(0, maxLength);
    while (out.length < length) {
      out += this.weighted<() => string>([
        [4, () => this.stringOf(ALPHANUMERIC, this.int(1, 6))],
        [3, () => this.pick(HOSTILE_PIECES)],
        [1, () => String.fromCodePoint(this.int(0, 0x10ffff))],
        [1, () => String.fromCharCode(this.int(0xd800, 0xdfff))],
        [1, () => String.fromCharCode(this.int(0, 0x1f))],
      ])();
    }
    return out;
  }

  /** A JSON number that stresses parsers and range checks. */
  hostileNumber(): number {
    return this.weighted<() => number>([
      [3, () => this.int(-3, 30)],
      [2, () => this.pick(EDGE_NUMBERS)],
      [1, () => (this.float() - 0.5) * 10 ** this.int(0, 308)],
    ])();
  }

  /**
   * A random JSON value: primitives of every kind, arrays, objects with hostile keys
   * (`__proto__`, `constructor`, `toString`), nested up to `depth`.
   */
  json(depth = 3): unknown {
    const leaf = depth <= 0 || this.chance(0.5);
    if (leaf) {
      return this.weighted<() => unknown>([
        [1, () => null],
        [1, () => this.chance()],
        [3, () => this.hostileNumber()],
        [4, () => this.hostileString()],
      ])();
    }
    if (this.chance(0.4)) {
      return Array.from({ length: this.int(0, 5) }, () => this.json(depth - 1));
    }
    const object: Record<string, unknown> = {};
    for (let i = this.int(0, 5); i > 0; i--) {
      const key = this.chance(0.3) ? this.pick(HOSTILE_KEYS) : this.hostileString(12);
      Object.defineProperty(object, key, {
        value: this.json(depth - 1),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return object;
  }

  /** Applies 1–`maxEdits` random edits (insert, delete, replace, duplicate, cut) to a string. */
  mutateString(text: string, maxEdits = 4, alphabet = MUTATION_PIECES): string {
    let out = text;
    for (let edits = this.int(1, maxEdits); edits > 0; edits--) {
      const at = this.int(0, out.length);
      out = this.weighted<() => string>([
        [3, () => out.slice(0, at) + this.pick(alphabet) + out.slice(at)],
        [2, () => out.slice(0, at) + out.slice(at + this.int(1, 8))],
        [3, () => out.slice(0, at) + this.pick(alphabet) + out.slice(at + 1)],
        [1, () => {
          const from = this.int(0, out.length);
          const piece = out.slice(from, from + this.int(1, 30));
          return out.slice(0, at) + piece + out.slice(at);
        }],
        [1, () => out.slice(0, at)],
        [1, () => out.slice(at)],
      ])();
    }
    return out;
  }

  /** Applies 1–`maxEdits` byte-level edits (bit flips, byte sets, inserts, deletes) to a copy. */
  mutateBytes(bytes: Uint8Array, maxEdits = 4): Uint8Array<ArrayBuffer> {
    let out: Uint8Array<ArrayBuffer> = new Uint8Array(bytes);
    for (let edits = this.int(1, maxEdits); edits > 0; edits--) {
      const at = this.int(0, Math.max(0, out.length - 1));
      const kind = out.length === 0 ? 2 : this.int(0, 4);
      if (kind === 0) {
        out[at] ^= 1 << this.int(0, 7);
      } else if (kind === 1) {
        out[at] = this.pick([0, 0xff, 0x7f, 0x80, this.int(0, 255)]);
      } else if (kind === 2) {
        const inserted = this.bytes(this.int(1, 16));
        const grown = new Uint8Array(out.length + inserted.length);
        grown.set(out.subarray(0, at));
        grown.set(inserted, at);
        grown.set(out.subarray(at), at + inserted.length);
        out = grown;
      } else if (kind === 3) {
        const end = Math.min(out.length, at + this.int(1, 16));
        const shrunk = new Uint8Array(out.length - (end - at));
        shrunk.set(out.subarray(0, at));
        shrunk.set(out.subarray(end), at);
        out = shrunk;
      } else {
        out = out.slice(0, at);
      }
    }
    return out;
  }
}

const ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/** Pieces of text that have broken parsers, renderers and file systems. */
export const HOSTILE_PIECES: readonly string[] = [
  "<script>window.__pwned=1</script>",
  '<img src=x onerror="window.__pwned=1">',
  "<svg onload=window.__pwned=1>",
  '"><b>',
  "'",
  '"',
  "`",
  "&amp;",
  "&#38;",
  "&#x26;",
  "&lt;",
  "%",
  "%2F",
  "%2e%2e",
  "%00",
  "%E0%A4%A",
  "..",
  "../",
  "..\\",
  "/",
  "\\",
  "\u0000",
  "\r\n",
  "\u2028",
  "\u00a0",
  "\u202e",
  "\u200b",
  "\ufeff",
  "\ufffd",
  "😀",
  "é",
  "𝔘",
  "#",
  "?",
  "&",
  "=",
  "+",
  " ",
  "javascript:",
  "https://",
  "${x}",
  "{{x}}",
  "null",
  "true",
  "-1",
  "1e309",
];

/** Object keys that trip naive code (prototype pollution, coercion). */
export const HOSTILE_KEYS: readonly string[] = [
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "valueOf",
  "toJSON",
  "then",
  "length",
  "",
  "id",
  "key",
  "message",
  "error",
  "result",
];

/** Numbers at the edges of integer and float handling. */
export const EDGE_NUMBERS: readonly number[] = [
  0,
  -0,
  -1,
  1,
  0.5,
  -0.5,
  2 ** 31 - 1,
  2 ** 31,
  2 ** 32,
  2 ** 53 - 1,
  2 ** 53,
  2 ** 53 + 2,
  -(2 ** 53),
  1e21,
  1e308,
  -1e308,
  Number.MIN_VALUE,
  1.7976931348623157e308,
];

/** What {@linkcode Rng.mutateString} inserts by default: delimiters, escapes and markup. */
export const MUTATION_PIECES: readonly string[] = [
  ...HOSTILE_PIECES,
  "a",
  "Z",
  "9",
  "-",
  "_",
  ".",
  ")",
  "]",
  ";",
  ":",
  "<",
  ">",
  "\n",
  "\t",
  "keyCode=",
  "keycode=",
  "packageCode=",
  "thread=",
  "#keyCode=",
  "&packageCode=",
  "http://",
  "HTTPS://",
];

/** Options of {@linkcode fuzz}. */
export interface FuzzOptions {
  /** What is fuzzed; printed on failure. */
  name: string;
  /** Base seed (fixed in the test, so every run does the same cases). */
  seed: number;
  /** Number of cases before `FUZZ_SCALE`. */
  cases: number;
  /** Longest a single (async) case may take before it counts as a hang, in ms. @default {15000} */
  caseTimeoutMs?: number;
}

function env(name: string): string | undefined {
  try {
    return Deno.env.get(name);
  } catch {
    return undefined;
  }
}

/** The seed of case `index` of a run: every case can be replayed on its own. */
export function caseSeed(baseSeed: number, index: number): number {
  return (Math.imul(baseSeed ^ 0x5bd1e995, 0x01000193) + Math.imul(index + 1, 0x9e3779b1)) >>> 0;
}

/** The number of cases a run does, after `FUZZ_CASES` and `FUZZ_SCALE`. */
export function caseCount(cases: number): number {
  const fixed = Number(env("FUZZ_CASES"));
  if (Number.isSafeInteger(fixed) && fixed > 0) return fixed;
  const scale = Number(env("FUZZ_SCALE") ?? "1");
  return Math.max(1, Math.round(cases * (Number.isFinite(scale) && scale > 0 ? scale : 1)));
}

/** A case that did not finish in time. */
export class HangError extends Error {
  override name = "HangError";
}

/** Rejects with {@linkcode HangError} when `promise` has not settled within `ms`. */
export async function withDeadline<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new HangError(`${what} did not finish in ${ms} ms`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** A failed fuzz case: its message names the target, the case and the seed that replays it. */
export class FuzzCaseError extends Error {
  override name = "FuzzCaseError";
}

/**
 * Runs `cases` cases of `body`, each with its own `Rng`. A case that throws or hangs fails the run
 * with a message that names its seed (replay it with `FUZZ_SEED=<seed> FUZZ_CASES=1`).
 *
 * @returns the number of cases run.
 * @throws {FuzzCaseError} for the first failing case, with the original error as `cause`.
 */
export async function fuzz(
  options: FuzzOptions,
  body: (rng: Rng, index: number) => void | Promise<void>,
): Promise<number> {
  const { name, cases, caseTimeoutMs = 15_000 } = options;
  const override = Number(env("FUZZ_SEED"));
  const replaying = Number.isSafeInteger(override) && env("FUZZ_SEED") !== undefined;
  const total = caseCount(cases);
  for (let index = 0; index < total; index++) {
    // A replayed seed is the case seed itself for its first case.
    const seed = replaying && index === 0 ? override >>> 0 : caseSeed(
      replaying ? override : options.seed,
      index,
    );
    try {
      const result = body(new Rng(seed), index);
      if (result instanceof Promise) {
        await withDeadline(result, caseTimeoutMs, `${name} case ${index}`);
      }
    } catch (cause) {
      const message = `${name}: case ${index} failed; replay it with FUZZ_SEED=${seed} ` +
        `FUZZ_CASES=1 (base seed ${options.seed}): ${
          cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause)
        }`;
      console.error(message);
      throw new FuzzCaseError(message, { cause });
    }
  }
  return total;
}
