import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCatalog, type Catalog } from '../catalog/catalog';
import { loadAllGcpc } from '../catalog/gcpc/load';
import { seedDocument } from '../examples/seed';
import {
  GOLDEN_DIR,
  HAVE_GOLDENS,
  documentFromGenerator,
  goldenText,
  normalizeSpec,
  parseStrict,
} from '../test-support/golden';
import { compile } from './compile';
import { toJson, toYaml } from './serialize';

let catalog: Catalog;
beforeAll(async () => {
  catalog = createCatalog(await loadAllGcpc());
});

function expectSameAsGolden(doc: ReturnType<typeof seedDocument>, golden: string) {
  const spec = compile(doc, catalog);
  const want = normalizeSpec(parseStrict(goldenText(`${golden}.json`)));
  expect(normalizeSpec(parseStrict(toJson(spec)))).toEqual(want);
  expect(normalizeSpec(parseStrict(toYaml(spec)))).toEqual(want);
  // The golden's YAML parses to the same document as its JSON.
  expect(normalizeSpec(parseStrict(goldenText(`${golden}.yaml`)))).toEqual(want);
}

describe.skipIf(!HAVE_GOLDENS)('compiler against the real KFP compiler', () => {
  it('compiles the seed document to seed-automl-image', () => {
    expectSameAsGolden(seedDocument(), 'seed-automl-image');
  });

  it('writes the YAML header the way KFP does for the seed', () => {
    const yaml = toYaml(compile(seedDocument(), catalog));
    const header = goldenText('seed-automl-image.yaml').split('\ncomponents:')[0];
    expect(yaml.startsWith(header + '\ncomponents:')).toBe(true);
  });

  const randomDir = resolve(GOLDEN_DIR, 'random');
  const randoms = HAVE_GOLDENS ? readdirSync(randomDir).filter((f) => f.endsWith('.pipeline.json')) : [];
  it.each(randoms.map((f) => f.replace('.pipeline.json', '')))('random pipeline %s', (name) => {
    const doc = documentFromGenerator(JSON.parse(goldenText(`random/${name}.pipeline.json`)));
    expectSameAsGolden(doc, `random/${name}`);
  });

  it.each(['gcpc-mix-100', 'gcpc-mix-300'])('large pipeline %s', (name) => {
    const doc = documentFromGenerator(JSON.parse(goldenText(`large/${name}.pipeline.json`)));
    expectSameAsGolden(doc, `large/${name}`);
  });
});
