/// <reference lib="dom" />
/**
 * `deno task screenshots`: regenerates the screenshots of the Help Center widget in
 * `docs/screenshots/`, on the sandbox's v4 and legacy request forms, in each state a person
 * meets: idle, uploading, finishing upload on submit, done, and error; and done and error in
 * German and Arabic (`/hc/de/…`, `/hc/ar/…`, `-de`/`-ar` names). Runs the real service,
 * the sandbox and headless Chromium; part uploads are held back to catch the in-between states.
 *
 * @module
 */
import { Buffer } from "node:buffer";
import type { Page, Route } from "playwright-core";
import { startHarness } from "../sandbox/helpcenter/harness.ts";
import { launchBrowser } from "../tests/_helpers/browser.ts";

const OUT = new URL("../docs/screenshots/", import.meta.url).pathname;

type Generation = "v4" | "legacy";

function randomBytes(size: number): Buffer {
  const bytes = new Uint8Array(size);
  for (let offset = 0; offset < size; offset += 65_536) {
    crypto.getRandomValues(bytes.subarray(offset, Math.min(size, offset + 65_536)));
  }
  return Buffer.from(bytes);
}

const BIG = { name: "network-capture.pcap", mimeType: "application/octet-stream" };
const SMALL = { name: "invoice-2291.pdf", mimeType: "application/pdf" };

async function fill(page: Page, generation: Generation): Promise<void> {
  await page.fill('[name="request[anonymous_requester_email]"]', "jordan@example.com");
  await page.fill('[name="request[subject]"]', "VPN drops every few minutes");
  const text = "Since this morning the VPN disconnects every few minutes. " +
    "I attached a packet capture and the last invoice.";
  if (generation === "legacy") {
    await page.fill("#request_description", text);
  } else {
    await page.click(".ck-editor__editable");
    await page.keyboard.type(text);
  }
}

async function attach(page: Page, files: { name: string; mimeType: string; buffer: Buffer }[]) {
  const [chooser] = await Promise.all([
    page.waitForEvent("filechooser"),
    page.click(".padlock-dropzone"),
  ]);
  await chooser.setFiles(files);
}

async function shoot(page: Page, name: string): Promise<void> {
  await page.mouse.move(0, 0);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  // Let transitions (progress bar, hover, focus ring) finish.
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 500)));
  const form = page.locator("#main-content form, form#new_request").first();
  const box = await form.boundingBox();
  if (!box) throw new Error("the form is not visible");
  const field = await page.locator(".padlock-attachments").boundingBox();
  // From the description field down to the submit button: the part the widget changes.
  const top = Math.max(0, (field?.y ?? box.y) - 260);
  await page.screenshot({
    path: `${OUT}${name}.png`,
    clip: { x: box.x - 24, y: top, width: box.width + 48, height: box.y + box.height - top + 24 },
  });
  console.log(`docs/screenshots/${name}.png`);
}

/** Lets small part uploads and the first large one through; holds the other large ones. */
async function holdLargeParts(page: Page): Promise<() => void> {
  const held: Route[] = [];
  let large = 0;
  let released = false;
  await page.route((url) => url.pathname.startsWith("/part/"), async (route) => {
    const size = route.request().postDataBuffer()?.length ?? 0;
    if (released || route.request().method() !== "PUT" || size < 1_000_000 || large++ === 0) {
      return await route.continue();
    }
    held.push(route);
  });
  return () => {
    released = true;
    for (const route of held) void route.continue().catch(() => {});
  };
}

await Deno.mkdir(OUT, { recursive: true });
const harness = await startHarness();
const browser = await launchBrowser();
// `-- --locales-only`: only the German and Arabic screenshots.
const english = !Deno.args.includes("--locales-only");
try {
  for (const generation of (english ? ["v4", "legacy"] : []) as Generation[]) {
    const url = `${harness.sandbox.url}/hc/en-us/requests/new${
      generation === "legacy" ? "?theme=legacy" : ""
    }`;
    const open = async () => {
      const page = await browser.newPage({ viewport: { width: 900, height: 1400 } });
      await page.goto(url);
      await page.waitForSelector(".padlock-dropzone");
      if (generation === "v4") await page.waitForSelector(".ck-editor__editable");
      await fill(page, generation);
      return page;
    };
    const big = { ...BIG, buffer: randomBytes(6_000_000) };
    const small = { ...SMALL, buffer: randomBytes(180_000) };

    let page = await open();
    await shoot(page, `helpcenter-${generation}-idle`);

    const release = await holdLargeParts(page);
    await attach(page, [big, small]);
    await page.waitForSelector('.padlock-file[data-status="uploaded"]');
    await page.waitForFunction(() =>
      Number(document.querySelector('[role="progressbar"]')?.getAttribute("aria-valuenow")) > 0
    );
    await shoot(page, `helpcenter-${generation}-uploading`);
    await page.click('form [type="submit"]');
    await page.waitForSelector(".padlock-status:has-text('Finishing upload')");
    await shoot(page, `helpcenter-${generation}-finishing`);
    await page.close();
    release();

    page = await open();
    await attach(page, [big, small]);
    await page.waitForFunction(() =>
      document.querySelectorAll('.padlock-file[data-status="uploaded"]').length === 2
    );
    await shoot(page, `helpcenter-${generation}-done`);
    await page.close();

    page = await open();
    await page.route(
      (url) => url.href.startsWith(harness.serviceUrl),
      (route) => route.abort("connectionrefused"),
    );
    await attach(page, [small]);
    await page.waitForSelector('.padlock-file[data-status="failed"]');
    await page.click('form [type="submit"]');
    await page.waitForSelector('.padlock-alert[role="alert"]:not(:empty)');
    await shoot(page, `helpcenter-${generation}-error`);
    await page.close();
  }
  for (const locale of ["de", "ar"]) {
    for (const generation of ["v4", "legacy"] as Generation[]) {
      const url = `${harness.sandbox.url}/hc/${locale}/requests/new${
        generation === "legacy" ? "?theme=legacy" : ""
      }`;
      const open = async () => {
        const page = await browser.newPage({ viewport: { width: 900, height: 1400 } });
        await page.goto(url);
        await page.waitForSelector(".padlock-dropzone");
        if (generation === "v4") await page.waitForSelector(".ck-editor__editable");
        await fill(page, generation);
        return page;
      };
      const big = { ...BIG, buffer: randomBytes(2_500_000) };
      const small = { ...SMALL, buffer: randomBytes(180_000) };
      let page = await open();
      await attach(page, [big, small]);
      await page.waitForFunction(() =>
        document.querySelectorAll('.padlock-file[data-status="uploaded"]').length === 2
      );
      await shoot(page, `helpcenter-${generation}-done-${locale}`);
      await page.close();
      page = await open();
      await page.route(
        (url) => url.href.startsWith(harness.serviceUrl),
        (route) => route.abort("connectionrefused"),
      );
      await attach(page, [small]);
      await page.waitForSelector('.padlock-file[data-status="failed"]');
      await page.click('form [type="submit"]');
      await page.waitForSelector('.padlock-alert[role="alert"]:not(:empty)');
      await shoot(page, `helpcenter-${generation}-error-${locale}`);
      await page.close();
    }
  }
} finally {
  await browser.close();
  await harness.close();
}
