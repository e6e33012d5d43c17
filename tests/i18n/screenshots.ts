/// <reference lib="dom" />
/**
 * Takes the German and Arabic screenshots of the agent app's sidebar and of the portal for
 * `docs/screenshots/` (the Help Center widget's are taken by `scripts/screenshots.ts --
 * --locales-only`): the sidebar signed out and with the ticket's files (ZAF
 * `currentUser.locale`), the receive page asking for the email and listing the files, and the
 * sign-in page (`Accept-Language`). Same stacks as the browser tests.
 * Run: `deno run -A tests/i18n/screenshots.ts [outDir]` after `deno task build`.
 *
 * @module
 */
import type { Page } from "playwright-core";
import { launchBrowser } from "../_helpers/browser.ts";
import { dropFiles, openTicket, randomBytes, startStack } from "../agent/_stack.ts";
import { codeFromOutbox, startPortalService } from "../portal/_helpers.ts";

const LOCALES = ["de", "ar"] as const;

async function settle(page: Page): Promise<void> {
  await page.mouse.move(0, 0);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 300)));
}

/** Writes `agent-*-<locale>.png` into `outDir`. */
async function sidebar(outDir: string): Promise<string[]> {
  const written: string[] = [];
  const stack = await startStack();
  try {
    const link = await dropFiles(stack, [
      { name: "Rechnung-2024-0113.pdf", bytes: randomBytes(3_100_000) },
      { name: "فاتورة.png", bytes: randomBytes(240_000) },
    ], "rita@example.com");
    const ticket = await stack.tickets.createTicket({
      subject: "Doppelt abgebucht",
      description: `Encrypted files: ${link}`,
      requester: { name: "Rita Requester", email: "rita@example.com" },
    });
    for (const locale of LOCALES) {
      const viewport = { width: 1280, height: 860 };
      const shoot = async (page: Page, name: string) => {
        const path = `${outDir}/agent-${name}-${locale}.png`;
        await settle(page);
        await page.locator(".apps").screenshot({ path });
        written.push(path);
      };
      const signedOut = await stack.browser.newContext({ viewport });
      const out = await openTicket(signedOut, stack, ticket.id, `?locale=${locale}`);
      await out.app.waitForSelector('[data-role="login"]');
      await shoot(out.page, "signed-out");
      await signedOut.close();
      const context = await stack.newContext();
      const { page, app } = await openTicket(context, stack, ticket.id, `?locale=${locale}`);
      await page.setViewportSize(viewport);
      await app.waitForSelector('[data-role="file"]');
      await shoot(page, "files");
      await context.close();
    }
  } finally {
    await stack.close();
  }
  return written;
}

/** Writes `portal-*-<locale>.png` into `outDir`. */
async function portal(outDir: string): Promise<string[]> {
  const written: string[] = [];
  const service = await startPortalService();
  const browser = await launchBrowser();
  try {
    for (const locale of LOCALES) {
      const requester = `rita-${locale}@example.com`;
      const link = await service.send([
        { name: "Rechnung-2024-0113.pdf", bytes: randomBytes(810_000) },
        { name: "عقد موقّع.pdf", bytes: randomBytes(42_000) },
      ], { recipients: [requester] });
      const context = await browser.newContext({
        locale,
        viewport: { width: 1000, height: 720 },
      });
      const page = await context.newPage();
      const shoot = async (name: string) => {
        const path = `${outDir}/portal-${name}-${locale}.png`;
        await settle(page);
        await page.screenshot({ path });
        written.push(path);
      };
      await page.goto(link);
      await page.waitForSelector('[data-state="verify-email"]');
      await page.fill("#email", requester);
      await shoot("ask-email");
      await page.click('[data-role="email-form"] button[type="submit"]');
      await page.waitForSelector('[data-state="verify-code"]');
      await page.fill("#code", await codeFromOutbox(service, requester));
      await page.click('[data-role="code-form"] button[type="submit"]');
      await page.waitForSelector('[data-state="files"]');
      await shoot("files");
      await page.goto(`${service.url}/signin?mode=signup`);
      await shoot("signin");
      await context.close();
    }
  } finally {
    await browser.close();
    await service.close();
  }
  return written;
}

if (import.meta.main) {
  const outDir = Deno.args[0] ?? "docs/screenshots";
  await Deno.mkdir(outDir, { recursive: true });
  for (const path of [...await sidebar(outDir), ...await portal(outDir)]) console.log(path);
}
