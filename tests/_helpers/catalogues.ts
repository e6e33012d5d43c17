/**
 * Checks a surface's translations against its English source: the same keys (none missing,
 * none extra), and in each message the same placeholders and plural selectors.
 */
import { type Messages, placeholders } from "../../ui/i18n.ts";

/** What is wrong with the translations, one line each; empty when they match the source. */
export function catalogueProblems(
  source: Messages,
  translations: Record<string, Messages>,
): string[] {
  const problems: string[] = [];
  for (const [locale, messages] of Object.entries(translations)) {
    for (const key of Object.keys(source)) {
      if (!(key in messages)) {
        problems.push(`${locale}: missing ${key}`);
        continue;
      }
      const want = placeholders(source[key]).join(",");
      const got = placeholders(messages[key]).join(",");
      if (want !== got) problems.push(`${locale}: ${key} has {${got}}, English has {${want}}`);
      if (messages[key].trim() === "") problems.push(`${locale}: ${key} is empty`);
    }
    for (const key of Object.keys(messages)) {
      if (!(key in source)) problems.push(`${locale}: extra ${key}`);
    }
  }
  return problems;
}
