/// <reference lib="dom" />
/**
 * The main journeys of end-users and agents, written once over the small driver interface of
 * `tests/_helpers/engines/` and run in each engine (`<engine>_test.ts` beside this file):
 *
 * - the Help Center widget on both sandbox request forms: attach, progress, remove, submit, the
 *   Secure Link in the ticket, byte-identical files behind it;
 * - the receive page of a package sent with "Require authentication": the mailed code, then each
 *   file downloaded byte-identical through whichever way of saving the engine takes;
 * - the agent app in the sandbox agent view: the ticket's files listed and one downloaded, then
 *   files sent with "Require authentication" that only the requester can open;
 * - in Firefox and WebKit, when asked (`PADLOCK_LARGE_DOWNLOADS=1`): a file larger than the Blob
 *   cap saved from the receive page with the memory of the page's processes bounded.
 *
 * Every wait is on a condition in the page or on disk, never a fixed delay.
 *
 * @module
 */
import assert from "node:assert/strict";
import { ApiError, SendSafelyClient } from "../../src/api.ts";
import { downloadFile, openPackage } from "../../src/download.ts";
import { findLinks } from "../../src/link.ts";
import { htmlToText } from "../../sandbox/helpcenter/html.ts";
import { startHarness } from "../../sandbox/helpcenter/harness.ts";
import { credentialsKey } from "../../agent/credentials.ts";
import { DEFAULT_BLOB_LIMIT } from "../../src/sinks.ts";
import { randomBytes, sha256 } from "../_helpers/bytes.ts";
import { residentByProcess, samplePeak, total } from "../_helpers/engines/memory.ts";
import {
  type Engine,
  type EngineName,
  launchEngine,
  type Surface,
  waitFor,
  waitForDownload,
  waitForSelector,
  waitInPage,
} from "../_helpers/engines/mod.ts";
import { codeFromOutbox, startPortalService } from "../portal/_helpers.ts";
import { AGENT, dropFiles, startStack } from "../agent/_stack.ts";

/** Options of the journeys. */
export interface JourneyOptions {
  /** A folder to save screenshots into, as `<engine>-<surface>-<state>.png`; none without. */
  screenshots?: string;
}

/** A way a browser saves a decrypted file (see `src/sinks.ts`). */
export type SavingPath = "file-system" | "service-worker" | "blob";

/**
 * The way each engine takes, measured: the download service worker's streamed download in all
 * three (the receive page and the app try it first; a Blob is the fallback). Chromium also has
 * the File System Access API, which the receive page tries second; Firefox and WebKit have no
 * `showSaveFilePicker` (asserted).
 */
export const EXPECTED_PATHS: Record<EngineName, { receive: SavingPath; agent: SavingPath }> = {
  chromium: { receive: "service-worker", agent: "service-worker" },
  firefox: { receive: "service-worker", agent: "service-worker" },
  webkit: { receive: "service-worker", agent: "service-worker" },
};

const REQUESTER = "requester@example.com";

interface DiskFile {
  name: string;
  path: string;
  bytes: Uint8Array;
}

async function writeFiles(dir: string, files: { name: string; bytes: Uint8Array }[]) {
  const written: DiskFile[] = [];
  for (const file of files) {
    const path = `${dir}/${file.name}`;
    await Deno.writeFile(path, file.bytes);
    written.push({ ...file, path });
  }
  return written;
}

async function withEngine(
  name: EngineName,
  body: (engine: Engine, dir: string) => Promise<void>,
): Promise<void> {
  const dir = await Deno.makeTempDir({ prefix: `padlock-${name}-files-` });
  const engine = await launchEngine(name);
  try {
    await body(engine, dir);
  } finally {
    await engine.close();
    await Deno.remove(dir, { recursive: true });
  }
}

async function screenshot(
  engine: Engine,
  options: JourneyOptions,
  name: string,
  selector?: string,
): Promise<void> {
  if (!options.screenshots) return;
  await Deno.mkdir(options.screenshots, { recursive: true });
  // A caret would make the pictures differ from run to run.
  await engine.tab.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await engine.tab.screenshot(`${options.screenshots}/${engine.name}-${name}.png`, selector);
}

/** Gives the element matching `selector` whose text is `text` the attribute `data-journey`. */
async function mark(surface: Surface, selector: string, text: string, as: string): Promise<void> {
  await waitInPage(
    surface,
    { what: `${selector} with the text ${text}` },
    (selector: string, text: string, as: string) => {
      const element = [...document.querySelectorAll(selector)]
        .find((candidate) => candidate.textContent?.trim() === text);
      element?.setAttribute("data-journey", as);
      return element !== undefined;
    },
    selector,
    text,
    as,
  );
}

