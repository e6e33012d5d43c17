/**
 * Helpers that drive the service through the src/ client (api, upload, download),
 * as the bundles do.
 *
 * @module
 */
import { SendSafelyClient } from "../../src/api.ts";
import { downloadFile, openPackage, readMessage } from "../../src/download.ts";
import type { TestService } from "./_helpers.ts";

/** A src/ client for the test service. */
export function clientFor(
  service: TestService,
  credentials:
    | { apiKey: string; apiSecret: string }
    | { dropzoneId: string }
    | { session: true },
): SendSafelyClient {
  const chosen = "apiKey" in credentials
    ? { apiKey: credentials.apiKey, apiSecret: credentials.apiSecret }
    : credentials;
  return new SendSafelyClient({
    host: service.server.url,
    credentials: chosen,
    requestApi: "JS_API",
  });
}

/** What a Secure Link opened to: each file's bytes by name, and the message. */
export interface Downloaded {
  packageId: string;
  files: Map<string, Uint8Array>;
  message?: string;
}

/** Opens a Secure Link and downloads and decrypts every file and the message. */
export async function downloadAll(client: SendSafelyClient, link: string): Promise<Downloaded> {
  const pkg = await openPackage(client, link);
  const files = new Map<string, Uint8Array>();
  for (const file of pkg.files) {
    const chunks: Uint8Array[] = [];
    await downloadFile(
      client,
      pkg,
      file,
      new WritableStream({ write: (chunk) => void chunks.push(chunk) }),
      { retries: 0 },
    );
    const bytes = new Uint8Array(chunks.reduce((total, chunk) => total + chunk.length, 0));
    let offset = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, offset);
      offset += chunk.length;
    }
    files.set(file.fileName, bytes);
  }
  return { packageId: pkg.packageId, files, message: await readMessage(client, pkg) };
}
