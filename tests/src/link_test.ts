import assert from "node:assert/strict";
import { findLinks, formatLink, LinkError, parseLink } from "../../src/link.ts";

const KEY = "dXoa4deD9E0ZkqXH2mYWBXKR8Fvnj0M-0njm6MWRKAQ";
const KEY2 = "Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0Z2FycGx5";
const LINK =
  `https://acme.sendsafely.com/receive/?thread=ABCD-1234&packageCode=PkgCode_abc-123#keyCode=${KEY}`;

function assertLinkError(action: () => unknown, pattern: RegExp, secret = KEY): void {
  assert.throws(action, (error: unknown) => {
    assert.ok(error instanceof LinkError, `expected LinkError, got ${error}`);
    assert.equal(error.name, "LinkError");
    assert.match(error.message, pattern);
    assert.ok(!error.message.includes(secret), `the message leaks the keyCode: ${error.message}`);
    assert.equal(error.cause, undefined, "no cause that could repeat the link");
    return true;
  });
}

Deno.test("parseLink reads a standard SendSafely link", () => {
  assert.deepEqual(parseLink(LINK), {
    url: LINK,
    origin: "https://acme.sendsafely.com",
    packageId: "ABCD-1234",
    packageCode: "PkgCode_abc-123",
    keyCode: KEY,
  });
});

Deno.test("parseLink accepts hosts with digits, hyphens and ports, in any query order", () => {
  const link = parseLink(
    `https://my-co2.send-safely.example:8443/receive/?packageCode=P-1&utm=x&thread=T_9#keyCode=${KEY}`,
  );
  assert.equal(link.origin, "https://my-co2.send-safely.example:8443");
  assert.equal(link.packageCode, "P-1");
  assert.equal(link.packageId, "T_9");
  assert.equal(link.keyCode, KEY);
});

Deno.test("parseLink: thread is optional, extra fragment parameters are ignored", () => {
  const link = parseLink(`https://x.example/r?packageCode=P#other=1&keyCode=${KEY}&more=2`);
  assert.equal(link.packageId, undefined);
  assert.ok(!("packageId" in link));
  assert.equal(link.keyCode, KEY);
});

Deno.test("parseLink takes the first packageCode and prefers keyCode over keycode", () => {
  const link = parseLink(
    `https://x.example/?packageCode=First&packageCode=Second#keycode=lower&keyCode=${KEY}`,
  );
  assert.equal(link.packageCode, "First");
  assert.equal(link.keyCode, KEY);
  assert.equal(parseLink(`https://x.example/?packageCode=P#keycode=${KEY}`).keyCode, KEY);
});

Deno.test("parseLink percent-decodes values and accepts &amp; from HTML", () => {
  const link = parseLink(`https://x.example/?thread=T%2D1&amp;packageCode=P%5F1#keyCode=${KEY}`);
  assert.equal(link.packageId, "T-1");
  assert.equal(link.packageCode, "P_1");
  assert.equal(link.url, `https://x.example/?thread=T%2D1&packageCode=P%5F1#keyCode=${KEY}`);
});

Deno.test("parseLink allows http only for localhost and 127.0.0.1", () => {
  assert.equal(
    parseLink(`http://localhost:8080/receive/?packageCode=P#keyCode=${KEY}`).origin,
    "http://localhost:8080",
  );
  assert.equal(
    parseLink(`http://127.0.0.1:3000/receive/?packageCode=P#keyCode=${KEY}`).origin,
    "http://127.0.0.1:3000",
  );
  assertLinkError(
    () => parseLink(`http://acme.sendsafely.com/receive/?packageCode=P#keyCode=${KEY}`),
    /https/,
  );
  assertLinkError(
    () => parseLink(`http://localhost.evil.example/?packageCode=P#keyCode=${KEY}`),
    /https/,
  );
});

