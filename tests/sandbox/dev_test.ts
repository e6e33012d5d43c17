/**
 * The start command's core (`startDev`): the service, the demo data and the sandbox come up,
 * the sandbox page carries the widget's script tag for the demo dropzone, and a restart on the
 * same data directory reuses the demo account instead of creating another.
 */
import assert from "node:assert/strict";
import { DEMO_EMAIL, startDev } from "../../dev.ts";

Deno.test("dev: start command serves the sandbox with demo data, idempotently", async () => {
  const dataDir = await Deno.makeTempDir({ prefix: "padlock-dev-" });
  const options = {
    servicePort: 0,
    sandboxPort: 0,
    agentPort: 0,
    dataDir,
    build: false,
    print: () => {},
  };
  try {
    const first = await startDev(options);
    let dropzoneId: string;
    try {
      dropzoneId = first.demo.dropzoneId;
      assert.equal(first.demo.email, DEMO_EMAIL);
      const page = await (await fetch(`${first.sandbox.url}/hc/en-us/requests/new`)).text();
      assert.ok(page.includes(`data-dropzone-id="${dropzoneId}"`));
      assert.ok(page.includes(`data-service-url="${first.service.url}"`));
      const legacy = await (await fetch(`${first.sandbox.url}/hc/en-us/requests/new?theme=legacy`))
        .text();
      assert.ok(legacy.includes('id="upload-dropzone"'));
      const verify = await fetch(`${first.service.url}/drop-zone/v2.0/package/`, {
        method: "PUT",
        headers: { "ss-api-key": dropzoneId, "content-type": "application/json" },
        body: '{"vdr":false}',
      });
      assert.equal((await verify.json()).response, "SUCCESS");
    } finally {
      await first.close();
    }
    const second = await startDev(options);
    try {
      assert.equal(second.demo.dropzoneId, dropzoneId);
    } finally {
      await second.close();
    }
  } finally {
    await Deno.remove(dataDir, { recursive: true });
  }
});
