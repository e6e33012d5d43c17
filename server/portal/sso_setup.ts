/**
 * Single sign-on from the configuration: OpenID Connect (`oidc*` options) or SAML 2.0
 * (`saml*` options), with the settings both share (`sso*`, or their older `oidc*` names).
 *
 * @module
 */
import { OidcSignIn } from "../auth/oidc.ts";
import { SamlSignIn } from "../auth/saml.ts";
import { ConfigError, type ResolvedConfig } from "../config.ts";
import type { Database } from "../db/database.ts";
import type { PortalSso, PortalSsoSettings } from "./context.ts";

/**
 * The IdP certificate of `--saml-idp-cert`: the text itself when it is PEM or base64, else the
 * file it names.
 *
 * @throws {ConfigError} when the file cannot be read or holds no certificate.
 */
export async function readIdpCertificate(value: string): Promise<string> {
  const text = value.trim();
  if (text.startsWith("-----BEGIN") || /^[A-Za-z0-9+/=\s]{200,}$/.test(text)) return text;
  let content: string;
  try {
    content = await Deno.readTextFile(text);
  } catch (cause) {
    throw new ConfigError(`samlIdpCert: cannot read the certificate file ${text}`, { cause });
  }
  if (!content.includes("-----BEGIN CERTIFICATE-----")) {
    throw new ConfigError(`samlIdpCert: ${text} holds no PEM certificate`);
  }
  return content.trim();
}

/** The portal's single sign-on, or undefined when none is configured. */
export async function ssoOf(
  config: ResolvedConfig,
  db: Database,
  now: () => number,
  publicUrl: () => string,
): Promise<PortalSso | undefined> {
  const settings = (name: string): PortalSsoSettings => ({
    name,
    allowedDomains: (config.ssoAllowedDomains ?? config.oidcAllowedDomains ?? "").split(",")
      .map((domain) => domain.trim().toLowerCase()).filter(Boolean),
    only: (config.ssoOnly ?? config.oidcOnly) === true,
  });
  if (config.oidcIssuer && config.oidcClientId && config.oidcClientSecret) {
    return {
      protocol: "oidc",
      signIn: new OidcSignIn(
        {
          issuer: config.oidcIssuer,
          clientId: config.oidcClientId,
          clientSecret: config.oidcClientSecret,
        },
        db,
        now,
      ),
      ...settings(config.oidcName || new URL(config.oidcIssuer).hostname),
    };
  }
  if (config.samlEntryPoint && config.samlIdpCert) {
    return {
      protocol: "saml",
      signIn: new SamlSignIn(
        {
          entryPoint: config.samlEntryPoint,
          idpCert: await readIdpCertificate(config.samlIdpCert),
          ...(config.samlIssuer ? { issuer: config.samlIssuer } : {}),
        },
        db,
        publicUrl,
        now,
      ),
      ...settings(config.samlIdpName || new URL(config.samlEntryPoint).hostname),
    };
  }
  return undefined;
}
