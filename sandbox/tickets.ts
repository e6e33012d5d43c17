/**
 * The sandbox's ticket store: a tiny stand-in for Zendesk tickets, in memory, optionally saved
 * to a JSON file (the dev command keeps it in `.data/`). Dev-only; never deployed.
 *
 * @module
 */

/** Who wrote a comment or asked for help. */
export interface Person {
  name: string;
  email: string;
  /** The person's Zendesk locale (`de`, `pt-br`), when known: ZAF gives the requester's. */
  locale?: string;
}

/** A comment on a ticket; `html` is the body as Zendesk stores it (HTML). */
export interface TicketComment {
  id: number;
  author: Person;
  role: "end-user" | "agent";
  html: string;
  public: boolean;
  createdAt: string;
}

/** A ticket. `description` is the first comment as submitted (text or HTML). */
export interface Ticket {
  id: number;
  subject: string;
  description: string;
  /** `text/plain` or `text/html`, as the request form said. */
  descriptionMimetype: "text/plain" | "text/html";
  requester: Person;
  formId?: string;
  /** The ticket's CCs (Zendesk's collaborators); `email: ""` for a person without one. */
  ccs?: Person[];
  /** Agents following the ticket. */
  followers?: Person[];
  /** The assignee; absent: the signed-in agent of the agent view; `null`: unassigned. */
  assignee?: Person | null;
  comments: TicketComment[];
  createdAt: string;
}

/** What {@linkcode TicketStore.createTicket} takes. */
export interface NewTicket {
  subject: string;
  description: string;
  /** @default {"text/plain"} */
  descriptionMimetype?: "text/plain" | "text/html";
  requester: Person;
  formId?: string;
  /** @default {[]} */
  ccs?: Person[];
  /** @default {[]} */
  followers?: Person[];
  /** @default {undefined} the signed-in agent */
  assignee?: Person | null;
}

/** What {@linkcode TicketStore.addComment} takes. */
export interface NewComment {
  authorName: string;
  authorEmail: string;
  role: "end-user" | "agent";
  html: string;
  public: boolean;
}

/** No ticket has this id. */
export class TicketNotFoundError extends Error {
  /** Creates the error for ticket `id`. */
  constructor(id: number) {
    super(`No ticket #${id}`);
    this.name = "TicketNotFoundError";
  }
}

/** Options of {@linkcode createTicketStore}. */
export interface TicketStoreOptions {
  /**
   * JSON file the tickets are loaded from and saved to after each change.
   * @default {undefined} in memory only
   */
  path?: string;
}

/** The store's operations. */
export interface TicketStore {
  createTicket(ticket: NewTicket): Promise<Ticket>;
  /** @throws {TicketNotFoundError} */
  getTicket(id: number): Promise<Ticket>;
  listTickets(): Promise<Ticket[]>;
  /** @throws {TicketNotFoundError} */
  addComment(id: number, comment: NewComment): Promise<TicketComment>;
}

interface Saved {
  nextTicket: number;
  nextComment: number;
  tickets: Ticket[];
}

/**
 * Opens a ticket store, loading `path` when it exists.
 *
 * @throws {SyntaxError} when the file exists but is not the store's JSON.
 */
export async function createTicketStore(options: TicketStoreOptions = {}): Promise<TicketStore> {
  const { path } = options;
  let state: Saved = { nextTicket: 1, nextComment: 1, tickets: [] };
  if (path) {
    try {
      state = JSON.parse(await Deno.readTextFile(path)) as Saved;
    } catch (error) {
      if (!(error instanceof Deno.errors.NotFound)) throw error;
    }
  }
  let saving = Promise.resolve();
  const save = () => {
    if (!path) return Promise.resolve();
    const text = JSON.stringify(state, null, 2);
    // Writes are queued and atomic (temp file, then rename), so a crash never leaves half a file.
    saving = saving.then(async () => {
      const dir = path.replace(/\/[^/]*$/, "");
      if (dir && dir !== path) await Deno.mkdir(dir, { recursive: true });
      await Deno.writeTextFile(`${path}.tmp`, text);
      await Deno.rename(`${path}.tmp`, path);
    });
    return saving;
  };
  const find = (id: number): Ticket => {
    const ticket = state.tickets.find((candidate) => candidate.id === id);
    if (!ticket) throw new TicketNotFoundError(id);
    return ticket;
  };
  const copy = <T>(value: T): T => structuredClone(value);

  return {
    async createTicket(input) {
      const now = new Date().toISOString();
      const mimetype = input.descriptionMimetype ?? "text/plain";
      const ticket: Ticket = {
        id: state.nextTicket++,
        subject: input.subject,
        description: input.description,
        descriptionMimetype: mimetype,
        requester: { ...input.requester },
        formId: input.formId,
        ...(input.ccs ? { ccs: input.ccs.map((person) => ({ ...person })) } : {}),
        ...(input.followers ? { followers: input.followers.map((person) => ({ ...person })) } : {}),
        ...(input.assignee !== undefined
          ? { assignee: input.assignee && { ...input.assignee } }
          : {}),
        comments: [],
        createdAt: now,
      };
      ticket.comments.push({
        id: state.nextComment++,
        author: { ...input.requester },
        role: "end-user",
        html: mimetype === "text/html" ? input.description : textToHtml(input.description),
        public: true,
        createdAt: now,
      });
      state.tickets.push(ticket);
      await save();
      return copy(ticket);
    },
    getTicket(id) {
      return Promise.resolve().then(() => copy(find(id)));
    },
    listTickets() {
      return Promise.resolve(copy(state.tickets));
    },
    async addComment(id, input) {
      const ticket = find(id);
      const comment: TicketComment = {
        id: state.nextComment++,
        author: { name: input.authorName, email: input.authorEmail },
        role: input.role,
        html: input.html,
        public: input.public,
        createdAt: new Date().toISOString(),
      };
      ticket.comments.push(comment);
      await save();
      return copy(comment);
    },
  };
}

/** Escapes text for HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

const URL_IN_TEXT = /https?:\/\/[^\s<>"']+/g;

/**
 * Plain text as Zendesk shows it: escaped, line breaks kept, and http(s) URLs turned into
 * links (with their `#fragment`, so a Secure Link stays whole).
 */
export function textToHtml(text: string): string {
  const paragraphs = text.replace(/\r\n/g, "\n").split(/\n{2,}/);
  return paragraphs.map((paragraph) => {
    let html = "";
    let last = 0;
    for (const match of paragraph.matchAll(URL_IN_TEXT)) {
      const url = match[0].replace(/[.,;:!?)]+$/, "");
      html += escapeHtml(paragraph.slice(last, match.index));
      html += `<a href="${escapeHtml(url)}" rel="noreferrer">${escapeHtml(url)}</a>`;
      last = match.index + url.length;
    }
    html += escapeHtml(paragraph.slice(last));
    return `<p>${html.replace(/\n/g, "<br>")}</p>`;
  }).join("");
}
