/// <reference lib="dom" />
/**
 * Tests of src/sinks.ts and src/download_sw.ts. In Deno: the Blob sink gathers the parts, saves
 * once, enforces its cap with a readable message, and nothing can be saved outside a page. In
 * headless Chromium: what works where. On a top-level page the service worker streams a download
 * (byte-identical, under its own name) and an aborted stream fails the browser's download; the
 * File System Access way writes the chosen file (an OPFS file stands in for the save dialog,
 * which headless Chromium cannot show) and is skipped without a user gesture; in a cross-origin
 * frame, like the agent app's, the picker is refused and so is the service worker when
 * third-party storage is blocked (the Blob way is used, and its cap refuses a large file), while
 * the service worker works there when the browser allows third-party storage. Last, a whole
 * download from the real service: fetched, decrypted in the worker pool and streamed to disk
 * through the service worker.
 */
import assert from "node:assert/strict";
import { chromium, type Frame, type Page } from "playwright-core";
import {
  chooseSink,
  createBlobSink,
  DEFAULT_BLOB_LIMIT,
  DEFAULT_SINK_ORDER,
  SinkError,
} from "../../src/sinks.ts";
import { SendSafelyClient } from "../../src/api.ts";
import { createPackage, finalizePackage, PART_SIZE, uploadFile } from "../../src/upload.ts";
import { startServer } from "../../server/mod.ts";
import { CHROME_FLAGS, CHROME_PATH, launchBrowser } from "../_helpers/browser.ts";
import { buildTestBundles, pageRoutes, serveOrigin, type TestBundles } from "./_browser_pages.ts";
import { randomBytes, sha256 } from "./_fake_service.ts";

type Padlock =
  & typeof import("../../src/sinks.ts")
  & typeof import("../../src/worker_pool.ts")
  & typeof import("../../src/api.ts")
  & typeof import("../../src/download.ts");

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  assert.fail("expected the promise to reject");
}

Deno.test("blob sink: gathers the parts and saves one Blob under the file's name on close", async () => {
  const saved: { blob: Blob; name: string }[] = [];
  const sink = createBlobSink({
    name: "report.pdf",
    save: (blob, name) => saved.push({ blob, name }),
  });
  assert.equal(sink.kind, "blob");
  const parts = [randomBytes(1000), randomBytes(2000), randomBytes(3)];
  const expected = await sha256(new Blob(parts));
  const writer = sink.stream.getWriter();
  for (const part of parts) await writer.write(part);
  // The sink took each part's memory (the Blob has its own copy).
  assert.deepEqual(parts.map((part) => part.byteLength), [0, 0, 0]);
  assert.equal(saved.length, 0, "nothing saved before the end");
  await writer.close();
  assert.equal(saved.length, 1);
  assert.equal(saved[0].name, "report.pdf");
  assert.equal(saved[0].blob.type, "application/octet-stream");
  assert.equal(await sha256(saved[0].blob), expected);
});

Deno.test("blob sink: a file over the cap is refused with a message saying what to do", async () => {
  const saved: Blob[] = [];
  const sink = createBlobSink({ name: "video.mov", limit: 2500, save: (blob) => saved.push(blob) });
  const writer = sink.stream.getWriter();
  await writer.write(randomBytes(2000));
  const error = await rejection(writer.write(randomBytes(1000)));
  assert.ok(error instanceof SinkError, String(error));
  assert.equal(error.name, "SinkError");
  assert.equal(error.code, "TOO_LARGE");
  assert.equal(
    error.message,
    '"video.mov" (3.0 KB) is too large to save from this page, which can only keep files of up ' +
      "to 2.5 KB in memory. Open the link in Chrome or Edge, which save large files directly to " +
      "disk.",
  );
  await rejection(writer.close());
  assert.equal(saved.length, 0, "nothing saved");
  assert.equal(DEFAULT_BLOB_LIMIT, 500_000_000);
  // A file listed as larger than the cap is refused before anything is downloaded.
  assert.throws(
    () => createBlobSink({ name: "video.mov", size: 2501, limit: 2500 }),
    (error) => error instanceof SinkError && error.code === "TOO_LARGE",
  );
  assert.throws(() => createBlobSink({ name: "x", limit: 0 }), RangeError);
});

Deno.test("blob sink: an aborted download saves nothing", async () => {
  let saves = 0;
  const sink = createBlobSink({ name: "x.bin", save: () => saves++ });
  const writer = sink.stream.getWriter();
  await writer.write(randomBytes(10));
  await writer.abort(new Error("cancelled"));
  assert.equal(saves, 0);
});

