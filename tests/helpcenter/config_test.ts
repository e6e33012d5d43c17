import assert from "node:assert/strict";
import { ConfigError, isSecured, parseConfig } from "../../helpcenter/config.ts";

Deno.test("config: the script tag's values are checked and normalised", () => {
  const config = parseConfig({
    serviceUrl: " https://padlock.example.com/ ",
    dropzoneId: "dz_AbC-123",
    ticketForms: " 123, 456 ,,",
  });
  assert.deepEqual(config, {
    serviceUrl: "https://padlock.example.com",
    dropzoneId: "dz_AbC-123",
    ticketForms: ["123", "456"],
  });
  assert.equal(
    parseConfig({ serviceUrl: "http://127.0.0.1:8080/x/", dropzoneId: "d" }).serviceUrl,
    "http://127.0.0.1:8080/x",
  );
  assert.deepEqual(
    parseConfig({ serviceUrl: "https://a.example", dropzoneId: "d", ticketForms: [1, 2] })
      .ticketForms,
    ["1", "2"],
  );
  // data-link-style: "hyperlink" is kept, "url" is the default.
  const d = { serviceUrl: "https://a.example", dropzoneId: "d" };
  assert.equal(parseConfig({ ...d, linkStyle: "hyperlink" }).linkStyle, "hyperlink");
  assert.equal(parseConfig({ ...d, linkStyle: "url" }).linkStyle, undefined);
  assert.throws(() => parseConfig({ ...d, linkStyle: "button" }), /linkStyle/);
});

Deno.test("config: a wrong setting is refused with a message naming it", () => {
  assert.throws(() => parseConfig({ dropzoneId: "d" }), ConfigError);
  assert.throws(
    () => parseConfig({ serviceUrl: "javascript:alert(1)", dropzoneId: "d" }),
    /http\(s\)/,
  );
  assert.throws(() => parseConfig({ serviceUrl: "not a url", dropzoneId: "d" }), /not a URL/);
  assert.throws(() => parseConfig({ serviceUrl: "https://a.example" }), /dropzoneId/);
  assert.throws(
    () => parseConfig({ serviceUrl: "https://a.example", dropzoneId: "a b" }),
    /dropzoneId/,
  );
  assert.throws(
    () => parseConfig({ serviceUrl: "https://a.example", dropzoneId: "d", ticketForms: "1,<x>" }),
    /ticket form id/,
  );
});

Deno.test("config: every form is secured unless a list is given", () => {
  const all = parseConfig({ serviceUrl: "https://a.example", dropzoneId: "d", ticketForms: "" });
  assert.equal(all.ticketForms, undefined);
  assert.ok(isSecured(all, undefined));
  assert.ok(isSecured(all, "999"));
  const some = parseConfig({ serviceUrl: "https://a.example", dropzoneId: "d", ticketForms: "1" });
  assert.ok(isSecured(some, "1"));
  assert.ok(!isSecured(some, "2"));
  assert.ok(!isSecured(some, undefined));
});
