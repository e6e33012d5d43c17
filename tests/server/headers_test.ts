/**
 * Every route of the service sends the security headers it needs: one walk over every API route
 * (each pattern of `API_ROUTES`, under both prefixes, and their preflights), the part URLs, the
 * widget's files, the portal's pages, JSON calls and assets, the pairing endpoints and an
 * unknown path. Behind https each answer carries HSTS; on plain http none does. What other
 * origins read (API, parts, pairing, widget) stays readable there: CORS as before and
 * `Cross-Origin-Resource-Policy: cross-origin`; the portal's own files are `same-origin`.
 */
import assert from "node:assert/strict";
import { API_ROUTES } from "../../server/app.ts";
import { startServer } from "../../server/mod.ts";
import { PERMISSIONS_POLICY } from "../../server/security_headers.ts";

/** One request of the walk, and whether other origins read its answer. */
interface Visit {
  method: string;
  path: string;
  crossOrigin: boolean;
  body?: string;
  headers?: Record<string, string>;
}

const ID = "AbCdEfGhIjKlMnOp";

function visits(widgetFiles: string[]): Visit[] {
  const list: Visit[] = [];
  for (const prefix of ["/api/v2.0", "/drop-zone/v2.0"]) {
    for (const route of API_ROUTES) {
      const path = prefix + route.pattern.replace(/:[A-Za-z]+/g, ID);
      const body = route.method === "GET" ? undefined : "{}";
      list.push({ method: route.method, path, crossOrigin: true, body });
      list.push({ method: "OPTIONS", path, crossOrigin: true });
    }
    list.push({ method: "GET", path: `${prefix}/no/such/call/`, crossOrigin: true });
  }
  for (const method of ["GET", "PUT", "OPTIONS"]) {
    list.push({ method, path: `/part/${"A".repeat(43)}`, crossOrigin: true });
  }
  for (const name of widgetFiles) {
    list.push({ method: "GET", path: `/widget/${name}`, crossOrigin: true });
  }
  list.push({ method: "GET", path: "/widget/no-such-file.js", crossOrigin: true });
  list.push({ method: "POST", path: "/widget/padlock.js", crossOrigin: true });
  for (const path of ["/auth/pairing", "/auth/pairing/poll"]) {
    list.push({ method: "POST", path, crossOrigin: true, body: "{}" });
    list.push({ method: "OPTIONS", path, crossOrigin: true });
  }
  for (
    const path of [
      "/",
      "/receive/?thread=" + ID,
      "/signin",
      "/account",
      "/activate",
      "/connect",
      "/dev/outbox",
      "/assets/portal.css",
      "/assets/portal.js",
      "/assets/crypto_worker.js",
      "/assets/download_sw.js",
      "/nothing/here",
    ]
  ) {
    list.push({ method: "GET", path, crossOrigin: false });
  }
  for (
    const path of [
      "/signin",
      "/signout",
      "/account/keys/revoke",
      "/activate",
      "/activate/request",
      "/connect",
      "/portal/api/access",
      "/portal/api/code",
      "/portal/api/verify",
    ]
  ) {
    list.push({
      method: "POST",
      path,
      crossOrigin: false,
      body: "{}",
      headers: { "content-type": "application/json" },
    });
  }
  return list;
}

async function walk(publicUrl: string | undefined): Promise<{ visited: number }> {
  const dataDir = await Deno.makeTempDir({ prefix: "padlock-headers-" });
  const dist = new URL("../../dist/", import.meta.url).pathname;
  const service = await startServer({
    port: 0,
    hostname: "127.0.0.1",
    dataDir,
    publicUrl,
    log: () => {},
    sweepIntervalMs: 0,
    devOutbox: true,
    widgetDir: `${dist}helpcenter`,
    portalAssetsDir: `${dist}portal`,
  });
  const https = publicUrl?.startsWith("https:") === true;
  try {
    const widgetFiles = [...Deno.readDirSync(`${dist}helpcenter`)].map((item) => item.name)
      .filter((name) => name.endsWith(".js"));
    assert.ok(widgetFiles.includes("padlock.js"), "the widget is built (deno task build)");
    const list = visits(widgetFiles);
    for (const visit of list) {
      const what = `${visit.method} ${visit.path}`;
      const response = await fetch(`${service.url}${visit.path}`, {
        method: visit.method,
        body: visit.body,
        redirect: "manual",
        headers: { origin: "https://help.example.com", ...visit.headers },
      });
      await response.body?.cancel();
      assert.ok(response.status < 500, `${what}: ${response.status}`);
      const header = (name: string) => response.headers.get(name);
      assert.equal(header("x-content-type-options"), "nosniff", what);
      assert.match(header("referrer-policy") ?? "", /^(no-referrer|same-origin)$/, what);
      assert.equal(header("cross-origin-opener-policy"), "same-origin", what);
      assert.equal(
        header("cross-origin-resource-policy"),
        visit.crossOrigin ? "cross-origin" : "same-origin",
        what,
      );
      assert.equal(header("permissions-policy"), PERMISSIONS_POLICY, what);
      assert.match(header("content-security-policy") ?? "", /frame-ancestors 'none'/, what);
      if (https) assert.equal(header("strict-transport-security"), "max-age=31536000", what);
      else assert.equal(header("strict-transport-security"), null, what);
      const type = header("content-type") ?? "";
      if (!/javascript/.test(type) && response.status !== 204 && response.status !== 303) {
        // Not a script: nothing may load from it (pages name what they load).
        assert.match(header("content-security-policy")!, /default-src '(none|self)'/, what);
      }
      if (visit.crossOrigin) {
        assert.equal(header("access-control-allow-origin"), "*", `${what}: CORS as before`);
      }
    }
    return { visited: list.length };
  } finally {
    await service.close();
    await Deno.remove(dataDir, { recursive: true });
  }
}

Deno.test("headers: every route sends its security headers; HSTS behind https only", async () => {
  const { visited } = await walk("https://padlock.example.com");
  assert.ok(visited > 80, `walked ${visited} requests`);
  await walk(undefined);
});

Deno.test("headers: the widget's crypto worker keeps only frame-ancestors as its policy", async () => {
  // A worker's policy comes from its script's response: `default-src 'none'` there would stop
  // the portal's and the widget's workers from loading what their page allows them.
  const dataDir = await Deno.makeTempDir({ prefix: "padlock-headers-" });
  const dist = new URL("../../dist/", import.meta.url).pathname;
  const service = await startServer({
    port: 0,
    hostname: "127.0.0.1",
    dataDir,
    log: () => {},
    sweepIntervalMs: 0,
    widgetDir: `${dist}helpcenter`,
    portalAssetsDir: `${dist}portal`,
  });
  try {
    for (const path of ["/widget/crypto_worker.js", "/assets/crypto_worker.js"]) {
      const response = await fetch(`${service.url}${path}`);
      await response.body?.cancel();
      assert.equal(response.headers.get("content-security-policy"), "frame-ancestors 'none'");
    }
  } finally {
    await service.close();
    await Deno.remove(dataDir, { recursive: true });
  }
});
