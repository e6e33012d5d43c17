/**
 * The three flows of spec section 7 through the src/ client over real HTTP:
 * (a) a dropzone upload, (b) an agent sending to named recipients and as an
 * undisclosed link, (c) an agent downloading every file behind a link found in
 * ticket text. Downloads are byte-identical (SHA-256) for an empty file, a 1-byte
 * file, a file of exactly one part and a multi-part file.
 */
import assert from "node:assert/strict";
import { ApiError } from "../../src/api.ts";
import { findLinks } from "../../src/link.ts";
import { PART_SIZE, uploadFiles } from "../../src/upload.ts";
import { clientFor, downloadAll } from "./_clients.ts";
import { addAgent, backendTest, sha256, storageTest, testBytes, withService } from "./_helpers.ts";

/** The four sizes every flow must get back intact. */
const SIZES: Record<string, number> = {
  "empty.txt": 0,
  "one byte.bin": 1,
  "exactly one part.bin": PART_SIZE,
  "multi-part é.bin": 6_000_000,
};

function sampleFiles(names: string[]): { blob: Blob; name: string; bytes: Uint8Array }[] {
  return names.map((name, index) => {
    const bytes = testBytes(SIZES[name], index + 11);
    return { blob: new Blob([bytes]), name, bytes };
  });
}

async function assertSameFiles(
  sent: { name: string; bytes: Uint8Array }[],
  received: Map<string, Uint8Array>,
): Promise<void> {
  assert.deepEqual([...received.keys()], sent.map((file) => file.name));
  for (const file of sent) {
    const got = received.get(file.name)!;
    assert.equal(got.length, file.bytes.length, file.name);
    assert.equal(await sha256(got), await sha256(file.bytes), file.name);
  }
}

storageTest(
  "(a) an end user drops files into a dropzone; its owner downloads them intact",
  async (storage) => {
    await withService(async (service) => {
      const files = sampleFiles(Object.keys(SIZES));
      const dropzone = clientFor(service, { dropzoneId: service.dropzoneId });
      const { link } = await uploadFiles(dropzone, files, {
        undisclosed: false,
        unconfirmedSender: "customer@example.org",
        message: "Invoice attached\nThanks",
      });
      assert.match(
        link,
        /^http:\/\/127\.0\.0\.1:\d+\/receive\/\?thread=.+&packageCode=.+#keyCode=.{43}$/,
      );

      const owner = clientFor(service, service.agent);
      const received = await downloadAll(owner, link);
      await assertSameFiles(files, received.files);
      assert.equal(received.message, "Invoice attached\nThanks");

      // The dropzone's public id does not open what was dropped; strangers are refused too.
      await assert.rejects(downloadAll(dropzone, link), (error: ApiError) => {
        assert.equal(error.code, "PERMISSION_DENIED");
        return true;
      });
      const stranger = clientFor(service, await addAgent(service, "stranger@example.com"));
      await assert.rejects(downloadAll(stranger, link), (error: ApiError) => {
        assert.equal(error.code, "PERMISSION_DENIED");
        return true;
      });
    }, storage);
  },
);

backendTest(
  "(b) an agent sends to a named recipient; only that recipient opens the link",
  async (backend) => {
    let verified = false;
    await withService(async (service) => {
      const files = sampleFiles(["one byte.bin", "multi-part é.bin"]);
      const agent = clientFor(service, service.agent);
      assert.equal(await agent.verifyCredentials(), "agent@example.com");
      const { link } = await uploadFiles(agent, files, {
        undisclosed: false,
        recipients: ["customer@example.org"],
        message: "Here are your files",
      });

      // The recipient holds an account: opens the link with their own key.
      const recipient = clientFor(service, await addAgent(service, "customer@example.org"));
      const received = await downloadAll(recipient, link);
      await assertSameFiles(files, received.files);
      assert.equal(received.message, "Here are your files");

      // An anonymous browser session is refused until the portal vouches for it.
      const session = clientFor(service, { session: true });
      await assert.rejects(downloadAll(session, link), (error: ApiError) => {
        assert.equal(error.code, "PERMISSION_DENIED");
        return true;
      });
      verified = true;
      await assertSameFiles(files, (await downloadAll(session, link)).files);

      const other = clientFor(service, await addAgent(service, "other@example.com"));
      await assert.rejects(downloadAll(other, link), (error: ApiError) => {
        assert.equal(error.code, "PERMISSION_DENIED");
        return true;
      });
    }, {
      authorizeSession: () => verified,
      backend,
    });
  },
);

backendTest(
  "(b) an agent sends an undisclosed link that anyone holding it opens",
  async (backend) => {
    await withService(
      async (service) => {
        const files = sampleFiles(["empty.txt", "exactly one part.bin"]);
        const agent = clientFor(service, service.agent);
        const { link } = await uploadFiles(agent, files, { undisclosed: true });
        const session = clientFor(service, { session: true });
        const received = await downloadAll(session, link);
        await assertSameFiles(files, received.files);
        assert.equal(received.message, undefined);
        // A wrong keyCode in the fragment is refused by the service (wrong checksum).
        const tampered = link.replace(/#keyCode=.*/, "#keyCode=" + "A".repeat(43));
        await assert.rejects(downloadAll(session, tampered), (error: Error) => {
          // download.ts wraps the service's refusal in a DownloadError.
          assert.equal((error.cause as ApiError).code, "PERMISSION_DENIED");
          return true;
        });
      },
      { backend },
    );
  },
);

backendTest(
  "(c) an agent downloads every file behind every link in ticket text",
  async (backend) => {
    await withService(
      async (service) => {
        const first = sampleFiles(["multi-part é.bin", "empty.txt"]);
        const second = sampleFiles(["one byte.bin"]);
        const dropzone = clientFor(service, { dropzoneId: service.dropzoneId });
        const { link: dropped } = await uploadFiles(dropzone, first, { undisclosed: false });
        const colleague = clientFor(service, await addAgent(service, "colleague@example.com"));
        const { link: sent } = await uploadFiles(colleague, second, { undisclosed: true });
        const ticket =
          `<p>Hello, files: <a href="${dropped}">here</a></p>\nand also ${sent} thanks`;

        const agent = clientFor(service, service.agent);
        const links = findLinks(ticket);
        assert.deepEqual(links, [dropped, sent]);
        await assertSameFiles(first, (await downloadAll(agent, links[0])).files);
        await assertSameFiles(second, (await downloadAll(agent, links[1])).files);
      },
      { backend },
    );
  },
);
