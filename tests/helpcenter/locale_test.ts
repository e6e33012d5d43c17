/**
 * The widget in the Help Center's language, in real Chromium: on `/hc/de/…` it speaks German
 * and loads only the German words; on `/hc/ar/…` it speaks Arabic and mirrors (right to left);
 * in the pseudo-locale (`/hc/en-XA/…`) no visible text or accessible name of the widget is left
 * untranslated, on both forms and in every state of a file (uploading, uploaded, failed) and of
 * the submission (an error the user must act on).
 */
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import {
  attachByChooser,
  fillRequest,
  type Generation,
  loadRequestPage,
  openPage,
  requestPageUrl,
  type Stack,
  startStack,
  submitAndWaitForTicket,
  type TestFile,
  waitForUploads,
} from "./_helpers.ts";
import { untranslated, visibleTexts } from "../_helpers/visible_text.ts";
import { findLinks } from "../../src/link.ts";
import { htmlToText } from "../../sandbox/helpcenter/html.ts";

function textFile(name: string, bytes = 1_500): TestFile {
  return { name, mimeType: "text/plain", bytes: new TextEncoder().encode("x".repeat(bytes)) };
}

/** The widget's chunks the page fetched (file names without their hash). */
function chunksFetched(requests: { url: string }[]): string[] {
  return requests.map((request) => new URL(request.url).pathname)
    .filter((path) => path.startsWith("/hc/theming_assets/"))
    .map((path) => path.slice("/hc/theming_assets/".length).replace(/-[A-Z0-9]{8}\.js$/, ""));
}

async function withStack(fn: (stack: Stack) => Promise<void>): Promise<void> {
  const stack = await startStack();
  try {
    await fn(stack);
  } finally {
    await stack.close();
  }
}

Deno.test("widget on /hc/de/: German words, German numbers, only the German strings loaded", async () => {
  await withStack(async (stack) => {
    const { page, requests, errors } = await openPage(stack);
    await loadRequestPage(page, requestPageUrl(stack, "v4", undefined, "de"));
    assert.equal(
      await page.textContent(".padlock-words"),
      "Datei auswählen oder hierher ziehen und ablegen",
    );
    assert.equal(
      await page.textContent(".padlock-hint"),
      "Die Dateien werden in Ihrem Browser verschlüsselt, bevor sie hochgeladen werden.",
    );
    assert.equal(await page.getAttribute(".padlock-attachments", "dir"), "ltr");
    await fillRequest(page, "v4", { subject: "Drucker", description: "Der Drucker brennt." });
    await attachByChooser(page, [textFile("bericht.txt", 1_500)]);
    await waitForUploads(page, 1);
    // Intl's German decimal comma; the unit from the catalogue.
    assert.equal(await page.textContent(".padlock-file-size"), "1,5 KB");
    assert.match(
      await page.textContent(".padlock-file-status") ?? "",
      /Verschlüsselt und hochgeladen/,
    );
    assert.equal(
      await page.getAttribute(".padlock-remove", "aria-label"),
      "bericht.txt entfernen",
    );
    const ticketId = await submitAndWaitForTicket(page);
    const ticket = await stack.harness.sandbox.tickets.getTicket(ticketId);
    const links = findLinks(ticket.description);
    assert.equal(links.length, 1);
    assert.ok(
      htmlToText(ticket.description).trimEnd().endsWith(
        `Geschützte Anhänge (Padlock): ${links[0]}`,
      ),
      ticket.description,
    );
    // The loader, the English source (the fallback of a missing key), German, and the upload
    // code: no other language.
    const chunks = chunksFetched(requests);
    assert.ok(chunks.includes("de"), chunks.join(" "));
    for (
      const other of ["fr", "es", "it", "pt-BR", "nl", "pl", "ja", "zh-CN", "ko", "ar", "en-XA"]
    ) {
      assert.ok(!chunks.includes(other), `${other} loaded: ${chunks.join(" ")}`);
    }
    assert.deepEqual(errors, []);
    await page.close();
  });
});

Deno.test("widget on /hc/ar/: Arabic words, right to left, the layout mirrored", async () => {
  await withStack(async (stack) => {
    for (const generation of ["legacy", "v4"] as Generation[]) {
      const { page, errors } = await openPage(stack);
      await loadRequestPage(page, requestPageUrl(stack, generation, undefined, "ar"));
      assert.equal(
        await page.textContent(".padlock-words"),
        generation === "legacy" ? "إضافة ملف أو أفلت الملفات هنا" : "اختر ملفًا أو اسحبه وأفلته هنا",
      );
      assert.equal(await page.getAttribute(".padlock-attachments", "dir"), "rtl");
      await attachByChooser(page, [textFile("report.txt")]);
      await waitForUploads(page, 1);
      assert.match(await page.textContent(".padlock-file-status") ?? "", /تم التشفير والتحميل/);
      // Mirrored: the file icon at the right end of the row, its actions at the left.
      const box = (selector: string) => page.locator(selector).first().boundingBox();
      const icon = (await box(".padlock-file > svg"))!;
      const name = (await box(".padlock-file-name"))!;
      const remove = (await box(".padlock-remove"))!;
      assert.ok(icon.x > name.x, `icon ${icon.x} right of name ${name.x}`);
      assert.ok(remove.x < name.x, `remove ${remove.x} left of name ${name.x}`);
      assert.deepEqual(errors, []);
      await page.close();
    }
  });
});

async function pseudoCheck(page: Page, state: string, data: string[]): Promise<void> {
  const texts = await visibleTexts(page, ".padlock-attachments");
  assert.ok(texts.length > 2, `the widget's texts in ${state}: ${JSON.stringify(texts)}`);
  const left = untranslated(texts, data);
  assert.deepEqual(left, [], `untranslated in ${state}: ${JSON.stringify(left)}`);
}

Deno.test("widget in the pseudo-locale: no text of the widget left untranslated, in any state", async () => {
  await withStack(async (stack) => {
    for (const generation of ["v4", "legacy"] as Generation[]) {
      const { page } = await openPage(stack);
      await loadRequestPage(page, requestPageUrl(stack, generation, undefined, "en-XA"));
      const names = ["good.txt", "broken.txt"];
      await pseudoCheck(page, `${generation} idle`, names);
      await fillRequest(page, generation, { subject: "s", description: "d" });
      await attachByChooser(page, [textFile("good.txt")]);
      await waitForUploads(page, 1);
      await pseudoCheck(page, `${generation} uploaded`, names);
      // A file attached while the service is down: failed, with Retry.
      await stack.harness.stopService();
      try {
        await attachByChooser(page, [textFile("broken.txt")]);
        await page.waitForSelector('.padlock-file[data-status="failed"]', { timeout: 30_000 });
      } finally {
        await stack.harness.startService();
      }
      await pseudoCheck(page, `${generation} failed`, names);
      // Submitting now is refused with an alert naming the file.
      await page.click('form [type="submit"]');
      await page.waitForSelector(".padlock-alert:not(:empty)");
      await pseudoCheck(page, `${generation} alert`, names);
      await page.close();
    }
  });
});
