/// <reference lib="dom" />
/**
 * The ZAF client in a real browser: a host page and the app iframe on two different origins,
 * talking over real `postMessage`. Messages from a window other than the parent (same origin) or
 * from another origin are ignored, even when they forge a registration or an answer; the genuine
 * parent's messages are obeyed.
 */
import assert from "node:assert/strict";
import type { Frame, Page } from "playwright-core";
import { startStack } from "./_stack.ts";

const GUID = "5b0f7a4e-3f55-4a4f-8d57-2a5e0f1d3c11";

/** A tiny page server on its own origin (pages must come from a real local address). */
function serve(page: () => string): { url: string; close(): Promise<void> } {
  const server = Deno.serve(
    { port: 0, hostname: "127.0.0.1", onListen() {} },
    () => new Response(page(), { headers: { "content-type": "text/html; charset=utf-8" } }),
  );
  return { url: `http://127.0.0.1:${server.addr.port}`, close: () => server.shutdown() };
}

interface Received {
  fromApp: boolean;
  origin: string;
  data: Record<string, unknown>;
}

async function received(page: Page): Promise<Received[]> {
  return await page.evaluate(() =>
    (globalThis as unknown as { received: { fromApp: boolean; origin: string; data: unknown }[] })
      .received.map((entry) => ({
        ...entry,
        data: typeof entry.data === "string" ? JSON.parse(entry.data) : entry.data,
      }))
  ) as Received[];
}

async function waitForMessage(
  page: Page,
  test: (data: Record<string, unknown>) => boolean,
): Promise<Record<string, unknown>> {
  for (;;) {
    const found = (await received(page)).find((entry) => entry.fromApp && test(entry.data));
    if (found) return found.data;
    await page.waitForTimeout(20);
  }
}

Deno.test("the app obeys only its parent window at the origin it was given", async () => {
  const stack = await startStack();
  try {
    // The host under test, and another origin (a popup that tries to talk to the app).
    const host = serve(() =>
      `<!doctype html><iframe id="app" src="${stack.appUrl}/assets/iframe.html?origin=` +
      `${encodeURIComponent(HOST)}&amp;app_guid=${GUID}"></iframe>` +
      `<iframe id="sibling" src="about:blank"></iframe>`
    );
    const intruder = serve(() => "<!doctype html><p>intruder</p>");
    const HOST = host.url;
    const INTRUDER = intruder.url;
    const context = await stack.browser.newContext();
    await context.addInitScript((host) => {
      if (location.origin !== host || self !== top) return;
      const log: unknown[] = [];
      Object.assign(globalThis, { received: log });
      addEventListener("message", (event) => {
        const app = (document.getElementById("app") as HTMLIFrameElement | null)?.contentWindow;
        log.push({ fromApp: event.source === app, origin: event.origin, data: event.data });
      });
    }, HOST);
    const page = await context.newPage();
    await page.goto(`${HOST}/ticket`);
    const app = page.frames().find((frame) => frame.url().startsWith(stack.appUrl)) as Frame;
    const sibling = page.frames().find((frame) => frame.url() === "about:blank") as Frame;
    assert.ok(app && sibling, page.frames().map((frame) => frame.url()).join(" "));

    // 1. The handshake: a JSON string to the given origin, with the app guid.
    const handshake = await waitForMessage(page, (data) => data.key === "iframe.handshake");
    assert.equal(handshake.appGuid, GUID);
    assert.equal(handshake.instanceGuid, GUID);
    assert.match(String((handshake.message as { version: string }).version), /^2\.0\./);
    assert.equal(typeof (await received(page))[0].data, "object");

    // 2. Forged registrations: from a same-origin sibling window, and from another origin.
    const forged = JSON.stringify({
      key: "zaf.app.registered",
      message: {
        metadata: { appId: 1, installationId: 1, settings: { service_url: "" } },
        context: {},
      },
    });
    await sibling.evaluate(
      ({ message, target }) => parent.frames[0].postMessage(message, target),
      { message: forged, target: stack.appUrl },
    );
    const popupOpened = context.waitForEvent("page");
    await page.evaluate((url) => void open(url), `${INTRUDER}/popup`);
    const popup = await popupOpened;
    await popup.waitForLoadState();
    await popup.evaluate(
      ({ message, target }) => (opener as Window).frames[0].postMessage(message, target),
      { message: forged, target: stack.appUrl },
    );
    // A save hook from the parent is answered at once, before registration: when its reply is
    // back, the forged messages before it have been handled (ignored).
    await page.evaluate((target) => {
      (document.getElementById("app") as HTMLIFrameElement).contentWindow?.postMessage(
        JSON.stringify({ key: "zaf.ticket.save", message: {}, needsReply: true }),
        target,
      );
    }, stack.appUrl);
    const reply = await waitForMessage(page, (data) => data.key === "iframe.reply:ticket.save");
    assert.deepEqual(reply, { appGuid: GUID, key: "iframe.reply:ticket.save" });
    assert.match(await app.locator("#app").innerText(), /Connecting to Zendesk/);
    assert.deepEqual(
      (await received(page)).filter((entry) => entry.fromApp).map((entry) => entry.data.key),
      ["iframe.handshake", "iframe.reply:ticket.save"],
      "nothing was unqueued by a forged registration",
    );

    // 3. The genuine registration unlocks the queue: the app asks who the agent is.
    await page.evaluate(({ target, serviceUrl }) => {
      (document.getElementById("app") as HTMLIFrameElement).contentWindow?.postMessage(
        JSON.stringify({
          key: "zaf.app.registered",
          message: {
            metadata: {
              appId: 1,
              installationId: 77,
              settings: { service_url: serviceUrl, allowed_roles: "admin" },
            },
            context: { product: "support", location: "ticket_sidebar", ticketId: 1 },
          },
        }),
        target,
      );
    }, { target: stack.appUrl, serviceUrl: stack.serviceUrl });
    const question = await waitForMessage(page, (data) => data.request === "get");
    assert.deepEqual(question.params, ["currentUser"]);

    // 4. Forged answers (a role the settings refuse) from the sibling and the intruder are
    //    ignored; the parent's answer is the one the app uses.
    const forgedAnswer = JSON.stringify({
      id: question.id,
      result: { currentUser: { id: 1, name: "x", email: "x@example.com", role: "light" } },
    });
    await sibling.evaluate(
      ({ message, target }) => parent.frames[0].postMessage(message, target),
      { message: forgedAnswer, target: stack.appUrl },
    );
    await popup.evaluate(
      ({ message, target }) => (opener as Window).frames[0].postMessage(message, target),
      { message: forgedAnswer, target: stack.appUrl },
    );
    await page.evaluate(({ target, id }) => {
      (document.getElementById("app") as HTMLIFrameElement).contentWindow?.postMessage(
        JSON.stringify({
          id,
          result: {
            currentUser: { id: 2, name: "Alex", email: "agent@example.com", role: "admin" },
            errors: {},
          },
        }),
        target,
      );
    }, { target: stack.appUrl, id: question.id });
    await app.waitForSelector('[data-role="login"]');
    assert.equal(await app.locator('[data-role="role-denied"]').count(), 0);

    // 5. The app subscribes to ticket events and sizes itself, through the parent only.
    const subscription = await waitForMessage(
      page,
      (data) => data.key === "iframe.on:ticket.updated",
    );
    assert.deepEqual(subscription.message, { subscriberCount: 1 });
    const resize = await waitForMessage(
      page,
      (data) => data.request === "invoke" && Object.hasOwn(data.params as object, "resize"),
    );
    const [size] = (resize.params as { resize: [{ height: string }] }).resize;
    assert.match(size.height, /^\d+px$/);
    const messages = await received(page);
    assert.ok(
      messages.filter((entry) => entry.fromApp).every((entry) => entry.origin === stack.appUrl),
    );
    await context.close();
    await host.close();
    await intruder.close();
  } finally {
    await stack.close();
  }
});

