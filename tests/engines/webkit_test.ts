/**
 * The main journeys (tests/engines/_journeys.ts) in webkit.
 */
import { registerJourneys } from "./_journeys.ts";

registerJourneys("webkit");
