/// <reference lib="dom" />
/**
 * Every bundle under a strict Content Security Policy, in headless Chromium, built afresh:
 *
 * - the Help Center widget on the sandbox's request pages, served here with a policy whose
 *   `script-src` is `'self'` only (no `unsafe-inline`, no `unsafe-eval`); styles may be inline
 *   there, since Zendesk's v4 pages (their editor) need it, but the widget's do not: on the
 *   legacy page a `style-src` without `'unsafe-inline'` is enough for it.
 *   The loader does nothing heavy until a secured form is found: on a page whose form is not
 *   secured it fetches no chunk and calls no service; on a secured form the encryption chunk
 *   is fetched only when the first file is attached. Files are attached, encrypted, uploaded,
 *   and the ticket gets its Secure Link;
 * - the Zendesk app in its iframe, with its own `<meta>` policy and the same strict policy as a
 *   header (`script-src 'self'`, `style-src 'self'`): it lists a ticket's files and downloads
 *   them in its crypto workers, one of them encrypted with CAST5, which makes it load openpgp's
 *   legacy-cipher chunk;
 * - the portal's receive page, with the policy the service sends (checked to be strict): it
 *   opens an undisclosed link and downloads the file.
 *
 * No `securitypolicyviolation` event may fire in any of them, and the console may show no CSP
 * error and the page no uncaught error. Inline scripts are refused in all three, and WebAssembly
 * in the two that decrypt (why the bundles leave out openpgp's Argon2).
 */
import assert from "node:assert/strict";
import { Buffer } from "node:buffer";
import * as esbuild from "esbuild";
import { createMessage, encrypt, enums } from "openpgp";
import type { BrowserContext, Frame, Page } from "playwright-core";
import { credentialsKey } from "../../agent/credentials.ts";
import { agentRoutes, startAgentAppHost } from "../../sandbox/agent/routes.ts";
import { startSandbox } from "../../sandbox/server.ts";
import { createTicketStore } from "../../sandbox/tickets.ts";
import { startServer } from "../../server/mod.ts";
import { SendSafelyClient } from "../../src/api.ts";
import { findLinks } from "../../src/link.ts";
import { uploadFiles } from "../../src/upload.ts";
import { launchBrowser } from "../_helpers/browser.ts";
import { buildInTemp } from "./_build.ts";
import { randomBytes } from "../_helpers/bytes.ts";

/** A policy violation as the page reported it. */
interface Violation {
  origin: string;
  directive: string;
  blocked: string;
  source: string;
  sample: string;
}

/** What went wrong in a browser context: CSP violations, CSP console errors, page errors. */
interface Watch {
  violations: Violation[];
  consoleErrors: string[];
  pageErrors: string[];
  /** The URL of every request made, in order. */
  requests: string[];
}

/** Records every CSP violation (in every frame), console error and page error of `context`. */
async function watch(context: BrowserContext): Promise<Watch> {
  const seen: Watch = { violations: [], consoleErrors: [], pageErrors: [], requests: [] };
  await context.exposeBinding("__padlockCspViolation", (_source, violation: Violation) => {
    seen.violations.push(violation);
  });
  await context.addInitScript(() => {
    const report = (globalThis as unknown as Record<string, (v: unknown) => void>)
      .__padlockCspViolation;
    addEventListener("securitypolicyviolation", (raw) => {
      const event = raw as SecurityPolicyViolationEvent;
      report({
        origin: location.origin,
        directive: event.violatedDirective,
        blocked: event.blockedURI,
        source: `${event.sourceFile}:${event.lineNumber}`,
        sample: event.sample,
      });
    }, true);
  });
  context.on("page", (page) => observe(page, seen));
  return seen;
}

