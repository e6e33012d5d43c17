/// <reference lib="dom" />
/**
 * `postMessage` from other origins and other frames. The agent app (ZAF) in the sandbox's ticket
 * view is flooded by a popup at another origin and by a frame of the host's own origin that is
 * not its parent: forged registrations, forged answers for every request id (carrying an
 * attacker's Secure Link and markup), forged events and save hooks. The app obeys none of them,
 * answers none of them, and shows only the ticket's real links. The portal's pages listen to no
 * message at all, and messages posted to them change nothing.
 */
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { dropFiles, openTicket, startStack } from "../agent/_stack.ts";
import { launchBrowser } from "../_helpers/browser.ts";
import { startPortalService } from "../portal/_helpers.ts";
import { assertInert, TEXT_PAYLOADS } from "./_xss.ts";

/** A page on its own origin that records every message it receives. */
function evilOrigin(): { url: string; close(): Promise<void> } {
  const server = Deno.serve(
    { port: 0, hostname: "127.0.0.1", onListen() {} },
    () =>
      new Response(
        "<!doctype html><title>evil</title><script>window.received=[];" +
          "addEventListener('message',(e)=>window.received.push(String(e.data)))</script>",
        { headers: { "content-type": "text/html; charset=utf-8" } },
      ),
  );
  return { url: `http://127.0.0.1:${server.addr.port}`, close: () => server.shutdown() };
}

/** Forged ZAF traffic: registrations, answers for ids 1..300, events and save hooks. */
function forgedMessages(attackerLink: string): string[] {
  const comments = [{
    id: 1,
    value: `<p>${TEXT_PAYLOADS[1]} ${attackerLink}</p>`,
    author: { id: 9, name: TEXT_PAYLOADS[0] },
  }];
  const messages = [
    JSON.stringify({
      key: "zaf.app.registered",
      message: {
        metadata: { appId: 1, installationId: 1, settings: { service_url: "http://127.0.0.1:9" } },
        context: {},
      },
    }),
    JSON.stringify({ key: "zaf.ticket.save", message: {}, needsReply: true }),
    JSON.stringify({ key: "zaf.ticket.updated", message: { html: TEXT_PAYLOADS[1] } }),
    JSON.stringify({ key: "zaf.app.activated", message: {} }),
  ];
  for (let id = 1; id <= 300; id++) {
    messages.push(JSON.stringify({
      id,
      result: {
        "ticket.comments": comments,
        "ticket.conversation": [],
        "ticket.description": attackerLink,
        currentUser: { id: 9, name: "x", email: "x@example.com", role: "admin" },
        errors: {},
      },
    }));
  }
  return messages;
}

async function flood(page: Page, messages: string[], target: string): Promise<void> {
  await page.evaluate(({ messages, target }) => {
    const app = (opener as Window).frames[0];
    for (const message of messages) {
      app.postMessage(message, target);
      app.postMessage(message, "*");
    }
  }, { messages, target });
}

