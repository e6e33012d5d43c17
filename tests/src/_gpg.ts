/**
 * Encrypts with GnuPG (`gpg --symmetric`), as SendSafely parts made by other OpenPGP tools are:
 * a session-key packet without an encrypted session key (the key is derived from the passphrase)
 * and compressed SEIPD v1 data by default. Needs `gpg` (Debian: `apt-get install -y gnupg`).
 *
 * @module
 */

/** Thrown when gpg cannot be run or fails. */
export class GpgError extends Error {
  override name = "GpgError";
}

/**
 * Encrypts `plain` with `passphrase` by `gpg --symmetric`, in a throwaway home directory.
 *
 * @param options.args more gpg options, e.g. `["--cipher-algo", "TWOFISH"]`.
 * @throws {GpgError} when gpg is missing or fails.
 */
export async function gpgSymmetric(
  plain: Uint8Array,
  passphrase: string,
  options: { args?: string[] } = {},
): Promise<Uint8Array> {
  const home = await Deno.makeTempDir({ prefix: "padlock-gpg-" });
  try {
    const input = `${home}/plain.bin`;
    await Deno.writeFile(input, plain);
    let output: Deno.CommandOutput;
    try {
      output = await new Deno.Command("gpg", {
        args: [
          "--homedir",
          home,
          "--batch",
          "--quiet",
          "--pinentry-mode",
          "loopback",
          "--passphrase",
          passphrase,
          // gpg's default (65,011,712 bytes hashed) takes openpgp.js two seconds per part; the
          // packet layout is the same with a smaller count.
          "--s2k-count",
          "65536",
          ...(options.args ?? []),
          "--output",
          "-",
          "--symmetric",
          input,
        ],
        stdout: "piped",
        stderr: "piped",
      }).output();
    } catch (cause) {
      throw new GpgError("Cannot run gpg: is GnuPG installed (apt-get install -y gnupg)?", {
        cause,
      });
    }
    if (!output.success) {
      throw new GpgError(`gpg failed: ${new TextDecoder().decode(output.stderr)}`);
    }
    return output.stdout;
  } finally {
    await Deno.remove(home, { recursive: true });
  }
}
