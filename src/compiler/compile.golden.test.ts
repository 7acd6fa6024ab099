import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCatalog, withEntries, type Catalog } from '../catalog/catalog';
import { loadAllGcpc } from '../catalog/gcpc/load';
import { seedDocument } from '../examples/seed';
import {
  GOLDEN_DIR,
  HAVE_GOLDENS,
  documentFromGenerator,
  goldenText,
  normalizeSpec,
  parseStrict,
  tinyCatalogEntry,
} from '../test-support/golden';
import { validate } from '../validate/validate';
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
  // The generator's descriptions go through the core loader (src/document/neutral.ts).
  it.each(randoms.map((f) => f.replace('.pipeline.json', '')))('random pipeline %s', (name) => {
    const doc = documentFromGenerator(goldenText(`random/${name}.pipeline.json`), catalog);
    expect(validate(doc, catalog)).toEqual([]);
    expectSameAsGolden(doc, `random/${name}`);
  });

  it.each(['gcpc-mix-100', 'gcpc-mix-300'])('large pipeline %s', (name) => {
    const doc = documentFromGenerator(goldenText(`large/${name}.pipeline.json`), catalog);
    expect(validate(doc, catalog)).toEqual([]);
    expectSameAsGolden(doc, `large/${name}`);
  }, 60_000);

  // tiny-N use the custom container `custom.tiny` (a test-only catalog entry). They hold no
  // numbers, so JSON.parse compares as strictly as parseStrict here, and much faster.
  it.each(['tiny-10', 'tiny-100', 'tiny-500', 'tiny-1000', 'tiny-2000'])('large pipeline %s', (name) => {
    const withTiny = withEntries(catalog, [tinyCatalogEntry()]);
    const doc = documentFromGenerator(goldenText(`large/${name}.pipeline.json`), withTiny);
    expect(validate(doc, withTiny)).toEqual([]);
    const spec = compile(doc, withTiny);
    expect(normalizeSpec(JSON.parse(toJson(spec)))).toEqual(normalizeSpec(JSON.parse(goldenText(`large/${name}.json`))));
  }, 60_000);
});