Deno.test("chooseSink: outside a page nothing can save, and the options are checked", async () => {
  assert.deepEqual(DEFAULT_SINK_ORDER, ["file-system", "service-worker", "blob"]);
  const error = await rejection(chooseSink({ name: "a.txt", size: 1 }));
  assert.ok(error instanceof SinkError && error.code === "UNAVAILABLE", String(error));
  assert.ok(await rejection(chooseSink({ name: "", size: 1 })) instanceof TypeError);
  assert.ok(await rejection(chooseSink({ name: "a", size: -1 })) instanceof RangeError);
});

// ---- Chromium -------------------------------------------------------------------------------

/** Sizes of the parts a test streams: 2.5 MB in three uneven parts. */
const PART_SIZES = [1_000_000, 1_500_000, 7];
const TOTAL = PART_SIZES.reduce((total, size) => total + size, 0);

interface SaveOptions {
  name: string;
  size: number;
  prefer?: string[];
  abort?: boolean;
  click?: boolean;
}

/** What the page saved: the way it chose and the SHA-256 of the bytes it wrote. */
interface Saved {
  kind: string;
  sha256: string;
}

/**
 * In the page: chooses a sink, writes random parts of {@linkcode PART_SIZES} and closes it (or
 * aborts it after the first part). With `click`, a real click runs it, so that the page has the
 * user activation a save dialog needs.
 */
async function saveInPage(target: Page | Frame, options: SaveOptions): Promise<Saved> {
  const script = async ([options, sizes]: readonly [SaveOptions, number[]]): Promise<Saved> => {
    const { chooseSink } = (globalThis as unknown as { padlock: Padlock }).padlock;
    const sink = await chooseSink({
      name: options.name,
      size: options.size,
      prefer: options.prefer as ("file-system" | "service-worker" | "blob")[] | undefined,
      serviceWorkerUrl: "/t/download_sw.js",
    });
    const parts = sizes.map((size) => {
      const part = new Uint8Array(size);
      for (let i = 0; i < size; i += 65536) crypto.getRandomValues(part.subarray(i, i + 65536));
      return part;
    });
    const digest = await crypto.subtle.digest("SHA-256", await new Blob(parts).arrayBuffer());
    const sha256 = Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0"))
      .join("");
    const writer = sink.stream.getWriter();
    if (options.abort) {
      await writer.write(parts[0]);
      await writer.abort(new Error("cancelled by the test"));
      return { kind: sink.kind, sha256 };
    }
    for (const part of parts) await writer.write(part);
    await writer.close();
    return { kind: sink.kind, sha256 };
  };
  if (!options.click) return await target.evaluate(script, [options, PART_SIZES] as const);
  await target.evaluate(([source, options, sizes]) => {
    const button = document.createElement("button");
    button.id = "save";
    button.textContent = "Save";
    const run = new Function(`return (${source})`)();
    button.addEventListener("click", () => {
      button.remove();
      (globalThis as unknown as { saved: Promise<Saved> }).saved = run([options, sizes]);
    }, { once: true });
    document.body.append(button);
  }, [script.toString(), options, PART_SIZES] as const);
  await target.click("#save");
  return await target.evaluate(() => (globalThis as unknown as { saved: Promise<Saved> }).saved);
}

async function fileHash(path: string): Promise<string> {
  return await sha256(await Deno.readFile(path));
}

async function withPages(
  body: (context: {
    bundles: TestBundles;
    topUrl: string;
    frameUrl: string;
    open: (url: string) => Promise<Page>;
  }) => Promise<void>,
): Promise<void> {
  const bundles = await buildTestBundles();
  const app = serveOrigin(pageRoutes(bundles), "localhost");
  // The host page of another site embeds the app, as Zendesk embeds the agent app.
  const host = serveOrigin((request) => {
    const { pathname } = new URL(request.url);
    if (pathname !== "/host") return undefined;
    return new Response(
      `<!doctype html><title>host</title><iframe id="app" src="${app.url}/t/frame"></iframe>`,
      { headers: { "Content-Type": "text/html; charset=utf-8" } },
    );
  });
  const browser = await launchBrowser();
  try {
    await body({
      bundles,
      topUrl: `${app.url}/t/`,
      frameUrl: `${host.url}/host`,
      open: async (url) => {
        const page = await (await browser.newContext({ acceptDownloads: true })).newPage();
        await page.goto(url);
        return page;
      },
    });
  } finally {
    await browser.close();
    await Promise.all([app.close(), host.close()]);
  }
}

async function appFrame(page: Page): Promise<Frame> {
  const element = await page.waitForSelector("#app");
  const frame = (await element.contentFrame())!;
  await frame.waitForFunction(() => "padlock" in globalThis);
  return frame;
}

