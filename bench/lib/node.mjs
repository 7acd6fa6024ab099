/**
 * Benchmarks of the framework-free core in Node (the bundle of bench/core-entry.ts).
 * Run in a child process of bench/run.mjs with --expose-gc, so every figure starts from the
 * same fresh heap and JIT state; like the KFP timings in the goldens, every timed run is
 * preceded by an untimed garbage collection.
 *
 * Usage: node --expose-gc bench/lib/node.mjs CORE_BUNDLE OUT.json
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { benchCatalog, documentFromNeutral, gcpcMixText, goldenPath, readGolden } from './docs.mjs';
import { AUTOML_TABULAR_YAML } from './paths.mjs';
import { median } from './stats.mjs';

const gc = globalThis.gc ?? (() => {});

/** Median of `runs` timed calls after `warmup` untimed ones; each call after a GC. */
function time(fn, { runs, warmup }) {
  for (let i = 0; i < warmup; i++) fn();
  const ms = [];
  for (let i = 0; i < runs; i++) {
    gc();
    const t0 = performance.now();
    fn();
    ms.push(performance.now() - t0);
  }
  return { median: median(ms), runs: ms };
}

/** The golden comparison of the project: parsed JSON, `sdkVersion` and I/O descriptions aside. */
function normalize(spec) {
  const copy = structuredClone(spec);
  delete copy.sdkVersion;
  for (const comp of Object.values(copy.components ?? {}))
    for (const defs of [comp.inputDefinitions, comp.outputDefinitions])
      for (const group of ['parameters', 'artifacts']) for (const p of Object.values(defs?.[group] ?? {})) delete p.description;
  return copy;
}

/**
 * PipelineSpec YAML → document with canvas positions, through src/importer when it exists.
 * Returns undefined while there is no importer. This is the one place to adapt once the
 * importer's API is settled (issue: spec import); the benchmark around it needs no change.
 */
export function importWithLayout(core, catalog, yamlText) {
  const imp = core.importer ?? {};
  const fn = imp.importPipelineSpec ?? imp.importSpec ?? imp.importPipeline;
  if (typeof fn !== 'function') return undefined;
  const result = fn(yamlText, 'automl_tabular_pipeline.yaml', catalog);
  // Accept either a document or a `{ ok, doc }` load result.
  if (result && typeof result === 'object' && 'ok' in result) {
    if (!result.ok) throw new Error(result.error);
    return result.doc;
  }
  return result;
}

