/**
 * A SAML 2.0 identity provider for the tests, on 127.0.0.1 port 0: it takes the service's
 * AuthnRequest (HTTP-Redirect binding), shows a sign-in form (`login` = the user's id, any
 * password), and posts back a genuine Response whose assertion is signed (RSA-SHA256, exclusive
 * c14n, enveloped) with `xml-crypto`, the signer node-saml verifies with, under a key and
 * certificate made for this run with `openssl`. Audience and ACS come from the request, as a
 * provider configured with the service's metadata would use them.
 *
 * The tests make it misbehave the way a misconfigured or hostile provider, or an attacker, would
 * (`tamper`): another audience, an expired assertion, no signature, a signed assertion changed
 * afterwards, one signed with another key, an answer to another request or for another
 * service's ACS, an unsolicited (IdP-initiated) answer without InResponseTo; and refuse a user (`deactivate`): a Response with
 * status `Responder`/`RequestDenied` and no assertion, as Okta or Entra answer for a
 * deactivated user.
 *
 * @module
 */
import { inflateRawSync } from "node:zlib";
import { DOMParser } from "@xmldom/xmldom";
import { SignedXml } from "xml-crypto";

/** A user of the test provider. */
export interface SamlUser {
  /** The persistent NameID, typed as login name in the provider's form. */
  id: string;
  email: string;
  name?: string;
}

/** What the test provider changes in its next answers. */
export type SamlTamper =
  | undefined
  | "wrong-audience"
  | "expired"
  | "unsigned"
  | "tampered"
  | "wrong-in-response-to"
  | "wrong-recipient"
  | "unsolicited"
  | "forged";

/** A running test provider. */
export interface TestSamlIdp {
  /** The single sign-on URL (`--saml-entry-point`). */
  entryPoint: string;
  /** The signing certificate, PEM (`--saml-idp-cert`). */
  certificate: string;
  /** The path of a file holding the certificate. */
  certificateFile: string;
  /** Changes the next answers (until set back to undefined). */
  tamper: SamlTamper;
  /** How long the provider's session lasts (SessionNotOnOrAfter), in seconds. */
  sessionSeconds: number;
  /** Makes the provider refuse this user from now on. */
  deactivate(id: string): void;
  close(): Promise<void>;
}

const PROTOCOL = "urn:oasis:names:tc:SAML:2.0:protocol";
const ASSERTION = "urn:oasis:names:tc:SAML:2.0:assertion";

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function escapeHtml(text: string): string {
  return escapeXml(text);
}

function randomId(): string {
  return "_" + Array.from(crypto.getRandomValues(new Uint8Array(20)))
    .map((b) => b.toString(16).padStart(2, "0")).join("");
}

async function makeKeyAndCertificate(dir: string): Promise<{ key: string; cert: string }> {
  const run = await new Deno.Command("openssl", {
    args: [
      "req",
      "-x509",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-keyout",
      `${dir}/idp.key`,
      "-out",
      `${dir}/idp.crt`,
      "-days",
      "2",
      "-subj",
      "/CN=Padlock test IdP",
    ],
    stderr: "piped",
  }).output();
  if (!run.success) throw new Error(new TextDecoder().decode(run.stderr));
  return {
    key: await Deno.readTextFile(`${dir}/idp.key`),
    cert: await Deno.readTextFile(`${dir}/idp.crt`),
  };
}

function sign(xml: string, key: string, cert: string, xpath: string): string {
  const signer = new SignedXml({
    privateKey: key,
    publicCert: cert,
    signatureAlgorithm: "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256",
    canonicalizationAlgorithm: "http://www.w3.org/2001/10/xml-exc-c14n#",
  });
  signer.addReference({
    xpath,
    digestAlgorithm: "http://www.w3.org/2001/04/xmlenc#sha256",
    transforms: [
      "http://www.w3.org/2000/09/xmldsig#enveloped-signature",
      "http://www.w3.org/2001/10/xml-exc-c14n#",
    ],
  });
  // The signature goes right after the element's Issuer, where the schema wants it.
  signer.computeSignature(xml, {
    location: { reference: `${xpath}/*[local-name(.)='Issuer']`, action: "after" },
  });
  return signer.getSignedXml();
}