/**
 * Records how the page saves files from now on: a Blob URL made for a download, or the hidden
 * frame that starts the service worker's streamed download.
 */
async function watchSaving(surface: Surface): Promise<void> {
  await surface.evaluate(() => {
    const probe = { blobs: [] as number[] };
    (globalThis as unknown as { __journeyProbe: typeof probe }).__journeyProbe = probe;
    const create = URL.createObjectURL;
    URL.createObjectURL = (object: Blob | MediaSource) => {
      if (object instanceof Blob) probe.blobs.push(object.size);
      return create.call(URL, object);
    };
  });
}

/** The way the page saved its downloads since {@linkcode watchSaving}. */
async function savingPath(surface: Surface): Promise<SavingPath | "none"> {
  return await surface.evaluate(() => {
    const probe = (globalThis as unknown as { __journeyProbe: { blobs: number[] } })
      .__journeyProbe;
    // The frame of a streamed download stays a minute after the download (see src/sinks.ts).
    if (document.querySelector('iframe[src*="padlock-download/"]')) return "service-worker";
    return probe.blobs.length > 0 ? "blob" : "none";
  }) as SavingPath | "none";
}

async function downloadWithClient(
  client: SendSafelyClient,
  link: string,
): Promise<Map<string, Uint8Array>> {
  const pkg = await openPackage(client, link);
  const files = new Map<string, Uint8Array>();
  for (const file of pkg.files) {
    const chunks: Uint8Array[] = [];
    await downloadFile(
      client,
      pkg,
      file,
      new WritableStream({ write: (chunk) => void chunks.push(chunk) }),
    );
    files.set(file.fileName, new Uint8Array(await new Blob(chunks as BlobPart[]).arrayBuffer()));
  }
  return files;
}

/**
 * The widget on the v4 and the legacy form: three files attached through the file input (one of
 * three parts, whose progress is seen between 0 and 100), one removed, the form submitted; the
 * ticket holds the requester's text and then exactly one Secure Link, shown as a link, behind
 * which are exactly the two files kept, byte-identical.
 */
