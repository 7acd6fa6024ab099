/**
 * Naming rules of the KFP compiler, in one place: task keys from component names,
 * `-2`/`-3` uniquifying in creation order, and `comp-`/`exec-` prefixes.
 */

export { sanitizeName } from '../spec/pipeline-spec';

/**
 * Unique keys for names given in creation order: the first use keeps the name,
 * later uses get `-2`, `-3`, … (skipping any suffix already taken). Linear time.
 */
export function uniqueKeys(names: readonly string[]): string[] {
  const taken = new Set<string>();
  const nextSuffix = new Map<string, number>();
  return names.map((base) => {
    if (!taken.has(base)) {
      taken.add(base);
      return base;
    }
    let n = nextSuffix.get(base) ?? 2;
    while (taken.has(`${base}-${n}`)) n++;
    nextSuffix.set(base, n + 1);
    const key = `${base}-${n}`;
    taken.add(key);
    return key;
  });
}

export const componentName = (taskKey: string) => `comp-${taskKey}`;
export const executorName = (taskKey: string) => `exec-${taskKey}`;

/** KFP's rule for `pipelineInfo.name`. */
export const PIPELINE_NAME_PATTERN = /^[a-z0-9][a-z0-9-]{0,127}$/;
/** A pipeline parameter must be a Python identifier. */
export const PARAMETER_NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;
