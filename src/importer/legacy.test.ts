import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCatalog, type Catalog } from '../catalog/catalog';
import { compile } from '../compiler/compile';
import { validate } from '../validate/validate';
import { importSpec } from './import-spec';

/** A job JSON as KFP 1.8's `kfp.v2.compiler` writes it (written for this test). */
const jobText = readFileSync(resolve(dirname(fileURLToPath(import.meta.url)), 'fixtures/kfp18-job.json'), 'utf8');

let catalog: Catalog;
beforeAll(() => {
  catalog = createCatalog([]);
});

describe('the job JSON of KFP 1.8 (schemaVersion 2.0.0)', () => {
  it('is converted to the current form, with a notice saying so', () => {
    const r = importSpec(jobText, 'job.json', catalog);
    if (!r.ok) throw new Error(r.error);
    expect(r.notices[0]).toMatch(/written by KFP 1\.8 .* converted to the current form \(schemaVersion 2\.1\.0\)/);
    expect(r.doc.name).toBe('addition-pipeline');
    expect(r.doc.pipelineRoot).toBe('gs://my-bucket/root');
    expect(r.doc.parameters).toEqual([
      { name: 'a', type: 'NUMBER_DOUBLE', default: 1 },
      { name: 'count', type: 'NUMBER_INTEGER', default: 2 },
      { name: 'message', type: 'STRING', default: 'hello' },
    ]);
    const add = r.doc.tasks.find((t) => Object.keys(t.inputs).includes('b'))!;
    expect(add.inputs).toEqual({ a: { parameter: 'a' }, b: { constant: 7.5 } });
    const print = r.doc.tasks.find((t) => t.group !== undefined)!;
    expect(print.inputs).toEqual({ msg: { parameter: 'message' }, times: { constant: 3 } });
    expect(r.doc.groups).toMatchObject([
      { kind: 'condition', condition: { left: { task: add.id, output: 'Output' }, operator: '>', right: { constant: 5, type: 'NUMBER_DOUBLE' } } },
    ]);
    expect(validate(r.doc, catalog).filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('compiles to the KFP 2 form', () => {
    const r = importSpec(jobText, 'job.json', catalog);
    if (!r.ok) throw new Error(r.error);
    const spec = compile(r.doc, catalog);
    const text = JSON.stringify(spec);
    expect(spec.schemaVersion).toBe('2.1.0');
    expect(text).not.toMatch(/"type":|constantValue|pipelineparam--|string_value|double_value/);
    expect(spec.root.inputDefinitions?.parameters?.count).toEqual({ parameterType: 'NUMBER_INTEGER', defaultValue: 2, isOptional: true });
    expect(spec.root.dag.tasks['condition-1'].triggerPolicy).toEqual({ condition: "inputs.parameter_values['pipelinechannel--add-Output'] > 5.0" });
    expect(spec.components['comp-print-msg'].inputDefinitions?.parameters?.times).toEqual({ parameterType: 'NUMBER_INTEGER' });
  });

  it('is converted without the job wrapper too', () => {
    const bare = JSON.parse(jobText).pipelineSpec;
    const r = importSpec(JSON.stringify(bare), 'spec.json', catalog);
    if (!r.ok) throw new Error(r.error);
    expect(r.notices[0]).toMatch(/KFP 1\.8/);
    expect(r.doc.parameters.map((p) => p.default)).toEqual([undefined, undefined, undefined]);
  });

  it('reads int64 values written as text and refuses values it cannot read', () => {
    const job = JSON.parse(jobText);
    job.runtimeConfig.parameters.count = { intValue: 'two' };
    const r = importSpec(JSON.stringify(job), 'job.json', catalog);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toBe('job.json cannot be imported: runtimeConfig.parameters.count.intValue must be a whole number, not the text "two".');
  });
});
