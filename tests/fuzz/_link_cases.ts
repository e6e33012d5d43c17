/**
 * The cases of the Secure Link fuzzer, runnable in a worker (so a hang can be caught and its seed
 * printed) or in-process: valid links generated in every accepted form, embedded in text and HTML,
 * then mutated. The invariants: `findLinks` never throws and returns each link once, every link it
 * returns parses back to itself, a link embedded intact is found, `parseLink` and `formatLink`
 * throw only `LinkError`, and no error message repeats a keyCode.
 *
 * @module
 */
import { findLinks, formatLink, LinkError, parseLink, type SecureLink } from "../../src/link.ts";
import type { Rng } from "../_helpers/fuzz.ts";

const TOKEN_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const TOKEN = /^[A-Za-z0-9_-]+$/;

const ORIGINS = [
  "https://acme.sendsafely.com",
  "https://x.example",
  "https://my-co2.send-safely.example:8443",
  "HTTPS://Upper.Example",
  "http://localhost:8080",
  "http://127.0.0.1:41234",
  "http://[::1]:9000",
  "https://padlock.example.org",
];

/** Characters after which a link ends in text (each also ends a URL in the finder). */
const AFTER = [" ", "\n", "\t", "<", '"', "'", ">", "\u00a0", "\u2028", "\u3000", ". ", "). "];

/** A generated link and what it must parse to. */
export interface GeneratedLink {
  text: string;
  packageCode: string;
  keyCode: string;
  packageId?: string;
}

/** A valid Secure Link in one of the accepted forms. */
export function generateLink(rng: Rng): GeneratedLink {
  const origin = rng.pick(ORIGINS);
  const path = rng.pick(["/receive/", "/receive", "/", "/r/x", ""]);
  const packageCode = rng.stringOf(TOKEN_ALPHABET, rng.int(1, 43));
  const keyCode = rng.stringOf(TOKEN_ALPHABET, rng.chance(0.8) ? 43 : rng.int(1, 60));
  const packageId = rng.chance(0.7)
    ? `${rng.stringOf("ABCDEFGHJKLMNPQRSTUVWXYZ23456789", 4)}-${
      rng.stringOf("ABCDEFGHJKLMNPQRSTUVWXYZ23456789", 4)
    }`
    : undefined;
  const params = [`packageCode=${packageCode}`];
  if (packageId) params.push(`thread=${packageId}`);
  for (let i = rng.int(0, 2); i > 0; i--) {
    params.push(`${rng.pick(["utm", "x", "lang"])}=${rng.stringOf(TOKEN_ALPHABET, rng.int(0, 5))}`);
  }
  // Shuffle the parameters: any order is accepted.
  for (let i = params.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [params[i], params[j]] = [params[j], params[i]];
  }
  const fragmentName = rng.chance(0.85) ? "keyCode" : "keycode";
  const fragment = rng.chance(0.85)
    ? `${fragmentName}=${keyCode}`
    : `other=1&${fragmentName}=${keyCode}`;
  const separator = rng.pick(["&", "&", "&amp;"]);
  return {
    text: `${origin}${path}?${params.join(separator)}#${fragment}`,
    packageCode,
    keyCode,
    packageId,
  };
}

/** Embeds links in a ticket-like text: prose, HTML anchors, both forms of one link, noise. */
export function embed(rng: Rng, links: GeneratedLink[]): string {
  let text = "";
  for (const link of links) {
    const escaped = link.text.replaceAll("&amp;", "&").replaceAll("&", "&amp;");
    const noise = rng.chance(0.5) ? rng.hostileString(30) + rng.pick(["\n", " ", "<br>"]) : "";
    const after = rng.pick(AFTER);
    text += noise + rng.pick([
      `${link.text}${after}`,
      `(${link.text})${after}`,
      `<a href="${escaped}">${escaped}</a>${after}`,
      `<a href='${escaped}' target="_blank">Download</a>${after}`,
      `<p>Secure Link: ${escaped}&nbsp;</p>`,
      `Link: ${link.text}.\n`,
    ]);
  }
  return text + (rng.chance(0.3) ? rng.hostileString(30) : "");
}

function assertOnlyLinkError(error: unknown, secrets: string[], what: string): void {
  if (!(error instanceof LinkError) || error.name !== "LinkError") {
    throw new Error(`${what} threw ${error instanceof Error ? error.name : typeof error}`, {
      cause: error,
    });
  }
  for (const secret of secrets) {
    if (secret.length >= 8 && error.message.includes(secret)) {
      throw new Error(`${what}: the LinkError message repeats a keyCode: ${error.message}`);
    }
  }
}

function checkParsed(link: SecureLink, what: string): void {
  if (!TOKEN.test(link.packageCode) || !TOKEN.test(link.keyCode)) {
    throw new Error(`${what} returned a value outside URL-safe base64: ${JSON.stringify(link)}`);
  }
  if (link.packageId !== undefined && !TOKEN.test(link.packageId)) {
    throw new Error(`${what} returned a thread outside URL-safe base64`);
  }
  if (!link.url.startsWith(link.origin)) throw new Error(`${what}: url does not start at origin`);
}

