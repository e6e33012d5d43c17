/**
 * What the service tells of a new dropzone upload (issue 13): the mail to the dropzone's agents
 * goes once per finalized package, only when the dropzone asks for it, never for an upload that
 * was not finalized, in the language of the agent who requested the files, and without the
 * keyCode (both metadata backends: migration 10); a Zendesk that refuses (401), fails (500) or
 * cannot be reached loses no upload: the note is tried again, and one given up is logged and
 * counted in the metrics.
 */
import assert from "node:assert/strict";
import { generateKeyCode } from "../../src/keys.ts";
import type { SendSafelyClient } from "../../src/api.ts";
import { createPackage, finalizePackage, uploadFile } from "../../src/upload.ts";
import { listOutbox } from "../../server/mail/mod.ts";
import { createTicketStore } from "../../sandbox/tickets.ts";
import { type ZendeskApiCall, zendeskApiRoutes } from "../../sandbox/zendesk_api.ts";
import { clientFor } from "./_clients.ts";
import {
  agentCall,
  backendTest,
  dropzoneCall,
  startTestService,
  testBytes,
  type TestService,
} from "./_helpers.ts";
import { waitFor } from "../portal/_helpers.ts";

/** Drops `name` through a file request of `ticketId` (made in `locale`); returns the keyCode. */
async function requestedUpload(
  service: TestService,
  ticketId: string,
  name: string,
  locale?: string,
): Promise<{ keyCode: string; packageId: string; finalized: boolean }> {
  const made = await agentCall(service, "PUT", "/upload-request/", { ticketId, locale });
  assert.equal(made.body.response, "SUCCESS", JSON.stringify(made.body));
  const token = String(made.body.uploadUrl).split("/upload/")[1];
  const customer = clientFor(service, { dropzoneId: service.dropzoneId });
  const pkg = { ...await createPackage(customer), keyCode: generateKeyCode() };
  const tagged = await dropzoneCall(service, "POST", `/upload-request/package/${pkg.packageId}/`, {
    token,
  });
  assert.equal(tagged.body.response, "SUCCESS");
  await uploadFile(customer, pkg, new Blob([testBytes(1000)]), { name });
  const finalized = await finalizePackage(customer, pkg, { undisclosed: false }).then(
    () => true,
    () => false,
  );
  return { keyCode: pkg.keyCode, packageId: pkg.packageId, finalized };
}

async function setNotify(service: TestService, notifyUploads: boolean): Promise<void> {
  const dropzone = (await service.server.accounts.findDropzone(service.dropzoneId))!;
  await service.server.accounts.setDropzoneSettings(service.dropzoneId, {
    ...dropzone.settings,
    notifyUploads,
  });
}

