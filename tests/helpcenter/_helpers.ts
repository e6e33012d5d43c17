/// <reference lib="dom" />
/**
 * Shared steps of the Help Center browser tests: the stack (service, sandbox, bundles), a
 * Chromium page with a network log, filling a request form of either generation, attaching
 * files by the file chooser and by a real drag-and-drop, and downloading a Secure Link with the
 * `src/` client signed as the dropzone's agent.
 *
 * @module
 */
import { Buffer } from "node:buffer";
import type { Browser, Page } from "playwright-core";
import { SendSafelyClient } from "../../src/api.ts";
import { downloadFile, openPackage } from "../../src/download.ts";
import {
  type Harness,
  type HarnessOptions,
  startHarness,
} from "../../sandbox/helpcenter/harness.ts";
import { launchBrowser } from "../_helpers/browser.ts";
export { randomBytes, sha256 } from "../_helpers/bytes.ts";

/** A file a test attaches. */
export interface TestFile {
  name: string;
  mimeType: string;
  bytes: Uint8Array;
}

/** A request the page sent, with the size of its body. */
export interface LoggedRequest {
  method: string;
  url: string;
  bodyBytes: number;
}

/** The stack and a browser. */
export interface Stack {
  harness: Harness;
  browser: Browser;
  close(): Promise<void>;
}

/** Starts the service, the sandbox and Chromium. */
export async function startStack(options: HarnessOptions = {}): Promise<Stack> {
  const harness = await startHarness(options);
  const browser = await launchBrowser();
  return {
    harness,
    browser,
    async close() {
      await browser.close();
      await harness.close();
    },
  };
}

/** Which request page. */
export type Generation = "v4" | "legacy";

/** The URL of the sandbox's request page. */
export function requestPageUrl(
  stack: Stack,
  generation: Generation,
  formId?: string,
  locale = "en-us",
): string {
  const query = new URLSearchParams();
  if (generation === "legacy") query.set("theme", "legacy");
  if (formId) query.set("ticket_form_id", formId);
  const search = query.toString();
  return `${stack.harness.sandbox.url}/hc/${locale}/requests/new${search ? `?${search}` : ""}`;
}

/** Opens a page that logs every request and fails the test on a page error. */
export async function openPage(
  stack: Stack,
): Promise<{ page: Page; requests: LoggedRequest[]; errors: string[] }> {
  const page = await stack.browser.newPage({ viewport: { width: 1000, height: 1200 } });
  const requests: LoggedRequest[] = [];
  const errors: string[] = [];
  page.on("request", (request) => {
    requests.push({
      method: request.method(),
      url: request.url(),
      bodyBytes: request.postDataBuffer()?.length ?? 0,
    });
  });
  page.on("pageerror", (error) => errors.push(error.message));
  // A listener from the start turns on Playwright's file chooser interception before any
  // chooser opens; adding it only around the key press races with the page.
  page.on("filechooser", () => {});
  return { page, requests, errors };
}

/** Loads a request page and waits until the form is there (and the widget, if expected). */
export async function loadRequestPage(
  page: Page,
  url: string,
  options: { secured?: boolean } = {},
): Promise<void> {
  await page.goto(url);
  await page.waitForSelector('[name="request[subject]"]');
  if (url.includes("theme=legacy")) {
    await page.waitForSelector("#request-attachments", { state: "attached" });
  } else await page.waitForSelector(".ck-editor__editable");
  if (options.secured ?? true) await page.waitForSelector(".padlock-dropzone");
}

/** Fills email, subject and description the way a person does (typing into CKEditor on v4). */
export async function fillRequest(
  page: Page,
  generation: Generation,
  text: { subject: string; description: string },
): Promise<void> {
  await page.fill('[name="request[anonymous_requester_email]"]', "customer@example.com");
  await page.fill('[name="request[subject]"]', text.subject);
  if (generation === "legacy") {
    await page.fill("#request_description", text.description);
  } else {
    await page.click(".ck-editor__editable");
    await page.keyboard.type(text.description);
  }
}

/** The description as the user sees it now (editor text or textarea value). */
export function descriptionText(page: Page, generation: Generation): Promise<string> {
  return generation === "legacy"
    ? page.inputValue("#request_description")
    : page.innerText(".ck-editor__editable");
}

/** Attaches files by clicking the widget's dropzone and answering the file chooser. */
export async function attachByChooser(page: Page, files: TestFile[]): Promise<void> {
  const [chooser] = await Promise.all([
    page.waitForEvent("filechooser"),
    page.click(".padlock-dropzone"),
  ]);
  await chooser.setFiles(files.map(toPayload));
}

/** Drops files on `selector` with a real `DataTransfer` (dragenter, dragover, drop). */
export async function dropFiles(page: Page, selector: string, files: TestFile[]): Promise<void> {
  const payload = files.map((file) => ({
    name: file.name,
    mimeType: file.mimeType,
    base64: Buffer.from(file.bytes).toString("base64"),
  }));
  await page.evaluate(({ selector, payload }) => {
    const target = document.querySelector(selector);
    if (!target) throw new Error(`no ${selector}`);
    const transfer = new DataTransfer();
    for (const file of payload) {
      const binary = atob(file.base64);
      const bytes = new Uint8Array(binary.length);
      for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
      transfer.items.add(new File([bytes], file.name, { type: file.mimeType }));
    }
    for (const type of ["dragenter", "dragover", "drop"]) {
      target.dispatchEvent(
        new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }),
      );
    }
  }, { selector, payload });
}

function toPayload(file: TestFile) {
  return { name: file.name, mimeType: file.mimeType, buffer: Buffer.from(file.bytes) };
}

/** Waits until every file row of the widget says it is uploaded. */
export async function waitForUploads(page: Page, count: number): Promise<void> {
  await page.waitForFunction(
    (count) => {
      const rows = [...document.querySelectorAll(".padlock-file")];
      return rows.length === count &&
        rows.every((row) => (row as HTMLElement).dataset.status === "uploaded");
    },
    count,
    { timeout: 30_000 },
  ).catch(async (error) => {
    const rows = await page.locator(".padlock-file").allTextContents();
    throw new Error(`uploads did not finish: ${JSON.stringify(rows)}`, { cause: error });
  });
}

/** Clicks the form's submit control and waits for the ticket page. */
export async function submitAndWaitForTicket(page: Page): Promise<number> {
  await Promise.all([
    page.waitForURL(/\/hc\/en-us\/requests\/\d+$/, { timeout: 30_000 }),
    page.click('form [type="submit"]'),
  ]);
  return Number(/(\d+)$/.exec(page.url())![1]);
}

/** Downloads every file behind a Secure Link, signed as the dropzone's agent. */
export async function downloadAll(
  harness: Harness,
  link: string,
): Promise<Map<string, Uint8Array>> {
  const client = new SendSafelyClient({
    host: harness.serviceUrl,
    credentials: { apiKey: harness.agent.apiKey, apiSecret: harness.agent.apiSecret },
  });
  const pkg = await openPackage(client, link);
  const files = new Map<string, Uint8Array>();
  for (const file of pkg.files) {
    const chunks: Uint8Array[] = [];
    await downloadFile(
      client,
      pkg,
      file,
      new WritableStream({ write: (chunk) => void chunks.push(chunk) }),
    );
    const bytes = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
    let offset = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, offset);
      offset += chunk.length;
    }
    files.set(file.fileName, bytes);
  }
  return files;
}
