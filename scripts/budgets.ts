/**
 * Size budgets of the bundles: what each one measures, checking them against the built files,
 * and the error that fails the build when one is exceeded.
 *
 * @module
 */
import { type BundleFacts, type FileFacts, outputOfModule, staticClosure } from "./bundle_facts.ts";

/** Which files of a bundle a budget adds up (each file's size is counted once). */
export type BudgetScope =
  /** The entry's output file and the chunks it imports statically: what loads before it runs. */
  | { kind: "entry"; output: string }
  /**
   * What a dynamic `import()` of one of `modules` fetches (its chunk and the chunks that chunk
   * imports statically), beyond what the entry `after` already loaded.
   */
  | { kind: "lazy"; modules: string[]; after: string }
  /**
   * Every JavaScript file written under `folder` (relative to the output directory), by this
   * bundle or any other (e.g. a worker built on its own), whether loaded at once, lazily or never.
   */
  | { kind: "scripts"; folder: string }
  /** One file of the output directory. */
  | { kind: "file"; path: string };

/** One budget. */
export interface Budget {
  /** What is measured, in words (the failure message starts with it). */
  name: string;
  /** The bundle measured (an entry name of `ENTRIES`); skipped when that bundle is not built. */
  bundle: string;
  /** Which of its files count. */
  scope: BudgetScope;
  /** Largest allowed size, in bytes. */
  limit: number;
  /**
   * Whether the gzipped sizes count (as served) rather than the raw ones.
   * @default {true}
   */
  gzip?: boolean;
}

/** A budget checked against a build. */
export interface BudgetResult {
  budget: Budget;
  /** The files counted, relative to the output directory. */
  files: string[];
  /** Their total size in bytes (gzipped when the budget says so). */
  size: number;
  /** Whether `size` is within the limit. */
  ok: boolean;
}

/** A budget names something the build did not produce (a mistake in the budget table). */
export class BudgetDefinitionError extends Error {
  /** Creates the error naming the budget and what is missing. */
  constructor(budget: Budget, missing: string) {
    super(`Budget "${budget.name}" measures ${missing}, which the build did not produce`);
    this.name = "BudgetDefinitionError";
  }
}

/** One or more budgets were exceeded. The built files are in place, for inspection. */
export class BudgetError extends Error {
  /** The budgets exceeded. */
  exceeded: BudgetResult[];
  /** Creates the error with one line per budget exceeded: the bundle, its size, its budget. */
  constructor(exceeded: BudgetResult[]) {
    super(
      "Size budget exceeded:\n" +
        exceeded.map((result) => `  ${describeResult(result)}`).join("\n"),
    );
    this.name = "BudgetError";
    this.exceeded = exceeded;
  }
}

/** A line saying what a budget measured (the bundle and its files), its size and its limit. */
export function describeResult(result: BudgetResult): string {
  const { budget, files, size } = result;
  const unit = budget.gzip === false ? "bytes" : "bytes gzipped";
  const over = size - budget.limit;
  return `${budget.name} (bundle ${budget.bundle}): ${formatBytes(size)} ${unit}, budget ` +
    `${formatBytes(budget.limit)}` + (over > 0 ? `, ${formatBytes(over)} over` : "") +
    ` [${files.join(", ")}]`;
}

/** `123456` → `"123,456"`. */
export function formatBytes(bytes: number): string {
  return bytes.toLocaleString("en-US");
}

/**
 * Measures every budget whose bundle was built.
 *
 * @param budgets The budgets.
 * @param bundles The bundles built.
 * @param files Every file written, by path relative to the output directory.
 * @throws {BudgetDefinitionError} when a budget names an output, module or file the build lacks.
 */
export function measureBudgets(
  budgets: readonly Budget[],
  bundles: readonly BundleFacts[],
  files: ReadonlyMap<string, FileFacts>,
): BudgetResult[] {
  const results: BudgetResult[] = [];
  for (const budget of budgets) {
    const bundle = bundles.find((candidate) =>
      candidate.entries.some((entry) => entry.name === budget.bundle)
    );
    if (!bundle) continue;
    const counted = filesOf(budget, bundle, [...files.keys()]);
    let size = 0;
    for (const path of counted) {
      const facts = files.get(path);
      if (!facts) throw new BudgetDefinitionError(budget, `the file ${path}`);
      size += budget.gzip === false ? facts.bytes : facts.gzip;
    }
    results.push({ budget, files: counted, size, ok: size <= budget.limit });
  }
  return results;
}

function filesOf(budget: Budget, bundle: BundleFacts, written: string[]): string[] {
  const { scope } = budget;
  const { metafile } = bundle;
  switch (scope.kind) {
    case "entry":
      if (!metafile.outputs[scope.output]) {
        throw new BudgetDefinitionError(budget, `the output ${scope.output}`);
      }
      return staticClosure(metafile, scope.output);
    case "lazy": {
      const before = new Set(staticClosure(metafile, scope.after));
      const loaded = new Set<string>();
      for (const module of scope.modules) {
        const output = outputOfModule(metafile, module);
        if (!output) continue;
        for (const file of staticClosure(metafile, output)) {
          if (!before.has(file)) loaded.add(file);
        }
      }
      if (loaded.size === 0) {
        throw new BudgetDefinitionError(budget, `a lazily loaded ${scope.modules.join(" or ")}`);
      }
      return [...loaded].sort();
    }
    case "scripts": {
      const prefix = `${scope.folder.replace(/\/$/, "")}/`;
      const scripts = written.filter((path) => path.startsWith(prefix) && path.endsWith(".js"));
      if (scripts.length === 0) throw new BudgetDefinitionError(budget, `scripts in ${prefix}`);
      return scripts.sort();
    }
    case "file":
      return [scope.path];
  }
}
