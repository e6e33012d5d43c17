/**
 * Padlock's shared core: end-to-end encrypted file transfer over the SendSafely API, for browser
 * bundles and Deno alike. Web-platform APIs only (fetch, WebCrypto, Blob, streams).
 *
 * - {@link ./src/keys.ts keys}: the keyCode, the part passphrase and the package checksum.
 * - {@link ./src/pgp.ts pgp}: OpenPGP encryption of parts and package messages.
 * - {@link ./src/link.ts link}: find, parse and format Secure Links.
 * - {@link ./src/api.ts api}: a typed client of the SendSafely REST API (signed or dropzone).
 * - {@link ./src/upload.ts upload}: encrypt and upload files, finalize a package into a link.
 * - {@link ./src/download.ts download}: open a link, download and decrypt its files in order.
 * - {@link ./src/zaf.ts zaf}: a client of the Zendesk App Framework postMessage protocol.
 *
 * @example Send a file and receive it again
 * ```ts ignore
 * import { createPackage, downloadFile, finalizePackage, openPackage, SendSafelyClient, uploadFile } from "./mod.ts";
 *
 * const client = new SendSafelyClient({
 *   host: "https://acme.sendsafely.com",
 *   credentials: { apiKey: "…", apiSecret: "…" },
 * });
 * const pkg = await createPackage(client);
 * await uploadFile(client, pkg, new Blob(["hello"]), { name: "hello.txt" });
 * const link = await finalizePackage(client, pkg, { undisclosed: true });
 *
 * const opened = await openPackage(client, link);
 * const chunks: Uint8Array[] = [];
 * await downloadFile(client, opened, opened.files[0], new WritableStream({ write: (c) => void chunks.push(c) }));
 * ```
 *
 * @module
 */
export * from "./src/keys.ts";
export * from "./src/pgp.ts";
export * from "./src/link.ts";
export * from "./src/api.ts";
export * from "./src/upload.ts";
export * from "./src/download.ts";
export * from "./src/zaf.ts";
