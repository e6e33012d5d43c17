/**
 * Recipient routes: name the people who may open a package (bulk and single),
 * read one, remove one. Only the package's sender manages its recipients.
 *
 * @module
 */
import { type ApiContext, type ApiRoute, now } from "../context.ts";
import { ServiceError } from "../http.ts";
import { isEmail, normaliseEmail } from "../accounts/emails.ts";
import { loadPackage, requireBuilder } from "../packages/access.ts";
import type { PackageRecord } from "../packages/repository.ts";
import { recipientView } from "../packages/views.ts";

function addAll(context: ApiContext, record: PackageRecord, emails: unknown[]) {
  const { services } = context;
  const invalid = emails.filter((email) => !isEmail(email));
  if (emails.length === 0 || invalid.length > 0) {
    throw new ServiceError(
      "INVALID_INPUT",
      emails.length === 0
        ? "Give at least one email address."
        : "Every recipient must be an email address.",
    );
  }
  const fresh = new Set((emails as string[]).map(normaliseEmail));
  for (const recipient of services.recipients.list(record.id)) fresh.delete(recipient.email);
  if (services.recipients.count(record.id) + fresh.size > services.config.maxRecipientsPerPackage) {
    throw new ServiceError(
      "LIMIT_EXCEEDED",
      `A package may have at most ${services.config.maxRecipientsPerPackage} recipients.`,
    );
  }
  return (emails as string[]).map((email) =>
    services.recipients.add(record.id, normaliseEmail(email), now(context))
  );
}

function addRecipients(context: ApiContext): Record<string, unknown> {
  const record = loadPackage(context, context.params.packageId);
  requireBuilder(context, record);
  const emails = context.body.emails;
  if (!Array.isArray(emails)) {
    throw new ServiceError(
      "INVALID_INPUT",
      'The field "emails" must be a list of email addresses.',
    );
  }
  const added = addAll(context, record, emails);
  return {
    recipients: added.map((recipient) => ({
      response: "SUCCESS",
      message: "",
      ...recipientView(recipient),
    })),
    approvalRequired: false,
    approvers: [],
  };
}

function addRecipient(context: ApiContext): Record<string, unknown> {
  const record = loadPackage(context, context.params.packageId);
  requireBuilder(context, record);
  if (context.body.phoneNumber) {
    throw new ServiceError("INVALID_INPUT", "SMS verification is not supported by this service.");
  }
  const [recipient] = addAll(context, record, [context.body.email]);
  return { ...recipientView(recipient), approvers: [] };
}

function findRecipient(context: ApiContext) {
  const record = loadPackage(context, context.params.packageId);
  requireBuilder(context, record);
  const recipient = context.services.recipients.find(record.id, context.params.recipientId);
  if (!recipient) {
    throw new ServiceError("UNKNOWN_RECIPIENT", "This package has no recipient with this id.");
  }
  return { record, recipient };
}

function getRecipient(context: ApiContext): Record<string, unknown> {
  return recipientView(findRecipient(context).recipient);
}

function removeRecipient(context: ApiContext): Record<string, unknown> {
  const { record, recipient } = findRecipient(context);
  context.services.recipients.delete(record.id, recipient.id);
  return { message: "Recipient removed", approvalRequired: false };
}

/** The recipient routes. */
export const recipientRoutes: readonly ApiRoute[] = [
  {
    method: "PUT",
    pattern: "/package/:packageId/recipients/",
    callers: ["user"],
    handler: addRecipients,
  },
  {
    method: "PUT",
    pattern: "/package/:packageId/recipient/",
    callers: ["user"],
    handler: addRecipient,
  },
  {
    method: "GET",
    pattern: "/package/:packageId/recipient/:recipientId/",
    callers: ["user"],
    handler: getRecipient,
  },
  {
    method: "DELETE",
    pattern: "/package/:packageId/recipient/:recipientId/",
    callers: ["user"],
    handler: removeRecipient,
  },
];
