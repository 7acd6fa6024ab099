/**
 * How the importer says no: `refuse(path, problem)` throws a `Refusal` inside the importer
 * only; `importSpec` turns it into one sentence, `<source> cannot be imported: <path> <problem>.`
 */
export class Refusal {
  constructor(
    readonly path: string,
    readonly problem: string,
  ) {}
}

export function refuse(path: string, problem: string): never {
  throw new Refusal(path, problem);
}

/** How a value is shown in a refusal. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `the text ${JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value)}`;
  if (typeof value === 'number') return `the number ${String(value)}`;
  return String(value);
}