Deno.test("the agent app obeys only its parent: forged ZAF messages from other origins and frames do nothing", async () => {
  const stack = await startStack();
  const evil = evilOrigin();
  try {
    const real = await dropFiles(stack, [{ name: "real.txt", bytes: new Uint8Array([1]) }]);
    const attackerLink = await dropFiles(stack, [{
      name: "attacker.txt",
      bytes: new Uint8Array([2]),
    }]);
    const ticket = await stack.tickets.createTicket({
      subject: "Files",
      description: `Secure Link: ${real}`,
      requester: { name: "Rita", email: "rita@example.com" },
    });
    const context = await stack.newContext();
    // The genuine host answers each request 800 ms late, so the forgeries below always find
    // requests waiting for an answer: only the checks of origin and source can stop them.
    await context.route(`${stack.sandboxUrl}/agent/assets/host.js`, async (route) => {
      const response = await route.fetch();
      const script = (await response.text()).replace(
        "if (registered) handleRequest(data);",
        "if (registered) setTimeout(() => handleRequest(data), 800);",
      );
      assert.ok(script.includes("setTimeout(() => handleRequest(data), 800)"), "host.js changed");
      await route.fulfill({ response, body: script });
    });
    const { page, app } = await openTicket(context, stack, ticket.id);
    await app.waitForSelector('[data-role="file"]:has-text("real.txt")');
    assert.ok(app);

    // A popup at another origin, opened by the ticket page (so it can reach the app's frame).
    const popupOpened = context.waitForEvent("page");
    await page.evaluate((url) => void open(url), `${evil.url}/popup`);
    const popup = await popupOpened;
    await popup.waitForLoadState();
    const forged = forgedMessages(attackerLink);
    await flood(popup, forged, stack.appUrl);
    // A frame of the host's own origin that is not the app's parent.
    await page.evaluate(() => {
      const sibling = document.createElement("iframe");
      sibling.name = "sibling";
      document.body.append(sibling);
    });
    const sibling = page.frames().find((frame) => frame.name() === "sibling");
    assert.ok(sibling, "the sibling frame");
    await sibling.evaluate(({ messages, target }) => {
      const app = parent.frames[0];
      for (const message of messages) app.postMessage(message, target);
    }, { messages: forged, target: stack.appUrl });

    // Keep flooding while the ticket page reloads, so the forgeries race the app's real
    // handshake and requests (registration, the agent, the comments).
    await popup.evaluate((messages) => {
      const timer = setInterval(() => {
        try {
          const app = (opener as Window).frames[0];
          for (const message of messages) app.postMessage(message, "*");
        } catch {
          // between two documents
        }
      }, 20);
      Object.assign(globalThis, { stop: () => clearInterval(timer) });
    }, forged);
    await page.reload();
    let reloaded = page.frames().find((frame) => frame.url().startsWith(stack.appUrl));
    for (let attempt = 0; attempt < 100 && !reloaded; attempt++) {
      await page.waitForTimeout(50);
      reloaded = page.frames().find((frame) => frame.url().startsWith(stack.appUrl));
    }
    assert.ok(reloaded, "the app frame after the reload");
    await reloaded.waitForSelector('[data-role="file"]:has-text("real.txt")');
    await page.waitForTimeout(500);
    await popup.evaluate(() => (globalThis as unknown as { stop: () => void }).stop());
    assert.deepEqual(
      await reloaded.locator('[data-role="file"]').allTextContents(),
      ["real.txt"],
      "the attacker's link was never listed",
    );
    assert.equal(
      await reloaded.locator('[data-role="problem"]').count(),
      0,
      "the forged registration (another service URL) was not taken",
    );
    await assertInert(reloaded, "agent app after forged messages");
    // Nothing was answered to the forgers (save-hook replies go to the parent only).
    assert.deepEqual(
      await popup.evaluate(() => (globalThis as unknown as { received: string[] }).received),
      [],
    );
    await context.close();
  } finally {
    await evil.close();
    await stack.close();
  }
});

Deno.test("the portal's pages listen to no message; messages posted to them change nothing", async () => {
  const service = await startPortalService();
  const browser = await launchBrowser();
  const evil = evilOrigin();
  try {
    const link = await service.send([{ name: "a.txt", bytes: new Uint8Array([1]) }]);
    const context = await browser.newContext();
    // Count every message listener a page installs, however it installs it.
    await context.addInitScript(() => {
      const counter = { listeners: 0 };
      Object.assign(globalThis, { __messageListeners: counter });
      const add = EventTarget.prototype.addEventListener;
      EventTarget.prototype.addEventListener = function (type, ...rest) {
        if (type === "message") counter.listeners++;
        return add.call(this, type, ...rest);
      };
      Object.defineProperty(globalThis, "onmessage", {
        set() {
          counter.listeners++;
        },
        get: () => null,
      });
    });
    const evilPage = await context.newPage();
    await evilPage.goto(`${evil.url}/opener`);
    for (
      const [path, ready] of [
        [link, '[data-state="files"]'],
        [`${service.url}/signin`, '[data-role="signin-form"]'],
        [`${service.url}/activate`, "form"],
      ] as const
    ) {
      const opened = context.waitForEvent("page");
      await evilPage.evaluate((url) => {
        (globalThis as unknown as { target: Window | null }).target = open(url);
      }, path);
      const page = await opened;
      await page.waitForSelector(ready);
      await page.waitForLoadState("load");
      // The markup, not the rendered text: innerText changes once the stylesheet applies.
      const markup = () => page.locator("body").evaluate((body) => body.outerHTML);
      const before = await markup();
      const severed = await evilPage.evaluate((messages) => {
        const target = (globalThis as unknown as { target: Window }).target;
        for (const message of messages) {
          target.postMessage(message, "*");
          if ((target.frames?.length ?? 0) > 0) target.frames[0].postMessage(message, "*");
        }
        return target.closed;
      }, [...TEXT_PAYLOADS, JSON.stringify({ key: "zaf.app.registered" }), '{"keyCode":"x"}']);
      // Cross-Origin-Opener-Policy: the opener's handle no longer reaches the page at all.
      assert.equal(severed, true, `${path}: the opener still reaches the page`);
      await page.waitForTimeout(200);
      const listeners = await page.evaluate(() =>
        (globalThis as unknown as { __messageListeners: { listeners: number } }).__messageListeners
          .listeners
      );
      assert.equal(listeners, 0, `${path} listens to messages`);
      assert.equal(await markup(), before, `${path} changed`);
      await assertInert(page, path);
      await page.close();
    }
    await context.close();
  } finally {
    await evil.close();
    await browser.close();
    await service.close();
  }
});
