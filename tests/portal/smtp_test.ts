/**
 * The SMTP path of the portal's mail against a real SMTP server on loopback (`smtp-server`, in
 * tests only): the code mail reaches the recipient with AUTH, and the code in it opens the
 * package; with STARTTLS required and not offered, nothing is sent in clear text.
 */
import assert from "node:assert/strict";
import type { LogEntry } from "../../server/mod.ts";
import { startSmtp } from "../_helpers/smtp.ts";
import { linkProof, startPortalService, Visitor, waitFor } from "./_helpers.ts";

Deno.test("the code mail goes out over SMTP with AUTH and its code opens the package", async () => {
  const smtp = await startSmtp({ offerStartTls: false });
  const service = await startPortalService({
    smtpHost: "127.0.0.1",
    smtpPort: smtp.port,
    smtpUser: "padlock",
    smtpPassword: "smtp secret",
    smtpTls: "none",
    mailFrom: "Padlock <padlock@example.com>",
  });
  try {
    const recipient = "requester@example.com";
    const link = await service.send([{ name: "a.txt", bytes: new Uint8Array([1]) }], {
      recipients: [recipient],
    });
    const proof = await linkProof(link);
    const visitor = new Visitor(service.url);
    const { csrf } = await visitor.page("/receive/");
    const stranger = await visitor.api(
      "/portal/api/code",
      { ...proof, email: "stranger@example.com" },
      csrf,
    );
    assert.equal(stranger.body.response, "SUCCESS");
    const asked = await visitor.api("/portal/api/code", { ...proof, email: recipient }, csrf);
    assert.equal(asked.body.response, "SUCCESS");

    const mail = await waitFor(() => smtp.mails[0], "the SMTP server to receive the mail");
    assert.deepEqual(mail.to, [recipient]);
    assert.equal(mail.from, "padlock@example.com");
    assert.equal(mail.user, "padlock");
    assert.match(mail.raw, /^To: requester@example\.com\r?$/m);
    assert.match(mail.raw, /^Subject: Your Padlock verification code\r?$/m);
    const code = mail.raw.match(/Your verification code is ([0-9]{6})/)?.[1];
    assert.ok(code, mail.raw);
    assert.equal(smtp.mails.length, 1, "no mail for the stranger");
    assert.deepEqual(await service.outbox(), [], "nothing went to the outbox");

    const verified = await visitor.api(
      "/portal/api/verify",
      { ...proof, email: recipient, code, remember: false },
      csrf,
    );
    assert.equal(verified.body.response, "SUCCESS");
    const access = await visitor.api("/portal/api/access", proof, String(verified.body.csrfToken));
    assert.equal(access.body.access, "open");
  } finally {
    await service.close();
    await smtp.close();
  }
});

Deno.test("with STARTTLS required but not offered, no code is sent in clear text", async () => {
  const smtp = await startSmtp({ offerStartTls: false });
  const logs: LogEntry[] = [];
  const service = await startPortalService({
    smtpHost: "127.0.0.1",
    smtpPort: smtp.port,
    log: (entry) => logs.push(entry),
  });
  try {
    const recipient = "requester@example.com";
    const link = await service.send([{ name: "a.txt", bytes: new Uint8Array([1]) }], {
      recipients: [recipient],
    });
    const visitor = new Visitor(service.url);
    const { csrf } = await visitor.page("/receive/");
    const asked = await visitor.api(
      "/portal/api/code",
      { ...await linkProof(link), email: recipient },
      csrf,
    );
    assert.equal(asked.body.response, "SUCCESS");
    const failure = await waitFor(
      () => logs.find((entry) => entry.detail?.what === "mail not delivered"),
      "the delivery failure in the log",
      20_000,
    );
    assert.equal(failure.event, "error");
    assert.equal(failure.errorName, "MailError");
    assert.equal(smtp.mails.length, 0);
    assert.ok(!JSON.stringify(logs).includes(recipient), "the log holds no address");
  } finally {
    await service.close();
    await smtp.close();
  }
});