/** Starts the provider with its users. */
export async function startTestSamlIdp(options: { users: SamlUser[] }): Promise<TestSamlIdp> {
  const users = new Map(options.users.map((user) => [user.id, user]));
  const deactivated = new Set<string>();
  const dir = await Deno.makeTempDir({ prefix: "padlock-saml-idp-" });
  const forgerDir = await Deno.makeTempDir({ prefix: "padlock-saml-forger-" });
  const [{ key, cert }, forger] = await Promise.all([
    makeKeyAndCertificate(dir),
    makeKeyAndCertificate(forgerDir),
  ]);
  let entityId = "";

  const handle: TestSamlIdp = {
    entryPoint: "",
    certificate: cert,
    certificateFile: `${dir}/idp.crt`,
    tamper: undefined,
    sessionSeconds: 3600,
    deactivate: (id) => deactivated.add(id),
    close: async () => {
      await server.shutdown();
      await Deno.remove(dir, { recursive: true });
      await Deno.remove(forgerDir, { recursive: true });
    },
  };

  function answer(request: { id: string; acs: string; audience: string }, login: string): string {
    const now = Date.now();
    const at = (ms: number) => new Date(now + ms).toISOString();
    const tamper = handle.tamper;
    const inResponseTo = tamper === "wrong-in-response-to" ? randomId() : request.id;
    const inResponseToAttribute = tamper === "unsolicited" ? "" : ` InResponseTo="${inResponseTo}"`;
    const header =
      `<samlp:Response xmlns:samlp="${PROTOCOL}" xmlns:saml="${ASSERTION}" ID="${randomId()}" Version="2.0" IssueInstant="${
        at(0)
      }" Destination="${
        escapeXml(request.acs)
      }"${inResponseToAttribute}><saml:Issuer>${entityId}</saml:Issuer>`;
    const user = users.get(login);
    if (!user || deactivated.has(login)) {
      const refused =
        `${header}<samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Responder"><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:RequestDenied"/></samlp:StatusCode><samlp:StatusMessage>User is deactivated</samlp:StatusMessage></samlp:Status></samlp:Response>`;
      return sign(refused, key, cert, "/*[local-name(.)='Response']");
    }
    const [notBefore, notOnOrAfter] = tamper === "expired"
      ? [at(-2 * 3_600_000), at(-3_600_000)]
      : [at(-60_000), at(5 * 60_000)];
    const audience = tamper === "wrong-audience" ? "https://another-app.example" : request.audience;
    const recipient = tamper === "wrong-recipient"
      ? "https://another-app.example/acs"
      : request.acs;
    const assertion =
      `<saml:Assertion xmlns:saml="${ASSERTION}" ID="${randomId()}" Version="2.0" IssueInstant="${
        at(0)
      }"><saml:Issuer>${entityId}</saml:Issuer><saml:Subject><saml:NameID Format="urn:oasis:names:tc:SAML:2.0:nameid-format:persistent">${
        escapeXml(user.id)
      }</saml:NameID><saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><saml:SubjectConfirmationData${inResponseToAttribute} NotOnOrAfter="${notOnOrAfter}" Recipient="${
        escapeXml(recipient)
      }"/></saml:SubjectConfirmation></saml:Subject><saml:Conditions NotBefore="${notBefore}" NotOnOrAfter="${notOnOrAfter}"><saml:AudienceRestriction><saml:Audience>${
        escapeXml(audience)
      }</saml:Audience></saml:AudienceRestriction></saml:Conditions><saml:AuthnStatement AuthnInstant="${
        at(0)
      }" SessionIndex="${randomId()}" SessionNotOnOrAfter="${
        at(handle.sessionSeconds * 1000)
      }"><saml:AuthnContext><saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement><saml:AttributeStatement><saml:Attribute Name="email"><saml:AttributeValue>${
        escapeXml(user.email)
      }</saml:AttributeValue></saml:Attribute><saml:Attribute Name="displayName"><saml:AttributeValue>${
        escapeXml(user.name ?? "")
      }</saml:AttributeValue></saml:Attribute></saml:AttributeStatement></saml:Assertion>`;
    const xml =
      `${header}<samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>${assertion}</samlp:Response>`;
    if (tamper === "unsigned") return xml;
    const signed = sign(
      xml,
      tamper === "forged" ? forger.key : key,
      tamper === "forged" ? forger.cert : cert,
      "/*[local-name(.)='Response']/*[local-name(.)='Assertion']",
    );
    // After signing, the address is changed to a colleague's: the digest no longer matches.
    return tamper === "tampered"
      ? signed.replace(escapeXml(user.email), "colleague@example.com")
      : signed;
  }

  const server = Deno.serve(
    { hostname: "127.0.0.1", port: 0, onListen: () => {} },
    async (req) => {
      const url = new URL(req.url);
      const html = (body: string) =>
        new Response(`<!doctype html><html><body>${body}</body></html>`, {
          headers: { "Content-Type": "text/html; charset=utf-8" },
        });
      if (req.method === "GET" && url.pathname === "/sso") {
        const deflated = Uint8Array.from(
          atob(url.searchParams.get("SAMLRequest") ?? ""),
          (c) => c.charCodeAt(0),
        );
        const xml = new TextDecoder().decode(inflateRawSync(deflated));
        const doc = new DOMParser().parseFromString(xml, "text/xml");
        const root = doc.documentElement!;
        const issuer = root.getElementsByTagNameNS(ASSERTION, "Issuer")[0]?.textContent ?? "";
        const request = JSON.stringify({
          id: root.getAttribute("ID"),
          acs: root.getAttribute("AssertionConsumerServiceURL"),
          audience: issuer,
          relay: url.searchParams.get("RelayState") ?? "",
        });
        return html(`<h1>Test IdP</h1><form method="post" action="/sso/login">
<input type="hidden" name="request" value="${escapeHtml(request)}">
<label>Login <input name="login"></label><label>Password <input name="password" type="password"></label>
<button type="submit">Sign in</button></form>`);
      }
      if (req.method === "POST" && url.pathname === "/sso/login") {
        const form = new URLSearchParams(await req.text());
        const request = JSON.parse(form.get("request") ?? "{}");
        const response = btoa(answer(request, form.get("login") ?? ""));
        return html(`<form method="post" action="${escapeHtml(request.acs)}">
<input type="hidden" name="SAMLResponse" value="${response}">
<input type="hidden" name="RelayState" value="${escapeHtml(request.relay)}">
<noscript><button type="submit">Continue</button></noscript></form>
<script>document.forms[0].submit()</script>`);
      }
      return new Response("not found", { status: 404 });
    },
  );
  handle.entryPoint = `http://127.0.0.1:${server.addr.port}/sso`;
  entityId = `http://127.0.0.1:${server.addr.port}/metadata`;
  return handle;
}
