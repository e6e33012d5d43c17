/// <reference lib="dom" />
/**
 * Who a "Require authentication" package sent from a ticket reaches, in headless Chromium through
 * the sandbox: the requester, the CCs, the followers and the assignee (or, with "Add all agents as
 * recipients", every agent and admin, read page by page from the users API, instead of the
 * assignee); the sidebar lists them before sending; a person without an email stops the sending
 * before any package exists.
 */
import assert from "node:assert/strict";
import { Buffer } from "node:buffer";
import type { Frame, Page } from "playwright-core";
import { ApiError, SendSafelyClient } from "../../src/api.ts";
import { openPackage } from "../../src/download.ts";
import { findLinks } from "../../src/link.ts";
import { openTicket, randomBytes, type Stack, startStack } from "./_stack.ts";

const AGENTS = [
  { id: 900, name: "Alex Agent", email: "agent@example.com", role: "admin" },
  { id: 901, name: "Bea Agent", email: "bea@example.com", role: "agent" },
  { id: 902, name: "Cem Admin", email: "cem@example.com", role: "admin" },
  { id: 903, name: "Dora Agent", email: "dora@example.com", role: "agent" },
  { id: 904, name: "Eli Agent", email: "eli@example.com", role: "agent" },
];

/** The recipients the sidebar lists, as `name|email|reason`. */
async function audience(app: Frame): Promise<string[]> {
  return await app.locator('[data-role="recipient"]').evaluateAll((items) =>
    items.map((item) =>
      `${item.querySelector(".recipient-name")?.textContent}|${
        item.querySelector(".muted")?.textContent?.split(" · ")[0]
      }|${(item as HTMLElement).dataset.reason}`
    )
  );
}

async function sendOne(app: Frame, page: Page): Promise<string> {
  await app.locator('[data-role="file-input"]').setInputFiles({
    name: "report.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from(randomBytes(5_000)),
  });
  await app.waitForSelector('[data-role="send-status"].success');
  const links = findLinks(await page.locator("#reply-text").inputValue());
  assert.equal(links.length, 1);
  return links[0];
}

async function recipientsOf(stack: Stack, link: string): Promise<string[]> {
  const packageCode = new URL(link).searchParams.get("packageCode") ?? "";
  const info = await stack.agentClient.getPackage(packageCode);
  return info.recipients.map((recipient) => (recipient as { email: string }).email).sort();
}

