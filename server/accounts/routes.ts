/**
 * Account routes: verify credentials, the signed-in user, the enterprise settings
 * and the version check (spec 2.1).
 *
 * @module
 */
import type { ApiContext, ApiRoute } from "../context.ts";

/** Version reported to `GET /config/version/...`. */
export const SERVICE_VERSION = "0.1.0";

function verifyCredentials(context: ApiContext): Record<string, unknown> {
  const { caller } = context;
  // A dropzone id is public; its owner's address is not echoed to anonymous callers.
  return { message: caller.kind === "user" ? caller.user.email : "" };
}

function userInfo(context: ApiContext): Record<string, unknown> {
  if (context.caller.kind !== "user") return {};
  const { user } = context.caller;
  const [firstName, ...rest] = user.name.split(" ");
  return {
    id: user.id,
    email: user.email,
    firstName: firstName ?? "",
    lastName: rest.join(" "),
    clientKey: "",
    betaUser: false,
    packageLife: context.services.config.defaultPackageLifeDays,
    publicKey: false,
  };
}

function enterpriseInfo(context: ApiContext): Record<string, unknown> {
  const { config, publicUrl } = context.services;
  return {
    host: publicUrl,
    systemName: config.systemName,
    allowUndisclosedRecipients: config.allowUndisclosedRecipients,
    headerColor: "",
    linkColor: "",
    messageEncryption: true,
  };
}

function version(): Record<string, unknown> {
  return { version: SERVICE_VERSION };
}

/** The account routes. */
export const accountRoutes: readonly ApiRoute[] = [
  {
    method: "GET",
    pattern: "/config/verify-credentials/",
    callers: ["user", "dropzone"],
    handler: verifyCredentials,
  },
  { method: "GET", pattern: "/user/", callers: ["user"], handler: userInfo },
  {
    method: "GET",
    pattern: "/enterprise/",
    callers: ["user", "dropzone", "session"],
    handler: enterpriseInfo,
  },
  {
    method: "GET",
    pattern: "/config/version/:api/:versionNumber/",
    callers: ["user", "dropzone", "session"],
    paramPatterns: { versionNumber: /^[0-9]{1,9}(\.[0-9]{1,9}){0,3}$/ },
    handler: version,
  },
];