Deno.test("parseLink refuses malformed links without revealing the keyCode", () => {
  const cases: [string, RegExp][] = [
    [`https://x.example/receive/?thread=T#keyCode=${KEY}`, /no packageCode/],
    [`https://x.example/receive/?packageCode=#keyCode=${KEY}`, /packageCode .*empty/],
    ["https://x.example/receive/?packageCode=P", /no #keyCode/],
    ["https://x.example/receive/?packageCode=P#keyCode=", /keyCode .*empty/],
    [`https://x.example/receive/?packageCode=P&keyCode=${KEY}`, /belongs in the #fragment/],
    [`https://x.example/receive/?packageCode=P%ZZ#keyCode=${KEY}`, /percent-encoded/],
    [`https://x.example/receive/?packageCode=P*Q#keyCode=${KEY}`, /packageCode .*characters/],
    [`https://x.example/receive/?packageCode=P+Q#keyCode=${KEY}`, /packageCode .*characters/],
    [`https://x.example/?thread=a.b&packageCode=P#keyCode=${KEY}`, /thread .*characters/],
    [`https://x.example/receive/?packageCode=P#keyCode=${KEY}!`, /keyCode .*characters/],
    [`https://x.example/receive/?packageCode=P#keyCode=${KEY}%2F`, /keyCode .*characters/],
    [`https://x.example/receive/?packageCode=P#keyCode=${KEY}%ZZ`, /keyCode .*percent/],
    [`ftp://x.example/receive/?packageCode=P#keyCode=${KEY}`, /https/],
    [`javascript:alert(1)//?packageCode=P#keyCode=${KEY}`, /https/],
    [`https://user:pw@x.example/?packageCode=P#keyCode=${KEY}`, /user name or password/],
    [`not a url ?packageCode=P#keyCode=${KEY}`, /not a valid URL/],
    [`https://exa mple.com/?packageCode=P#keyCode=${KEY}`, /not a valid URL/],
    ["", /not a valid URL/],
  ];
  for (const [url, pattern] of cases) assertLinkError(() => parseLink(url), pattern);
  assertLinkError(() => parseLink(42 as unknown as string), /string/);
});

Deno.test("formatLink appends the keyCode fragment and round trips through parseLink", () => {
  const base = "https://acme.sendsafely.com/receive/?thread=ABCD-1234&packageCode=PkgCode_abc-123";
  const link = formatLink(base, KEY);
  assert.equal(link, `${base}#keyCode=${KEY}`);
  assert.equal(link, LINK);
  assert.deepEqual(parseLink(link).keyCode, KEY);
  assert.equal(
    formatLink("http://127.0.0.1:8080/receive/?packageCode=P", KEY),
    `http://127.0.0.1:8080/receive/?packageCode=P#keyCode=${KEY}`,
  );
});

Deno.test("formatLink refuses bad keyCodes and links without revealing the keyCode", () => {
  const base = "https://x.example/receive/?packageCode=P";
  assertLinkError(() => formatLink(base, ""), /keyCode/);
  assertLinkError(() => formatLink(base, `${KEY}/+`), /keyCode/, `${KEY}/+`);
  assertLinkError(() => formatLink(`${base}#x=1`, KEY), /fragment/);
  assertLinkError(() => formatLink("http://x.example/?packageCode=P", KEY), /https/);
  assertLinkError(() => formatLink("nonsense", KEY), /not a valid URL/);
});

Deno.test("findLinks finds links in plain text, in order, once each", () => {
  const second = `https://other-2.example:444/receive/?packageCode=Q2&thread=T2#keyCode=${KEY2}`;
  const text = `Hi,\nplease see ${LINK}.\nAlso (${second}) and again ${LINK}, thanks`;
  assert.deepEqual(findLinks(text), [LINK, second]);
});

Deno.test("findLinks finds every variant the SendSafely regex misses", () => {
  const variants = [
    `https://my-co.sendsafely.com/receive/?thread=A&packageCode=P1#keyCode=${KEY}`,
    `https://files9.example.org:8443/receive/?thread=A&packageCode=P2#keyCode=${KEY}`,
    `http://localhost:8000/receive/?thread=A&packageCode=P3#keyCode=${KEY}`,
    `http://127.0.0.1:8000/receive/?thread=A&packageCode=P4#keyCode=${KEY}`,
    `https://x.example/receive/?packageCode=P5&thread=A#keyCode=${KEY}`,
    `https://x.example/receive/?thread=A&packageCode=P6&lang=en#keyCode=${KEY}`,
    `https://x.example/receive/?thread=A&packageCode=P7#keycode=${KEY}`,
  ];
  assert.deepEqual(findLinks(variants.join("\n")), variants);
  assert.deepEqual(findLinks(variants.join(" ")), variants);
});

Deno.test("findLinks skips http links to other hosts and malformed links", () => {
  const text = [
    `http://acme.sendsafely.com/receive/?packageCode=P#keyCode=${KEY}`,
    "https://x.example/receive/?packageCode=P",
    `https://x.example/receive/?thread=T#keyCode=${KEY}`,
    `https://x.example/receive/?packageCode=P&keyCode=${KEY}`,
    "https://example.com/",
    LINK,
  ].join("\n");
  assert.deepEqual(findLinks(text), [LINK]);
  assert.deepEqual(findLinks(""), []);
  assert.deepEqual(findLinks("no links here"), []);
});

Deno.test("findLinks reads ticket HTML: &amp;, href and anchor text counted once", () => {
  const escaped = LINK.replace("&", "&amp;");
  const second = `https://b.example/receive/?thread=T2&packageCode=Q#keyCode=${KEY2}`;
  const html = `<p>Files: <a href="${escaped}" rel="noreferrer">${escaped}</a></p>` +
    `<p><a href='${second.replace("&", "&#38;")}'>download</a><br>${LINK}</p>` +
    `<div>${second.replace("&", "&AMP;")}&nbsp;</div>`;
  assert.deepEqual(findLinks(html), [LINK, second]);
});

Deno.test("findLinks de-duplicates by packageCode and keyCode", () => {
  const sameKeyOtherThread = LINK.replace("thread=ABCD-1234", "thread=OTHER");
  const otherKey = LINK.replace(KEY, KEY2);
  assert.deepEqual(findLinks(`${LINK} ${sameKeyOtherThread} ${otherKey} ${LINK}`), [
    LINK,
    otherKey,
  ]);
});

Deno.test("findLinks splits links that touch and trims surrounding punctuation", () => {
  const second = LINK.replace(KEY, KEY2);
  assert.deepEqual(findLinks(`${LINK}${second}`), [LINK, second]);
  assert.deepEqual(findLinks(`[${LINK}](${LINK}) "${second}";`), [LINK, second]);
  assert.deepEqual(findLinks(`<${LINK}>,<${second}>.`), [LINK, second]);
  assert.deepEqual(findLinks(`\u200b${LINK}\u00a0${second}\u3000`), [LINK, second]);
});

Deno.test("findLinks returns links that parseLink reads back unchanged", () => {
  const html = `<a href="${LINK.replace("&", "&amp;")}">x</a>`;
  for (const link of findLinks(html)) assert.equal(parseLink(link).url, link);
});

Deno.test("findLinks handles 200 KB of hostile near-matches", () => {
  const size = 200_000;
  const near = "https://a.b/receive/?packageCode=";
  const hostile = [
    near.repeat(Math.ceil(size / near.length)),
    `${near}x#`.repeat(Math.ceil(size / near.length)),
    `${near}x#keyCode=`.repeat(Math.ceil(size / near.length)),
    `${near}x#keyCode=!`.repeat(Math.ceil(size / near.length)),
    "a".repeat(size),
    "https://" + "a".repeat(size),
    "https://a.b/?" + "a".repeat(size) + "packageCode",
    "https://a.b/?packageCode=" + "a".repeat(size) + "#keyCode",
    "https://a.b/?packageCode=p#" + "&".repeat(size),
    "https://" + ".".repeat(size),
    "https://".repeat(size / 8),
    "http".repeat(size / 4),
    "&amp;".repeat(size / 5),
    "&".repeat(size),
    "https://a.b/receive/?" + "packageCode=p&".repeat(size / 14),
  ];
  for (const text of hostile) {
    assert.deepEqual(findLinks(text), [], text.slice(0, 60));
    // A real link after the noise is still found, exactly once.
    assert.deepEqual(findLinks(`${text} ${LINK} ${text}`), [LINK], text.slice(0, 60));
  }
  // Valid links among long runs: trailing punctuation is trimmed, a long keyCode is kept whole.
  const short = "https://a.b/?packageCode=p#keyCode=k";
  assert.deepEqual(findLinks(short + ".".repeat(size)), [short]);
  const long = "https://a.b/?packageCode=p#keyCode=" + "a".repeat(size);
  assert.deepEqual(findLinks(`${long}.`), [long]);
});