Deno.test("recipients from the ticket: listed before sending, each can open the files, nobody else", async () => {
  const stack = await startStack({ agents: AGENTS, usersPageSize: 2 });
  try {
    const ticket = await stack.tickets.createTicket({
      subject: "Files for all of us",
      description: "Please send the report to my colleague too.",
      requester: { name: "Rita Requester", email: "rita@example.com" },
      ccs: [
        { name: "Carl Colleague", email: "Carl@Example.com" },
        { name: "Rita again", email: "rita@example.com" },
      ],
      followers: [{ name: "Bea Agent", email: "bea@example.com" }],
    });
    const context = await stack.newContext();
    const { page, app } = await openTicket(context, stack, ticket.id);
    await app.waitForSelector('[data-role="audience"][data-state="ready"]');
    // Before sending: the requester, the CC (lowercased, the duplicate once), the follower and
    // the assignee (the signed-in agent in the sandbox).
    assert.deepEqual(await audience(app), [
      "Rita Requester|rita@example.com|requester",
      "Carl Colleague|carl@example.com|cc",
      "Bea Agent|bea@example.com|follower",
      "Alex Agent|agent@example.com|assignee",
    ]);
    // Unticking says anyone holding the link can open them.
    await app.locator('[data-role="require-auth"]').uncheck();
    await app.waitForSelector('[data-role="audience"][data-state="anyone"]');
    await app.locator('[data-role="require-auth"]').check();
    await app.waitForSelector('[data-role="audience"][data-state="ready"]');

    const link = await sendOne(app, page);
    assert.deepEqual(await recipientsOf(stack, link), [
      "agent@example.com",
      "bea@example.com",
      "carl@example.com",
      "rita@example.com",
    ]);
    // A CC, signed in as themselves, opens the package; someone else is refused.
    const carl = await stack.createUserClient("carl@example.com");
    assert.equal((await openPackage(carl, link)).files[0].fileName, "report.pdf");
    const stranger = await stack.createUserClient("stranger@example.com");
    await assert.rejects(
      openPackage(stranger, link),
      (error: unknown) => error instanceof ApiError && error.code === "PERMISSION_DENIED",
    );
    await page.close();

    // "Add all agents as recipients": every agent and admin, from three pages of the users API,
    // instead of the assignee.
    const usersPages: string[] = [];
    context.on("request", (request) => {
      if (request.url().includes("/agent/api/v2/users.json")) usersPages.push(request.url());
    });
    const second = await openTicket(
      context,
      stack,
      ticket.id,
      "?all_agents_as_recipients=true",
    );
    await second.app.waitForSelector('[data-role="audience"][data-state="ready"]');
    assert.deepEqual(await audience(second.app), [
      "Rita Requester|rita@example.com|requester",
      "Carl Colleague|carl@example.com|cc",
      "Bea Agent|bea@example.com|follower",
      "Alex Agent|agent@example.com|agent",
      "Cem Admin|cem@example.com|agent",
      "Dora Agent|dora@example.com|agent",
      "Eli Agent|eli@example.com|agent",
    ]);
    assert.ok(usersPages.length >= 3, `pages read: ${usersPages.join(" ")}`);
    const everyone = await sendOne(second.app, second.page);
    assert.deepEqual(await recipientsOf(stack, everyone), [
      "agent@example.com",
      "bea@example.com",
      "carl@example.com",
      "cem@example.com",
      "dora@example.com",
      "eli@example.com",
      "rita@example.com",
    ]);
    const dora = await stack.createUserClient("dora@example.com");
    assert.equal((await openPackage(dora, everyone)).files[0].fileName, "report.pdf");
    await context.close();
  } finally {
    await stack.close();
  }
});

Deno.test("a recipient without an email is named, and nothing is sent", async () => {
  const stack = await startStack();
  try {
    const ticket = await stack.tickets.createTicket({
      subject: "Phone only CC",
      description: "Send it to my manager too.",
      requester: { name: "Rita Requester", email: "rita@example.com" },
      ccs: [{ name: "Manfred Phoneonly", email: "" }],
    });
    const context = await stack.newContext();
    const packageCalls: string[] = [];
    context.on("request", (request) => {
      if (request.url().startsWith(`${stack.serviceUrl}/api/v2.0/package/`)) {
        packageCalls.push(`${request.method()} ${request.url()}`);
      }
    });
    const { page, app } = await openTicket(context, stack, ticket.id);
    await app.waitForSelector('[data-role="audience"][data-state="missing-email"]');
    const warning = await app.locator('[data-role="missing-email"]').textContent();
    assert.match(warning ?? "", /Manfred Phoneonly/);
    assert.match(warning ?? "", /cannot verify themselves/);

    await app.locator('[data-role="file-input"]').setInputFiles({
      name: "secret.txt",
      mimeType: "text/plain",
      buffer: Buffer.from("for everyone"),
    });
    await app.waitForSelector('[data-role="send-status"].error');
    const status = await app.locator('[data-role="send-status"]').textContent();
    assert.match(status ?? "", /^Nothing was sent\. .*Manfred Phoneonly/);
    assert.deepEqual(packageCalls, [], "no package was created");
    assert.equal(await page.locator("#reply-text").inputValue(), "");

    // Without "Require authentication" the link needs no email: the same files go out.
    await app.locator("button", { hasText: "Discard" }).click();
    await app.locator('[data-role="require-auth"]').uncheck();
    const link = await sendOne(app, page);
    const anonymous = new SendSafelyClient({
      host: stack.serviceUrl,
      credentials: { session: true },
    });
    assert.equal((await openPackage(anonymous, link)).files[0].fileName, "report.pdf");
    await context.close();
  } finally {
    await stack.close();
  }
});
