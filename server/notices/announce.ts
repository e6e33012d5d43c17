/**
 * What the service tells when a dropzone package is finalized: a mail to the dropzone's agents
 * when the dropzone asks for one (`notifyUploads`), and an internal note on the ticket when the
 * package came through a file request and a Zendesk API token is configured. Neither carries the
 * keyCode: the service never has it. Both go out in the background (the mail queue, the notes'
 * retries), so the uploader's finalize answers as fast and succeeds whatever happens to them.
 *
 * @module
 */
import type { Services } from "../context.ts";
import { uploadNoteHtml, uploadNoticeMail } from "../mail/templates.ts";
import type { PackageRecord } from "../packages/repository.ts";
import { secureLink } from "../packages/views.ts";
import { UploadRequestRepository } from "../upload_requests/repository.ts";

/** The query parameter that tells the receive page which ticket's app holds the key. */
export const TICKET_PARAMETER = "ticket";

/**
 * The package's link for a ticket note: the Secure Link without its keyCode, naming the ticket so
 * that the receive page can say where the key is.
 */
export function keylessLink(services: Services, record: PackageRecord, ticketId: string): string {
  return `${secureLink(services, record)}&${TICKET_PARAMETER}=${encodeURIComponent(ticketId)}`;
}

/**
 * Queues the mail and the note a newly finalized dropzone package calls for.
 *
 * @throws {import("../db/database.ts").DatabaseUnavailableError} when the database cannot be
 *   reached (the caller logs it: the upload itself is done).
 */
export async function announceUpload(services: Services, record: PackageRecord): Promise<void> {
  if (record.dropzoneId === undefined) return;
  const dropzone = await services.accounts.findDropzone(record.dropzoneId);
  if (!dropzone) return;
  const wantsMail = dropzone.settings.notifyUploads && services.mail !== undefined;
  const request = await new UploadRequestRepository(services.db).ticketOf(record.id);
  const wantsNote = request !== undefined && services.zendeskNotes !== undefined;
  if (!wantsMail && !wantsNote) return;
  const fileNames = (await services.files.list(record.id)).map((file) => file.name);
  const systemName = services.config.systemName;
  if (wantsNote) {
    services.zendeskNotes!.add(
      request!.ticketId,
      uploadNoteHtml({
        link: keylessLink(services, record, request!.ticketId),
        systemName,
        fileNames,
        locale: request!.locale,
      }),
    );
  }
  if (wantsMail) {
    for (const userId of new Set([dropzone.ownerId, ...dropzone.allowedUserIds])) {
      const user = await services.accounts.getUser(userId);
      if (!user || user.deactivatedAt !== undefined) continue;
      services.mail!.enqueue(uploadNoticeMail({
        to: user.email,
        systemName,
        packageId: record.id,
        fileNames,
        ticketId: request?.ticketId,
        sender: record.unconfirmedSender,
        // Agents have no language of their own here: the one of the agent who asked for the
        // files when known, else English.
        locale: request?.locale,
      }));
    }
  }
}