export async function runNodeBenches(corePath, log = console.log) {
  const core = await import(pathToFileURL(corePath).href);
  const catalog = await benchCatalog(core);
  const timings = JSON.parse(readGolden('large/TIMINGS.json'));
  const kfp = new Map(timings.results.map((r) => [r.config, r]));
  const out = { compile: {}, scaling: [], derive: {}, importAutoml: {} };

  // ---- compile tiny-1000 → YAML (the budgeted figure), with its parts
  {
    const doc = documentFromNeutral(core, readGolden('large/tiny-1000.pipeline.json'), catalog, 'tiny-1000.pipeline.json');
    gc();
    const c0 = performance.now();
    core.toYaml(core.compile(doc, catalog));
    const coldMs = performance.now() - c0;
    // 30 warm-up runs: V8 needs a few dozen runs of the serializer to reach its steady state.
    const full = time(() => core.toYaml(core.compile(doc, catalog)), { runs: 21, warmup: 30 });
    const spec = core.compile(doc, catalog);
    const compileOnly = time(() => core.compile(doc, catalog), { runs: 21, warmup: 3 });
    const yamlOnly = time(() => core.toYaml(spec), { runs: 21, warmup: 3 });
    const jsonOnly = time(() => core.toJson(spec), { runs: 21, warmup: 3 });
    const golden = JSON.parse(readGolden('large/tiny-1000.json'));
    const same = isDeepStrictEqual(normalize(JSON.parse(core.toJson(spec))), normalize(golden));
    const k = kfp.get('tiny-1000');
    out.compile = {
      doc: 'large/tiny-1000.pipeline.json',
      runs: 21,
      warmup: 30,
      compileToYamlMs: full.median,
      firstRunMs: coldMs,
      allRunsMs: full.runs,
      compileMs: compileOnly.median,
      toYamlMs: yamlOnly.median,
      toJsonMs: jsonOnly.median,
      yamlBytes: Buffer.byteLength(core.toYaml(spec)),
      equalsGolden: same,
      kfpBuildPlusCompileMs: k ? k.build_ms + k.compile_ms : undefined,
    };
    log(`  compile tiny-1000 → YAML: ${full.median.toFixed(1)} ms (compile ${compileOnly.median.toFixed(1)}, toYaml ${yamlOnly.median.toFixed(1)}); equals golden: ${same}`);
  }

  // ---- every golden size, for the scaling picture (info, no budget)
  const configs = ['tiny-10', 'tiny-100', 'tiny-500', 'tiny-1000', 'tiny-2000', 'gcpc-mix-100', 'gcpc-mix-300'];
  for (const name of configs) {
    const rel = `large/${name}.pipeline.json`;
    if (!existsSync(goldenPath(rel))) continue;
    const doc = documentFromNeutral(core, readGolden(rel), catalog, `${name}.pipeline.json`);
    const runs = 5;
    const yaml = time(() => core.toYaml(core.compile(doc, catalog)), { runs, warmup: 2 });
    const json = time(() => core.toJson(core.compile(doc, catalog)), { runs, warmup: 2 });
    const validate = time(() => core.validate(doc, catalog), { runs, warmup: 1 });
    const k = kfp.get(name);
    out.scaling.push({
      name,
      tasks: doc.tasks.length,
      compileToYamlMs: yaml.median,
      compileToJsonMs: json.median,
      validateMs: validate.median,
      kfpBuildMs: k?.build_ms,
      kfpCompileYamlMs: k?.compile_ms,
    });
  }

  // ---- what one edit costs the core at 200 tasks (the store's derive + the spec text)
  {
    const { text } = gcpcMixText(200);
    let doc = documentFromNeutral(core, text, catalog, 'gcpc-mix-200.pipeline.json');
    const target = doc.tasks.find((t) => t.component === 'v1.dataset.ImageDatasetCreateOp');
    let i = 0;
    const edit = () => {
      doc = core.operations.setInput(doc, target.id, 'display_name', { constant: `flowers-${i++}` });
      return doc;
    };
    const parts = {
      validate: time(() => core.validate(edit(), catalog), { runs: 11, warmup: 3 }).median,
      compile: time(() => core.compile(edit(), catalog), { runs: 11, warmup: 3 }).median,
      taskKeys: time(() => core.taskKeys(edit(), catalog), { runs: 11, warmup: 3 }).median,
      toJson: time(() => core.toJson(core.compile(edit(), catalog)), { runs: 11, warmup: 3 }).median,
    };
    const spec = core.compile(doc, catalog);
    parts.toJsonOnly = time(() => core.toJson(spec), { runs: 11, warmup: 3 }).median;
    parts.jsonBytes = Buffer.byteLength(core.toJson(spec));
    // validate + compile + keys: `derive` alone, or `derive` (validate + keys) and `compiled`
    // (compile) once the compile moved to its own module (src/store/derive-spec.ts).
    const { derive, compiled } = core.derive ?? {};
    const perEdit =
      typeof compiled === 'function'
        ? () => {
            const d = edit();
            derive(d, catalog);
            compiled(d, catalog);
          }
        : () => derive(edit(), catalog);
    if (typeof derive === 'function') parts.deriveMs = time(perEdit, { runs: 11, warmup: 3 }).median;
    out.derive = parts;
    log(`  one edit at 200 tasks, core only: derive ${parts.deriveMs?.toFixed(1)} ms + JSON text ${parts.toJsonOnly.toFixed(1)} ms (${(parts.jsonBytes / 1e6).toFixed(1)} MB)`);
  }

  // ---- import automl_tabular_pipeline.yaml + layout (n/a until src/importer exists)
  {
    const text = readFileSync(AUTOML_TABULAR_YAML, 'utf8');
    const first = importWithLayout(core, catalog, text);
    if (first === undefined) {
      out.importAutoml = { status: 'n/a', note: 'no spec importer yet (src/importer/ has no importPipelineSpec/importSpec)' };
      log('  import automl_tabular_pipeline.yaml + layout: n/a (no importer yet)');
    } else {
      const t = time(() => importWithLayout(core, catalog, text), { runs: 11, warmup: 2 });
      out.importAutoml = { status: 'measured', ms: t.median, runs: t.runs, tasks: first.tasks?.length };
      log(`  import automl_tabular_pipeline.yaml + layout: ${t.median.toFixed(1)} ms`);
    }
  }
  return out;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [corePath, outFile] = process.argv.slice(2);
  runNodeBenches(corePath, (s) => console.log(s)).then(
    (r) => writeFileSync(outFile, JSON.stringify(r)),
    (e) => {
      console.error(e?.stack ?? String(e));
      process.exitCode = 1;
    },
  );
}
