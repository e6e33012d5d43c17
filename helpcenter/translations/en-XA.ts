/**
 * The widget in the pseudo-locale: English with every message wrapped in `⟦…⟧`, for the tests
 * that look for text left untranslated. A chunk like any translation.
 *
 * @module
 */
import { pseudoMessages } from "../../ui/pseudo.ts";
import en, { type WidgetMessages } from "../messages.ts";

export default pseudoMessages(en) as WidgetMessages;
