/// <reference lib="dom" />
/**
 * A host that changes one byte of a script that sees keys or plaintext, in headless Chromium,
 * built afresh (so the pins are this build's):
 *
 * - the Help Center widget, installed the one-tag way from the service with the `integrity` of
 *   `padlock.js`: with its crypto worker or the OpenPGP.js chunk changed, attaching a file says
 *   it cannot be secured, and no package (hence no key) is made; the file can be removed and the
 *   request submitted without it, the typed text kept. Unchanged, the same steps upload.
 * - the Zendesk app: with its crypto worker changed it refuses to decrypt, saying why, and saves
 *   nothing; with the OpenPGP.js chunk changed the app does not run at all, and says why.
 * - the receive page: with its crypto worker changed it shows why it refuses and offers no
 *   download; with its script changed after the page was rendered, the script does not run.
 */
import assert from "node:assert/strict";
import { Buffer } from "node:buffer";
import * as esbuild from "esbuild";
import type { Browser } from "playwright-core";
import { credentialsKey } from "../../agent/credentials.ts";
import { agentRoutes, startAgentAppHost } from "../../sandbox/agent/routes.ts";
import { startSandbox } from "../../sandbox/server.ts";
import { createTicketStore } from "../../sandbox/tickets.ts";
import { subresourceIntegrity } from "../../scripts/bundle_facts.ts";
import { startServer } from "../../server/mod.ts";
import { SendSafelyClient } from "../../src/api.ts";
import { findLinks } from "../../src/link.ts";
import { uploadFiles } from "../../src/upload.ts";
import { launchBrowser } from "../_helpers/browser.ts";
import { randomBytes } from "../_helpers/bytes.ts";
import { buildInTemp } from "../build/_build.ts";

/** Runs `body` while the file at `path` has one byte changed (its last: valid JS still). */
async function withOneByteChanged(path: string, body: () => Promise<void>): Promise<void> {
  const original = await Deno.readFile(path);
  const changed = original.slice();
  const last = changed.length - 1;
  changed[last] = changed[last] === 0x20 ? 0x0a : 0x20;
  await Deno.writeFile(path, changed);
  try {
    await body();
  } finally {
    await Deno.writeFile(path, original);
  }
}

function firstFile(dir: string, pattern: RegExp): string {
  const name = [...Deno.readDirSync(dir)].map((item) => item.name).find((n) => pattern.test(n));
  assert.ok(name, `a file ${pattern} in ${dir}`);
  return `${dir}/${name}`;
}

