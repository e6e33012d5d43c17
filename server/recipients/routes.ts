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
import { type RecipientRecord, RecipientRepository } from "./repository.ts";
import { matchLocale } from "../../ui/i18n.ts";

/**
 * The optional `locale` of a request adding recipients (Padlock's extension: the language their
 * mails are written in, e.g. the Zendesk requester's `de` or `pt-br`), as a locale Padlock
 * speaks; undefined when absent or a language Padlock does not speak (its mails are English).
 *
 * @throws {ServiceError} `INVALID_INPUT` when it is not a short string.
 */
function recipientLocale(body: Record<string, unknown>): string | undefined {
  const value = body.locale;
  if (value === undefined || value === null || value === "") return undefined;
  if (typeof value !== "string" || value.length > 35) {
    throw new ServiceError(
      "INVALID_INPUT",
      'The field "locale" must be a language tag such as "de".',
    );
  }
  return matchLocale(value);
}

async function addAll(
  context: ApiContext,
  record: PackageRecord,
  emails: unknown[],
  locale?: string,
): Promise<RecipientRecord[]> {
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
  // One transaction: two requests adding at once cannot pass the limit together.
  return await services.db.transaction(async (tx) => {
    const recipients = new RecipientRepository(tx);
    const fresh = new Set((emails as string[]).map(normaliseEmail));
    for (const recipient of await recipients.list(record.id)) fresh.delete(recipient.email);
    if (await recipients.count(record.id) + fresh.size > services.config.maxRecipientsPerPackage) {
      throw new ServiceError(
        "LIMIT_EXCEEDED",
        `A package may have at most ${services.config.maxRecipientsPerPackage} recipients.`,
      );
    }
    const added = [];
    for (const email of emails as string[]) {
      added.push(await recipients.add(record.id, normaliseEmail(email), now(context), locale));
    }
    return added;
  });
}

async function addRecipients(context: ApiContext): Promise<Record<string, unknown>> {
  const record = await loadPackage(context, context.params.packageId);
  requireBuilder(context, record);
  const emails = context.body.emails;
  if (!Array.isArray(emails)) {
    throw new ServiceError(
      "INVALID_INPUT",
      'The field "emails" must be a list of email addresses.',
    );
  }
  const added = await addAll(context, record, emails, recipientLocale(context.body));
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

async function addRecipient(context: ApiContext): Promise<Record<string, unknown>> {
  const record = await loadPackage(context, context.params.packageId);
  requireBuilder(context, record);
  if (context.body.phoneNumber) {
    throw new ServiceError("INVALID_INPUT", "SMS verification is not supported by this service.");
  }
  const [recipient] = await addAll(
    context,
    record,
    [context.body.email],
    recipientLocale(context.body),
  );
  return { ...recipientView(recipient), approvers: [] };
}

async function findRecipient(context: ApiContext) {
  const record = await loadPackage(context, context.params.packageId);
  requireBuilder(context, record);
  const recipient = await context.services.recipients.find(record.id, context.params.recipientId);
  if (!recipient) {
    throw new ServiceError("UNKNOWN_RECIPIENT", "This package has no recipient with this id.");
  }
  return { record, recipient };
}

async function getRecipient(context: ApiContext): Promise<Record<string, unknown>> {
  return recipientView((await findRecipient(context)).recipient);
}

async function removeRecipient(context: ApiContext): Promise<Record<string, unknown>> {
  const { record, recipient } = await findRecipient(context);
  await context.services.recipients.delete(record.id, recipient.id);
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
