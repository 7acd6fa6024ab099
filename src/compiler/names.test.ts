import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  PARAMETER_NAME_PATTERN,
  PIPELINE_NAME_PATTERN,
  componentName,
  executorName,
  sanitizeName,
  uniqueKeys,
} from './names';

/**
 * KFP's `make_name_unique_by_adding_index(name, collection, '-')`, applied the way
 * `Pipeline.add_task` does: each new name is checked against every key handed out before.
 * Deliberately naive (quadratic): it is the reference the fast implementation must match.
 */
function kfpUniqueKeys(names: readonly string[]): string[] {
  const collection: string[] = [];
  for (const name of names) {
    let unique = name;
    if (collection.includes(unique)) {
      for (let i = 2; ; i++) {
        unique = `${name}-${i}`;
        if (!collection.includes(unique)) break;
      }
    }
    collection.push(unique);
  }
  return collection;
}

describe('sanitizeName (KFP maybe_rename_for_k8s)', () => {
  // Expected values computed with KFP's own expression in Python:
  // re.sub('-+', '-', re.sub('[^-0-9a-z]+', '-', name.lower())).lstrip('-').rstrip('-')
  it.each([
    ['model-deploy', 'model-deploy'],
    ['ModelDeploy', 'modeldeploy'],
    ['model_deploy', 'model-deploy'],
    ['Probe Name_With CAPS', 'probe-name-with-caps'],
    ['--a--', 'a'],
    ['a - b', 'a-b'],
    ['a--b', 'a-b'],
    ['a---b', 'a-b'],
    ['_x_', 'x'],
    ['ünïcode', 'n-code'],
    ['İstanbul', 'i-stanbul'],
    ['\u212Aelvin', 'kelvin'],
    ['endpoint-create-2', 'endpoint-create-2'],
    ['', ''],
    ['___', ''],
    ['a.b/c', 'a-b-c'],
    ['Café Ω 2', 'caf-2'],
    ['x\ny', 'x-y'],
    ['9lives', '9lives'],
  ])('%j → %j', (input, want) => {
    expect(sanitizeName(input)).toBe(want);
  });

  // Strings rich in separators (to hit runs of '-') plus arbitrary Unicode.
  const nameLike = fc.oneof(
    fc.string({ unit: fc.constantFrom('-', '_', ' ', '.', 'a', 'Z', '9', 'é'), maxLength: 20 }),
    fc.string({ unit: 'binary', maxLength: 20 }),
  );

  it('always gives a Kubernetes-safe name and is idempotent', () => {
    fc.assert(
      fc.property(nameLike, (s) => {
        const out = sanitizeName(s);
        expect(out).toMatch(/^(?:[0-9a-z]+(?:-[0-9a-z]+)*)?$/);
        expect(sanitizeName(out)).toBe(out);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps names that are already sanitized', () => {
    const safe = fc.stringMatching(/^[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,3}$/);
    fc.assert(fc.property(safe, (s) => sanitizeName(s) === s), { numRuns: 200 });
  });
});

describe('uniqueKeys (KFP make_name_unique_by_adding_index)', () => {
  it('gives the first use the bare name, then -2, -3 … in creation order', () => {
    expect(uniqueKeys(['a', 'a', 'b', 'a', 'b'])).toEqual(['a', 'a-2', 'b', 'a-3', 'b-2']);
  });

  it('skips a suffix a component name literally takes (a component named foo-2)', () => {
    expect(uniqueKeys(['foo-2', 'foo', 'foo', 'foo'])).toEqual(['foo-2', 'foo', 'foo-3', 'foo-4']);
    expect(uniqueKeys(['foo', 'foo-2', 'foo', 'foo-2'])).toEqual(['foo', 'foo-2', 'foo-3', 'foo-2-2']);
    expect(uniqueKeys(['foo', 'foo', 'foo-2', 'foo-3', 'foo'])).toEqual(['foo', 'foo-2', 'foo-2-2', 'foo-3', 'foo-4']);
  });

  it('runs past -9 into -10, -11, -12 (as in probe many-duplicates)', () => {
    const keys = uniqueKeys(Array(12).fill('endpoint-create'));
    expect(keys).toEqual(['endpoint-create', ...Array.from({ length: 11 }, (_, i) => `endpoint-create-${i + 2}`)]);
  });

  it('handles the empty list and a single name', () => {
    expect(uniqueKeys([])).toEqual([]);
    expect(uniqueKeys(['x'])).toEqual(['x']);
  });

  it('does not modify its input', () => {
    const names = Object.freeze(['a', 'a', 'a']);
    uniqueKeys(names);
    expect(names).toEqual(['a', 'a', 'a']);
  });

  it('is linear enough for thousands of tasks', () => {
    const names = Array.from({ length: 5000 }, (_, i) => (i % 3 === 0 ? 'tiny' : `tiny-${i % 50}`));
    const keys = uniqueKeys(names);
    expect(new Set(keys).size).toBe(keys.length);
  });

  // Few bases that collide with each other's suffixed forms, to make the rule work hard.
  const collidingName = fc.constantFrom('foo', 'foo-2', 'foo-3', 'foo-2-2', 'foo-10', 'foo-1', 'bar', 'bar-2', 'foo-bar');
  const anyName = fc.oneof(collidingName, fc.string({ maxLength: 6 }));

  it('matches a naive reference implementation of KFP on random name sequences', () => {
    fc.assert(
      fc.property(fc.array(anyName, { maxLength: 40 }), (names) => {
        expect(uniqueKeys(names)).toEqual(kfpUniqueKeys(names));
      }),
      { numRuns: 500 },
    );
  });

  it('always gives unique keys, and keeps every first use bare', () => {
    fc.assert(
      fc.property(fc.array(collidingName, { maxLength: 60 }), (names) => {
        const keys = uniqueKeys(names);
        expect(keys).toHaveLength(names.length);
        expect(new Set(keys).size).toBe(keys.length);
        const seenBefore = new Set<string>();
        names.forEach((n, i) => {
          if (!seenBefore.has(n) && !keys.slice(0, i).includes(n)) expect(keys[i]).toBe(n);
          else expect(keys[i].startsWith(`${n}-`)).toBe(true);
          seenBefore.add(n);
        });
      }),
      { numRuns: 300 },
    );
  });
});

describe('names', () => {
  it('prefixes component and executor entries', () => {
    expect(componentName('model-deploy-2')).toBe('comp-model-deploy-2');
    expect(executorName('model-deploy-2')).toBe('exec-model-deploy-2');
  });

  it('PIPELINE_NAME_PATTERN is KFP validate_pipeline_name', () => {
    for (const ok of ['a', '0', 'automl-image-training-v2', 'a'.repeat(128), '1-']) expect(PIPELINE_NAME_PATTERN.test(ok)).toBe(true);
    for (const bad of ['', '-a', 'A', 'a_b', 'a b', 'a'.repeat(129), 'é']) expect(PIPELINE_NAME_PATTERN.test(bad)).toBe(false);
  });

  it('PARAMETER_NAME_PATTERN accepts Python identifiers (ASCII)', () => {
    for (const ok of ['project_id', '_x', 'A1']) expect(PARAMETER_NAME_PATTERN.test(ok)).toBe(true);
    for (const bad of ['', '1a', 'a-b', 'a b']) expect(PARAMETER_NAME_PATTERN.test(bad)).toBe(false);
  });
});