Deno.test("sinks in Chromium, top-level page: the service worker streams the download to disk", async () => {
  await withPages(async ({ topUrl, open }) => {
    const page = await open(topUrl);
    await page.waitForFunction(() => "padlock" in globalThis);
    const name = "résumé 2024 (final).bin";
    const download = page.waitForEvent("download");
    download.catch(() => {}); // Settled below; a failure before must not leave it unhandled.
    const written = await saveInPage(page, { name, size: TOTAL, prefer: ["service-worker"] });
    assert.equal(written.kind, "service-worker");
    const saved = await download;
    assert.equal(saved.suggestedFilename(), name);
    assert.equal(await saved.failure(), null);
    assert.equal(await fileHash(await saved.path()), written.sha256);
    // Its URL is the service worker's, on this origin: nothing went to a server.
    assert.match(saved.url(), /\/t\/padlock-download\/[0-9a-f-]{36}\//);

    // An aborted stream (a failed or cancelled download) fails the browser's download too.
    const failed = page.waitForEvent("download");
    failed.catch(() => {}); // Settled below; a failure before must not leave it unhandled.
    const options = { name: "half.bin", size: TOTAL, prefer: ["service-worker"], abort: true };
    assert.equal((await saveInPage(page, options)).kind, "service-worker");
    assert.notEqual(await (await failed).failure(), null);
  });
});

Deno.test("sinks in Chromium, top-level page: the file-system way writes the file chosen in the dialog", async () => {
  await withPages(async ({ topUrl, open }) => {
    // Headless Chromium cannot show a save dialog (the real picker answers AbortError at once),
    // so the dialog answers with a file of the origin private file system instead.
    const openWithDialog = async () => {
      const page = await open(topUrl);
      await page.waitForFunction(() => "padlock" in globalThis);
      await page.evaluate(() => {
        (globalThis as unknown as Record<string, unknown>).showSaveFilePicker = async (
          options: { suggestedName: string },
        ) => {
          const root = await navigator.storage.getDirectory();
          return await root.getFileHandle(options.suggestedName, { create: true });
        };
      });
      return page;
    };
    const page = await openWithDialog();
    const readBack = (name: string) =>
      page.evaluate(async (name) => {
        const root = await navigator.storage.getDirectory();
        const file = await (await root.getFileHandle(name)).getFile();
        const digest = await crypto.subtle.digest("SHA-256", await file.arrayBuffer());
        return {
          size: file.size,
          sha256: Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0"))
            .join(""),
        };
      }, name);
    const written = await saveInPage(page, { name: "chosen.bin", size: TOTAL, click: true });
    assert.equal(written.kind, "file-system");
    assert.deepEqual(await readBack("chosen.bin"), { size: TOTAL, sha256: written.sha256 });

    // Aborted: the chosen file keeps nothing of the half-written download.
    const options = { name: "aborted.bin", size: TOTAL, click: true, abort: true };
    assert.equal((await saveInPage(page, options)).kind, "file-system");
    assert.equal((await readBack("aborted.bin")).size, 0);

    // Without a user gesture (as for the second file of "Download all", once the click is a few
    // seconds old) the dialog cannot open: the service worker takes over. Playwright evaluates
    // scripts as if the user had clicked, so the page is told it has no activation instead.
    const fresh = await openWithDialog();
    await fresh.evaluate(() => {
      Object.defineProperty(navigator, "userActivation", {
        value: { isActive: false, hasBeenActive: true },
      });
    });
    const download = fresh.waitForEvent("download");
    download.catch(() => {}); // Settled below; a failure before must not leave it unhandled.
    const later = await saveInPage(fresh, { name: "later.bin", size: TOTAL });
    assert.equal(later.kind, "service-worker");
    assert.equal(await fileHash(await (await download).path()), later.sha256);
  });
});

Deno.test("sinks in Chromium, cross-origin frame: no picker, no service worker; the Blob way and its cap", async () => {
  await withPages(async ({ frameUrl, open }) => {
    const page = await open(frameUrl);
    const frame = await appFrame(page);
    const download = page.waitForEvent("download");
    download.catch(() => {}); // Settled below; a failure before must not leave it unhandled.
    // The default order, on a click: the picker refuses cross-origin frames, the service worker
    // is denied (third-party storage is blocked in this browser context).
    const written = await saveInPage(frame, { name: "from-frame.bin", size: TOTAL, click: true });
    assert.equal(written.kind, "blob");
    const saved = await download;
    assert.equal(saved.suggestedFilename(), "from-frame.bin");
    assert.equal(await fileHash(await saved.path()), written.sha256);

    const refused = await frame.evaluate(async (size) => {
      const { chooseSink, SinkError } = (globalThis as unknown as { padlock: Padlock }).padlock;
      try {
        await chooseSink({ name: "huge.iso", size, serviceWorkerUrl: "/t/download_sw.js" });
        return "chosen";
      } catch (error) {
        return error instanceof SinkError ? `${error.code}: ${error.message}` : String(error);
      }
    }, 3_000_000_000);
    assert.equal(
      refused,
      'TOO_LARGE: "huge.iso" (3.0 GB) is too large to save from this page, which can only keep ' +
        "files of up to 500 MB in memory. Open the link in Chrome or Edge, which save large " +
        "files directly to disk.",
    );
  });
});

Deno.test("sinks in Chromium, cross-origin frame with third-party storage allowed: the service worker streams", async () => {
  const bundles = await buildTestBundles();
  const app = serveOrigin(pageRoutes(bundles), "localhost");
  const host = serveOrigin(() =>
    new Response(`<!doctype html><iframe id="app" src="${app.url}/t/frame"></iframe>`, {
      headers: { "Content-Type": "text/html; charset=utf-8" },
    })
  );
  // A profile with the setting most desktop Chrome users have: third-party cookies allowed.
  const profile = await Deno.makeTempDir({ prefix: "padlock-profile-" });
  await Deno.mkdir(`${profile}/Default`);
  await Deno.writeTextFile(
    `${profile}/Default/Preferences`,
    JSON.stringify({ profile: { cookie_controls_mode: 0, block_third_party_cookies: false } }),
  );
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROME_PATH,
    args: CHROME_FLAGS,
    headless: true,
    acceptDownloads: true,
  });
  try {
    const page = await context.newPage();
    await page.goto(`${host.url}/host`);
    const frame = await appFrame(page);
    const download = page.waitForEvent("download");
    download.catch(() => {}); // Settled below; a failure before must not leave it unhandled.
    const written = await saveInPage(frame, { name: "streamed.bin", size: TOTAL, click: true });
    assert.equal(written.kind, "service-worker");
    assert.equal(await fileHash(await (await download).path()), written.sha256);
  } finally {
    await context.close();
    await Promise.all([app.close(), host.close()]);
    await Deno.remove(profile, { recursive: true });
  }
});

