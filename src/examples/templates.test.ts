import { beforeAll, describe, expect, it } from 'vitest';
import { createCatalog, type Catalog } from '../catalog/catalog';
import { loadAllGcpc } from '../catalog/gcpc/load';
import { compile } from '../compiler/compile';
import { toJson } from '../compiler/serialize';
import { HAVE_GOLDENS, goldenText, normalizeSpec, parseStrict } from '../test-support/golden';
import { validate } from '../validate/validate';
import { TEMPLATES } from './templates';

let catalog: Catalog;
beforeAll(async () => {
  catalog = createCatalog(await loadAllGcpc());
});

describe('templates', () => {
  it.each(TEMPLATES.map((t) => [t.id, t] as const))('%s is valid and exportable, laid out without overlaps', (_, t) => {
    const doc = t.build();
    expect(validate(doc, catalog).filter((d) => d.severity === 'error')).toEqual([]);
    expect(() => compile(doc, catalog)).not.toThrow();
    const spots = new Set(doc.tasks.map((x) => `${x.position.x},${x.position.y}`));
    expect(spots.size).toBe(doc.tasks.length);
    expect(t.explanation.length).toBeGreaterThan(100);
  });

  it.each(TEMPLATES.filter((t) => t.golden).map((t) => [t.id, t] as const))('%s exports exactly its golden', (_, t) => {
    if (!HAVE_GOLDENS) return;
    const got = normalizeSpec(parseStrict(toJson(compile(t.build(), catalog))));
    expect(got).toEqual(normalizeSpec(parseStrict(goldenText(`${t.golden}.json`))));
  });
});
