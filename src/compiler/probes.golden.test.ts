/**
 * The accept/reject probes of the golden set (random/probes/PROBES.json) and the four
 * candidates KFP refused while generating the random set (random/rejected/), run through
 * the whole path a file takes: loadNeutralPipeline → validate → compile. A probe KFP
 * compiled must give its golden; a probe KFP refused must be refused by us, by the loader
 * (what only the JSON text says: int vs float literals) or by the validator (the rest).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCatalog } from '../catalog/catalog';
import { loadAllGcpc } from '../catalog/gcpc/load';
import { loadNeutralPipeline } from '../document/neutral';
import { GOLDEN_DIR, HAVE_GOLDENS, goldenText, normalizeSpec, parseStrict } from '../test-support/golden';
import type { PipelineSpec } from '../spec/pipeline-spec';
import { validate, type Diagnostic, type DiagnosticCode } from '../validate/validate';
import { compile } from './compile';
import { toJson, toYaml } from './serialize';

const catalog = createCatalog(await loadAllGcpc());

interface Probe {
  id: string;
  what: string;
  file: string;
  outcome: 'compiled' | 'rejected';
  files?: string[];
  yaml_parseable?: boolean;
  error?: string;
}

const probes: Probe[] = HAVE_GOLDENS ? JSON.parse(goldenText('random/probes/PROBES.json')) : [];

/**
 * How we refuse each probe KFP refused: a loader refusal (matched by its text) or the
 * validator's diagnostic code. Every rejected probe must be listed here.
 */
const OUR_REFUSAL: Record<string, { loader: RegExp } | { code: DiagnosticCode; input?: string }> = {
  'int-const-to-float': { loader: /training_fraction_split\.constant is the int 1, but .* float \(NUMBER_DOUBLE\)/ },
  'float-const-to-int': { loader: /budget_milli_node_hours\.constant is the float 8000\.0, but .* int \(NUMBER_INTEGER\)/ },
  'bool-const-to-int': { code: 'BAD_CONSTANT', input: 'budget_milli_node_hours' },
  'int-const-to-string': { code: 'BAD_CONSTANT', input: 'model_display_name' },
  'dict-const-to-string': { code: 'BAD_CONSTANT', input: 'model_display_name' },
  'str-const-to-list': { code: 'BAD_CONSTANT', input: 'model_version_aliases' },
  'int-param-to-float': { code: 'PARAMETER_TYPE_MISMATCH', input: 'training_fraction_split' },
  'string-output-to-int': { code: 'OUTPUT_TYPE_MISMATCH', input: 'budget_milli_node_hours' },
  'artifact-output-to-string': { code: 'OUTPUT_TYPE_MISMATCH', input: 'model_display_name' },
  'param-output-to-artifact': { code: 'OUTPUT_TYPE_MISMATCH', input: 'dataset' },
  'const-to-artifact': { code: 'BAD_CONSTANT', input: 'dataset' },
  'mismatched-artifact': { code: 'OUTPUT_TYPE_MISMATCH', input: 'dataset' },
  'missing-required': { code: 'MISSING_REQUIRED_INPUT', input: 'display_name' },
  'none-optional': { code: 'BAD_CONSTANT', input: 'model_display_name' },
  'none-nested': { code: 'BAD_CONSTANT', input: 'labels' },
  'notification-email-as-task': { code: 'EXIT_TASK_ONLY' },
  'unknown-input': { code: 'UNKNOWN_INPUT', input: 'no_such_input' },
  'no-tasks': { code: 'NO_TASKS' },
};

type Outcome =
  | { kind: 'loader'; error: string }
  | { kind: 'validator'; errors: Diagnostic[] }
  | { kind: 'compiled'; spec: PipelineSpec };

/** What our whole path makes of a description: a refusal (loader or validator) or a spec. */
function run(text: string, source: string): Outcome {
  const loaded = loadNeutralPipeline(text, source, catalog);
  if (!loaded.ok) return { kind: 'loader', error: loaded.error };
  const errors = validate(loaded.doc, catalog).filter((d) => d.severity === 'error');
  if (errors.length > 0) return { kind: 'validator', errors };
  return { kind: 'compiled', spec: compile(loaded.doc, catalog) };
}

describe.skipIf(!HAVE_GOLDENS)('probes: accept/reject exactly as KFP 2.15.2', () => {
  it('every probe of PROBES.json is covered', () => {
    expect(probes.length).toBeGreaterThanOrEqual(25);
    for (const p of probes) if (p.outcome === 'rejected') expect(OUR_REFUSAL, p.id).toHaveProperty([p.id]);
  });

  const compiled = probes.filter((p) => p.outcome === 'compiled');
  it.each(compiled.map((p) => p.id))('%s compiles to its golden', (id) => {
    const probe = compiled.find((p) => p.id === id)!;
    const result = run(goldenText(`random/probes/${probe.file}`), probe.file);
    if (result.kind !== 'compiled') throw new Error(`refused: ${JSON.stringify(result)}`);
    const want = normalizeSpec(parseStrict(goldenText(`random/probes/${id}.json`)));
    expect(normalizeSpec(parseStrict(toJson(result.spec)))).toEqual(want);
    // Our YAML always parses, even where KFP's header breaks it (str-default-newline).
    expect(normalizeSpec(parseStrict(toYaml(result.spec)))).toEqual(want);
  });

  const rejected = probes.filter((p) => p.outcome === 'rejected');
  it.each(rejected.map((p) => p.id))('%s is refused', (id) => {
    const probe = rejected.find((p) => p.id === id)!;
    const result = run(goldenText(`random/probes/${probe.file}`), probe.file);
    const want = OUR_REFUSAL[id];
    if ('loader' in want) {
      if (result.kind !== 'loader') throw new Error(`not refused by the loader: ${JSON.stringify(result).slice(0, 300)}`);
      expect(result.error).toMatch(want.loader);
      expect(result.error.startsWith(`${probe.file} cannot be loaded: tasks[1].inputs.`)).toBe(true);
      expect(result.error).not.toContain('\n');
    } else {
      if (result.kind !== 'validator') throw new Error(`not refused by the validator: ${JSON.stringify(result).slice(0, 300)}`);
      const hit = result.errors.find((d) => d.code === want.code && (want.input === undefined || d.input === want.input));
      expect(hit, JSON.stringify(result.errors)).toBeDefined();
    }
  });

  // The candidates KFP refused while the random set was generated (MANIFEST.json "rejected").
  const rejectedDir = resolve(GOLDEN_DIR, 'random/rejected');
  const attempts = HAVE_GOLDENS && existsSync(rejectedDir) ? ['attempt-045', 'attempt-050', 'attempt-056', 'attempt-059'] : [];
  it.each(attempts)('rejected candidate %s is refused too', (name) => {
    const result = run(goldenText(`random/rejected/${name}.pipeline.json`), `${name}.pipeline.json`);
    if (result.kind !== 'validator') throw new Error(`not refused by the validator: ${JSON.stringify(result).slice(0, 300)}`);
    const codes = result.errors.map((d) => d.code);
    expect(codes.some((c) => c === 'BAD_CONSTANT' || c === 'EXIT_TASK_ONLY')).toBe(true);
  });
});
