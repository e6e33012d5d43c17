/**
 * The service serves the built Help Center widget at `/widget/`: the files of its folder only,
 * to any origin, revalidated or cached for good by their names, and a clear answer when the
 * widget is not built.
 */
import assert from "node:assert/strict";
import { startServer } from "../../server/mod.ts";

async function withWidget(
  files: Record<string, string>,
  fn: (url: string) => Promise<void>,
): Promise<void> {
  const dataDir = await Deno.makeTempDir({ prefix: "padlock-widget-data-" });
  const root = await Deno.makeTempDir({ prefix: "padlock-widget-" });
  const widgetDir = `${root}/helpcenter`;
  await Deno.mkdir(widgetDir);
  for (const [name, text] of Object.entries(files)) {
    await Deno.writeTextFile(`${widgetDir}/${name}`, text);
  }
  // A secret beside the folder, which no path may reach.
  await Deno.writeTextFile(`${root}/padlock-widget-secret.js`, "secret");
  const server = await startServer({
    port: 0,
    dataDir,
    widgetDir,
    log: () => {},
    sweepIntervalMs: 0,
  });
  try {
    await fn(server.url);
  } finally {
    await server.close();
    await Deno.remove(dataDir, { recursive: true });
    await Deno.remove(root, { recursive: true });
  }
}

Deno.test("widget: the loader and its chunks are served to any origin, with their caching", async () => {
  const loader = "export const loader = 1;\n";
  const chunk = "export const chunk = 2;\n";
  await withWidget({ "padlock.js": loader, "transfer-AB12CD34.js": chunk }, async (url) => {
    const first = await fetch(`${url}/widget/padlock.js`, {
      headers: { Origin: "https://help.example.com" },
    });
    assert.equal(first.status, 200);
    assert.equal(await first.text(), loader);
    assert.equal(first.headers.get("content-type"), "text/javascript; charset=utf-8");
    assert.equal(first.headers.get("access-control-allow-origin"), "*");
    assert.equal(first.headers.get("cross-origin-resource-policy"), "cross-origin");
    assert.equal(first.headers.get("x-content-type-options"), "nosniff");
    // The loader keeps its name across builds: the browser asks again each time.
    assert.equal(first.headers.get("cache-control"), "no-cache");

    const hashed = await fetch(`${url}/widget/transfer-AB12CD34.js`);
    assert.equal(await hashed.text(), chunk);
    assert.equal(hashed.headers.get("cache-control"), "public, max-age=31536000, immutable");

    const head = await fetch(`${url}/widget/padlock.js`, { method: "HEAD" });
    assert.equal(head.status, 200);
    assert.equal(head.headers.get("content-length"), String(loader.length));
    assert.equal(await head.text(), "");

    const post = await fetch(`${url}/widget/padlock.js`, { method: "POST", body: "x" });
    assert.equal(post.status, 405);
    assert.equal(post.headers.get("allow"), "GET, HEAD");
    await post.body?.cancel();
  });
});

Deno.test("widget: nothing but a built file of the folder is served", async () => {
  await withWidget({ "padlock.js": "export {};\n" }, async (url) => {
    for (
      const path of [
        "/widget/../padlock-widget-secret.js",
        "/widget/%2e%2e/padlock-widget-secret.js",
        "/widget/..%2fpadlock-widget-secret.js",
        "/widget/.hidden.js",
        "/widget/sub/padlock.js",
        "/widget/padlock.js.map",
        "/widget/",
        "/widget/missing.js",
      ]
    ) {
      const response = await fetch(`${url}${path}`);
      const text = await response.text();
      assert.ok(response.status === 404 || response.status === 400, `${path}: ${response.status}`);
      assert.ok(!text.includes("secret"), path);
    }
  });
});

Deno.test("widget: without a build the answer says what to run", async () => {
  await withWidget({}, async (url) => {
    const response = await fetch(`${url}/widget/padlock.js`);
    assert.equal(response.status, 503);
    assert.match(await response.text(), /deno task build/);
  });
});
