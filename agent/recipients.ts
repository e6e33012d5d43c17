/**
 * Who gets a "Require authentication" package sent from a ticket: the requester, the ticket's CCs
 * (`ticket.collaborators`), its followers where Zendesk gives them (`ticket.followers`), and the
 * assignee, or, with the app setting "Add all agents as recipients", every agent and admin of
 * the account instead of the assignee (Zendesk's users API through the ZAF request proxy,
 * page by page). Each of them opens the files after verifying their email.
 *
 * @module
 */
import type { ZafClient } from "../src/zaf.ts";

/** Why a person is a recipient. */
export type RecipientReason = "requester" | "cc" | "follower" | "assignee" | "agent";

/** A person who will be able to open the files. */
export interface TicketRecipient {
  /** The person's name as Zendesk gives it (untrusted text). */
  name: string;
  /** Their email, lowercase; missing when Zendesk has none (a phone-only user). */
  email?: string;
  /** Why they are a recipient: the first reason found, in the order above. */
  reason: RecipientReason;
  /** Their Zendesk locale (`de`, `pt-BR`…), when Zendesk gives it. */
  locale?: string;
}

/** Options of {@linkcode ticketRecipients}. */
export interface TicketRecipientsOptions {
  /** Every agent and admin of the account instead of the assignee. */
  allAgents?: boolean;
  /** Users asked for per page of the users API. @default {100} */
  pageSize?: number;
  /** Pages read at most (a runaway `next` link must not loop). @default {100} */
  maxPages?: number;
}

/** Some recipients have no email address: nothing may be sent to the others alone. */
export class MissingEmailError extends Error {
  /** The names of the people without an email. */
  readonly names: string[];
  /** Builds the error for the people named. */
  constructor(names: string[]) {
    super(`No email address for: ${names.join(", ")}`);
    this.name = "MissingEmailError";
    this.names = names;
  }
}

interface Person {
  id?: unknown;
  name?: unknown;
  email?: unknown;
  locale?: unknown;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

function people(value: unknown): Person[] {
  if (Array.isArray(value)) return value.filter(isRecord);
  return isRecord(value) ? [value] : [];
}

/**
 * Every agent and admin of the account, through `GET /api/v2/users.json` with cursor pagination
 * (`links.next` while `meta.has_more`), or offset pagination (`next_page`) on older hosts.
 *
 * @throws {ZafError} when a page cannot be read; {@linkcode Error} past `maxPages` pages.
 */
export async function accountAgents(
  zaf: ZafClient,
  options: { pageSize?: number; maxPages?: number } = {},
): Promise<Person[]> {
  const { pageSize = 100, maxPages = 100 } = options;
  const found: Person[] = [];
  let url: string | undefined =
    `/api/v2/users.json?role%5B%5D=agent&role%5B%5D=admin&page%5Bsize%5D=${pageSize}`;
  for (let page = 0; url !== undefined; page++) {
    if (page === maxPages) {
      throw new Error(`The account has more agents than ${maxPages} pages of the users API.`);
    }
    const body: unknown = await zaf.request({ url, type: "GET", dataType: "json" });
    const answer: Record<string, unknown> = isRecord(body) ? body : {};
    found.push(...people(answer.users));
    url = nextPage(answer);
  }
  return found;
}

/** The next page's URL as a path of the Zendesk API (the proxy takes paths), if there is one. */
function nextPage(answer: Record<string, unknown>): string | undefined {
  const meta = isRecord(answer.meta) ? answer.meta : {};
  const links = isRecord(answer.links) ? answer.links : {};
  const next = meta.has_more === true && typeof links.next === "string"
    ? links.next
    : typeof answer.next_page === "string"
    ? answer.next_page
    : undefined;
  if (next === undefined) return undefined;
  const parsed = new URL(next, "https://zendesk.invalid");
  return parsed.pathname.startsWith("/api/v2/") ? parsed.pathname + parsed.search : undefined;
}

/**
 * The people who will be able to open a "Require authentication" package sent from this ticket,
 * each once (by email, or by Zendesk id when there is none), requester first.
 *
 * @throws {ZafError} when Zendesk does not give the requester, or the users API fails.
 */
export async function ticketRecipients(
  zaf: ZafClient,
  options: TicketRecipientsOptions = {},
): Promise<TicketRecipient[]> {
  // One bulk get: a path this Zendesk does not know (followers on older hosts) is an entry of
  // `errors`, not a failure.
  const paths = ["ticket.requester", "ticket.collaborators", "ticket.followers"];
  if (!options.allAgents) paths.push("ticket.assignee");
  const values = await zaf.get(paths) as Record<string, unknown>;
  if (!isRecord(values["ticket.requester"])) {
    throw new Error("Zendesk did not give the ticket's requester.");
  }
  const found: TicketRecipient[] = [];
  const seen = new Set<string>();
  const add = (person: Person, reason: RecipientReason) => {
    const email = typeof person.email === "string" && person.email.trim() !== ""
      ? person.email.trim().toLowerCase()
      : undefined;
    const key = email ?? `id:${String(person.id)}`;
    if (seen.has(key)) return;
    seen.add(key);
    const name = typeof person.name === "string" && person.name.trim() !== ""
      ? person.name.trim()
      : email ?? `#${String(person.id ?? "?")}`;
    const locale = typeof person.locale === "string" ? person.locale : undefined;
    found.push({ name, email, reason, ...(locale === undefined ? {} : { locale }) });
  };
  add(values["ticket.requester"], "requester");
  for (const person of people(values["ticket.collaborators"])) add(person, "cc");
  for (const person of people(values["ticket.followers"])) add(person, "follower");
  if (options.allAgents) {
    for (const person of await accountAgents(zaf, options)) add(person, "agent");
  } else {
    // `ticket.assignee` is `{user, group}`; an unassigned ticket has no user.
    const assignee = values["ticket.assignee"];
    const user = isRecord(assignee) && isRecord(assignee.user) ? assignee.user : undefined;
    if (user && (user.id !== undefined || user.email !== undefined)) add(user, "assignee");
  }
  return found;
}

/**
 * The recipients' emails.
 *
 * @throws {MissingEmailError} naming everyone without an email, when there is anyone.
 */
export function recipientEmails(recipients: readonly TicketRecipient[]): string[] {
  const missing = recipients.filter((recipient) => recipient.email === undefined);
  if (missing.length > 0) throw new MissingEmailError(missing.map((recipient) => recipient.name));
  return recipients.map((recipient) => recipient.email as string);
}
