/**
 * The widget's attachment session without a browser, against the real service: one package for
 * every file, removal deletes the record, a failed upload blocks finalizing with a message, and
 * finalizing twice gives the same link.
 */
import assert from "node:assert/strict";
import { SendSafelyClient } from "../../src/api.ts";
import { openPackage } from "../../src/download.ts";
import { findLinks } from "../../src/link.ts";
import { AttachmentSession, AttachmentsNotReadyError } from "../../helpcenter/attachments.ts";
import { startServer } from "../../server/mod.ts";
import { fakeClient, startFakeService } from "../src/_fake_service.ts";
import { useLocale } from "../../helpcenter/strings.ts";

// The widget loads its words before it shows anything; the session alone speaks once loaded.
await useLocale("en");

async function withService(
  fn: (context: { url: string; dropzoneId: string; reader: SendSafelyClient }) => Promise<void>,
): Promise<void> {
  const dataDir = await Deno.makeTempDir({ prefix: "padlock-attachments-" });
  const service = await startServer({ port: 0, dataDir, log: () => {}, sweepIntervalMs: 0 });
  try {
    const user = await service.accounts.createUser({
      email: "owner@example.com",
      password: "a long enough password",
    });
    const { apiKey, apiSecret } = await service.accounts.createApiKey(user.id, "test");
    const { dropzoneId } = await service.accounts.createDropzone(user.id, {
      allowedUserIds: [user.id],
    });
    const reader = new SendSafelyClient({ host: service.url, credentials: { apiKey, apiSecret } });
    await fn({ url: service.url, dropzoneId, reader });
  } finally {
    await service.close();
    await Deno.remove(dataDir, { recursive: true });
  }
}

Deno.test("attachments: files go into one package; a removed file is not in it", async () => {
  await withService(async ({ url, dropzoneId, reader }) => {
    const changes: string[] = [];
    const session = new AttachmentSession({
      client: new SendSafelyClient({ host: url, credentials: { dropzoneId } }),
      onChange: (attachment) => attachment && changes.push(attachment.status),
    });
    const keep = session.add(new Blob(["keep me"]), "keep.txt");
    const drop = session.add(new Blob(["drop me"]), "drop.txt");
    await session.settled();
    assert.equal(keep.status, "uploaded");
    await session.remove(drop.id);
    assert.deepEqual(session.attachments.map((a) => a.name), ["keep.txt"]);
    const link = await session.finalize({ unconfirmedSender: "customer@example.com" });
    assert.ok(link);
    assert.deepEqual(findLinks(link), [link]);
    assert.equal(await session.finalize(), link, "finalizing again gives the same link");
    assert.ok(session.finalized);
    assert.throws(() => session.add(new Blob(["late"]), "late.txt"));
    const pkg = await openPackage(reader, link);
    assert.deepEqual(pkg.files.map((file) => file.fileName), ["keep.txt"]);
    assert.ok(changes.includes("uploading") && changes.includes("uploaded"));
  });
});

Deno.test("attachments: with no file there is no link", async () => {
  await withService(async ({ url, dropzoneId }) => {
    const session = new AttachmentSession({
      client: new SendSafelyClient({ host: url, credentials: { dropzoneId } }),
    });
    assert.equal(await session.finalize(), undefined);
  });
});

Deno.test("attachments: an unreachable service fails the file; finalize says which and why", async () => {
  const session = new AttachmentSession({
    client: new SendSafelyClient({
      host: "http://127.0.0.1:9",
      credentials: { dropzoneId: "dz" },
      fetch: () => Promise.reject(new TypeError("connection refused")),
    }),
  });
  const file = session.add(new Blob(["x"]), "report.pdf");
  await session.settled();
  assert.equal(file.status, "failed");
  assert.equal(file.error, "the secure upload service could not be reached");
  const error = await session.finalize().catch((error) => error);
  assert.ok(error instanceof AttachmentsNotReadyError);
  assert.match(error.message, /"report\.pdf" could not be uploaded: the secure upload service/);
  await session.remove(file.id);
  assert.equal(await session.finalize(), undefined);
});

Deno.test("attachments: a package that needs approval still gives its link for the ticket", async () => {
  const service = startFakeService({ needsApproval: true });
  try {
    const session = new AttachmentSession({ client: fakeClient(service, "dropzone") });
    session.add(new Blob(["for the approvers"]), "approve-me.txt");
    const link = await session.finalize({ unconfirmedSender: "customer@example.com" });
    assert.ok(link);
    assert.deepEqual(findLinks(link), [link]);
    assert.ok(session.finalized);
    assert.equal(await session.finalize(), link);
  } finally {
    await service.close();
  }
});
