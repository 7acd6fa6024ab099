import type { CatalogEntry } from '../catalog/types';

/**
 * The catalog entry `custom.tiny` (the component of the golden `large/tiny-N` pipelines), read
 * from the text of the golden `large/component.custom.tiny.json`: its interface and executor
 * are the real compiler's. Used by the golden tests (src/test-support/golden.ts) and the
 * benchmarks (bench/lib/docs.mjs, through bench/core-entry.ts). Pure.
 */
export function tinyEntryFromGolden(componentSpecText: string, summary: string): CatalogEntry {
  const golden = JSON.parse(componentSpecText);
  const name: string = golden.pipelineInfo.name;
  const component = golden.components[`comp-${name}`];
  return {
    id: 'custom.tiny',
    name,
    module: 'custom',
    kind: 'container',
    inputDefinitions: component.inputDefinitions,
    outputDefinitions: component.outputDefinitions,
    executor: golden.deploymentSpec.executors[`exec-${name}`],
    title: 'Tiny',
    summary,
    help: {},
  };
}