backendTest(
  "upload notice mails: once per finalized package, only when asked, no key",
  async (backend) => {
    const service = await startTestService({ backend });
    try {
      const customer: SendSafelyClient = clientFor(service, { dropzoneId: service.dropzoneId });
      // Off (the default): a finalized upload mails nobody.
      const quiet = await requestedUpload(service, "7", "quiet.txt");
      assert.ok(quiet.finalized);

      await setNotify(service, true);
      // An upload never finalized (the customer left): no mail.
      const left = { ...await createPackage(customer), keyCode: generateKeyCode() };
      await uploadFile(customer, left, new Blob([testBytes(500)]), { name: "left.txt" });

      // A file request made by a German-speaking agent: the mail is in German, names the ticket.
      const requested = await requestedUpload(service, "42", "rechnung.pdf", "de-DE");
      assert.ok(requested.finalized);
      const mails = await waitFor(
        async () =>
          (await listOutbox(service.dataDir)).length >= 1
            ? await listOutbox(service.dataDir)
            : undefined,
        "the notice mail",
      );
      // A retried finalize is refused and mails nothing more.
      const again = await dropzoneCall(
        service,
        "POST",
        `/package/${requested.packageId}/finalize/`,
        {
          checksum: "0".repeat(64),
        },
      );
      assert.notEqual(again.body.response, "SUCCESS");

      await new Promise((resolve) => setTimeout(resolve, 300));
      const all = await listOutbox(service.dataDir);
      assert.equal(all.length, 1, all.map((mail) => mail.subject).join(" | "));
      const [mail] = mails;
      assert.equal(mail.to, service.agent.email);
      assert.equal(mail.subject, "Neue Dateien für Ticket #42");
      assert.match(
        mail.text,
        /1 Datei wurde in Ihren Ablagebereich von Padlock hochgeladen:\n- rechnung\.pdf/,
      );
      assert.match(mail.text, /Upload-Link von Ticket #42/);
      assert.match(mail.text, new RegExp(`\nPaket ${requested.packageId}\n`));
      assert.ok(!mail.text.includes(requested.keyCode), "no keyCode in the mail");
    } finally {
      await service.close();
    }
  },
);

/** A sandbox Zendesk API on its own port, with a ticket #1 and a status to fail with. */
async function startZendesk() {
  const tickets = await createTicketStore();
  await tickets.createTicket({
    subject: "Logs",
    description: "Please look.",
    requester: { name: "Rita", email: "rita@example.com" },
  });
  const calls: ZendeskApiCall[] = [];
  const failures: number[] = [];
  const routes = zendeskApiRoutes({
    tickets,
    email: "bot@example.com",
    apiToken: "right-token",
    calls,
    failWith: () => failures.shift(),
  });
  const server = Deno.serve(
    { port: 0, hostname: "127.0.0.1", onListen() {} },
    async (request) => await routes(request) ?? new Response("Not found", { status: 404 }),
  );
  return { url: `http://127.0.0.1:${server.addr.port}`, tickets, calls, failures, server };
}

Deno.test("a failing Zendesk loses no upload: the note is retried, or logged and counted", async () => {
  const zendesk = await startZendesk();
  const closed = Deno.listen({ port: 0, hostname: "127.0.0.1" });
  const unreachable = `http://127.0.0.1:${(closed.addr as Deno.NetAddr).port}`;
  closed.close();
  const services: TestService[] = [];
  const start = async (zendeskBaseUrl: string, zendeskApiToken: string) => {
    const service = await startTestService({
      zendeskBaseUrl,
      zendeskEmail: "bot@example.com",
      zendeskApiToken,
      zendeskRetryDelaysMs: [50, 50],
      metricsToken: "metrics-token-1",
    });
    services.push(service);
    return service;
  };
  const failures = (service: TestService) =>
    service.logs.filter((entry) => entry.detail?.what === "zendesk note not added");
  try {
    // A 500 first: the upload succeeds, the note is added at the next try.
    const flaky = await start(zendesk.url, "right-token");
    zendesk.failures.push(500);
    const first = await requestedUpload(flaky, "1", "first.log");
    assert.ok(first.finalized, "the customer sees success");
    await waitFor(() => zendesk.calls.find((call) => call.status === 200), "the retried note");
    assert.deepEqual(zendesk.calls.map((call) => call.status), [500, 200]);
    const note = (await zendesk.tickets.getTicket(1)).comments.find((c) => !c.public);
    assert.match(note?.html ?? "", /first\.log/);
    assert.ok(!note!.html.includes(first.keyCode));
    assert.deepEqual(failures(flaky), []);

    // A wrong token (401 each time) and a Zendesk out of reach: the uploads stay, listed on the
    // ticket; each note is given up after its tries, logged and counted.
    for (
      const [url, token, status] of [
        [zendesk.url, "wrong-token", 401],
        [unreachable, "right-token", "unreachable"],
      ] as const
    ) {
      const service = await start(url, token);
      const before = zendesk.calls.length;
      const upload = await requestedUpload(service, "1", "second.log");
      assert.ok(upload.finalized, "the customer sees success");
      const [logged] = await waitFor(
        () => failures(service).length > 0 ? failures(service) : undefined,
        "the log",
      );
      assert.equal(logged.event, "error");
      assert.deepEqual(logged.detail, { what: "zendesk note not added", ticketId: "1", status });
      assert.ok(!JSON.stringify(service.logs).includes(upload.keyCode));
      if (status === 401) {
        assert.deepEqual(zendesk.calls.slice(before).map((call) => call.status), [401, 401, 401]);
      }
      const listed = await agentCall(service, "GET", "/ticket/1/packages/");
      assert.equal((listed.body.packages as unknown[]).length, 1);
      const metrics = await (await fetch(`${service.server.url}/metrics`, {
        headers: { authorization: "Bearer metrics-token-1" },
      })).text();
      assert.match(metrics, /^padlock_zendesk_note_failures_total 1$/m);
    }
    assert.equal((await zendesk.tickets.getTicket(1)).comments.filter((c) => !c.public).length, 1);
  } finally {
    for (const service of services) await service.close();
    await zendesk.server.shutdown();
  }
});