export async function widgetJourney(
  name: EngineName,
  options: JourneyOptions = {},
): Promise<void> {
  const harness = await startHarness();
  try {
    await withEngine(name, async (engine, dir) => {
      const { tab } = engine;
      for (const generation of ["v4", "legacy"] as const) {
        const files = await writeFiles(dir, [
          { name: `capture-${generation}.bin`, bytes: randomBytes(6_000_000) },
          {
            name: `notes (${generation}).txt`,
            bytes: new TextEncoder().encode("private notes\n".repeat(100)),
          },
          { name: `draft-${generation}.bin`, bytes: randomBytes(40_000) },
        ]);
        const [big, notes, draft] = files;
        const query = generation === "legacy" ? "?theme=legacy" : "";
        await tab.goto(`${harness.sandbox.url}/hc/en-us/requests/new${query}`);
        await waitForSelector(tab, ".padlock-dropzone");
        await tab.fill('[name="request[anonymous_requester_email]"]', "customer@example.com");
        await tab.fill('[name="request[subject]"]', "Printer on fire");
        const text = `The printer on floor ${generation} is on fire.`;
        if (generation === "legacy") await tab.fill("#request_description", text);
        else await tab.type(".ck-editor__editable", text);

        // Every value the progress bars take, as the page sets them.
        await tab.evaluate(() => {
          const seen: Record<string, number[]> = {};
          (globalThis as unknown as { __journeyProgress: typeof seen }).__journeyProgress = seen;
          new MutationObserver((records) => {
            for (const record of records) {
              const bar = record.target as Element;
              if (!bar.classList.contains("padlock-progress")) continue;
              const label = bar.getAttribute("aria-label") ?? "";
              (seen[label] ??= []).push(Number(bar.getAttribute("aria-valuenow")));
            }
          }).observe(document.body, {
            subtree: true,
            attributes: true,
            attributeFilter: ["aria-valuenow"],
          });
        });
        await tab.setFiles(".padlock-input", files.map((file) => file.path));
        await waitInPage(
          tab,
          { what: "three uploaded files", timeoutMs: 90_000 },
          () => {
            const rows = [...document.querySelectorAll<HTMLElement>(".padlock-file")];
            return rows.length === 3 && rows.every((row) => row.dataset.status === "uploaded");
          },
        );
        const progress = await tab.evaluate(() =>
          (globalThis as unknown as { __journeyProgress: Record<string, number[]> })
            .__journeyProgress
        );
        const bigProgress = progress[`Upload of ${big.name}`] ?? [];
        assert.ok(
          bigProgress.some((value) => value > 0 && value < 100),
          `progress between 0 and 100 for the file of three parts: ${bigProgress}`,
        );
        assert.equal(bigProgress.at(-1), 100);
        await screenshot(engine, options, `helpcenter-${generation}-done`, "main");

        // Remove the draft, attached by mistake.
        await tab.evaluate((name: string) => {
          const row = [...document.querySelectorAll(".padlock-file")]
            .find((row) => row.querySelector(".padlock-file-name")?.textContent === name);
          row?.querySelector(".padlock-remove")?.setAttribute("data-journey", "remove");
        }, draft.name);
        await tab.click('[data-journey="remove"]');
        await waitInPage(
          tab,
          { what: "two files left" },
          () => document.querySelectorAll(".padlock-file").length === 2,
        );
        assert.deepEqual(
          await tab.evaluate(() =>
            [...document.querySelectorAll(".padlock-file-name")].map((name) => name.textContent)
          ),
          [big.name, notes.name],
        );

        await tab.click('form [type="submit"]');
        const ticketId = await waitFor(async () => {
          const match = /\/hc\/en-us\/requests\/(\d+)$/.exec(await tab.url());
          return match ? Number(match[1]) : undefined;
        }, { what: "the ticket page", timeoutMs: 60_000 });
        const ticket = await harness.sandbox.tickets.getTicket(ticketId);
        const links = findLinks(ticket.description);
        assert.equal(links.length, 1, `one Secure Link in ${ticket.description}`);
        const description = ticket.descriptionMimetype === "text/html"
          ? htmlToText(ticket.description)
          : ticket.description;
        assert.ok(description.startsWith(text), `the requester's text first: ${description}`);
        assert.ok(
          description.trimEnd().endsWith(`Secure attachments (Padlock): ${links[0]}`),
          `the link after the text: ${description}`,
        );
        // The ticket page shows the link as a link.
        await waitForSelector(tab, ".comment-body a");
        assert.equal(
          await tab.evaluate(() => document.querySelector(".comment-body a")?.getAttribute("href")),
          links[0],
        );

        const agent = new SendSafelyClient({
          host: harness.serviceUrl,
          credentials: { apiKey: harness.agent.apiKey, apiSecret: harness.agent.apiSecret },
        });
        const stored = await downloadWithClient(agent, links[0]);
        assert.deepEqual([...stored.keys()].sort(), [big.name, notes.name].sort());
        for (const file of [big, notes]) {
          assert.equal(await sha256(stored.get(file.name)!), await sha256(file.bytes), file.name);
        }
        assert.deepEqual(harness.sandbox.zendeskUploads, [], "no file went to Zendesk");
      }
    });
  } finally {
    await harness.close();
  }
}

/**
 * The receive page of a package sent with "Require authentication": the recipient asks for a
 * code, types the one mailed, sees the files, and saves each one byte-identical through the way
 * this engine takes; the File System Access API is absent where the engine lacks it.
 */
export async function receiveJourney(
  name: EngineName,
  options: JourneyOptions = {},
): Promise<void> {
  const service = await startPortalService();
  try {
    await withEngine(name, async (engine) => {
      const { tab } = engine;
      const files = [
        { name: "contract.pdf", bytes: new TextEncoder().encode("Your contract, signed.\n") },
        { name: "scan.bin", bytes: randomBytes(3_000_000) }, // two parts
      ];
      const link = await service.send(files, {
        recipients: [REQUESTER],
        message: "Here are the documents.",
      });
      await tab.goto(link);
      await waitForSelector(tab, '[data-state="verify-email"]');
      await tab.fill("#email", REQUESTER);
      await tab.click('[data-role="email-form"] button[type="submit"]');
      await waitForSelector(tab, '[data-state="verify-code"]');
      await tab.fill("#code", await codeFromOutbox(service, REQUESTER));
      await tab.click('[data-role="code-form"] button[type="submit"]');
      await waitForSelector(tab, '[data-state="files"]');
      assert.deepEqual(
        await tab.evaluate(() =>
          [...document.querySelectorAll('[data-role="file-name"]')].map((name) => name.textContent)
        ),
        files.map((file) => file.name),
      );
      await screenshot(engine, options, "portal-files");

      const hasPicker = await tab.evaluate(() => "showSaveFilePicker" in globalThis);
      assert.equal(hasPicker, name === "chromium", "the File System Access API");
      await watchSaving(tab);
      for (const [index, file] of files.entries()) {
        const row = `[data-role="files"] > :nth-child(${index + 1})`;
        await tab.click(`${row} [data-role="download"]`);
        const saved = await waitForDownload(engine, file.name, file.bytes.length);
        assert.equal(await sha256(saved), await sha256(file.bytes), file.name);
        await waitForSelector(tab, `${row}[data-state="done"]`);
      }
      assert.equal(await savingPath(tab), EXPECTED_PATHS[name].receive);
    });
  } finally {
    await service.close();
  }
}

