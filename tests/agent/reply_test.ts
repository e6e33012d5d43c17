/// <reference lib="dom" />
/**
 * The reply side of "Send files" in headless Chromium, against the sandbox's agent view: the link
 * goes into the reply labelled as the Help Center labels it (no leading blank line in an empty
 * reply), the sidebar forgets the sent batch once the reply goes out (`ticket.submit.done`, or
 * the link showing up in the ticket's comments),
 * the sidebar's times read as the conversation's, and showing the apps pane again
 * (`app.activated`) makes the app read the ticket again.
 */
import assert from "node:assert/strict";
import { Buffer } from "node:buffer";
import { findLinks } from "../../src/link.ts";
import en from "../../agent/assets/locales/en.json" with { type: "json" };
import { replyAddition } from "../../agent/send_view.ts";
import widgetEn from "../../helpcenter/messages.ts";
import { LOCALES } from "../../ui/i18n.ts";
import { openTicket, startStack } from "./_stack.ts";

const LINK_LABEL = widgetEn["link.label"];

Deno.test("the reply's link label is the Help Center's in every locale", async () => {
  assert.equal(en["send.replyLabel"], LINK_LABEL);
  for (const locale of LOCALES.filter((locale) => locale !== "en")) {
    const agent = JSON.parse(
      await Deno.readTextFile(
        new URL(`../../agent/assets/locales/${locale}.json`, import.meta.url),
      ),
    );
    const widget = (await import(`../../helpcenter/translations/${locale}.ts`)).default;
    assert.equal(agent["send.replyLabel"], widget["link.label"], locale);
  }
});

Deno.test("the reply's link label comes after a blank line only when there is text", () => {
  const link = "https://padlock.example.com/receive/?thread=A&packageCode=B#keyCode=C";
  assert.equal(replyAddition("", link), `${LINK_LABEL} ${link}\n`);
  assert.equal(replyAddition("<p><br></p>", link), `${LINK_LABEL} ${link}\n`);
  assert.equal(replyAddition("Here you are", link), `\n\n${LINK_LABEL} ${link}\n`);
  assert.equal(replyAddition("Here you are\n", link), `\n${LINK_LABEL} ${link}\n`);
});

Deno.test("agent reply: labelled link, sidebar cleared when the reply goes out, same times, rescan on app.activated", async () => {
  const stack = await startStack();
  try {
    const ticket = await stack.tickets.createTicket({
      subject: "Send me the report",
      description: "Could you send the report?",
      requester: { name: "Rita Requester", email: "requester@example.com" },
    });
    const context = await stack.newContext();
    const { page, app } = await openTicket(context, stack, ticket.id);
    const send = async (name: string) => {
      await app.locator('[data-role="require-auth"]').uncheck();
      await app.locator('[data-role="file-input"]').setInputFiles({
        name,
        mimeType: "text/plain",
        buffer: Buffer.from(`contents of ${name}`),
      });
      await app.waitForSelector('[data-role="send-status"].success');
    };

    // An empty reply gets the labelled link and no leading blank line.
    await send("first.txt");
    const first = await page.locator("#reply-text").inputValue();
    const [firstLink] = findLinks(first);
    assert.equal(first, `${LINK_LABEL} ${firstLink}\n`);
    assert.equal(await app.locator(".upload-list li").count(), 1);

    // The reply goes out: the sidebar drops the sent batch's report and file row.
    await page.locator("#submit-reply").click();
    await app.locator('[data-role="send-status"]').waitFor({ state: "hidden" });
    assert.equal(await app.locator(".upload-list li").count(), 0);
    assert.equal(await page.locator("#reply-text").inputValue(), "");

    // A reply with text: the link comes after a blank line.
    await page.locator("#reply-text").fill("Here is the second file.");
    await send("second.txt");
    const second = await page.locator("#reply-text").inputValue();
    const [secondLink] = findLinks(second);
    assert.equal(second, `Here is the second file.\n\n${LINK_LABEL} ${secondLink}\n`);
    // Not submitted: the report stays.
    assert.equal(await app.locator('[data-role="send-status"]').isVisible(), true);

    // The sidebar's time of the first link is the conversation's time of its comment.
    const group = app.locator('[data-role="link-group"]').first();
    await group.waitFor();
    const groupMeta = await group.locator(".group-meta").innerText();
    const commentMeta = await page.locator("#conversation li.agent .meta").first().innerText();
    const when = commentMeta.split(" · ")[1];
    assert.ok(when && groupMeta.endsWith(when), `${groupMeta} | ${commentMeta}`);

    // The link reaches the ticket another way (no ticket.submit.done): the comment event clears it.
    await stack.tickets.addComment(ticket.id, {
      authorName: "Alex Agent",
      authorEmail: "agent@example.com",
      role: "agent",
      html: `<p>${LINK_LABEL} <a href="${secondLink}">${secondLink}</a></p>`,
      public: true,
    });
    await app.locator('[data-role="send-status"]').waitFor({ state: "hidden" });
    assert.equal(await app.locator(".upload-list li").count(), 0);

    // Shown again, the app reads the ticket again (Zendesk's app.activated); nothing else changed.
    await page.evaluate(() => {
      const counter = globalThis as unknown as { commentReads: number };
      counter.commentReads = 0;
      globalThis.addEventListener("message", (event) => {
        if (typeof event.data === "string" && event.data.includes('"ticket.comments"')) {
          counter.commentReads++;
        }
      });
    });
    await page.waitForTimeout(500);
    const before = await page.evaluate(() =>
      (globalThis as unknown as { commentReads: number }).commentReads
    );
    await page.locator("#toggle-apps").click();
    assert.equal(await page.locator("#apps-pane").isHidden(), true);
    await page.locator("#toggle-apps").click();
    await page.waitForFunction(
      (count) => (globalThis as unknown as { commentReads: number }).commentReads > count,
      before,
    );
    await context.close();
  } finally {
    await stack.close();
  }
});
