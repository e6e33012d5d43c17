/// <reference lib="dom" />
/**
 * The sidebar in the agent's Zendesk language (ZAF `currentUser.locale`), in real Chromium: a
 * `ja` agent sees the sign-in view and the files view in Japanese, with Japanese dates and
 * plurals, and the frame says `lang="ja"`; in the pseudo-locale no visible text or accessible
 * name of the sidebar is left untranslated, signed out, pairing, signed in with files, sent, on
 * a ticket without files, and after a failed send; sending to a German requester (ZAF `ticket.requester.locale`) from a Japanese agent's
 * app, the requester's verification code is mailed in German.
 */
import assert from "node:assert/strict";
import { Buffer } from "node:buffer";
import type { Frame } from "playwright-core";
import { AGENT, dropFiles, openTicket, randomBytes, startStack } from "./_stack.ts";
import { untranslated, visibleTexts } from "../_helpers/visible_text.ts";
import { findLinks } from "../../src/link.ts";
import { listOutbox } from "../../server/mail/outbox.ts";
import { linkProof, Visitor, waitFor } from "../portal/_helpers.ts";

Deno.test("a ja agent: the sidebar speaks Japanese", async () => {
  const stack = await startStack();
  try {
    const link = await dropFiles(stack, [{ name: "報告書.bin", bytes: randomBytes(1_500) }]);
    const ticket = await stack.tickets.createTicket({
      subject: "ファイル",
      description: `Secure Link: ${link}`,
      requester: { name: "山田 花子", email: "requester@example.com" },
    });
    const signedOut = await stack.newContext({ signedIn: false });
    const { app: outApp } = await openTicket(signedOut, stack, ticket.id, "?locale=ja");
    await outApp.waitForSelector('[data-role="login"]');
    assert.equal(await outApp.locator('[data-role="login"]').innerText(), "ログイン");
    assert.equal(await outApp.locator("h2").first().innerText(), "Padlock にサインイン");
    assert.equal(await outApp.evaluate(() => document.documentElement.lang), "ja");
    await signedOut.close();

    const context = await stack.newContext();
    const { app } = await openTicket(context, stack, ticket.id, "?locale=ja");
    await app.waitForSelector('[data-role="file"]:has-text("報告書.bin")');
    assert.equal(await app.locator("#files-title").innerText(), "このチケットのファイル");
    assert.equal(
      await app.locator('[data-role="files-status"]').innerText(),
      "このチケットにはセキュアリンクが1件あります。",
    );
    assert.equal(await app.locator('[data-role="send"]').innerText(), "ファイルを安全に送信");
    assert.match(
      await app.locator('[data-role="account"]').innerText(),
      new RegExp(`${AGENT.email.replace(/\./g, "\\.")} としてサインイン中`),
    );
    // Intl's Japanese date (年/月/日) in the link's line; the size with the catalogue's unit.
    assert.match(await app.locator(".group-meta").innerText(), /\d{4}年\d{1,2}月\d{1,2}日/);
    assert.equal(await app.locator(".file-meta").innerText(), "1.5 KB");
    await context.close();
  } finally {
    await stack.close();
  }
});

async function check(app: Frame, state: string, data: string[]): Promise<void> {
  const texts = await visibleTexts(app as never, "#app");
  assert.ok(texts.length > 1, `the sidebar's texts when ${state}: ${JSON.stringify(texts)}`);
  const left = untranslated(texts, data);
  assert.deepEqual(left, [], `untranslated when ${state}: ${JSON.stringify(left)}`);
}

