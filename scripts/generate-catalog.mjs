#!/usr/bin/env node
// Extracts the interface facts of every single-step Google Cloud Pipeline Component
// (input/output names, types, defaults, optionality, image, command, args) from the
// single-component goldens in ../shared/reference/kfp-golden/components/ into committed
// catalog data under src/catalog/gcpc/data/, one file per GCPC module, and their executors
// (image, command, args) under src/catalog/gcpc/executors/, by component id: only compiling
// needs those, so the app loads them after the canvas is usable (see src/catalog/gcpc/load.ts).
//
// Every `description` text is dropped on the way: the app's descriptions are our own
// words, kept in src/catalog/gcpc/docs/. Run: npm run catalog:generate
import { readFileSync, readdirSync, writeFileSync, mkdirSync, existsSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');
const goldenDir = resolve(root, '../shared/reference/kfp-golden/components');
const outDir = join(root, 'src/catalog/gcpc/data');
const executorDir = join(root, 'src/catalog/gcpc/executors');

if (!existsSync(goldenDir)) {
  console.error(`generate-catalog: ${goldenDir} not found; the committed catalog data is left as it is.`);
  process.exit(1);
}

function stripDescriptions(defs) {
  if (!defs) return undefined;
  const out = {};
  for (const group of ['artifacts', 'parameters']) {
    if (!defs[group]) continue;
    out[group] = {};
    for (const [name, spec] of Object.entries(defs[group])) {
      const { description: _drop, ...rest } = spec;
      out[group][name] = rest;
    }
  }
  return out;
}

function kindOf(executor) {
  const command = executor.container?.command ?? [];
  if (command.some((part) => typeof part === 'string' && part.includes('kfp.dsl.executor_main'))) return 'python';
  return 'container';
}

// The four YAML components (their in-pipeline component entry carries no descriptions).
const YAML_COMPONENTS = new Set([
  'v1.dataset.ImageDatasetImportDataOp',
  'v1.dataset.TextDatasetImportDataOp',
  'v1.dataset.VideoDatasetImportDataOp',
  'v1.wait_gcp_resources.WaitGcpResourcesOp',
]);

const modules = new Map();
for (const file of readdirSync(goldenDir).sort()) {
  if (!file.endsWith('.json')) continue;
  const id = file.slice(0, -'.json'.length);
  const spec = JSON.parse(readFileSync(join(goldenDir, file), 'utf8'));
  const compNames = Object.keys(spec.components);
  if (compNames.length !== 1) continue; // graph components (model_evaluation pipelines) are not single-step
  const name = spec.pipelineInfo.name;
  const component = spec.components[compNames[0]];
  const executor = spec.deploymentSpec.executors[component.executorLabel];
  const parts = id.split('.');
  const module = parts.slice(1, -1).join('.');
  const entry = {
    id,
    name,
    kind: YAML_COMPONENTS.has(id) ? 'yaml' : kindOf(executor),
    inputDefinitions: stripDescriptions(component.inputDefinitions),
    outputDefinitions: stripDescriptions(component.outputDefinitions),
  };
  if (!entry.inputDefinitions) delete entry.inputDefinitions;
  if (!entry.outputDefinitions) delete entry.outputDefinitions;
  if (!modules.has(module)) modules.set(module, []);
  modules.get(module).push({ entry, executor });
}

for (const dir of [outDir, executorDir]) {
  if (existsSync(dir)) rmSync(dir, { recursive: true });
  mkdirSync(dir, { recursive: true });
}
let count = 0;
for (const [module, items] of [...modules.entries()].sort()) {
  const entries = items.map((i) => i.entry);
  const executors = Object.fromEntries(items.map((i) => [i.entry.id, i.executor]));
  writeFileSync(join(outDir, `${module}.json`), JSON.stringify({ module, entries }, null, 1) + '\n');
  writeFileSync(join(executorDir, `${module}.json`), JSON.stringify(executors, null, 1) + '\n');
  count += entries.length;
}
console.log(`generate-catalog: ${count} components in ${modules.size} modules written to ${outDir} and ${executorDir}`);