Deno.test("a parent at another origin than the one the app was given is not obeyed", async () => {
  const stack = await startStack();
  try {
    // The app believes Zendesk is at `claimed`; the page that really frames it is elsewhere.
    const claimed = "http://localhost:9";
    const framer = serve(() =>
      `<!doctype html><iframe id="app" src="${stack.appUrl}/assets/iframe.html?origin=` +
      `${encodeURIComponent(claimed)}&amp;app_guid=${GUID}"></iframe>`
    );
    const context = await stack.browser.newContext();
    const page = await context.newPage();
    await page.goto(framer.url);
    const app = page.frames().find((frame) => frame.url().startsWith(stack.appUrl)) as Frame;
    await app.waitForSelector("#app");
    // Counts messages after the app's own listener has handled them (listeners run in order).
    await app.evaluate(() => {
      Object.assign(globalThis, { seen: 0 });
      addEventListener("message", () => {
        (globalThis as unknown as { seen: number }).seen++;
      });
    });
    await page.evaluate(({ target, serviceUrl }) => {
      const app = (document.getElementById("app") as HTMLIFrameElement).contentWindow;
      app?.postMessage(
        JSON.stringify({
          key: "zaf.app.registered",
          message: {
            // Accepted, this would show at once that the service URL is missing.
            metadata: { appId: 1, installationId: 1, settings: { service_url: serviceUrl } },
            context: {},
          },
        }),
        target,
      );
      app?.postMessage(JSON.stringify({ key: "zaf.app.activated", message: {} }), target);
    }, { target: stack.appUrl, serviceUrl: "" });
    await app.waitForFunction(() => (globalThis as unknown as { seen: number }).seen === 2);
    assert.match(await app.locator("#app").innerText(), /Connecting to Zendesk/);
    assert.equal(await app.locator('[data-role="problem"]').count(), 0);
    await context.close();
    await framer.close();
  } finally {
    await stack.close();
  }
});
