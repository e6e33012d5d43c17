/**
 * One agent reading another's package, through every read endpoint of the API: a package sent to
 * named recipients ("Require authentication"), a package dropped into a dropzone the reader is
 * not allowed on, and a draft. Every call is refused, and no answer carries anything of the
 * package: not its file names, message, server secret, packageCode or recipients, even when the
 * reader somehow holds the checksum of its link.
 */
import assert from "node:assert/strict";
import { SendSafelyClient } from "../../src/api.ts";
import { checksum as linkChecksum } from "../../src/keys.ts";
import { parseLink } from "../../src/link.ts";
import { uploadFiles } from "../../src/upload.ts";
import {
  addAgent,
  agentCall,
  type Answer,
  dropzoneCall,
  sessionCall,
  signedCall,
  withService,
} from "../server/_helpers.ts";

const SECRET_NAME = "salaries-2026.xlsx";
const SECRET_MESSAGE = "the message of the package";

Deno.test("an agent cannot read another agent's package through any read endpoint", async () => {
  await withService(async (service) => {
    const owner = new SendSafelyClient({ host: service.server.url, credentials: service.agent });
    const blob = new Blob([new Uint8Array(5000).fill(7)]);
    // 1. Sent to a named recipient (not undisclosed), with a message.
    const sent = await uploadFiles(owner, [{ blob, name: SECRET_NAME }], {
      undisclosed: false,
      recipients: ["rita@example.com"],
      message: SECRET_MESSAGE,
    });
    // 2. Dropped into the owner's dropzone (the reader is not allowed on it).
    const dropper = new SendSafelyClient({
      host: service.server.url,
      credentials: { dropzoneId: service.dropzoneId },
    });
    const dropped = await uploadFiles(dropper, [{ blob, name: SECRET_NAME }], {
      undisclosed: false,
      unconfirmedSender: "requester@example.com",
    });
    // 3. A draft with a stored key-escrow entry and a recipient.
    const draft = (await agentCall(service, "PUT", "/package/", {})).body;
    const draftId = draft.packageId as string;
    const draftFile = (await agentCall(service, "PUT", `/package/${draftId}/file/`, {
      filename: encodeURI(SECRET_NAME),
      parts: 1,
      filesize: 10,
    })).body.fileId as string;
    const recipient = (await agentCall(service, "PUT", `/package/${draftId}/recipient/`, {
      email: "rita@example.com",
    })).body.recipientId as string;
    assert.equal(
      (await agentCall(service, "PUT", `/package/${draftId}/link/device1/`, {
        keycode: "-----BEGIN PGP MESSAGE-----\nescrowed",
      })).body.response,
      "SUCCESS",
    );

    const mallory = await addAgent(service, "mallory@example.com");
    const as = (method: string, path: string, body?: unknown) =>
      signedCall(service, mallory, method, path, body);
    const secrets = [SECRET_NAME, encodeURI(SECRET_NAME), SECRET_MESSAGE, "rita@example.com"];
    const refusedWithoutLeak = (answer: Answer, what: string, codes = ["PERMISSION_DENIED"]) => {
      assert.ok(
        codes.includes(answer.body.response as string),
        `${what}: ${JSON.stringify(answer.body)}`,
      );
      const text = JSON.stringify(answer.body);
      for (const secret of secrets) assert.ok(!text.includes(secret), `${what} leaks ${secret}`);
      return text;
    };

    let calls = 0;
    for (const link of [sent.link, dropped.link]) {
      const parsed = parseLink(link);
      const info = (await agentCall(service, "GET", `/package/${parsed.packageCode}/`)).body;
      const packageId = info.packageId as string;
      const fileId = (info.files as { fileId: string }[])[0].fileId;
      const serverSecret = info.serverSecret as string;
      // Mallory even holds the checksum (as if the link had leaked without its recipients' mail).
      const checksum = await linkChecksum(parsed.keyCode, parsed.packageCode);
      for (
        const [method, path, body] of [
          ["GET", `/package/${packageId}/`],
          ["GET", `/package/${parsed.packageCode}/`],
          ["GET", `/package/${packageId}/file/${fileId}/`],
          ["POST", `/package/${packageId}/file/${fileId}/download-urls/`, { checksum }],
          ["POST", `/package/${packageId}/file/${fileId}/download-urls/`, {
            checksum,
            startSegment: 1,
            endSegment: 1,
          }],
          ["GET", `/package/${packageId}/message/${checksum}`],
          ["GET", `/package/${packageId}/link/device1/`],
          ["GET", `/package/${packageId}/public-keys/`],
          ["GET", `/package/${packageId}/${recipient}/public-keys/`],
          ["POST", `/package/${packageId}/file/${fileId}/upload-urls/`, { part: 1 }],
          ["POST", `/package/${packageId}/file/${fileId}/upload-complete/`, {}],
        ] as const
      ) {
        const answer = await as(method, path, body);
        const text = refusedWithoutLeak(answer, `${method} ${path}`);
        assert.ok(!text.includes(serverSecret), `${method} ${path} leaks the server secret`);
        calls++;
      }
      // Anonymous (session) callers with the packageCode are refused too: it needs a recipient.
      const anonymous = await sessionCall(service, "GET", `/package/${parsed.packageCode}/`);
      refusedWithoutLeak(anonymous, "anonymous by packageCode", [
        "PERMISSION_DENIED",
        "AUTHENTICATION_FAILED",
      ]);
      const anonymousUrls = await sessionCall(
        service,
        "POST",
        `/package/${packageId}/file/${fileId}/download-urls/`,
        { checksum },
      );
      refusedWithoutLeak(anonymousUrls, "anonymous download URLs");
    }

    // The draft: every read, and the recipient and escrow entries.
    for (
      const [method, path] of [
        ["GET", `/package/${draftId}/`],
        ["GET", `/package/${draft.packageCode}/`],
        ["GET", `/package/${draftId}/file/${draftFile}/`],
        ["GET", `/package/${draftId}/recipient/${recipient}/`],
        ["GET", `/package/${draftId}/link/device1/`],
        ["GET", `/package/${draftId}/public-keys/`],
        ["GET", `/package/${draftId}/${recipient}/public-keys/`],
      ] as const
    ) {
      const answer = await as(method, path);
      refusedWithoutLeak(answer, `${method} ${path}`);
      assert.ok(!JSON.stringify(answer.body).includes("escrowed"));
      calls++;
    }
    // A dropzone id is public: it cannot read a package either, not even its own drop once sent.
    const droppedId =
      (await agentCall(service, "GET", `/package/${parseLink(dropped.link).packageCode}/`)).body
        .packageId;
    refusedWithoutLeak(
      await dropzoneCall(service, "GET", `/package/${droppedId}/`),
      "dropzone read",
    );
    refusedWithoutLeak(
      await dropzoneCall(service, "GET", `/package/${draftId}/`),
      "dropzone read of a draft",
    );

    // The lists show Mallory nothing of the owner's.
    for (const path of ["/package/", "/package/received/", "/package/archived/"]) {
      const answer = await as("GET", path);
      assert.equal(answer.body.response, "SUCCESS");
      assert.deepEqual(answer.body.packages, [], `${path} lists another agent's package`);
    }
    assert.ok(calls >= 25);
    // The owner still reads everything.
    assert.equal(
      (await agentCall(service, "GET", `/package/${draftId}/`)).body.response,
      "SUCCESS",
    );
  });
});
