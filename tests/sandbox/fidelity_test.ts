/// <reference lib="dom" />
/**
 * The sandbox behaves as Zendesk where the apps and the widget can tell: its REST API stand-in
 * answers the users and ticket calls apps make, with comment `body` as plain text; its v4 request
 * form refuses an empty description (in Chromium); and no page of the sandbox or the service's
 * portal makes a request that fails (there is no `/favicon.ico` to ask for).
 */
import assert from "node:assert/strict";
import { agentRoutes, DEMO_AGENT } from "../../sandbox/agent/routes.ts";
import { createTicketStore } from "../../sandbox/tickets.ts";
import { openTicket, startStack } from "../agent/_stack.ts";

Deno.test("sandbox API: users/me, users by id, show_many, the ticket with its users, plain-text bodies", async () => {
  const tickets = await createTicketStore();
  const ticket = await tickets.createTicket({
    subject: "Fish & chips",
    description: "<p>Tom &amp; Jerry&nbsp;said &lt;hi&gt;</p><p>Second line</p>",
    descriptionMimetype: "text/html",
    requester: { name: "Rita Requester", email: "rita@example.com" },
  });
  const routes = agentRoutes({ tickets, serviceUrl: "http://127.0.0.1:1" });
  const get = async (path: string) => {
    const response = await routes(new Request(`http://sandbox.test/agent/api/v2/${path}`));
    assert.ok(response, path);
    return { status: response.status, body: await response.json() };
  };

  const me = await get("users/me.json");
  assert.equal(me.status, 200);
  assert.deepEqual(
    [me.body.user.id, me.body.user.email, me.body.user.name, me.body.user.role],
    [DEMO_AGENT.id, DEMO_AGENT.email, DEMO_AGENT.name, DEMO_AGENT.role],
  );

  const { body: { ticket: shown } } = await get(`tickets/${ticket.id}.json`);
  assert.equal(shown.description, "Tom & Jerry said <hi>\n\nSecond line");
  const requester = await get(`users/${shown.requester_id}.json`);
  assert.deepEqual(
    [requester.body.user.email, requester.body.user.name, requester.body.user.role],
    ["rita@example.com", "Rita Requester", "end-user"],
  );
  const withUsers = await get(`tickets/${ticket.id}.json?include=users`);
  assert.deepEqual(
    withUsers.body.users.map((user: { id: number }) => user.id).sort(),
    [
      DEMO_AGENT.id,
      shown.requester_id,
    ].sort(),
  );
  const many = await get(`users/show_many.json?ids=${DEMO_AGENT.id},${shown.requester_id},5`);
  assert.deepEqual(many.body.users.map((user: { email: string }) => user.email), [
    DEMO_AGENT.email,
    "rita@example.com",
  ]);
  assert.equal((await get("users/5.json")).status, 404);

  const { body: { comments } } = await get(`tickets/${ticket.id}/comments.json`);
  assert.equal(comments[0].body, "Tom & Jerry said <hi>\n\nSecond line");
  assert.match(comments[0].html_body, /Tom &amp; Jerry/);
});

Deno.test("in Chromium: no page makes a failing request; the v4 form refuses an empty description", async (t) => {
  const stack = await startStack({ helpCenter: true });
  try {
    await t.step(
      "no sandbox or portal page makes a failing request (no /favicon.ico)",
      async () => {
        const ticket = await stack.tickets.createTicket({
          subject: "Hello",
          description: "A question",
          requester: { name: "Rita", email: "rita@example.com" },
        });
        const context = await stack.newContext({ signedIn: false });
        const failures: string[] = [];
        context.on("requestfailed", (request) => failures.push(`failed ${request.url()}`));
        context.on("response", (response) => {
          if (response.status() >= 400) failures.push(`${response.status()} ${response.url()}`);
        });
        const pages = [
          `${stack.sandboxUrl}/`,
          `${stack.sandboxUrl}/hc/en-us/requests/new`,
          `${stack.sandboxUrl}/hc/en-us/requests/new?theme=legacy`,
          `${stack.sandboxUrl}/hc/en-us/requests`,
          `${stack.sandboxUrl}/hc/en-us/requests/${ticket.id}`,
          `${stack.sandboxUrl}/agent/`,
          `${stack.serviceUrl}/signin`,
          `${stack.serviceUrl}/activate`,
        ];
        for (const url of pages) {
          const page = await context.newPage();
          page.on("console", (message) => {
            if (message.type() === "error") failures.push(`console on ${url}: ${message.text()}`);
          });
          await page.goto(url, { waitUntil: "load" });
          // The browser asks for an icon after load; give it the time to.
          await page.waitForTimeout(300);
          await page.close();
        }
        const { page } = await openTicket(context, stack, ticket.id);
        await page.waitForTimeout(1000);
        assert.deepEqual(failures, []);
        await context.close();
      },
    );

    await t.step("the v4 form refuses an empty description, keeping what was typed", async () => {
      const before = (await stack.tickets.listTickets()).length;
      const context = await stack.newContext({ signedIn: false });
      const page = await context.newPage();
      for (const formId of ["360001", "360002"]) {
        await page.goto(`${stack.sandboxUrl}/hc/en-us/requests/new?ticket_form_id=${formId}`);
        await page.locator('input[name="request[subject]"]').fill(`Nothing to say ${formId}`);
        await page.locator('input[name="request[anonymous_requester_email]"]').fill(
          "rita@example.com",
        );
        await page.locator(".ck-editor__editable").waitFor();
        const [response] = await Promise.all([
          page.waitForResponse((answer) => answer.request().method() === "POST"),
          page.locator('form button[type="submit"]').click(),
        ]);
        assert.equal(response.status(), 422);
        await page.locator('[role="alert"]', { hasText: "Description: cannot be blank" })
          .waitFor();
        assert.equal(
          await page.locator('input[name="request[subject]"]').inputValue(),
          `Nothing to say ${formId}`,
        );
      }
      assert.equal((await stack.tickets.listTickets()).length, before);

      // With a description the request goes through.
      await page.locator(".ck-editor__editable").fill("Now with a description");
      await page.locator('form button[type="submit"]').click();
      await page.waitForURL(/\/hc\/en-us\/requests\/\d+$/);
      assert.equal((await stack.tickets.listTickets()).length, before + 1);
      await context.close();
    });
  } finally {
    await stack.close();
  }
});
