/**
 * Takes the screenshots of the Help Center widget (both forms, files uploaded) and of the receive
 * page (files listed) in Firefox ESR and WebKitGTK for `docs/screenshots/`, by running those two
 * journeys with screenshots on. Run: `deno run -A tests/engines/screenshots.ts [outDir [engine…]]`
 * after `deno task build`.
 *
 * @module
 */
import { receiveJourney, widgetJourney } from "./_journeys.ts";

if (import.meta.main) {
  const screenshots = Deno.args[0] ?? new URL("../../docs/screenshots", import.meta.url).pathname;
  const engines = Deno.args.length > 1 ? Deno.args.slice(1) : ["firefox", "webkit"];
  for (const engine of engines as ("firefox" | "webkit")[]) {
    await widgetJourney(engine, { screenshots });
    await receiveJourney(engine, { screenshots });
  }
  console.log(`screenshots written to ${screenshots}`);
}
