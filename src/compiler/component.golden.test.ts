/**
 * Every catalog component compiled on its own against `components/<id>.json`, what
 * `Compiler().compile(pipeline_func=<component>)` of KFP 2.15.2 wrote for it.
 */
import { describe, expect, it } from 'vitest';
import type { CatalogEntry } from '../catalog/types';
import { loadAllGcpc } from '../catalog/gcpc/load';
import { HAVE_GOLDENS, goldenText, normalizeSpec, parseStrict, tinyCatalogEntry } from '../test-support/golden';
import { compileComponent } from './component';
import { toJson, toYaml } from './serialize';

// Top-level await: the test names below list the catalog ids.
const entries: CatalogEntry[] = await loadAllGcpc();
const byId = new Map(entries.map((e) => [e.id, e]));

/**
 * The project's comparison (`normalizeSpec`) plus, for a component compiled alone, the
 * descriptions of the root interface and `pipelineInfo.description`: in KFP's files these
 * are GCPC docstring prose, which we must not copy (ours are our own words). KFP writes no
 * `pipelineInfo.description` for a bare component; it is dropped here all the same.
 */
function normalizeStandalone(spec: unknown): unknown {
  const copy = normalizeSpec(spec) as Record<string, any>;
  delete copy.pipelineInfo?.description;
  for (const defs of [copy.root?.inputDefinitions, copy.root?.outputDefinitions])
    for (const group of ['parameters', 'artifacts'])
      for (const p of Object.values<any>(defs?.[group] ?? {})) delete p.description;
  return copy;
}

/** The YAML header without its `# Description:` lines (docstring prose in KFP's files). */
const headerOf = (yaml: string) =>
  yaml
    .split('\ncomponents:')[0]
    .split('\n')
    .filter((line, i, all) => !line.startsWith('# Description:') && !(line.startsWith('#              ') && all.slice(0, i).some((l) => l.startsWith('# Description:'))))
    .join('\n');

describe.skipIf(!HAVE_GOLDENS)('components compiled alone against the real KFP compiler', () => {
  it('the catalog holds the 80 single-step GCPC components', () => {
    expect(entries).toHaveLength(80);
    expect(new Set(entries.map((e) => e.id)).size).toBe(80);
  });

  it.each(entries.map((e) => e.id))('%s equals its golden', (id) => {
    const entry = byId.get(id)!;
    const golden = goldenText(`components/${entry.id}.json`);
    const spec = compileComponent(entry);
    const want = normalizeStandalone(parseStrict(golden));
    expect(normalizeStandalone(parseStrict(toJson(spec))), entry.id).toEqual(want);
    expect(normalizeStandalone(parseStrict(toYaml(spec))), entry.id).toEqual(want);
    // Header: name, inputs with Python-style defaults, outputs. KFP prints a non-empty dict
    // default in protobuf map order, which changes between runs: only its key is compared.
    const unordered = (header: string) => header.replace(/(\[Default: )\{[^}].*\}\]$/gm, '$1{…}]');
    const ours = unordered(headerOf(toYaml(spec)));
    const theirs = unordered(headerOf(goldenText(`components/${entry.id}.yaml`)));
    expect(ours, entry.id).toBe(theirs);
  });

  it('the test component custom.tiny equals large/component.custom.tiny.json', () => {
    const spec = compileComponent(tinyCatalogEntry());
    expect(normalizeStandalone(parseStrict(toJson(spec)))).toEqual(
      normalizeStandalone(parseStrict(goldenText('large/component.custom.tiny.json'))),
    );
    expect(headerOf(toYaml(spec))).toBe(headerOf(goldenText('large/component.custom.tiny.yaml')));
  });
});
