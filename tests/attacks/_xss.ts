/// <reference lib="dom" />
/**
 * Hostile text for the UI attack tests and the check that it stayed text: every payload tries to
 * run `window.__pwned = …` (through a tag, an event handler, a template or a URL), and
 * {@linkcode assertInert} looks for the flag and for any element the payload could have made.
 *
 * @module
 */
import assert from "node:assert/strict";
import type { Frame, Page } from "playwright-core";

/** Payloads a file name may carry (the service refuses `/`, `\` and control characters). */
export const NAME_PAYLOADS = [
  '<img src=x onerror="window.__pwned=1">.txt',
  '"><svg onload=window.__pwned=2>.pdf',
  "<iframe srcdoc='&lt;script&gt;parent.__pwned=3&lt;&#47;script&gt;'>.doc",
  "{{constructor.constructor('window.__pwned=4')()}}.xls",
  "javascript:window.__pwned=5.png",
] as const;

/** Payloads for free text (ticket comments, messages, names, server messages). */
export const TEXT_PAYLOADS = [
  "<script>window.__pwned=11</script>",
  '<img src=x onerror="window.__pwned=12">',
  "<b onmouseover=window.__pwned=13>bold</b>",
  '<a href="javascript:window.__pwned=14">click</a>',
  "</textarea><svg/onload=window.__pwned=15>",
  "${window.__pwned=16}",
] as const;

/** What a payload could have created: elements that run code or load things, and markup. */
const INJECTED = "img,iframe,object,embed,script:not([src]),[onerror],[onload],[onclick]," +
  "[onmouseover],svg[onload],a[href^='javascript:'],b,marquee,template";

/**
 * Fails when the frame ran a payload (`window.__pwned` is set, or an alert opened) or holds an
 * element a payload made inside `scope`.
 *
 * @param allowed selectors of legitimate elements inside `scope` that match the check (icons).
 */
export async function assertInert(
  frame: Page | Frame,
  what: string,
  scope = "body",
  allowed = "",
): Promise<void> {
  const found = await frame.evaluate(({ scope, selector, allowed }) => {
    const roots = [...document.querySelectorAll(scope)];
    const hits = roots.flatMap((root) =>
      [...root.querySelectorAll(selector)].filter((element) =>
        !(allowed && element.matches(allowed))
      )
    );
    return {
      pwned: "__pwned" in globalThis
        ? String((globalThis as unknown as { __pwned: unknown }).__pwned)
        : undefined,
      hits: hits.map((element) => element.outerHTML.slice(0, 120)),
    };
  }, { scope, selector: INJECTED, allowed });
  assert.equal(found.pwned, undefined, `${what}: a payload ran (__pwned = ${found.pwned})`);
  assert.deepEqual(found.hits, [], `${what}: elements made from untrusted text`);
}

/** Records dialogs (an `alert` from a payload) and page errors of a page. */
export function watchPage(page: Page): { dialogs: string[]; errors: string[] } {
  const dialogs: string[] = [];
  const errors: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on("pageerror", (error) => errors.push(error.message));
  return { dialogs, errors };
}

/** The visible text of every element matching `selector` in a frame. */
export async function texts(frame: Page | Frame, selector: string): Promise<string[]> {
  return await frame.locator(selector).allTextContents();
}
