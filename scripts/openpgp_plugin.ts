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
 * Two of those modules are public-key code only, and Padlock never does public-key cryptography
 * (`src/pgp.ts` encrypts and decrypts with passwords, as SendSafely's scheme does; keyCode escrow
 * to public keys is not implemented). They are left out of the bundles (see
 * {@linkcode LEFT_OUT}): each is replaced by a module that throws, so that, should a future change
 * reach them, the operation fails with a message saying why instead of running unaudited code.
 * The audit report lists the replacements as modules of their own.
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
 * openpgp imports each only inside a public-key operation (key generation, signing, verifying,
 * public-key encryption or decryption on these curves).
 */
export const LEFT_OUT: Readonly<Record<string, string>> = {
  "nacl-fast.mjs": "Ed25519 and X25519 (TweetNaCl), for public keys on Curve25519",
  "noble_curves.mjs": "elliptic curves (noble-curves), for ECDH/ECDSA/EdDSA public keys",
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
        // One module stands in for all of them, so that they cost one tiny chunk.
        return { path: "public-key-algorithms", namespace: NAMESPACE };
      });
      build.onLoad({ filter: /.*/, namespace: NAMESPACE }, () => ({
        contents: `throw new Error(${
          JSON.stringify(
            "This OpenPGP operation needs public-key algorithms, which Padlock's bundles leave " +
              "out: Padlock uses password-encrypted OpenPGP messages only",
          )
        });\n`,
        loader: "js",
      }));
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
