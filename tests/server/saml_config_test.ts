/**
 * The SAML settings: flags and `PADLOCK_SAML_*` variables, the refusals of incomplete or unsafe
 * settings, and the IdP certificate given as PEM text or as a file.
 */
import assert from "node:assert/strict";
import { ConfigError, configFromOutside, resolveConfig } from "../../server/config.ts";
import { readIdpCertificate } from "../../server/portal/sso_setup.ts";

const PEM = "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIU\n-----END CERTIFICATE-----";

Deno.test("SAML flags and variables are read; incomplete or unsafe settings are refused", () => {
  const env: Record<string, string> = {
    PADLOCK_SAML_ENTRY_POINT: "https://acme.okta.com/app/padlock/sso/saml",
    PADLOCK_SAML_IDP_CERT: "/etc/padlock/okta.pem",
    PADLOCK_SSO_ALLOWED_DOMAINS: "acme.com",
    PADLOCK_SSO_ONLY: "true",
  };
  const config = configFromOutside(["--saml-idp-name", "Okta"], (name) => env[name]);
  assert.deepEqual(config, {
    samlEntryPoint: "https://acme.okta.com/app/padlock/sso/saml",
    samlIdpCert: "/etc/padlock/okta.pem",
    samlIdpName: "Okta",
    ssoAllowedDomains: "acme.com",
    ssoOnly: true,
  });
  resolveConfig(config);
  const refused = (extra: object, message: RegExp) =>
    assert.throws(() => resolveConfig(extra), (error: Error) => {
      assert.ok(error instanceof ConfigError);
      assert.match(error.message, message);
      return true;
    });
  refused({ samlEntryPoint: "https://idp.example/sso" }, /--saml-entry-point and --saml-idp-cert/);
  refused({ samlIdpCert: PEM }, /--saml-entry-point and --saml-idp-cert/);
  refused({ samlEntryPoint: "http://idp.example/sso", samlIdpCert: PEM }, /https URL/);
  refused({ samlEntryPoint: "not a url", samlIdpCert: PEM }, /not a URL/);
  refused({
    samlEntryPoint: "https://idp.example/sso",
    samlIdpCert: PEM,
    oidcIssuer: "https://idp.example",
    oidcClientId: "id",
    oidcClientSecret: "secret",
  }, /Choose one single sign-on/);
  refused({ ssoOnly: true }, /needs single sign-on/);
  // http only on loopback (a local provider, the tests).
  resolveConfig({ samlEntryPoint: "http://127.0.0.1:8080/sso", samlIdpCert: PEM });
});

Deno.test("the IdP certificate is PEM text or a file holding one", async () => {
  assert.equal(await readIdpCertificate(`  ${PEM}\n`), PEM);
  const dir = await Deno.makeTempDir();
  try {
    await Deno.writeTextFile(`${dir}/idp.pem`, `${PEM}\n`);
    assert.equal(await readIdpCertificate(`${dir}/idp.pem`), PEM);
    await Deno.writeTextFile(`${dir}/empty.pem`, "nothing here");
    await assert.rejects(readIdpCertificate(`${dir}/empty.pem`), ConfigError);
    await assert.rejects(readIdpCertificate(`${dir}/missing.pem`), /cannot read/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
