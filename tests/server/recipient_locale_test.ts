/**
 * A recipient's language, on both metadata backends: the sender names recipients with a
 * `locale` (as the agent app does with the Zendesk requester's), the service keeps it, and the
 * verification code is mailed in it; a recipient without one gets the browser's language; a
 * language chosen in the page's menu comes first; a `locale` that is not a string is refused.
 */
import assert from "node:assert/strict";
import { SendSafelyClient } from "../../src/api.ts";
import { checksum } from "../../src/keys.ts";
import { parseLink } from "../../src/link.ts";
import { uploadFiles } from "../../src/upload.ts";
import { listOutbox } from "../../server/mail/outbox.ts";
import { Visitor, waitFor } from "../portal/_helpers.ts";
import { agentCall, backendTest, startTestService, type TestService } from "./_helpers.ts";

/** Asks for a code as the receive page does; the subject of the mail that comes. */
async function codeMailSubject(
  service: TestService,
  link: string,
  email: string,
  headers: Record<string, string> = {},
): Promise<string> {
  const visitor = new Visitor(service.server.url);
  for (const [name, value] of Object.entries(headers)) {
    if (name === "Cookie") visitor.cookies.set(...(value.split("=") as [string, string]));
  }
  const { csrf } = await visitor.page("/receive/");
  const parsed = parseLink(link);
  const response = await visitor.fetch("/portal/api/code", {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      "X-CSRF-Token": csrf,
      Origin: service.server.url,
      ...(headers["Accept-Language"] ? { "Accept-Language": headers["Accept-Language"] } : {}),
    },
    body: JSON.stringify({
      packageCode: parsed.packageCode,
      checksum: await checksum(parsed.keyCode, parsed.packageCode),
      email,
    }),
  });
  assert.equal((await response.json()).response, "SUCCESS");
  const mail = await waitFor(
    async () => (await listOutbox(service.dataDir)).find((mail) => mail.to === email),
    `the code's mail to ${email}`,
  );
  return mail.subject;
}

backendTest("a recipient's mails are in the language the sender gave for them", async (backend) => {
  const service = await startTestService({ backend });
  try {
    const client = new SendSafelyClient({ host: service.server.url, credentials: service.agent });
    const blobs = [{ name: "a.txt", blob: new Blob(["a"]) }];
    const { link } = await uploadFiles(client, blobs, {
      undisclosed: false,
      recipients: ["kunde@example.com", "menu@example.com"],
      recipientLocale: "de-AT",
    });
    const { link: japanese } = await uploadFiles(client, blobs, {
      undisclosed: false,
      recipients: ["kyaku@example.com"],
      recipientLocale: "ja",
    });
    const { link: none } = await uploadFiles(client, blobs, {
      undisclosed: false,
      recipients: ["client@example.com"],
    });

    // The stored language wins over a browser that says English…
    assert.match(
      await codeMailSubject(service, link, "kunde@example.com", { "Accept-Language": "en-US" }),
      /Ihr Bestätigungscode/,
    );
    assert.match(await codeMailSubject(service, japanese, "kyaku@example.com"), /確認コード/);
    // …but not over the language the visitor chose in the page's menu.
    assert.match(
      await codeMailSubject(service, link, "menu@example.com", { Cookie: "padlock_locale=fr" }),
      /code de vérification/,
    );
    // Without one, the browser's language.
    assert.match(
      await codeMailSubject(service, none, "client@example.com", { "Accept-Language": "es" }),
      /código de verificación/,
    );

    // The field is Padlock's extension: a language Padlock does not speak is no error, a value
    // that is no language tag is.
    const created = await agentCall(service, "PUT", "/package/", { vdr: false });
    const packageId = String(created.body.packageId);
    const unknown = await agentCall(service, "PUT", `/package/${packageId}/recipient/`, {
      email: "x@example.com",
      locale: "tlh",
    });
    assert.equal(unknown.body.response, "SUCCESS", JSON.stringify(unknown.body));
    const refused = await agentCall(service, "PUT", `/package/${packageId}/recipients/`, {
      emails: ["y@example.com"],
      locale: 42,
    });
    assert.equal(refused.body.response, "INVALID_INPUT");
    assert.match(String(refused.body.message), /locale/);
  } finally {
    await service.close();
  }
});
