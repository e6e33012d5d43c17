// Times the official SendSafely Node SDK (unchanged) uploading one file to a service, for
// `deno task bench`, row (e): create a package, encrypt and upload the file, finalize it as an
// undisclosed package (its Secure Link), as the browser upload of row (c) does.
// Usage: NODE_PATH=<SDK node_modules> node sdk_upload.cjs '{"host","apiKey","apiSecret","file"}'
// Prints one JSON line: {"ms": <milliseconds from createPackage to the link>, "link": …} or
// {"error": …}. The SDK is installed by tests/server/_sdk.ts (`installSdk`).
"use strict";
const SendSafely = require("@sendsafely/sendsafely");

const { host, apiKey, apiSecret, file } = JSON.parse(process.argv[2]);

function finish(result, code) {
  process.stdout.write(JSON.stringify(result) + "\n", () => process.exit(code));
}

const sdk = new SendSafely(host, apiKey, apiSecret);
for (
  const event of [
    "sendsafely.error",
    "file.upload.error",
    "limit.exceeded",
    "server.error",
    "finalization.error",
  ]
) {
  sdk.on(event, (code, message) => finish({ error: { event, code, message } }, 1));
}

const started = process.hrtime.bigint();
sdk.createPackage((packageId, serverSecret, packageCode, keyCode) => {
  sdk.encryptAndUploadFiles(packageId, keyCode, serverSecret, [file], "NODE_API", () => {
    sdk.finalizeUndisclosedPackage(packageId, packageCode, keyCode, undefined, (link) => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      finish({ ms, link }, 0);
    });
  });
});
