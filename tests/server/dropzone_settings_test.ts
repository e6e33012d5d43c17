/**
 * Dropzone settings (issue 13): the service refuses a file of another extension or larger than
 * the dropzone takes, with the SendSafely error shape and a sentence naming what is allowed;
 * tells the widget the rules; gives packages the dropzone's life; and, with Sender Domain
 * Access, lets people of the sender's email domain open the files after verifying their email
 * (and nobody else). The admin CLI sets and lists the settings and refuses bad values.
 */
import assert from "node:assert/strict";
import { ApiError, SendSafelyClient } from "../../src/api.ts";
import { uploadFiles } from "../../src/upload.ts";
import { listOutbox } from "../../server/mail/outbox.ts";
import { linkProof, Visitor, waitFor } from "../portal/_helpers.ts";
import { fields, runAdmin } from "./_process.ts";
import {
  agentCall,
  backendTest,
  dropzoneCall,
  startTestService,
  type TestService,
} from "./_helpers.ts";

const DAY_MS = 86_400_000;

function dropzoneClient(service: TestService): SendSafelyClient {
  return new SendSafelyClient({
    host: service.server.url,
    credentials: { dropzoneId: service.dropzoneId },
  });
}

async function refusal(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    // uploadFiles wraps the service's refusal in an UploadError naming the file.
    const cause = error instanceof Error && !(error instanceof ApiError) ? error.cause : error;
    if (cause instanceof ApiError) return cause;
    throw error;
  }
  throw new Error("The upload was not refused");
}

backendTest(
  "a dropzone refuses other extensions and larger files, and sets the life",
  async (backend) => {
    const service = await startTestService({ backend });
    try {
      await service.server.accounts.setDropzoneSettings(service.dropzoneId, {
        allowedExtensions: ["pdf", "png"],
        maxFileBytes: 1000,
        lifeDays: 3,
        senderDomainAccess: false,
      });
      // What the widget reads before encrypting a file.
      const rules = await dropzoneCall(service, "GET", "/dropzone/rules/");
      assert.equal(rules.body.response, "SUCCESS");
      assert.deepEqual(rules.body.allowedExtensions, ["pdf", "png"]);
      assert.equal(rules.body.maxFileBytes, 1000);
      // Agents' API keys do not reach it.
      assert.equal(
        (await agentCall(service, "GET", "/dropzone/rules/")).body.response,
        "PERMISSION_DENIED",
      );

      const client = dropzoneClient(service);
      const options = { undisclosed: false, unconfirmedSender: "bob@acme.test" };
      const wrongType = await refusal(
        uploadFiles(client, [{ name: "setup.exe", blob: new Blob(["MZ"]) }], options),
      );
      assert.equal(wrongType.code, "INVALID_FILE_EXTENSION");
      assert.match(wrongType.message, /only files ending in \.pdf, \.png: "setup\.exe" is refused/);
      const noExtension = await refusal(
        uploadFiles(client, [{ name: "README", blob: new Blob(["x"]) }], options),
      );
      assert.equal(noExtension.code, "INVALID_FILE_EXTENSION");
      const tooLarge = await refusal(
        uploadFiles(
          client,
          [{ name: "scan.PDF", blob: new Blob([new Uint8Array(1001)]) }],
          options,
        ),
      );
      assert.equal(tooLarge.code, "LIMIT_EXCEEDED");
      assert.match(tooLarge.message, /up to 1000 bytes: "scan\.PDF" has 1001/);

      // A file within the rules goes through (the extension compared without case).
      const started = Date.now();
      const { package: handle } = await uploadFiles(
        client,
        [{ name: "scan.PDF", blob: new Blob([new Uint8Array(1000)]) }],
        options,
      );
      const sent = await agentCall(service, "GET", `/package/${handle.packageId}/`);
      assert.equal(sent.body.life, 3);
      const expires = Date.parse(String(sent.body.expiration));
      assert.ok(Math.abs(expires - (started + 3 * DAY_MS)) < 60_000, String(sent.body.expiration));

      // Cleared, the dropzone takes any file again (the service's own limits stay).
      await service.server.accounts.setDropzoneSettings(service.dropzoneId, {
        allowedExtensions: [],
        senderDomainAccess: false,
      });
      await uploadFiles(client, [{ name: "setup.exe", blob: new Blob(["MZ"]) }], options);
      const cleared = await dropzoneCall(service, "GET", "/dropzone/rules/");
      assert.deepEqual(cleared.body.allowedExtensions, []);
      assert.equal(cleared.body.maxFileBytes, service.server.config.maxFileBytes);
    } finally {
      await service.close();
    }
  },
);

/** The receive page's calls for a link, as a visitor with `email`. */
async function openAs(service: TestService, link: string, email: string) {
  const visitor = new Visitor(service.server.url);
  let { csrf } = await visitor.page("/receive/");
  const proof = await linkProof(link);
  const access = async () => (await visitor.api("/portal/api/access", proof, csrf)).body.access;
  const requestCode = async () =>
    (await visitor.api("/portal/api/code", { ...proof, email }, csrf)).body;
  const verify = async (code: string) => {
    const { body } = await visitor.api("/portal/api/verify", { ...proof, email, code }, csrf);
    // The session is renewed on a grant: so is its CSRF token.
    if (typeof body.csrfToken === "string") csrf = body.csrfToken;
    return body;
  };
  return { access, requestCode, verify };
}

