/**
 * Access to the real KFP compiler's outputs in ../shared/reference/kfp-golden (read at
 * test time, never copied into the repository) and the comparison rules of the project:
 * parsed documents, `sdkVersion` and component input/output `description` texts aside,
 * ints and floats told apart.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { PipelineDocument } from '../document/types';
import { DOCUMENT_FORMAT, DOCUMENT_VERSION } from '../document/types';

export const GOLDEN_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/reference/kfp-golden');
export const HAVE_GOLDENS = existsSync(GOLDEN_DIR);
if (!HAVE_GOLDENS) console.warn(`NOTICE: ${GOLDEN_DIR} is absent; golden tests are skipped.`);

export const goldenText = (path: string) => readFileSync(resolve(GOLDEN_DIR, path), 'utf8');

/** Parses JSON or YAML text keeping ints (BigInt) apart from floats (number). */
export function parseStrict(text: string): unknown {
  return parse(text, { intAsBigInt: true, maxAliasCount: -1 });
}

/** Drops what the comparison ignores: `sdkVersion` and component input/output descriptions. */
export function normalizeSpec(spec: unknown): unknown {
  const copy = structuredClone(spec) as Record<string, any>;
  delete copy.sdkVersion;
  for (const comp of Object.values<any>(copy.components ?? {})) {
    for (const defs of [comp.inputDefinitions, comp.outputDefinitions]) {
      for (const group of ['parameters', 'artifacts']) {
        for (const p of Object.values<any>(defs?.[group] ?? {})) delete p.description;
      }
    }
  }
  return copy;
}

/** The generator's `.pipeline.json` description (random/ and large/) as a document. */
export function documentFromGenerator(src: any): PipelineDocument {
  const doc: PipelineDocument = {
    format: DOCUMENT_FORMAT,
    version: DOCUMENT_VERSION,
    name: src.name,
    parameters: (src.parameters ?? []).map((p: any) => ('default' in p ? { name: p.name, type: p.type, default: p.default } : { name: p.name, type: p.type })),
    tasks: src.tasks.map((t: any, i: number) => {
      const task: any = {
        id: t.id,
        component: t.component,
        caching: t.caching !== false,
        after: t.after ?? [],
        inputs: t.inputs ?? {},
        position: { x: i * 300, y: 0 },
      };
      if (t.displayName) task.displayName = t.displayName;
      if (t.retries !== null && t.retries !== undefined) task.retries = t.retries;
      return task;
    }),
  };
  if (src.description) doc.description = src.description;
  if (src.displayName) doc.displayName = src.displayName;
  if (src.pipelineRoot) doc.pipelineRoot = src.pipelineRoot;
  return doc;
}
