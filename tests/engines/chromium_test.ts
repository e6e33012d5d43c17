/**
 * The main journeys (tests/engines/_journeys.ts) in chromium.
 */
import { registerJourneys } from "./_journeys.ts";

registerJourneys("chromium");
