/**
 * Requesting files (issue 13), on both metadata backends: an agent makes an upload link for a
 * ticket (its token 256 random bits, stored only hashed); a customer's package built through it
 * in the agent's dropzone is tagged with the ticket; the ticket's packages are listed to the
 * dropzone's agents only and open byte-identical with the keyCode of the request; an unknown,
 * expired or foreign token tags nothing, and its upload page says the link no longer works.
 */
import assert from "node:assert/strict";
import { generateKeyCode } from "../../src/keys.ts";
import { formatLink } from "../../src/link.ts";
import { createPackage, finalizePackage, uploadFile } from "../../src/upload.ts";
import { clientFor, downloadAll } from "./_clients.ts";
import {
  addAgent,
  agentCall,
  backendTest,
  countRows,
  directoryContains,
  dropzoneCall,
  signedCall,
  startTestService,
  testBytes,
} from "./_helpers.ts";

backendTest("a file request tags the customer's package with the ticket", async (backend) => {
  const service = await startTestService({ backend, metricsToken: "metrics-token-1" });
  try {
    const made = await agentCall(service, "PUT", "/upload-request/", { ticketId: "42" });
    assert.equal(made.body.response, "SUCCESS", JSON.stringify(made.body));
    const uploadUrl = String(made.body.uploadUrl);
    const match = uploadUrl.match(/\/upload\/([A-Za-z0-9_-]{43})$/);
    assert.ok(match, uploadUrl);
    const token = match[1];
    const requestId = String(made.body.requestId);
    const expires = Date.parse(String(made.body.expiration));
    assert.ok(expires > Date.now() + 6 * 86_400_000 && expires < Date.now() + 8 * 86_400_000);
    if (backend === "sqlite") {
      // Only its hash is stored: the database files do not hold the token.
      assert.deepEqual(await directoryContains(service.dataDir, token), []);
    }

    // The customer's page: a package of the dropzone, tagged, then uploaded with the agent's keyCode.
    const keyCode = generateKeyCode();
    const customer = clientFor(service, { dropzoneId: service.dropzoneId });
    const pkg = { ...await createPackage(customer), keyCode };
    const tagged = await dropzoneCall(
      service,
      "POST",
      `/upload-request/package/${pkg.packageId}/`,
      { token },
    );
    assert.equal(tagged.body.response, "SUCCESS", JSON.stringify(tagged.body));
    assert.equal(tagged.body.ticketId, "42");
    const bytes = testBytes(300_000, 7);
    await uploadFile(customer, pkg, new Blob([bytes]), { name: "invoice.pdf" });
    await finalizePackage(customer, pkg, { undisclosed: false });

    // Tagging again, or a finalized package, is refused.
    const again = await dropzoneCall(service, "POST", `/upload-request/package/${pkg.packageId}/`, {
      token,
    });
    assert.equal(again.body.response, "INVALID_INPUT");

    // The dropzone's agent lists the ticket's packages and opens the file with the keyCode.
    const listed = await agentCall(service, "GET", "/ticket/42/packages/");
    assert.equal(listed.body.response, "SUCCESS");
    const packages = listed.body.packages as Record<string, unknown>[];
    assert.equal(packages.length, 1);
    assert.equal(packages[0].packageId, pkg.packageId);
    assert.equal(packages[0].requestId, requestId);
    assert.deepEqual(packages[0].filenames, ["invoice.pdf"]);
    const agent = clientFor(service, service.agent);
    const opened = await downloadAll(agent, formatLink(String(packages[0].url), keyCode));
    assert.deepEqual(opened.files.get("invoice.pdf"), bytes);
    assert.deepEqual((await agentCall(service, "GET", "/ticket/43/packages/")).body.packages, []);

    // Another agent, not on the dropzone: lists nothing, may not make a request for it.
    const other = await addAgent(service, "other@example.com");
    const foreign = await signedCall(service, other, "GET", "/ticket/42/packages/");
    assert.equal(foreign.body.response, "SUCCESS");
    assert.deepEqual(foreign.body.packages, []);
    const refused = await signedCall(service, other, "PUT", "/upload-request/", {
      ticketId: "42",
      dropzoneId: service.dropzoneId,
    });
    assert.equal(refused.body.response, "PERMISSION_DENIED");
    const noDropzone = await signedCall(service, other, "PUT", "/upload-request/", {
      ticketId: "42",
    });
    assert.equal(noDropzone.body.response, "PERMISSION_DENIED");
    assert.match(String(noDropzone.body.message), /no dropzone/);

    // Bad input: a ticket that is not a number.
    const badTicket = await agentCall(service, "PUT", "/upload-request/", { ticketId: "4 2" });
    assert.equal(badTicket.body.response, "INVALID_INPUT");

    // An unknown token, a token for another dropzone, an expired token: nothing is tagged.
    const fresh = await createPackage(customer);
    const unknown = await dropzoneCall(
      service,
      "POST",
      `/upload-request/package/${fresh.packageId}/`,
      { token: "A".repeat(43) },
    );
    assert.equal(unknown.body.response, "PERMISSION_DENIED");
    assert.match(String(unknown.body.message), /unknown or has expired/);
    const { dropzoneId: otherZone } = await service.server.accounts.createDropzone(other.id);
    const elsewhere = await clientFor(service, { dropzoneId: otherZone }).createPackage();
    const crossed = await dropzoneCall(
      service,
      "POST",
      `/upload-request/package/${elsewhere.packageId}/`,
      { token },
      otherZone,
    );
    assert.equal(crossed.body.response, "PERMISSION_DENIED");
    // The upload page: the form while the link works, a page saying it no longer does after.
    const open = await fetch(`${service.server.url}/upload/${token}`);
    assert.equal(open.status, 200);
    assert.match(await open.text(), new RegExp(`data-dropzone="${service.dropzoneId}"`));
    // The token is no label of the metrics: the page is counted as /upload/:token.
    const metrics = await (await fetch(`${service.server.url}/metrics`, {
      headers: { Authorization: "Bearer metrics-token-1" },
    })).text();
    assert.ok(!metrics.includes(token));
    assert.match(metrics, /route="\/upload\/:token"/);
    service.clock.offsetMs = 8 * 86_400_000;
    const gone = await fetch(`${service.server.url}/upload/${token}`);
    assert.equal(gone.status, 404);
    const page = await gone.text();
    assert.match(page, /This link no longer works/);
    assert.doesNotMatch(page, /data-dropzone/);
    const expired = await dropzoneCall(
      service,
      "POST",
      `/upload-request/package/${fresh.packageId}/`,
      { token },
    );
    assert.equal(expired.body.response, "PERMISSION_DENIED");

    // The sweep deletes the expired request; the package keeps its ticket and is still listed.
    assert.equal(await countRows(service, "upload_requests"), 1);
    await service.server.sweep();
    assert.equal(await countRows(service, "upload_requests"), 0);
    service.clock.offsetMs = 0;
    const still = await agentCall(service, "GET", "/ticket/42/packages/");
    assert.equal((still.body.packages as unknown[]).length, 1);
  } finally {
    await service.close();
  }
});
