// Drives the official SendSafely Node SDK (unchanged) for tests/server/sdk_test.ts.
// Usage: node driver.cjs '<json command>'; prints one JSON line: the result or {"error":…}.
// Commands: {"action":"upload", host, apiKey, apiSecret | dropzoneId, file, recipients?, undisclosed?, message?}
//           {"action":"download", host, apiKey, apiSecret, link, outDir, fileName}
//           {"action":"message", host, apiKey, apiSecret, link}
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const SendSafely = require("@sendsafely/sendsafely");

const command = JSON.parse(process.argv[2]);

function finish(result, code) {
  process.stdout.write(JSON.stringify(result) + "\n", () => process.exit(code));
}

function fail(code, message) {
  finish({ error: { code: String(code), message: String(message) } }, 1);
}

// A stuck SDK (it polls upload-complete forever) must not hang the test run.
setTimeout(
  () => fail("DRIVER_TIMEOUT", "the SDK did not finish in time"),
  120_000,
).unref();

const sdk = command.dropzoneId
  ? new SendSafely.SendSafelyDropzone(command.host, command.dropzoneId)
  : new SendSafely(command.host, command.apiKey, command.apiSecret);

for (
  const event of [
    "sendsafely.error",
    "file.upload.error",
    "invalid.file.name",
    "limit.exceeded",
  ]
) {
  sdk.on(event, (code, message) => {
    const detail = typeof code === "object" && code !== null ? code : { error: code, message };
    fail(detail.error ?? event, detail.message ?? JSON.stringify(detail));
  });
}
sdk.on(
  "finalization.error",
  (response) => fail("FINALIZATION_ERROR", JSON.stringify(response)),
);
sdk.on("server.error", (code, message) => {
  // The upload handler raises it with one {error, message} object.
  const detail = typeof code === "object" && code !== null ? code : { error: code, message };
  fail(detail.error ?? "SERVER_ERROR", detail.message);
});

// The SDK reports a file uploaded once its last declared part is stored, but it may still be
// sending a trailing empty part (a file whose size is an exact multiple of its part size): a
// real application keeps running meanwhile, so the driver waits for the upload queue to empty
// (the SDK removes a part from it when the part's upload succeeded) before it exits.
function whenUploadsDrained(then) {
  const handler = sdk.uploadHandler;
  const started = Date.now();
  const check = () => {
    if (
      !handler ||
      (handler.uploading.length === 0 && handler.encrypting.length === 0)
    ) {
      then();
    } else if (Date.now() - started > 60_000) {
      fail(
        "UPLOAD_NOT_DRAINED",
        `${handler.uploading.length} parts still queued`,
      );
    } else {
      setTimeout(check, 20);
    }
  };
  check();
}

function upload() {
  sdk.createPackage((packageId, serverSecret, packageCode, keyCode) => {
    const finalize = (fileId) => {
      const done = (link) =>
        whenUploadsDrained(() => finish({ packageId, packageCode, keyCode, fileId, link }, 0));
      if (command.undisclosed) {
        sdk.finalizeUndisclosedPackage(
          packageId,
          packageCode,
          keyCode,
          undefined,
          done,
        );
      } else {
        sdk.finalizePackage(packageId, packageCode, keyCode, done);
      }
    };
    const uploadFiles = () => {
      sdk.encryptAndUploadFiles(
        packageId,
        keyCode,
        serverSecret,
        [command.file],
        "NODE_API",
        (
          _packageId,
          fileId,
        ) => {
          if (command.message === undefined) return finalize(fileId);
          sdk.encryptAndUploadMessage(
            packageId,
            keyCode,
            serverSecret,
            command.message,
            () => finalize(fileId),
          );
        },
      );
    };
    if (command.recipients) {
      sdk.addRecipients(packageId, command.recipients, keyCode, uploadFiles);
    } else {
      uploadFiles();
    }
  });
}

function download() {
  sdk.packageInformationFromLink(command.link, (info) => {
    const file = info.files[0];
    sdk.on("file.saved", () => {
      // 3.1.0 raises file.saved right after calling end() on its write stream, before the
      // last bytes reach the file: wait until the whole file is there.
      const saved = path.join(command.outDir, command.fileName);
      const started = Date.now();
      const check = () => {
        const size = fs.statSync(saved, { throwIfNoEntry: false })?.size;
        if (size === file.fileSize) {
          finish({
            packageId: info.packageId,
            fileName: file.fileName,
            fileSize: file.fileSize,
          }, 0);
        } else if (Date.now() - started > 30_000) {
          fail(
            "INCOMPLETE_FILE",
            `the saved file has ${size} of ${file.fileSize} bytes`,
          );
        } else {
          setTimeout(check, 20);
        }
      };
      check();
    });
    sdk.downloadFile(info.packageId, file.fileId, info.keyCode, {
      path: command.outDir,
      fileName: command.fileName,
    });
  });
}

// A separate action (so a separate process): in 3.1.0 the download handler's window
// "message" listener also grabs message decryptions made after a download.
function readMessage() {
  sdk.packageInformationFromLink(command.link, (info) => {
    sdk.getPackageMessage(
      info.packageId,
      info.packageCode,
      info.keyCode,
      ({ message }) => {
        sdk.decryptMessage(
          info.packageId,
          info.keyCode,
          info.serverSecret,
          message,
          (text) => {
            finish({ packageId: info.packageId, message: text }, 0);
          },
        );
      },
    );
  });
}

if (command.action === "upload") upload();
else if (command.action === "download") download();
else if (command.action === "message") readMessage();
else fail("USAGE", `unknown action ${command.action}`);
