import { beforeAll, describe, expect, it } from 'vitest';
import { createCatalog, type Catalog } from '../catalog/catalog';
import { loadAllGcpc } from '../catalog/gcpc/load';
import { addTask, createDocument, setTaskOptions } from '../document/operations';
import type { Task } from '../document/types';
import { compile, retryPolicy } from './compile';
import { toJson, toYaml } from './serialize';

let catalog: Catalog;
beforeAll(async () => {
  catalog = createCatalog(await loadAllGcpc());
});

describe('retryPolicy (KFP RetryPolicy.to_proto)', () => {
  it('writes the defaults for set_retry(num_retries=k)', () => {
    expect(retryPolicy(2)).toEqual({ backoffDuration: '0s', backoffFactor: 2, backoffMaxDuration: '3600s', maxRetryCount: 2 });
  });

  it('leaves maxRetryCount out for 0 retries but keeps the backoff fields', () => {
    expect(retryPolicy(0)).toEqual({ backoffDuration: '0s', backoffFactor: 2, backoffMaxDuration: '3600s' });
  });

  it('writes given waits in seconds and the factor', () => {
    expect(retryPolicy(3, { duration: 60, factor: 1.5, maxDuration: 600 })).toEqual({
      backoffDuration: '60s',
      backoffFactor: 1.5,
      backoffMaxDuration: '600s',
      maxRetryCount: 3,
    });
  });

  it('caps the longest wait at 3600s', () => {
    expect(retryPolicy(1, { maxDuration: 7200 }).backoffMaxDuration).toBe('3600s');
    expect(retryPolicy(1, { maxDuration: 3600 }).backoffMaxDuration).toBe('3600s');
  });

  it("follows Python's `or` for the factor only: 0 means 2.0, while a 0s wait stays 0s (as '0s' is truthy)", () => {
    expect(retryPolicy(1, { factor: 0 }).backoffFactor).toBe(2);
    expect(retryPolicy(1, { maxDuration: 0 }).backoffMaxDuration).toBe('0s');
    expect(retryPolicy(1, { duration: 0 }).backoffDuration).toBe('0s');
  });
});

describe('compile: retry options of a task', () => {
  const doc = (patch: Partial<Task>) => {
    const d = setTaskOptions(
      addTask(createDocument('r'), 'v1.endpoint.EndpointCreateOp', { x: 0, y: 0 }, { display_name: { constant: 'e' } }).doc,
      't1',
      {},
    );
    return { ...d, tasks: [{ ...d.tasks[0], ...patch }] };
  };

  it('no retries: no retryPolicy, even with backoff settings', () => {
    expect(compile(doc({ retryBackoff: { duration: 60 } }), catalog).root.dag.tasks['endpoint-create'].retryPolicy).toBeUndefined();
  });

  it('retries with backoff, written as KFP writes it (factor a float, count an int)', () => {
    const spec = compile(doc({ retries: 3, retryBackoff: { duration: 60, factor: 2, maxDuration: 3600 } }), catalog);
    const json = toJson(spec);
    expect(json).toContain(
      '"retryPolicy": {\n            "backoffDuration": "60s",\n            "backoffFactor": 2.0,\n' +
        '            "backoffMaxDuration": "3600s",\n            "maxRetryCount": 3\n          }',
    );
    expect(toYaml(spec)).toContain('        retryPolicy:\n          backoffDuration: 60s\n          backoffFactor: 2.0\n');
  });
});