async function codeMailTo(service: TestService, email: string): Promise<string> {
  const mail = await waitFor(
    async () => (await listOutbox(service.dataDir)).find((mail) => mail.to === email),
    `the code's mail to ${email}`,
  );
  return mail.text.match(/\b([0-9]{6})\b/)![1];
}

backendTest(
  "Sender Domain Access: the sender's domain verifies and opens, no one else",
  async (backend) => {
    const service = await startTestService({ backend });
    try {
      const { link } = await uploadFiles(
        dropzoneClient(service),
        [{ name: "invoice.pdf", blob: new Blob(["%PDF"]) }],
        { undisclosed: false, unconfirmedSender: "Bob@Acme.test" },
      );
      // Off (the default): only agents of the dropzone, who sign in; no code is sent.
      const before = await openAs(service, link, "carol@acme.test");
      assert.equal(await before.access(), "signin");
      assert.equal((await before.requestCode()).response, "INVALID_INPUT");

      await service.server.accounts.setDropzoneSettings(service.dropzoneId, {
        allowedExtensions: [],
        senderDomainAccess: true,
      });
      const carol = await openAs(service, link, "carol@acme.test");
      assert.equal(await carol.access(), "verify");
      assert.equal((await carol.requestCode()).response, "SUCCESS");
      const code = await codeMailTo(service, "carol@acme.test");
      assert.equal((await carol.verify(code)).response, "SUCCESS");
      assert.equal(await carol.access(), "open");

      // Another domain gets the same answer to its request, but no mail and no access.
      const eve = await openAs(service, link, "eve@acme.test.evil.example");
      assert.equal((await eve.requestCode()).response, "SUCCESS");
      await new Promise((resolve) => setTimeout(resolve, 300));
      const outbox = await listOutbox(service.dataDir);
      assert.equal(outbox.filter((mail) => mail.to.startsWith("eve@")).length, 0);
      assert.notEqual((await eve.verify("123456")).response, "SUCCESS");
      assert.equal(await eve.access(), "verify");

      // Turned off again, the grant Carol has no longer opens the package.
      await service.server.accounts.setDropzoneSettings(service.dropzoneId, {
        allowedExtensions: [],
        senderDomainAccess: false,
      });
      assert.equal(await carol.access(), "signin");
    } finally {
      await service.close();
    }
  },
);

Deno.test("deno task admin dropzone set changes the settings, and refuses bad values", async () => {
  const dataDir = await Deno.makeTempDir({ prefix: "padlock-dzset-" });
  const admin = (...args: string[]) => runAdmin([...args, "--data-dir", dataDir]);
  try {
    await runAdmin(
      ["user", "add", "--email", "owner@example.com", "--create", "--data-dir", dataDir],
      "owner password 1\n",
    );
    const { dropzoneId } = fields(await admin("dropzone", "add", "--owner", "owner@example.com"));
    const set = await admin(
      "dropzone",
      "set",
      "--id",
      dropzoneId,
      "--extensions",
      ".PDF, png",
      "--max-file-size",
      "25 MB",
      "--life-days",
      "30",
      "--sender-domain-access",
      "on",
      "--notify-uploads",
      "on",
    );
    const expected = "extensions=pdf,png\tmax-file-size=25000000\tlife-days=30\t" +
      "sender-domain-access=on\tnotify-uploads=on";
    assert.deepEqual(set, [`${dropzoneId}\t${expected}`]);
    // One option changes one setting; an empty value clears it.
    await admin("dropzone", "set", "--id", dropzoneId, "--max-file-size", "");
    const [listed] = await admin("dropzone", "list");
    assert.match(listed, /\textensions=pdf,png\tmax-file-size=service\tlife-days=30\t/);
    assert.match(listed, /\tnotify-uploads=on$/);
    await admin("dropzone", "set", "--id", dropzoneId, "--notify-uploads", "off");
    const [quiet] = await admin("dropzone", "list");
    assert.match(quiet, /\tnotify-uploads=off$/);
    await admin("dropzone", "set", "--id", dropzoneId, "--notify-uploads", "on");

    for (
      const [option, value, message] of [
        ["--life-days", "366", /from 1 to 365/],
        ["--life-days", "0", /from 1 to 365/],
        ["--extensions", "p df/x", /"df\/x" is not a file extension/],
        ["--max-file-size", "lots", /"lots" is not a file size/],
        ["--sender-domain-access", "yes", /on or off/],
        ["--notify-uploads", "always", /--notify-uploads is on or off, not "always"/],
      ] as const
    ) {
      await assert.rejects(admin("dropzone", "set", "--id", dropzoneId, option, value), message);
    }
    await assert.rejects(admin("dropzone", "set", "--id", "nope"), /No dropzone has id nope/);
    // Nothing was changed by the refused values.
    assert.deepEqual(await admin("dropzone", "list"), [listed]);
  } finally {
    await Deno.remove(dataDir, { recursive: true });
  }
});