Deno.test("sinks in Chromium: a file from the service, decrypted in the pool, streams through the service worker", async () => {
  const bundles = await buildTestBundles();
  const dataDir = await Deno.makeTempDir({ prefix: "padlock-sinks-" });
  // Served by the service, whose pages without a policy of their own get `default-src 'none'`:
  // the test page sets one as the portal's pages do.
  const routes = pageRoutes(bundles, {
    csp: "default-src 'self'; script-src 'self'; worker-src 'self'; connect-src 'self'",
  });
  const server = await startServer({
    port: 0,
    dataDir,
    log: () => {},
    extraRoutes: (request) => Promise.resolve(routes(request)),
  });
  const browser = await launchBrowser();
  try {
    const user = await server.accounts.createUser({
      email: "sinks@example.com",
      password: "sinks-password-1",
    });
    const key = await server.accounts.createApiKey(user.id, "sinks test");
    const client = new SendSafelyClient({ host: server.url, credentials: key });
    const bytes = randomBytes(PART_SIZE * 3 + 4321);
    const pkg = await createPackage(client);
    await uploadFile(client, pkg, new Blob([bytes]), {
      name: "big report.bin",
      completeInterval: 10,
    });
    const link = await finalizePackage(client, pkg, { undisclosed: true });

    const page = await (await browser.newContext({ acceptDownloads: true })).newPage();
    await page.goto(`${server.url}/t/`);
    await page.waitForFunction(() => "padlock" in globalThis);
    const download = page.waitForEvent("download");
    download.catch(() => {}); // Settled below; a failure before must not leave it unhandled.
    const result = await page.evaluate(async ({ link, key }) => {
      const { CryptoPool, SendSafelyClient, chooseSink, downloadFile, openPackage } =
        (globalThis as unknown as { padlock: Padlock }).padlock;
      const client = new SendSafelyClient({ host: location.origin, credentials: key });
      const pool = new CryptoPool({ workerUrl: "/t/crypto_worker.js", size: 2 });
      const opened = await openPackage(client, link);
      const file = opened.files[0];
      const sink = await chooseSink({
        name: file.fileName,
        size: file.fileSize,
        prefer: ["service-worker", "blob"],
        serviceWorkerUrl: "/t/download_sw.js",
      });
      let progress = 0;
      await downloadFile(client, opened, file, sink.stream, {
        decrypt: pool.decrypt,
        concurrency: pool.concurrency,
        onProgress: (done) => progress = done,
      });
      const mode = pool.mode;
      pool.close();
      return { kind: sink.kind, mode, progress };
    }, { link, key });
    assert.deepEqual(result, { kind: "service-worker", mode: "workers", progress: bytes.length });
    const saved = await download;
    assert.equal(saved.suggestedFilename(), "big report.bin");
    assert.equal(await sha256(await Deno.readFile(await saved.path())), await sha256(bytes));
  } finally {
    await browser.close();
    await server.close();
    await Deno.remove(dataDir, { recursive: true });
  }
});
