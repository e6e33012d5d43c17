import assert from "node:assert/strict";
import { createTicketStore, textToHtml, TicketNotFoundError } from "../../sandbox/tickets.ts";
import { htmlToText } from "../../sandbox/helpcenter/html.ts";
import { safeBody } from "../../sandbox/helpcenter/pages.ts";

Deno.test("tickets: created, read, commented and kept in their file", async () => {
  const dir = await Deno.makeTempDir({ prefix: "padlock-tickets-" });
  try {
    const path = `${dir}/sub/tickets.json`;
    const store = await createTicketStore({ path });
    const ticket = await store.createTicket({
      subject: "Help",
      description: "Line one\nhttps://x.example/receive/?packageCode=a#keyCode=b",
      requester: { name: "C", email: "c@example.com" },
      formId: "360001",
    });
    assert.equal(ticket.id, 1);
    assert.equal(ticket.descriptionMimetype, "text/plain");
    assert.equal(
      ticket.comments[0].html,
      '<p>Line one<br><a href="https://x.example/receive/?packageCode=a#keyCode=b" ' +
        'rel="noreferrer">https://x.example/receive/?packageCode=a#keyCode=b</a></p>',
    );
    const comment = await store.addComment(1, {
      authorName: "Agent",
      authorEmail: "agent@example.com",
      role: "agent",
      html: "<p>Hi</p>",
      public: true,
    });
    assert.equal(comment.id, 2);
    const reopened = await createTicketStore({ path });
    const again = await reopened.getTicket(1);
    assert.equal(again.comments.length, 2);
    assert.equal((await reopened.listTickets()).length, 1);
    await assert.rejects(() => reopened.getTicket(7), TicketNotFoundError);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("tickets: user text and HTML are shown through escaping only", () => {
  assert.equal(
    textToHtml('<script>alert("x")</script>'),
    "<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</p>",
  );
  const html = "<p>Hi <b>there</b> &amp; <img src=x onerror=alert(1)></p><script>bad()</script>" +
    '<p><a href="javascript:alert(1)">click</a> https://s.example/receive/?a=1&amp;packageCode=p#keyCode=k</p>';
  assert.equal(
    htmlToText(html),
    "Hi there & \n\nclick https://s.example/receive/?a=1&packageCode=p#keyCode=k",
  );
  const body = safeBody(html).value;
  assert.ok(!body.includes("<img") && !body.includes("<script") && !body.includes("javascript:"));
  assert.ok(
    body.includes(
      '<a href="https://s.example/receive/?a=1&amp;packageCode=p#keyCode=k" rel="noreferrer" ' +
        'target="_blank">',
    ),
  );
});