/** Checks `findLinks` on `text`; returns the links it found. */
export function checkFind(text: string, secrets: string[]): string[] {
  let found: unknown;
  try {
    found = findLinks(text);
  } catch (error) {
    throw new Error(`findLinks threw ${error instanceof Error ? error.name : error}`, {
      cause: error,
    });
  }
  if (!Array.isArray(found) || found.some((link) => typeof link !== "string")) {
    throw new Error("findLinks did not return a list of strings");
  }
  const seen = new Set<string>();
  for (const url of found as string[]) {
    let parsed: SecureLink;
    try {
      parsed = parseLink(url);
    } catch (error) {
      assertOnlyLinkError(error, secrets, "parseLink of a found link");
      throw new Error(`a link findLinks returned does not parse: ${(error as Error).message}`);
    }
    checkParsed(parsed, "parseLink of a found link");
    if (parsed.url !== url) {
      throw new Error(`a found link does not parse back to itself: ${url} -> ${parsed.url}`);
    }
    const key = `${parsed.packageCode}#${parsed.keyCode}`;
    if (seen.has(key)) throw new Error(`findLinks returned one link twice: ${url}`);
    seen.add(key);
  }
  return found as string[];
}

/** Checks `parseLink` on `text`: a valid SecureLink or a LinkError, nothing else. */
export function checkParse(text: unknown, secrets: string[]): SecureLink | undefined {
  try {
    const link = parseLink(text as string);
    checkParsed(link, "parseLink");
    return link;
  } catch (error) {
    assertOnlyLinkError(error, secrets, "parseLink");
    return undefined;
  }
}

/** One fuzz case; returns how many checks it made. */
export function runLinkCase(rng: Rng): number {
  const links = Array.from({ length: rng.int(1, 3) }, () => generateLink(rng));
  const secrets = links.map((link) => link.keyCode);
  let checks = 0;

  // 1. Intact links in text and HTML are all found, once each, with their values.
  const text = embed(rng, rng.chance(0.2) ? [...links, links[0]] : links);
  const found = checkFind(text, secrets).map((url) => parseLink(url));
  checks++;
  for (const link of links) {
    const hit = found.find((item) =>
      item.packageCode === link.packageCode && item.keyCode === link.keyCode
    );
    if (!hit) throw new Error(`an intact link was not found in: ${JSON.stringify(text)}`);
    if (hit.packageId !== link.packageId) {
      throw new Error(`wrong thread for ${link.text}: ${hit.packageId}`);
    }
  }

  // 2. Each link alone parses to its values.
  for (const link of links) {
    const parsed = checkParse(link.text, secrets);
    if (parsed?.packageCode !== link.packageCode || parsed.keyCode !== link.keyCode) {
      throw new Error(`a valid link did not parse: ${link.text}`);
    }
    checks++;
  }

  // 3. Mutated text, and text escaped again (HTML stored escaped once or twice more, as happens
  //    when a ticket's HTML goes through another editor): invariants only.
  for (let i = 0; i < 4; i++) {
    checkFind(rng.mutateString(text, 6), secrets);
    checks++;
  }
  let escaped = text;
  for (let times = rng.int(1, 3); times > 0; times--) escaped = escaped.replaceAll("&", "&amp;");
  checkFind(escaped, secrets);
  checks++;

  // 4. Mutated single links through parseLink and formatLink.
  for (const link of links) {
    const mutated = rng.mutateString(link.text, 3);
    checkParse(mutated, secrets);
    const withoutFragment = mutated.split("#")[0];
    const key = rng.chance(0.7) ? link.keyCode : rng.mutateString(link.keyCode, 2);
    try {
      const formatted = formatLink(rng.chance(0.8) ? withoutFragment : mutated, key);
      if (!formatted.endsWith(`#keyCode=${key}`)) throw new Error("formatLink lost the keyCode");
    } catch (error) {
      assertOnlyLinkError(error, secrets, "formatLink");
    }
    checks += 2;
  }

  // 5. Values of the wrong type.
  checkParse(rng.pick([undefined, null, 42, {}, [], Symbol.for("x")]), secrets);
  return checks + 1;
}

/**
 * Inputs built to make a careless scanner quadratic or exponential; each is ~100-400 KB. They
 * run in the worker so a hang shows as a timeout with its index.
 */
export function pathologicalInputs(): string[] {
  const key = "K".repeat(43);
  return [
    "https://".repeat(40_000),
    `https://a.example/?packageCode=${"a".repeat(200_000)}#`,
    `https://a.example/?${"packageCode=x&".repeat(20_000)}#keyCode=${key}`,
    `https://a.example/?packageCode=P#${"keyCode=&".repeat(30_000)}`,
    "&amp;".repeat(60_000),
    `https://a.example/?packageCode=P#keyCode=${key}${".".repeat(200_000)}`,
    `https://a.example/${"%".repeat(200_000)}?packageCode=P#keyCode=${key}`,
    ("https://x.example/?packageCode=P#keyCode=" + key + " ").repeat(5_000),
    `<a href="${"https://x.example/?packageCode=P&amp;".repeat(5_000)}#keyCode=${key}">`,
    "h" + "ttps://x".repeat(50_000),
  ];
}