Deno.test("the sidebar in the pseudo-locale: no text left untranslated, in every state", async () => {
  const stack = await startStack();
  try {
    const link = await dropFiles(stack, [{ name: "report.bin", bytes: randomBytes(1_500) }]);
    const ticket = await stack.tickets.createTicket({
      subject: "Files",
      description: `Secure Link: ${link}`,
      requester: { name: "Rita Requester", email: "requester@example.com" },
    });
    // Names and addresses are data (the recipients' list shows the requester and the assignee).
    const data = [
      "report.bin",
      "Rita Requester",
      "requester@example.com",
      "Alex Agent",
      AGENT.email,
      "agent@example.com",
    ];

    const signedOut = await stack.newContext({ signedIn: false });
    const { app: outApp } = await openTicket(signedOut, stack, ticket.id, "?locale=en-XA");
    await outApp.waitForSelector('[data-role="login"]');
    await check(outApp, "signed out", data);
    const tab = signedOut.waitForEvent("page");
    await outApp.locator('[data-role="login"]').click();
    await (await tab).close();
    const userCode = await outApp.locator('[data-role="user-code"]').innerText();
    await check(outApp, "pairing", [...data, userCode]);
    await signedOut.close();

    const context = await stack.newContext();
    const { app } = await openTicket(context, stack, ticket.id, "?locale=en-XA");
    await app.waitForSelector('[data-role="file"]:has-text("report.bin")');
    // The date is data written by Intl (digits and a month name), not a message.
    const when = await app.locator(".group-meta").innerText();
    const date = /· (.*?)⟧?$/.exec(when)?.[1] ?? "";
    assert.match(date, /2\d{3}/, when);
    await check(app, "signed in with files", [...data, date]);

    const input = app.locator('[data-role="file-input"]');
    await input.setInputFiles({
      name: "outgoing.txt",
      mimeType: "text/plain",
      buffer: Buffer.from("hello"),
    });
    await app.waitForSelector('[data-role="send-status"].success', { timeout: 30_000 });
    await check(app, "sent", [...data, date, "outgoing.txt"]);

    // A ticket without files, and a send that fails (the service away when it finalizes).
    const empty = await stack.tickets.createTicket({
      subject: "Nothing",
      description: "No files here",
      requester: { name: "Rita Requester", email: "requester@example.com" },
    });
    await context.route(
      `${stack.serviceUrl}/api/v2.0/package/*/finalize/`,
      (route) => route.abort("connectionreset"),
    );
    const { app: emptyApp } = await openTicket(context, stack, empty.id, "?locale=en-XA");
    await emptyApp.waitForSelector('[data-role="files-status"]');
    await check(emptyApp, "a ticket without files", data);
    await emptyApp.locator('[data-role="file-input"]').setInputFiles({
      name: "failing.txt",
      mimeType: "text/plain",
      buffer: Buffer.from("hello"),
    });
    await emptyApp.waitForSelector('[data-role="retry"]', { timeout: 30_000 });
    await check(emptyApp, "a send that failed", [...data, "failing.txt"]);
    await context.close();
  } finally {
    await stack.close();
  }
});

Deno.test("sending to a German requester: the code's mail is in German, the agent's app in Japanese", async () => {
  const stack = await startStack();
  try {
    const requester = "kunde@example.com";
    const ticket = await stack.tickets.createTicket({
      subject: "Vertrag",
      description: "Bitte senden Sie mir den Vertrag.",
      // Zendesk's requester locale, as ZAF's ticket.requester gives it.
      requester: { name: "Karl Kunde", email: requester, locale: "de" },
    });
    const context = await stack.newContext();
    const { page, app } = await openTicket(context, stack, ticket.id, "?locale=ja");
    await app.locator('[data-role="require-auth"]').waitFor();
    assert.equal(await app.locator('[data-role="require-auth"]').isChecked(), true);
    await app.locator('[data-role="file-input"]').setInputFiles({
      name: "vertrag.txt",
      mimeType: "text/plain",
      buffer: Buffer.from("Vertrag"),
    });
    await app.waitForSelector('[data-role="send-status"].success', { timeout: 30_000 });
    const [link] = findLinks(await page.locator("#reply-text").inputValue());
    assert.ok(link, "the Secure Link is in the reply");

    // The requester's browser says English; the mail still comes in the requester's language.
    const visitor = new Visitor(stack.serviceUrl);
    const { csrf } = await visitor.page("/receive/");
    const { packageCode, checksum } = await linkProof(link);
    const answer = await visitor.fetch("/portal/api/code", {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        "X-CSRF-Token": csrf,
        Origin: stack.serviceUrl,
        "Accept-Language": "en-US",
      },
      body: JSON.stringify({ packageCode, checksum, email: requester }),
    });
    assert.equal((await answer.json()).response, "SUCCESS");
    const mail = await waitFor(
      async () => (await listOutbox(stack.dataDir)).find((mail) => mail.to === requester),
      "the code's mail",
    );
    assert.match(mail.subject, /Ihr Bestätigungscode/);
    assert.match(mail.text, /\b\d{6}\b/);
    await context.close();
  } finally {
    await stack.close();
  }
});
