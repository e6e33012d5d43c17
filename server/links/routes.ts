/**
 * Keycode escrow routes (spec 2.6). This service registers no trusted-device
 * public keys, so the key lists are empty and clients skip the escrow; an
 * encrypted keyCode that is sent anyway is stored as the opaque text it is.
 *
 * @module
 */
import { type ApiContext, type ApiRoute, now } from "../context.ts";
import { ServiceError } from "../http.ts";
import { stringField } from "../input.ts";
import { loadPackage, requireBuilder, requireReader } from "../packages/access.ts";

async function publicKeys(context: ApiContext): Promise<Record<string, unknown>> {
  requireBuilder(context, await loadPackage(context, context.params.packageId));
  return { publicKeys: [] };
}

async function putLink(context: ApiContext): Promise<Record<string, unknown>> {
  const record = await loadPackage(context, context.params.packageId);
  requireBuilder(context, record);
  const armored = stringField(context.body, "keycode", { maxLength: 65_536 });
  if (!armored.startsWith("-----BEGIN PGP MESSAGE-----")) {
    throw new ServiceError("INVALID_INPUT", "The keycode must be an armored OpenPGP message.");
  }
  await context.services.keyLinks.put(record.id, context.params.publicKeyId, armored, now(context));
  return { message: "Keycode saved" };
}

async function getLink(context: ApiContext): Promise<Record<string, unknown>> {
  const record = await loadPackage(context, context.params.packageId);
  await requireReader(context, record, false);
  const armored = await context.services.keyLinks.get(record.id, context.params.publicKeyId);
  if (armored === undefined) {
    throw new ServiceError("INVALID_INPUT", "No keycode is stored for this public key.");
  }
  return { message: armored };
}

/** The escrow routes. */
export const linkRoutes: readonly ApiRoute[] = [
  {
    method: "GET",
    pattern: "/package/:packageId/public-keys/",
    callers: ["user", "dropzone"],
    handler: publicKeys,
  },
  {
    method: "GET",
    pattern: "/package/:packageId/:recipientId/public-keys/",
    callers: ["user"],
    handler: publicKeys,
  },
  {
    method: "PUT",
    pattern: "/package/:packageId/link/:publicKeyId/",
    callers: ["user", "dropzone"],
    handler: putLink,
  },
  {
    method: "GET",
    pattern: "/package/:packageId/link/:publicKeyId/",
    callers: ["user"],
    handler: getLink,
  },
];
