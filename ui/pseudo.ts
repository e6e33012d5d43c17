/**
 * The pseudo-locale's messages (`en-XA`, see `PSEUDO` in `i18n.ts`): a module of its own, so
 * that a surface loads it only in the pseudo-locale.
 *
 * @module
 */
import type { Messages } from "./i18n.ts";

/** English messages turned into the pseudo-locale: each wrapped in `⟦…⟧`. */
export function pseudoMessages(messages: Messages): Messages {
  const out: Record<string, string> = {};
  for (const key in messages) out[key] = `⟦${messages[key]}⟧`;
  return out;
}