Deno.test("tampered code: the widget, the app and the receive page refuse a changed chunk or worker", async (t) => {
  const dist = await buildInTemp({ failOnBudget: false }, "padlock-tamper-dist-");
  const dataDir = await Deno.makeTempDir({ prefix: "padlock-tamper-data-" });
  const requests: string[] = [];
  const service = await startServer({
    port: 0,
    hostname: "127.0.0.1",
    dataDir,
    log: (entry) => {
      if (entry.event === "request") requests.push(`${entry.method} ${entry.route}`);
    },
    sweepIntervalMs: 0,
    widgetDir: `${dist.outdir}/helpcenter`,
    portalAssetsDir: `${dist.outdir}/portal`,
  });
  const closers: (() => Promise<void>)[] = [
    () => service.close(),
    () => Deno.remove(dataDir, { recursive: true }),
    () => dist.remove(),
  ];
  let browser: Browser | undefined;
  try {
    const user = await service.accounts.createUser({
      email: "agent@example.com",
      password: "padlock-demo-password",
      name: "Alex Agent",
    });
    const agentKey = await service.accounts.createApiKey(user.id, "tests");
    const { dropzoneId } = await service.accounts.createDropzone(user.id, {
      allowedUserIds: [user.id],
    });
    const agentClient = new SendSafelyClient({ host: service.url, credentials: agentKey });
    const tickets = await createTicketStore();
    const sandbox = await startSandbox({
      serviceUrl: service.url,
      dropzoneId,
      tickets,
      distDir: dist.outdir,
      agentRoutes: false,
      widgetSrc: `${service.url}/widget/padlock.js`,
      widgetIntegrity: await subresourceIntegrity(
        await Deno.readFile(`${dist.outdir}/helpcenter/padlock.js`),
      ),
    });
    await esbuild.stop();
    closers.unshift(() => sandbox.close());
    browser = await launchBrowser();
    const widgetDir = `${dist.outdir}/helpcenter`;

    /** Attaches a file on a fresh page; returns the page and what the service was asked. */
    const attach = async (subject: string) => {
      const page = await browser!.newPage();
      page.on("filechooser", () => {});
      await page.goto(`${sandbox.url}/hc/en-us/requests/new`);
      await page.waitForSelector(".padlock-dropzone");
      await page.fill('[name="request[anonymous_requester_email]"]', "customer@example.com");
      await page.fill('[name="request[subject]"]', subject);
      await page.click(".ck-editor__editable");
      await page.keyboard.type(`Typed text of ${subject}.`);
      requests.length = 0;
      const [chooser] = await Promise.all([
        page.waitForEvent("filechooser"),
        page.click(".padlock-dropzone"),
      ]);
      await chooser.setFiles([{
        name: "scan.bin",
        mimeType: "application/octet-stream",
        buffer: Buffer.from(randomBytes(300_000)),
      }]);
      await page.waitForSelector('.padlock-file:not([data-status="uploading"])', {
        timeout: 30_000,
      });
      return page;
    };

    const refusedByWidget = async (subject: string) => {
      const page = await attach(subject);
      const row = page.locator(".padlock-file");
      assert.equal(await row.getAttribute("data-status"), "failed");
      assert.match(await row.innerText(), /cannot be secured: the encryption code was changed/);
      // No package was created: no key exists for this request.
      assert.deepEqual(requests.filter((request) => request.includes("/package")), []);
      await page.click('button[aria-label="Remove scan.bin"]');
      await Promise.all([
        page.waitForURL(/\/hc\/en-us\/requests\/\d+$/, { timeout: 30_000 }),
        page.click('form [type="submit"]'),
      ]);
      const ticket = await tickets.getTicket(Number(/(\d+)$/.exec(page.url())![1]));
      assert.match(ticket.description, new RegExp(`Typed text of ${subject}\\.`));
      assert.deepEqual(findLinks(ticket.description), []);
      await page.close();
    };

    await t.step("widget: unchanged, a file is encrypted and uploaded", async () => {
      const page = await attach("Unchanged");
      assert.equal(await page.locator(".padlock-file").getAttribute("data-status"), "uploaded");
      assert.ok(requests.some((request) => request.includes("/package")), requests.join("\n"));
      await page.close();
    });

    await t.step("widget: a changed crypto worker is refused before any key", async () => {
      await withOneByteChanged(
        `${widgetDir}/crypto_worker.js`,
        () => refusedByWidget("Changed worker"),
      );
    });

    await t.step("widget: a changed OpenPGP.js chunk is refused before any key", async () => {
      const chunk = firstFile(widgetDir, /^chunk-.*\.js$/);
      const largest = [...Deno.readDirSync(widgetDir)]
        .filter((item) => item.name.startsWith("chunk-"))
        .map((item) => `${widgetDir}/${item.name}`)
        .sort((a, b) => Deno.statSync(b).size - Deno.statSync(a).size)[0] ?? chunk;
      await withOneByteChanged(largest, () => refusedByWidget("Changed chunk"));
    });

    await t.step("widget: a changed transfer chunk is refused before any key", async () => {
      await withOneByteChanged(
        firstFile(widgetDir, /^transfer-[A-Z0-9]{8}\.js$/),
        () => refusedByWidget("Changed transfer"),
      );
    });

    const bytes = randomBytes(400_000);
    const { link } = await uploadFiles(agentClient, [
      { blob: new Blob([bytes as Uint8Array<ArrayBuffer>]), name: "for-you.bin" },
    ], { undisclosed: true });

    await t.step(
      "receive page: a changed crypto worker is refused, no download offered",
      async () => {
        const portalDir = `${dist.outdir}/portal`;
        const page = await browser!.newPage();
        await page.goto(link);
        await page.waitForSelector('[data-state="files"]');
        await page.close();
        await withOneByteChanged(`${portalDir}/crypto_worker.js`, async () => {
          const page = await browser!.newPage();
          await page.goto(link);
          await page.waitForSelector('[data-state="integrity"]', { timeout: 30_000 });
          assert.match(await page.innerText("#app"), /differs from its published build/);
          assert.equal(await page.locator('[data-role="download"]').count(), 0);
          await page.close();
        });
      },
    );

    await t.step(
      "receive page: a script changed after the page was made does not run",
      async () => {
        const page = await browser!.newPage();
        const refused = page.waitForEvent(
          "console",
          (message) => /integrity/i.test(message.text()) && message.type() === "error",
        );
        // The page names the hash of the script it serves; a copy altered on the way (here: by
        // a route of the browser standing in for a proxy) is refused.
        await page.route("**/assets/portal.js", async (route) => {
          const response = await route.fetch();
          const body = Buffer.from(await response.body());
          body[body.length - 1] = body[body.length - 1] === 0x20 ? 0x0a : 0x20;
          await route.fulfill({ response, body });
        });
        await page.goto(link);
        await refused;
        await page.waitForTimeout(300);
        assert.notEqual(await page.locator("#app").getAttribute("data-state"), "files");
        await page.close();
      },
    );

    await t.step(
      "Zendesk app: a changed worker refuses to decrypt; a changed chunk stops the app",
      async () => {
        const appDir = `${dist.outdir}/agent`;
        const appHost = startAgentAppHost({ appDir });
        const routes = agentRoutes({ tickets, serviceUrl: service.url, appOrigin: appHost.url });
        const host = Deno.serve(
          { port: 0, hostname: "127.0.0.1", onListen() {} },
          async (request) => await routes(request) ?? new Response("Not found", { status: 404 }),
        );
        const hostUrl = `http://127.0.0.1:${host.addr.port}`;
        try {
          const ticket = await tickets.createTicket({
            subject: "Files",
            description: `Files: ${link}`,
            requester: { name: "Rita Requester", email: "requester@example.com" },
          });
          const openApp = async () => {
            const context = await browser!.newContext({ acceptDownloads: true });
            const value = JSON.stringify({ ...agentKey, email: "agent@example.com" });
            await context.addInitScript(({ origin, key, value }) => {
              if (location.origin === origin) localStorage.setItem(key, value);
            }, { origin: appHost.url, key: credentialsKey(service.url, 1), value });
            const page = await context.newPage();
            const downloads: string[] = [];
            page.on("download", (download) => downloads.push(download.suggestedFilename()));
            await page.goto(`${hostUrl}/agent/tickets/${ticket.id}`);
            const frameElement = await page.waitForSelector("#app-frame");
            let app = await frameElement.contentFrame();
            for (let i = 0; i < 100 && !app?.url().startsWith(appHost.url); i++) {
              await page.waitForTimeout(50);
              app = await frameElement.contentFrame();
            }
            assert.ok(app, "the app frame loaded");
            return { context, page, app, downloads };
          };

          await withOneByteChanged(`${appDir}/assets/crypto_worker.js`, async () => {
            const { context, app, downloads } = await openApp();
            await app.waitForSelector('[data-role="file"]:has-text("for-you.bin")');
            await app.click('[data-role="file"]');
            const error = app.locator('[data-role="link-error"]:not([hidden])');
            await error.waitFor({ timeout: 30_000 });
            assert.match(await error.innerText(), /differs from its published build/);
            assert.deepEqual(downloads, []);
            await context.close();
          });

          const chunk = [...Deno.readDirSync(`${appDir}/assets`)].map((item) => item.name)
            .find((name) =>
              /^chunk-.*\.js$/.test(name) &&
              Deno.statSync(`${appDir}/assets/${name}`).size > 100_000
            );
          assert.ok(chunk, "the app's OpenPGP.js chunk");
          await withOneByteChanged(`${appDir}/assets/${chunk}`, async () => {
            const { context, app } = await openApp();
            await app.waitForFunction(() =>
              /differs from its published build/.test(document.getElementById("app")!.textContent!)
            );
            assert.equal(await app.locator('[data-role="file"]').count(), 0);
            await context.close();
          });
        } finally {
          await host.shutdown();
          await appHost.close();
        }
      },
    );
  } finally {
    await browser?.close();
    for (const close of closers) await close();
  }
});
