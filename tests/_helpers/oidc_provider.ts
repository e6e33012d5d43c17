/**
 * A real OpenID provider for the tests: `oidc-provider` (an OpenID-certified implementation) on
 * 127.0.0.1 port 0, with one confidential client (code flow, PKCE required, refresh tokens) and
 * a few users. Its sign-in form is the library's development form (`login` = the user's id, any
 * password), which is enough to drive it from Chromium.
 *
 * The tests can make it misbehave the way a misconfigured or hostile provider would: re-sign the
 * ID token it returns with its own key but another audience or an expiry in the past, or sign
 * it with a key it never published (`tamper`), and refuse a user (`deactivate`): the sign-in then comes back as `access_denied`
 * and the user's refresh tokens stop working, as with Okta or Entra.
 *
 * @module
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import Provider, { errors } from "oidc-provider";
import * as jose from "jose";

// oidc-provider ships no types: the few shapes the hooks below use.
// deno-lint-ignore no-explicit-any
type Any = any;

/** A user of the test provider. */
export interface ProviderUser {
  /** The `sub`, typed as login name in the provider's form. */
  id: string;
  email: string;
  emailVerified?: boolean;
  name?: string;
}

/** What the test provider's ID tokens get changed to before Padlock sees them. */
export type Tamper = undefined | "wrong-audience" | "expired" | "forged";

/** A running test provider. */
export interface TestProvider {
  /** Registers Padlock's callback (known once Padlock listens): the provider answers from then on. */
  register(redirectUri: string): void;
  /** The issuer, e.g. `http://127.0.0.1:41234`. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Changes the next ID tokens (until set back to undefined). */
  tamper: Tamper;
  /** Makes the provider refuse this user from now on. */
  deactivate(id: string): void;
  /** Ends every provider session (the next sign-in asks for the login again). */
  close(): Promise<void>;
}

/** Starts the provider with its users; it answers once Padlock's callback is registered. */
export async function startTestProvider(
  options: { users: ProviderUser[]; idTokenSeconds?: number },
): Promise<TestProvider> {
  const users = new Map(options.users.map((user) => [user.id, user]));
  const deactivated = new Set<string>();
  const { privateKey } = await jose.generateKeyPair("RS256", { extractable: true });
  const jwk = { ...(await jose.exportJWK(privateKey)), kid: "test-key", alg: "RS256", use: "sig" };
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = "padlock-test";
  const clientSecret = "test client secret that is long enough";
  const handle: TestProvider = {
    issuer,
    clientId,
    clientSecret,
    tamper: undefined,
    register: (redirectUri) => {
      server.on("request", makeProvider(redirectUri).callback());
    },
    deactivate: (id) => deactivated.add(id),
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  const makeProvider = (redirectUri: string) => {
    const provider = new Provider(issuer, {
      clients: [{
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        grant_types: ["authorization_code", "refresh_token"],
        response_types: ["code"],
      }],
      jwks: { keys: [jwk] },
      cookies: { keys: ["test cookie key, not secret"] },
      claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
      scopes: ["openid", "email", "profile", "offline_access"],
      features: { devInteractions: { enabled: true } },
      pkce: { required: () => true },
      ttl: {
        IdToken: options.idTokenSeconds ?? 3600,
        Session: 3600,
        Grant: 3600,
        Interaction: 600,
        AccessToken: 600,
        AuthorizationCode: 60,
        RefreshToken: 86400,
      },
      // Refresh tokens for every code grant of the client, not only with a consent prompt.
      issueRefreshToken: (_ctx: Any, client: Any, code: Any) =>
        client.grantTypeAllowed("refresh_token") && code.scopes.has("offline_access"),
      loadExistingGrant: async (ctx: Any) => {
        // One grant per user, all scopes asked: the tests need no consent screen.
        const accountId = ctx.oidc.session?.accountId;
        if (!accountId) return undefined;
        const grant = new ctx.oidc.provider.Grant({ clientId, accountId });
        grant.addOIDCScope("openid email profile offline_access");
        await grant.save();
        return grant;
      },
      findAccount: (ctx: Any, id: string) => {
        const user = users.get(id);
        if (!user || deactivated.has(id)) {
          // Signing in, the provider sends the browser back with access_denied; a refresh or
          // code grant for the user fails with invalid_grant.
          if (["authorization", "resume"].includes(ctx?.oidc?.route)) {
            throw new errors.AccessDenied("This user is deactivated.");
          }
          return undefined;
        }
        return {
          accountId: id,
          claims: () => ({
            sub: id,
            email: user.email,
            email_verified: user.emailVerified ?? true,
            name: user.name ?? id,
          }),
        };
      },
    });
    provider.use(async (ctx: Any, next: () => Promise<void>) => {
      // Okta and Entra hand out a refresh token for offline_access without prompt=consent;
      // oidc-provider keeps to the letter of OpenID Connect Core and wants the prompt.
      if (ctx.path === "/auth" && String(ctx.query.scope ?? "").includes("offline_access")) {
        ctx.query = { ...ctx.query, prompt: "consent" };
      }
      await next();
      if (ctx.path === "/token" && handle.tamper && ctx.body && typeof ctx.body === "object") {
        const body = ctx.body as { id_token?: string };
        if (body.id_token) {
          const claims = jose.decodeJwt(body.id_token);
          const now = Math.floor(Date.now() / 1000);
          if (handle.tamper === "wrong-audience") claims.aud = "another-application";
          if (handle.tamper === "expired") {
            claims.iat = now - 7200;
            claims.exp = now - 3600;
          }
          // Forged: the same claims and key id, signed by a key the provider never published.
          const key = handle.tamper === "forged"
            ? (await jose.generateKeyPair("RS256")).privateKey
            : privateKey;
          body.id_token = await new jose.SignJWT(claims)
            .setProtectedHeader({ alg: "RS256", kid: "test-key" })
            .sign(key);
        }
      }
    });
    provider.on("server_error", (_ctx: Any, error: Error) => console.error("provider:", error));
    return provider;
  };
  return handle;
}
