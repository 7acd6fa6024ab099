/**
 * Mutated goldens: whatever the damage (cut short, lines lost, indents broken, types changed,
 * references dangling, keys injected, alias bombs, binary noise), `importSpec` either imports
 * the file (and the document compiles) or refuses it in one sentence, each within 2 s.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCatalog, type Catalog } from '../catalog/catalog';
import { loadAllGcpc } from '../catalog/gcpc/load';
import { compile } from '../compiler/compile';
import { goldenText, HAVE_GOLDENS } from '../test-support/golden';
import { UPSTREAM_DIR } from '../test-support/upstream';
import { importSpec } from './import-spec';

const GOLDENS = [
  'seed-automl-image.yaml',
  'pipelines/pipeline-02a-exit-handler-email.yaml',
  'pipelines/pipeline-03a-if-elif-else.yaml',
  'pipelines/pipeline-04b-parallelfor-static.yaml',
  'pipelines/pipeline-06-importer-vertex-model.yaml',
  'pipelines/pipeline-10-task-resources.yaml',
  'random/007.yaml',
  `${UPSTREAM_DIR}/critical/flip_coin.yaml`,
  `${UPSTREAM_DIR}/critical/parameter_oneof.yaml`,
  `${UPSTREAM_DIR}/parallel_and_nested/pipeline_with_loops.yaml`,
  `${UPSTREAM_DIR}/parallel_and_nested/pipeline_in_pipeline_complex.yaml`,
  `${UPSTREAM_DIR}/critical/pipeline_with_secret_as_env.yaml`,
];

let catalog: Catalog;
const texts = new Map<string, string>();
const specs = new Map<string, unknown>();
beforeAll(async () => {
  catalog = createCatalog(await loadAllGcpc());
  if (!HAVE_GOLDENS) return;
  for (const g of GOLDENS) {
    texts.set(g, goldenText(g));
    const json = g.replace(/\.yaml$/, '.json');
    try {
      specs.set(g, JSON.parse(goldenText(json)));
    } catch {
      // upstream goldens come as YAML only: parse them with the importer's own reader
      const r = importSpec(goldenText(g), g, catalog);
      if (r.ok) specs.set(g, compile(r.doc, catalog));
    }
  }
});

type Path = Array<string | number>;

/** Every path in a JSON value (objects and arrays), in a stable order. */
function paths(v: unknown, at: Path = [], out: Path[] = []): Path[] {
  out.push(at);
  if (Array.isArray(v)) v.forEach((x, i) => paths(x, [...at, i], out));
  else if (v && typeof v === 'object') for (const k of Object.keys(v)) paths((v as Record<string, unknown>)[k], [...at, k], out);
  return out;
}

function setAt(root: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let cur = copy;
  for (const k of path.slice(0, -1)) cur = cur[k] as Record<string | number, unknown>;
  cur[path[path.length - 1]] = value;
  return copy;
}

const OTHER_TYPES = [42, 'text', true, null, [], {}, [1, 'a'], { x: { y: 1 } }, 1.5e300];

type Mutation = (text: string, spec: unknown, r: () => number) => string;

const pick = <T,>(list: readonly T[], r: () => number): T => list[Math.floor(r() * list.length) % list.length];

const MUTATIONS: Record<string, Mutation> = {
  truncate: (t, _s, r) => t.slice(0, Math.floor(r() * t.length)),
  loseLines: (t, _s, r) => {
    const lines = t.split('\n');
    const n = 1 + Math.floor(r() * 5);
    for (let i = 0; i < n && lines.length > 1; i++) lines.splice(Math.floor(r() * lines.length), 1);
    return lines.join('\n');
  },
  badIndent: (t, _s, r) => {
    const lines = t.split('\n');
    for (let i = 0; i < 3; i++) {
      const j = Math.floor(r() * lines.length);
      lines[j] = r() < 0.5 ? ' '.repeat(1 + Math.floor(r() * 3)) + lines[j] : lines[j].replace(/^ {1,3}/, '');
    }
    return lines.join('\n');
  },
  changeType: (_t, s, r) => {
    const all = paths(s).filter((p) => p.length > 0);
    return JSON.stringify(setAt(s, pick(all, r), pick(OTHER_TYPES, r)));
  },
  danglingReference: (_t, s, r) => {
    const refs = paths(s).filter((p) => ['name', 'producerTask', 'producerSubtask', 'executorLabel', 'componentInputParameter', 'itemInput'].includes(String(p.at(-1))) || p.at(-2) === 'dependentTasks');
    if (refs.length === 0) return JSON.stringify(s);
    return JSON.stringify(setAt(s, pick(refs, r), `ghost-${Math.floor(r() * 100)}`));
  },
  injectKey: (_t, s, r) => {
    const objects = paths(s).filter((p) => {
      let v: unknown = s;
      for (const k of p) v = (v as Record<string | number, unknown>)[k];
      return v !== null && typeof v === 'object' && !Array.isArray(v);
    });
    const key = pick(['__proto__', 'constructor', 'prototype', 'unexpectedField', 'isOptional', 'tasks'], r);
    const at = pick(objects, r);
    const text = JSON.stringify(setAt(s, [...at, '__marker__'], { polluted: true }));
    return text.replace('"__marker__"', JSON.stringify(key));
  },
  aliasBomb: (t, _s, r) => {
    const width = 5 + Math.floor(r() * 10);
    const lines = [`b0: &b0 [${Array(width).fill('"x"').join(', ')}]`];
    for (let i = 1; i < 12; i++) lines.push(`b${i}: &b${i} [${Array(width).fill(`*b${i - 1}`).join(', ')}]`);
    return `${t}\n${lines.join('\n')}\n`;
  },
  binaryNoise: (t, _s, r) => {
    const chars = t.split('');
    const n = 1 + Math.floor(r() * 20);
    for (let i = 0; i < n; i++) chars.splice(Math.floor(r() * chars.length), 0, String.fromCharCode(Math.floor(r() * 0x10000)));
    return chars.join('');
  },
};

/** A small seeded generator (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe.skipIf(!HAVE_GOLDENS)('importSpec on mutated goldens', () => {
  it('accepts or refuses every mutation in one sentence, each within 2 s', () => {
    const counts = { accepted: 0, refused: 0 };
    fc.assert(
      fc.property(fc.constantFrom(...GOLDENS), fc.constantFrom(...Object.keys(MUTATIONS)), fc.integer({ min: 0, max: 2 ** 31 - 1 }), (golden, kind, seed) => {
        const text = MUTATIONS[kind](texts.get(golden)!, specs.get(golden), rng(seed));
        const source = kind === 'changeType' || kind === 'danglingReference' || kind === 'injectKey' ? 'mutated.json' : 'mutated.yaml';
        const started = performance.now();
        const result = importSpec(text, source, catalog);
        if (result.ok) {
          // An accepted file gives a document that compiles.
          compile(result.doc, catalog);
          counts.accepted++;
        } else {
          counts.refused++;
          expect(result.error.startsWith(`${source} `)).toBe(true);
          expect(result.error).toMatch(/\.$/);
          expect(result.error).not.toMatch(/[\r\n]/);
          expect(result.error).not.toMatch(/could not be imported|internal error|undefined|\[object Object\]/);
        }
        expect(performance.now() - started).toBeLessThan(2000);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: 400, seed: 20250711 },
    );
    expect(counts.accepted + counts.refused).toBe(400);
  });
});