function observe(page: Page, seen: Watch): void {
  page.on("console", (message) => {
    if (message.type() === "error") seen.consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => seen.pageErrors.push(error.message));
  page.on("request", (request) => seen.requests.push(request.url()));
}

function assertClean(seen: Watch, origins?: string[]): void {
  const violations = origins
    ? seen.violations.filter((violation) => origins.includes(violation.origin))
    : seen.violations;
  assert.deepEqual(violations, [], "no Content Security Policy violation");
  const cspErrors = seen.consoleErrors.filter((text) =>
    /Content Security Policy|Refused to (execute|load|apply|evaluate|create|connect)/i.test(text)
  );
  assert.deepEqual(cspErrors, [], "no CSP error in the console");
  assert.deepEqual(seen.pageErrors, [], "no uncaught error");
}

/** A reverse proxy that adds a Content-Security-Policy header to every HTML response. */
interface PolicyProxy {
  url: string;
  close(): Promise<void>;
}

/**
 * Puts `target` behind a proxy whose HTML responses carry `policy` as their header. (A proxy
 * rather than Playwright's request interception: Chromium treats a document Playwright fulfils as
 * coming from the public internet, and then refuses its calls to the service on 127.0.0.1.)
 */
function startPolicyProxy(target: string, policy: string): PolicyProxy {
  let self = "";
  const server = Deno.serve({ port: 0, hostname: "127.0.0.1", onListen() {} }, async (request) => {
    const url = new URL(request.url);
    const headers = new Headers(request.headers);
    headers.delete("host");
    const upstream = await fetch(`${target}${url.pathname}${url.search}`, {
      method: request.method,
      headers,
      body: request.method === "GET" || request.method === "HEAD"
        ? undefined
        : await request.arrayBuffer(),
      redirect: "manual",
    });
    const answer = new Headers(upstream.headers);
    if (answer.get("content-type")?.startsWith("text/html")) {
      answer.set("content-security-policy", policy);
    }
    const location = answer.get("location");
    if (location?.startsWith(target)) answer.set("location", self + location.slice(target.length));
    return new Response(upstream.body, { status: upstream.status, headers: answer });
  });
  self = `http://127.0.0.1:${server.addr.port}`;
  return { url: self, close: () => server.shutdown() };
}

/** A strict policy for the sandbox's Help Center pages, with `styleSrc` as `style-src`. */
function helpCenterPolicy(serviceUrl: string, styleSrc: string): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    `style-src ${styleSrc}`,
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self' ${serviceUrl}`,
    "worker-src 'self'",
    "form-action 'self'",
    "base-uri 'none'",
    "object-src 'none'",
  ].join("; ");
}

/** Checks that `frame` runs under a policy: an inline script added to it is refused. */
async function assertInlineScriptRefused(frame: Frame): Promise<void> {
  const directive = await frame.evaluate(() =>
    new Promise<string>((resolve) => {
      addEventListener("securitypolicyviolation", (event) => {
        resolve((event as SecurityPolicyViolationEvent).violatedDirective);
      }, { once: true });
      const script = document.createElement("script");
      script.textContent = "globalThis.inlineRan = true";
      document.head.append(script);
    })
  );
  assert.match(directive, /^script-src/);
  assert.equal(await frame.evaluate(() => "inlineRan" in globalThis), false);
}

/**
 * WebAssembly cannot be compiled in `frame`. That is why the bundles leave out openpgp's Argon2
 * module (WebAssembly): on the pages that decrypt it could never run.
 */
async function assertWebAssemblyRefused(frame: Frame): Promise<void> {
  const error = await frame.evaluate(() => {
    try {
      new WebAssembly.Module(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]));
      return "compiled";
    } catch (error) {
      return String(error);
    }
  });
  assert.match(error, /^CompileError: .*(unsafe-eval|Content Security Policy)/);
}

function scriptSources(policy: string): string {
  return policy.split(";").map((part) => part.trim()).find((part) =>
    part.startsWith("script-src ")
  ) ?? policy.split(";").map((part) =>
    part.trim()
  ).find((part) => part.startsWith("default-src "))!;
}

/** A part encryptor as an older OpenPGP client could have written it: CAST5, SEIPD v1. */
async function encryptCast5(plain: Uint8Array, passphrase: string): Promise<Uint8Array> {
  return await encrypt({
    message: await createMessage({ binary: plain }),
    passwords: [passphrase],
    format: "binary",
    config: { preferredSymmetricAlgorithm: enums.symmetric.cast5, aeadProtect: false },
  });
}