/**
 * The processes that hold the page, its workers and service worker, and the download on its way
 * to disk, by name. Firefox's main process is left out: it grows by about 0.7 MB for each MB
 * streamed while the download runs and gives it back at its next collection (seen falling by
 * 100 MB mid-download), so its peak measures when its collector ran, not what is kept.
 */
export const PAGE_PROCESSES: Record<Exclude<EngineName, "chromium">, RegExp> = {
  firefox: /^(Web Content|Isolated Web Co)/,
  webkit: /^(WebKitWebProces|WebKitNetworkPr)/,
};

/**
 * How far the page's processes may grow while saving a file larger than the Blob cap, as a
 * share of the file: gathering the file in a Blob would take at least the whole file there.
 * Measured: 0.23 to 0.4 in Firefox (+120 to 210 MB) and about 0.5 in WebKit (+245 to 280 MB,
 * the same for a file half as large).
 */
export const LARGE_DOWNLOAD_GROWTH_SHARE = 0.75;

/**
 * A file larger than the Blob cap (500 MB) saved from the receive page, where the engine has no
 * File System Access API: it takes the service worker's streamed download, arrives
 * byte-identical, and the page's processes grow by far less than the file while it does.
 */
export async function largeDownloadJourney(name: Exclude<EngineName, "chromium">): Promise<void> {
  const service = await startPortalService();
  try {
    await withEngine(name, async (engine) => {
      const { tab } = engine;
      const size = DEFAULT_BLOB_LIMIT + 20_000_000;
      let bytes: Uint8Array | undefined = randomBytes(size);
      const expected = await sha256(bytes);
      const link = await service.send([{ name: "large.bin", bytes }]);
      bytes = undefined;
      await tab.goto(link);
      await waitForSelector(tab, '[data-state="files"]');
      assert.equal(await tab.evaluate(() => "showSaveFilePicker" in globalThis), false);
      await watchSaving(tab);
      const select = (process: string) => PAGE_PROCESSES[name].test(process);
      const idle = await residentByProcess();
      const sampler = samplePeak(select);
      const started = performance.now();
      await tab.click('[data-role="download"]');
      const state = await waitInPage(
        tab,
        { what: "the download to end", timeoutMs: 10 * 60_000, intervalMs: 500 },
        () => {
          const row = document.querySelector<HTMLElement>('[data-role="file"]');
          const state = row?.dataset.state;
          return state === "done" || state === "error" || state === "cancelled"
            ? `${state}: ${row?.querySelector('[data-role="file-status"]')?.textContent}`
            : undefined;
        },
      );
      const peak = await sampler.stop();
      assert.match(state, /^done/);
      const seconds = (performance.now() - started) / 1000;
      const saved = await waitForDownload(engine, "large.bin", size);
      assert.equal(await sha256(saved), expected);
      assert.equal(await savingPath(tab), "service-worker");
      const growth = peak.selected - total(idle, select);
      const mb = (bytes: number) => `${(bytes / 1e6).toFixed(0)} MB`;
      const byProcess = [...peak.processes].map(([pid, process]) =>
        `${process.name} ${mb(process.bytes)} (idle ${mb(idle.get(pid)?.bytes ?? 0)})`
      ).join(", ");
      console.log(
        `${name}: ${mb(size)} saved in ${seconds.toFixed(1)} s; page processes +${
          mb(growth)
        }, whole browser +${mb(peak.all - total(idle))} at its peak; ${byProcess}`,
      );
      assert.ok(
        growth < size * LARGE_DOWNLOAD_GROWTH_SHARE,
        `the page's processes grew by ${mb(growth)} for a file of ${mb(size)}: ${byProcess}`,
      );
    });
  } finally {
    await service.close();
  }
}

/**
 * The agent app in the sandbox agent view: the app, signed in, lists the files of the ticket's
 * Secure Link and saves one byte-identical (through the way this engine takes in a frame); then
 * sends a file with "Require authentication" ticked: the link lands in the reply, anyone else is
 * refused, the requester signed in gets the exact bytes.
 */
