// Times the official SendSafely Node SDK (unchanged) downloading one file from a service, for
// `deno task bench`, row (f): open the Secure Link, download and decrypt every part, save the
// file (the SDK always writes to a file), as the browser download of row (d) does.
// Usage: NODE_PATH=<SDK node_modules> node sdk_download.cjs '{"host","apiKey","apiSecret","link","outDir"}'
// Prints one JSON line: {"ms": <milliseconds from opening the link to the whole file on disk>,
// "bytes": …} or {"error": …}. The SDK is installed by tests/server/_sdk.ts (`installSdk`).
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const SendSafely = require("@sendsafely/sendsafely");

const { host, apiKey, apiSecret, link, outDir } = JSON.parse(process.argv[2]);

function finish(result, code) {
  process.stdout.write(JSON.stringify(result) + "\n", () => process.exit(code));
}

const sdk = new SendSafely(host, apiKey, apiSecret);
for (const event of ["sendsafely.error", "download.error", "server.error"]) {
  sdk.on(event, (code, message) => finish({ error: { event, code, message } }, 1));
}

const started = process.hrtime.bigint();
sdk.packageInformationFromLink(link, (info) => {
  const file = info.files[0];
  const saved = path.join(outDir, "sdk-download.bin");
  sdk.on("file.saved", () => {
    // 3.1.0 raises file.saved right after calling end() on its write stream, before the last
    // bytes reach the file: the time ends when the whole file is there.
    const check = () => {
      const size = fs.statSync(saved, { throwIfNoEntry: false })?.size;
      if (size === file.fileSize) {
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        finish({ ms, bytes: size }, 0);
      } else {
        setTimeout(check, 5);
      }
    };
    check();
  });
  sdk.downloadFile(info.packageId, file.fileId, info.keyCode, {
    path: outDir,
    fileName: "sdk-download.bin",
  });
});
