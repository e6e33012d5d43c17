/**
 * An esbuild plugin that bundles OpenPGP.js's "lightweight" build in place of its full build.
 *
 * The full browser build (`openpgp/dist/openpgp.min.mjs`, ~390 KB minified) carries every
 * algorithm inline. The lightweight build has the same API and the same code, but keeps the
 * rarely used parts in modules of their own that it imports only when a message needs them:
 * legacy ciphers (CAST5, Blowfish, Twofish, 3DES), Argon2 S2K, bzip2 decompression, hashes that
 * WebCrypto lacks, and the elliptic-curve code of public-key messages. With code splitting each
 * of those becomes a chunk that is fetched only by the message that needs it, so decryption
 * still accepts every standard symmetric OpenPGP message.
 *
 * Three of those modules can never run in Padlock's bundles, and are left out of them (see
 * {@linkcode LEFT_OUT}). Two are public-key code only, and Padlock never does public-key
 * cryptography (`src/pgp.ts` encrypts and decrypts with passwords, as SendSafely's scheme does;
 * keyCode escrow to public keys is not implemented). The third is Argon2 (RFC 9580 passphrase
 * hashing), which is WebAssembly: the pages that decrypt (the Zendesk app's frame and the receive
 * page) forbid WebAssembly in their Content Security Policy, so it could only fail there, and the
 * Help Center widget only encrypts, with the iterated S2K of spec 3.5. Each left-out module is
 * replaced by one that throws, so that, should a future change reach it, the operation fails with
 * a message saying why instead of running unaudited code. The audit report lists the replacements
 * as modules of their own.
 *
 * Only the bundles see this: Deno (tests, the service, the benchmarks) resolves `openpgp`
 * through the import map to the package's ordinary entry.
 *
 * The readable `dist/lightweight/openpgp.mjs` is bundled rather than its `.min.mjs` twin: esbuild
 * minifies it all the same, and the audit report then points at a file a reviewer can read.
 *
 * @example
 * ```ts ignore
 * import * as esbuild from "esbuild";
 * import { openpgpLightweight } from "./openpgp_plugin.ts";
 * await esbuild.build({ entryPoints: ["src/pgp.ts"], bundle: true, plugins: [openpgpLightweight()] });
 * ```
 *
 * @module
 */
import type * as esbuild from "esbuild";

/**
 * The modules of OpenPGP.js's lightweight build that the bundles leave out, and what they hold.
 * openpgp imports the first two only inside a public-key operation (key generation, signing,
 * verifying, public-key encryption or decryption on these curves), the third only to decrypt a
 * message whose passphrase is hashed with Argon2.
 */
export const LEFT_OUT: Readonly<Record<string, string>> = {
  "nacl-fast.mjs": "Ed25519 and X25519 (TweetNaCl), for public keys on Curve25519",
  "noble_curves.mjs": "elliptic curves (noble-curves), for ECDH/ECDSA/EdDSA public keys",
  "argon2id.mjs": "Argon2 passphrase hashing (WebAssembly), for RFC 9580 S2K type 4",
};

const PUBLIC_KEY_MESSAGE = "This OpenPGP operation needs public-key algorithms, which Padlock's " +
  "bundles leave out: Padlock uses password-encrypted OpenPGP messages only";

/** The module that stands in for each left-out one, and the error it throws when loaded. */
const STAND_INS: Readonly<Record<string, { module: string; message: string }>> = {
  "nacl-fast.mjs": { module: "public-key-algorithms", message: PUBLIC_KEY_MESSAGE },
  "noble_curves.mjs": { module: "public-key-algorithms", message: PUBLIC_KEY_MESSAGE },
  "argon2id.mjs": {
    module: "argon2",
    message: "This OpenPGP message hashes its passphrase with Argon2, which Padlock's bundles " +
      "leave out: it needs WebAssembly, which Padlock's pages do not allow",
  },
};

const NAMESPACE = "padlock-left-out";

/**
 * The plugin: resolves the bare specifier `openpgp` to the lightweight ES module of the installed
 * package.
 *
 * @throws {Error} (during the build) when the installed openpgp has no lightweight build.
 */
export function openpgpLightweight(): esbuild.Plugin {
  return {
    name: "openpgp-lightweight",
    setup(build) {
      build.onResolve({ filter: /^openpgp$/ }, async (args) => {
        // The package's export map: "./lightweight" → dist/lightweight/openpgp.min.mjs (browser).
        const resolved = await build.resolve("openpgp/lightweight", {
          kind: args.kind,
          resolveDir: args.resolveDir,
          importer: args.importer,
        });
        if (resolved.errors.length > 0) {
          return {
            errors: [{
              text:
                "openpgp has no lightweight build here (openpgp/lightweight did not resolve); " +
                "Padlock needs openpgp 6 or later",
            }],
          };
        }
        const readable = resolved.path.replace(/\.min\.mjs$/, ".mjs");
        return { path: await exists(readable) ? readable : resolved.path };
      });
      // openpgp's own lazy imports (`import('./nacl-fast.mjs')`) of a module left out.
      build.onResolve({ filter: /^\.\/[\w-]+(\.min)?\.mjs$/ }, (args) => {
        const name = args.path.slice(2).replace(/\.min\.mjs$/, ".mjs");
        if (!(name in LEFT_OUT) || !/\/openpgp\/dist\/lightweight\//.test(args.importer)) {
          return undefined;
        }
        // The public-key modules share one stand-in, so that they cost one tiny chunk.
        return { path: STAND_INS[name].module, namespace: NAMESPACE };
      });
      build.onLoad({ filter: /.*/, namespace: NAMESPACE }, (args) => {
        const standIn = Object.values(STAND_INS).find(({ module }) => module === args.path);
        return {
          contents: `throw new Error(${JSON.stringify(standIn?.message ?? "left out")});\n`,
          loader: "js",
        };
      });
    },
  };
}

async function exists(path: string): Promise<boolean> {
  try {
    return (await Deno.stat(path)).isFile;
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return false;
    throw error;
  }
}
