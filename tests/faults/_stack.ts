/// <reference lib="dom" />
/**
 * The whole stack for the browser fault tests: the service behind the fault proxy (its public
 * URL is the proxy's, so the widget, the agent app and the receive page reach it only through
 * the proxy), the sandbox Help Center and agent view configured with that URL, the agent app on
 * its own origin, and headless Chromium. Uses the bundles in `dist/` (`deno task build`).
 *
 * @module
 */
import * as esbuild from "esbuild";
import type { Browser, BrowserContext, Frame, Page } from "playwright-core";
import { credentialsKey } from "../../agent/credentials.ts";
import { startAgentAppHost } from "../../sandbox/agent/routes.ts";
import { startSandbox } from "../../sandbox/server.ts";
import { createTicketStore, type TicketStore } from "../../sandbox/tickets.ts";
import { RETRY_TIMING_GLOBAL, type RetryTiming } from "../../src/_retry.ts";
import { launchBrowser } from "../_helpers/browser.ts";
import { AGENT, type ProxiedService, startProxiedService } from "./_service.ts";

const DIST = new URL("../../dist/", import.meta.url).pathname;

/**
 * The waits between attempts in the pages of {@linkcode BrowserStack.newContext}: a tenth of the
 * production ones (1 s doubling up to 10 s), so that an outage is waited out, and retries run
 * out, in a tenth of the time, through the same attempts.
 */
export const TEST_RETRY_TIMING: RetryTiming = { retryDelay: 100, maxRetryDelay: 1000 };

/** The running stack. */
export interface BrowserStack {
  service: ProxiedService;
  browser: Browser;
  sandboxUrl: string;
  appUrl: string;
  tickets: TicketStore;
  /**
   * A browser context whose pages wait {@linkcode TEST_RETRY_TIMING} between attempts; with
   * `signedIn`, the agent app already holds the agent's key.
   */
  newContext(options?: { signedIn?: boolean }): Promise<BrowserContext>;
  close(): Promise<void>;
}

/**
 * Starts the service behind the proxy, the sandbox, the app host and Chromium.
 *
 * @throws {Error} when the bundles have not been built.
 */
export async function startBrowserStack(): Promise<BrowserStack> {
  for (const bundle of ["helpcenter/padlock.js", "agent/assets/app.js", "portal"]) {
    try {
      await Deno.stat(DIST + bundle);
    } catch {
      throw new Error(`dist/${bundle} is missing: run \`deno task build\` first`);
    }
  }
  const service = await startProxiedService();
  const tickets = await createTicketStore();
  const appHost = startAgentAppHost();
  const sandbox = await startSandbox({
    serviceUrl: service.url,
    dropzoneId: service.dropzoneId,
    tickets,
    agentAppOrigin: appHost.url,
  });
  await esbuild.stop(); // the sandbox bundles its editor with esbuild, whose service would linger
  const browser = await launchBrowser();
  return {
    service,
    browser,
    sandboxUrl: sandbox.url,
    appUrl: appHost.url,
    tickets,
    async newContext({ signedIn = true } = {}) {
      const context = await browser.newContext({ acceptDownloads: true });
      await context.addInitScript(({ name, timing }) => {
        Object.assign(globalThis, { [name]: timing });
      }, { name: RETRY_TIMING_GLOBAL, timing: TEST_RETRY_TIMING });
      if (signedIn) {
        const value = JSON.stringify({
          apiKey: service.agent.apiKey,
          apiSecret: service.agent.apiSecret,
          email: AGENT.email,
        });
        await context.addInitScript(({ origin, key, value }) => {
          if (location.origin === origin) localStorage.setItem(key, value);
        }, { origin: appHost.url, key: credentialsKey(service.url, 1), value });
      }
      return context;
    },
    async close() {
      await browser.close();
      await sandbox.close();
      await appHost.close();
      await service.close();
    },
  };
}

/** Opens a ticket in the sandbox agent view; returns the page and the app's frame. */
export async function openTicket(
  context: BrowserContext,
  stack: BrowserStack,
  ticketId: number,
): Promise<{ page: Page; app: Frame }> {
  const page = await context.newPage();
  await page.goto(`${stack.sandboxUrl}/agent/tickets/${ticketId}`);
  const handle = await page.waitForSelector("#app-frame");
  for (let attempt = 0; attempt < 200; attempt++) {
    const app = await handle.contentFrame();
    if (app?.url().startsWith(stack.appUrl)) return { page, app };
    await page.waitForTimeout(50);
  }
  throw new Error("the app frame did not load");
}

/** Fails the test with what the page shows, when `wait` rejects. */
export async function explain<T>(
  wait: Promise<T>,
  what: string,
  shown: () => Promise<string>,
): Promise<T> {
  try {
    return await wait;
  } catch (error) {
    throw new Error(`${what}; the page shows: ${await shown().catch(() => "?")}`, {
      cause: error,
    });
  }
}
