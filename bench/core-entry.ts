/**
 * The framework-free core as the Node benchmarks see it. Bundled by bench/lib/build.mjs with
 * Vite's SSR build (like scripts/build-cli.mjs), so `import.meta.glob` of the catalog works.
 *
 * Modules that are being written while this bench exists (the neutral loader, the spec
 * importer) are reached through `import.meta.glob`: a glob that matches no file is an empty
 * object, so the bundle builds whether or not they exist yet, and the bench reports "n/a"
 * for what it cannot measure.
 */
import { createCatalog, withEntries } from '../src/catalog/catalog';
import { loadAllGcpc } from '../src/catalog/gcpc/load';
import { compile, taskKeys } from '../src/compiler/compile';
import { toJson, toYaml } from '../src/compiler/serialize';
import { loadDocument, saveDocument } from '../src/document/load';
import * as operations from '../src/document/operations';
import { validate } from '../src/validate/validate';
import { tinyEntryFromGolden } from '../src/test-support/tiny-entry';

export { compile, createCatalog, loadAllGcpc, loadDocument, operations, saveDocument, taskKeys, tinyEntryFromGolden, toJson, toYaml, validate, withEntries };

type AnyModule = Record<string, unknown>;
const pick = (mods: Record<string, AnyModule>): AnyModule => Object.assign({}, ...Object.values(mods));

/** `src/document/neutral.ts` (loadNeutralPipeline), when it exists. */
export const neutral: AnyModule = pick(import.meta.glob<AnyModule>('../src/document/neutral.ts', { eager: true }));
/** Every module of `src/importer/` (PipelineSpec → document + layout), when it exists. */
export const importer: AnyModule = pick(
  import.meta.glob<AnyModule>(['../src/importer/**/*.ts', '!../src/importer/**/*.test.ts'], { eager: true }),
);
/**
 * The store's derivation, what the app runs per edit: `derive` (validate + keys) and, from
 * `derive-spec.ts` when it exists (the compile the app loads after the canvas is usable),
 * `compiled` (compile).
 */
export const derive: AnyModule = pick(import.meta.glob<AnyModule>(['../src/store/derive.ts', '../src/store/derive-spec.ts'], { eager: true }));
