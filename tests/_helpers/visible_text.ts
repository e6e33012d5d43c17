/**
 * What a person sees or hears of a page: every visible text node and every `aria-label`,
 * `title`, `placeholder` and `alt` (and button values) under a root, for the pseudo-locale
 * tests, which check that each is translated (wrapped in `⟦…⟧`) or is data the page was given.
 */
import type { Page } from "playwright-core";

/** One piece of visible text: where it is and what it says. */
export interface VisibleText {
  where: string;
  text: string;
}

/** Every visible text and accessible attribute under the elements matching `selector`. */
export function visibleTexts(page: Page, selector: string): Promise<VisibleText[]> {
  return page.evaluate((selector) => {
    const out: { where: string; text: string }[] = [];
    const visible = (element: Element) => {
      const style = getComputedStyle(element);
      if (style.display === "none" || style.visibility === "hidden") return false;
      const box = element.getBoundingClientRect();
      return box.width > 0 && box.height > 0;
    };
    const describe = (element: Element) =>
      `${element.tagName.toLowerCase()}${element.className ? `.${String(element.className)}` : ""}`;
    for (const root of document.querySelectorAll(selector)) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent?.trim() ?? "";
        const parent = node.parentElement;
        if (!text || !parent || !visible(parent)) continue;
        if (parent.closest("script, style, noscript, [hidden]")) continue;
        out.push({ where: describe(parent), text });
      }
      for (const element of [root, ...root.querySelectorAll("*")]) {
        if (element.closest("[hidden]") && !element.matches("input[type=file]")) continue;
        for (const name of ["aria-label", "title", "placeholder", "alt"]) {
          const value = element.getAttribute(name)?.trim();
          if (value) out.push({ where: `${describe(element)}[${name}]`, text: value });
        }
        if (element.matches("input[type=submit], input[type=button]")) {
          const value = (element as HTMLInputElement).value.trim();
          if (value) out.push({ where: `${describe(element)}[value]`, text: value });
        }
      }
    }
    return out;
  }, selector);
}

/**
 * The texts that are neither pseudo-translated (`⟦…⟧` around all of it, or around every part
 * once the data in `data` is taken out) nor data: each is a string left untranslated.
 */
export function untranslated(texts: VisibleText[], data: string[]): VisibleText[] {
  return texts.filter(({ text }) => {
    let rest = text;
    // Data inside a message (a file name, an address) is not translated.
    for (const value of [...data].sort((a, b) => b.length - a.length)) {
      rest = rest.split(value).join("");
    }
    // Messages nest (a reason inside a sentence): take them out from the inside.
    for (let before = ""; before !== rest;) {
      before = rest;
      rest = rest.replace(/⟦[^⟦⟧]*⟧/g, "");
    }
    rest = rest.replace(/[\s\d.,:%()"'·…-]/g, "");
    return rest !== "";
  });
}