Deno.test("csp: the widget, the Zendesk app and the receive page run under a strict policy", async (t) => {
  const dist = await buildInTemp({ failOnBudget: false }, "padlock-csp-dist-");
  const dataDir = await Deno.makeTempDir({ prefix: "padlock-csp-data-" });
  const service = await startServer({
    port: 0,
    hostname: "127.0.0.1",
    dataDir,
    log: () => {},
    sweepIntervalMs: 0,
    portalAssetsDir: `${dist.outdir}/portal`,
  });
  // Run in order: what was started last is stopped first (`unshift`).
  const closers: (() => Promise<void>)[] = [
    () => service.close(),
    () => Deno.remove(dataDir, { recursive: true }),
    () => dist.remove(),
  ];
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
    const dropzoneClient = new SendSafelyClient({
      host: service.url,
      credentials: { dropzoneId },
    });
    const tickets = await createTicketStore();
    const sandbox = await startSandbox({
      serviceUrl: service.url,
      dropzoneId,
      tickets,
      distDir: dist.outdir,
      agentRoutes: false,
    });
    await esbuild.stop(); // the sandbox bundles its editor with esbuild
    closers.unshift(() => sandbox.close());
    const browser = await launchBrowser();
    closers.unshift(() => browser.close());

    await t.step("Help Center widget: lazy encryption chunk, upload and submit", async () => {
      const policy = helpCenterPolicy(service.url, "'self' 'unsafe-inline'");
      const context = await browser.newContext();
      const seen = await watch(context);
      const site = startPolicyProxy(sandbox.url, policy);
      closers.unshift(() => site.close());
      const page = await context.newPage();
      page.on("filechooser", () => {});
      const scripts = () =>
        seen.requests.filter((url) => url.startsWith(`${site.url}/hc/theming_assets/`));
      const serviceCalls = () => seen.requests.filter((url) => url.startsWith(service.url));

      // A form that is not secured: the loader runs, fetches nothing more and calls no service.
      await page.goto(`${site.url}/hc/en-us/requests/new?ticket_form_id=360002`);
      await page.waitForSelector(".ck-editor__editable");
      await page.waitForTimeout(300);
      assert.equal(await page.locator(".padlock-attachments").count(), 0);
      assert.deepEqual(scripts(), [`${site.url}/hc/theming_assets/padlock.js`]);
      assert.deepEqual(serviceCalls(), []);

      for (const generation of ["v4", "legacy"]) {
        seen.requests.length = 0;
        const query = generation === "legacy" ? "?theme=legacy" : "";
        await page.goto(`${site.url}/hc/en-us/requests/new${query}`);
        await page.waitForSelector(".padlock-dropzone");
        // A secured form: the widget is there with its words (through the pinned chunk of the
        // words' pins: English, a chunk of its own and the chunk it shares with the
        // pseudo-locale, and the code that fills words in), the encryption code is not loaded yet.
        const [loader, ...words] = scripts();
        assert.equal(loader, `${site.url}/hc/theming_assets/padlock.js`, generation);
        assert.ok(
          ["translation_pins", "words", "messages"].every((name) =>
            words.some((url) => new RegExp(`/${name}-[A-Z0-9]{8}\\.js$`).test(url))
          ) && words.length <= 5 &&
            words.every((url) =>
              /\/(translation_pins|words|messages|chunk)-[A-Z0-9]{8}\.js$/.test(url)
            ),
          `${generation}: ${words.join(" ")}`,
        );
        assert.deepEqual(serviceCalls(), [], generation);

        await page.fill('[name="request[anonymous_requester_email]"]', "customer@example.com");
        await page.fill('[name="request[subject]"]', `CSP ${generation}`);
        if (generation === "legacy") await page.fill("#request_description", "Under CSP.");
        else {
          await page.click(".ck-editor__editable");
          await page.keyboard.type("Under CSP.");
        }
        const [chooser] = await Promise.all([
          page.waitForEvent("filechooser"),
          page.click(".padlock-dropzone"),
        ]);
        await chooser.setFiles([{
          name: "scan.bin",
          mimeType: "application/octet-stream",
          buffer: Buffer.from(randomBytes(3_000_000)),
        }]);
        await page.waitForFunction(
          () =>
            [...document.querySelectorAll<HTMLElement>(".padlock-file")]
              .every((row) => row.dataset.status === "uploaded") &&
            document.querySelectorAll(".padlock-file").length === 1,
          undefined,
          { timeout: 30_000 },
        ).catch(async (error) => {
          const rows = await page.locator(".padlock-file").allTextContents();
          throw new Error(`upload did not finish: ${JSON.stringify({ rows, ...seen })}`, {
            cause: error,
          });
        });
        // The first file brought the encryption chunk, from beside padlock.js.
        assert.ok(
          scripts().some((url) => /\/hc\/theming_assets\/transfer-[A-Z0-9]{8}\.js$/.test(url)),
          scripts().join("\n"),
        );
        await Promise.all([
          page.waitForURL(/\/hc\/en-us\/requests\/\d+$/, { timeout: 30_000 }),
          page.click('form [type="submit"]'),
        ]);
        const ticketId = Number(/(\d+)$/.exec(page.url())![1]);
        const ticket = await tickets.getTicket(ticketId);
        assert.equal(findLinks(ticket.description).length, 1, ticket.description);
      }
      assertClean(seen);
      await assertInlineScriptRefused(page.mainFrame());
      await context.close();
    });

    await t.step("Help Center widget: its stylesheet needs no 'unsafe-inline'", async () => {
      // The legacy page's one inline style attribute is Zendesk's, allowed by its hash; the
      // widget's own styles come as a constructed stylesheet, which `style-src` does not govern.
      const zendeskStyle = await crypto.subtle.digest(
        "SHA-256",
        new TextEncoder().encode("display: none;"),
      );
      const policy = helpCenterPolicy(
        service.url,
        `'self' 'unsafe-hashes' 'sha256-${Buffer.from(zendeskStyle).toString("base64")}'`,
      );
      const context = await browser.newContext();
      const seen = await watch(context);
      const site = startPolicyProxy(sandbox.url, policy);
      closers.unshift(() => site.close());
      const page = await context.newPage();
      await page.goto(`${site.url}/hc/en-us/requests/new?theme=legacy`);
      const zone = await page.waitForSelector(".padlock-dropzone");
      // The legacy theme's button look: Garden's grey border (a browser's default is not it).
      assert.equal(
        await zone.evaluate((element) => getComputedStyle(element).borderTopColor),
        "rgb(135, 146, 157)",
      );
      assert.equal(await page.locator("style").count(), 0);
      const [chooser] = await Promise.all([
        page.waitForEvent("filechooser"),
        page.click(".padlock-dropzone"),
      ]);
      await chooser.setFiles([{
        name: "styled.txt",
        mimeType: "text/plain",
        buffer: Buffer.from("styled without unsafe-inline"),
      }]);
      await page.waitForSelector('.padlock-file[data-status="uploaded"]');
      assertClean(seen);
      await context.close();
    });

    await t.step(
      "Zendesk app: lists and downloads files, one needing a lazy cipher chunk",
      async () => {
        const policy = [
          "default-src 'none'",
          "script-src 'self'",
          "style-src 'self'",
          "img-src 'self' data: blob:",
          // 'self': the app checks its workers' files against their pins before starting them.
          `connect-src 'self' ${service.url}`,
          "worker-src 'self'",
          // The hidden frame that starts a download streamed by the service worker.
          "frame-src 'self'",
          "base-uri 'none'",
          "form-action 'none'",
          "object-src 'none'",
        ].join("; ");
        const appServer = startAgentAppHost({ appDir: `${dist.outdir}/agent` });
        // The app's origin, where every HTML page comes with the policy as a header.
        const appHost = startPolicyProxy(appServer.url, policy);
        const routes = agentRoutes({ tickets, serviceUrl: service.url, appOrigin: appHost.url });
        const host = Deno.serve(
          { port: 0, hostname: "127.0.0.1", onListen() {} },
          async (request) => await routes(request) ?? new Response("Not found", { status: 404 }),
        );
        const hostUrl = `http://127.0.0.1:${host.addr.port}`;
        try {
          const modern = randomBytes(3_000_000);
          const legacy = new TextEncoder().encode("written by an older OpenPGP client\n");
          const first = await uploadFiles(dropzoneClient, [
            { blob: new Blob([modern as Uint8Array<ArrayBuffer>]), name: "modern.bin" },
          ], { undisclosed: false, unconfirmedSender: "requester@example.com" });
          const second = await uploadFiles(dropzoneClient, [
            { blob: new Blob([legacy as Uint8Array<ArrayBuffer>]), name: "cast5.txt" },
          ], {
            undisclosed: false,
            unconfirmedSender: "requester@example.com",
            encrypt: encryptCast5,
          });
          const ticket = await tickets.createTicket({
            subject: "Files under CSP",
            description: `Files: ${first.link}\n\nAnd: ${second.link}`,
            requester: { name: "Rita Requester", email: "requester@example.com" },
          });

          const context = await browser.newContext({ acceptDownloads: true });
          const seen = await watch(context);
          const value = JSON.stringify({ ...agentKey, email: "agent@example.com" });
          await context.addInitScript(({ origin, key, value }) => {
            if (location.origin === origin) localStorage.setItem(key, value);
          }, { origin: appHost.url, key: credentialsKey(service.url, 1), value });
          const page = await context.newPage();
          await page.goto(`${hostUrl}/agent/tickets/${ticket.id}`);
          const frameElement = await page.waitForSelector("#app-frame");
          let app = await frameElement.contentFrame();
          for (let i = 0; i < 100 && !app?.url().startsWith(appHost.url); i++) {
            await page.waitForTimeout(50);
            app = await frameElement.contentFrame();
          }
          assert.ok(app, "the app frame loaded");
          await app.waitForSelector('[data-role="file"]:has-text("cast5.txt")');
          await app.waitForSelector('[data-role="file"]:has-text("modern.bin")');
          for (const [name, bytes] of [["modern.bin", modern], ["cast5.txt", legacy]] as const) {
            const download = page.waitForEvent("download");
            await app.locator('[data-role="file"]', { hasText: name }).click();
            const saved = await download;
            assert.deepEqual(new Uint8Array(await Deno.readFile(await saved.path())), bytes, name);
          }
          assert.ok(
            seen.requests.some((url) =>
              url.startsWith(`${appHost.url}/assets/legacy_ciphers-`) && url.endsWith(".js")
            ),
            `openpgp's CAST5 chunk was loaded: ${seen.requests.join("\n")}`,
          );
          // The parts were decrypted in the app's crypto workers, and the files streamed to
          // disk through its service worker.
          assert.ok(
            seen.requests.includes(`${appHost.url}/assets/crypto_worker.js`),
            `the app started its crypto worker: ${seen.requests.join("\n")}`,
          );
          assert.equal(
            seen.requests.filter((url) => url.startsWith(`${appHost.url}/assets/padlock-download/`))
              .length,
            2,
            `both files were streamed by the service worker: ${seen.requests.join("\n")}`,
          );
          assertClean(seen, [appHost.url]);
          await assertInlineScriptRefused(app);
          await assertWebAssemblyRefused(app);
          await context.close();
        } finally {
          await host.shutdown();
          await appHost.close();
          await appServer.close();
        }
      },
    );

    await t.step(
      "portal: the receive page opens a link and downloads under the service's policy",
      async () => {
        const bytes = randomBytes(3_000_000);
        const { link } = await uploadFiles(agentClient, [
          { blob: new Blob([bytes as Uint8Array<ArrayBuffer>]), name: "for-you.bin" },
        ], { undisclosed: true });
        const context = await browser.newContext({ acceptDownloads: true });
        const seen = await watch(context);
        const page = await context.newPage();
        const response = await page.goto(link);
        const policy = response?.headers()["content-security-policy"] ?? "";
        const scriptPolicy = scriptSources(policy);
        assert.ok(scriptPolicy, `the page sends a policy: ${policy}`);
        assert.doesNotMatch(scriptPolicy, /unsafe-inline|unsafe-eval|\*/);
        assert.doesNotMatch(policy, /unsafe-eval/);
        await page.waitForSelector('[data-state="files"]');
        const [download] = await Promise.all([
          page.waitForEvent("download"),
          page.click('[data-role="download"]'),
        ]);
        assert.deepEqual(new Uint8Array(await Deno.readFile(await download.path())), bytes);
        assertClean(seen);
        await assertWebAssemblyRefused(page.mainFrame());
        await context.close();
      },
    );
  } finally {
    for (const close of closers) await close();
  }
});