export async function agentJourney(name: EngineName): Promise<void> {
  const stack = await startStack({ launch: false });
  try {
    await withEngine(name, async (engine, dir) => {
      const { tab } = engine;
      const report = randomBytes(3_000_000); // two parts
      const dropped = await dropFiles(stack, [
        { name: "report.bin", bytes: report },
        { name: "notes.txt", bytes: new TextEncoder().encode("hello from the Help Center\n") },
      ]);
      const ticket = await stack.tickets.createTicket({
        subject: "Please look at my files",
        description: `Here are my files.\n\nSecure Link: ${dropped}`,
        requester: { name: "Rita Requester", email: REQUESTER },
      });
      const ticketUrl = `${stack.sandboxUrl}/agent/tickets/${ticket.id}`;
      await tab.goto(ticketUrl);
      const app = tab.frame("#app-frame");
      // Signed in as the pairing would leave it: the app's key in its own storage (written from
      // inside the frame, so that it lands wherever this engine keeps a frame's storage).
      await waitInPage(
        app,
        { what: "the app's frame" },
        (origin: string) => location.origin === origin && document.readyState === "complete",
        stack.appUrl,
      );
      await app.evaluate(
        (key: string, value: string) => localStorage.setItem(key, value),
        credentialsKey(stack.serviceUrl, 1),
        JSON.stringify({ ...stack.agentKey, email: AGENT.email }),
      );
      await tab.goto(ticketUrl);

      await mark(app, '[data-role="file"]', "report.bin", "report");
      await mark(app, '[data-role="file"]', "notes.txt", "notes");
      assert.match(
        await app.evaluate(() =>
          document.querySelector('[data-role="account"]')?.textContent ?? ""
        ),
        /agent@example\.com/,
      );
      await watchSaving(app);
      await app.click('[data-journey="report"]');
      const saved = await waitForDownload(engine, "report.bin", report.length);
      assert.equal(await sha256(saved), await sha256(report));
      await waitForSelector(app, '[data-role="done"]');
      assert.equal(await savingPath(app), EXPECTED_PATHS[name].agent);

      // Send a file with "Require authentication" (ticked by default).
      const [contract] = await writeFiles(dir, [
        { name: "contract.pdf", bytes: randomBytes(2_700_000) },
      ]);
      await waitForSelector(app, '[data-role="require-auth"]');
      assert.equal(
        await app.evaluate(() =>
          (document.querySelector('[data-role="require-auth"]') as HTMLInputElement).checked
        ),
        true,
      );
      await app.setFiles('[data-role="file-input"]', [contract.path]);
      await waitForSelector(app, '[data-role="send-status"].success', 90_000);
      const reply = await tab.evaluate(() =>
        (document.querySelector("#reply-text") as HTMLTextAreaElement).value
      );
      const links = findLinks(reply);
      assert.equal(links.length, 1, reply);
      const anonymous = new SendSafelyClient({
        host: stack.serviceUrl,
        credentials: { session: true },
      });
      await assert.rejects(
        openPackage(anonymous, links[0]),
        (error: unknown) => error instanceof ApiError && error.code === "PERMISSION_DENIED",
      );
      const requester = await stack.createUserClient(REQUESTER);
      const received = await downloadWithClient(requester, links[0]);
      assert.equal(await sha256(received.get("contract.pdf")!), await sha256(contract.bytes));
    });
  } finally {
    await stack.close();
  }
}

/** Registers the three journeys as tests of `name`, one after the other. */
export function registerJourneys(name: EngineName): void {
  // The drivers keep sockets and timers of their own (Puppeteer's connection, the driver
  // process's pipes) that outlive a test by a moment after the browser has closed.
  const options = { sanitizeOps: false, sanitizeResources: false };
  Deno.test({
    name: `${name}: the widget on both request forms (attach, progress, remove, submit, link)`,
    ...options,
    fn: () => widgetJourney(name),
  });
  Deno.test({
    name: `${name}: the receive page (email code, byte-identical download)`,
    ...options,
    fn: () => receiveJourney(name),
  });
  Deno.test({
    name: `${name}: the agent app (list, download, send with Require authentication)`,
    ...options,
    fn: () => agentJourney(name),
  });
  if (name === "chromium") return; // its downloads of 1 GiB are measured by bench/
  Deno.test({
    name: `${name}: a file over the Blob cap streams to disk with bounded memory`,
    // 520 MB through the browser: about a minute per engine on a quiet machine, many on a
    // loaded one, so it runs when asked (PADLOCK_LARGE_DOWNLOADS=1), not in every run.
    ignore: Deno.env.get("PADLOCK_LARGE_DOWNLOADS") !== "1",
    ...options,
    fn: () => largeDownloadJourney(name),
  });
}
