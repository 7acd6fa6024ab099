/**
 * Task-level container settings (`.set_cpu_limit`, `.set_memory_request`,
 * `.set_accelerator_type`, `.set_env_variable`, …) written into the executor the way KFP
 * 2.15 does: the newer `resource*` fields as typed, plus the older numeric fields (CPU in
 * cores, memory in GB) for older backends.
 */
import type { EnvVar, TaskResources } from '../document/types';
import type { ContainerSpec, JsonObject } from '../spec/pipeline-spec';

/** KFP's `_cpu_to_float`: cores, `m` = millicores. */
export function cpuToFloat(cpu: string): number {
  return cpu.endsWith('m') ? parseFloat(cpu.slice(0, -1)) / 1000 : parseFloat(cpu);
}

const G = 1e9;
const UNITS: Array<[string, number]> = [
  ['E', 1e18],
  ['Ei', 2 ** 60],
  ['P', 1e15],
  ['Pi', 2 ** 50],
  ['T', 1e12],
  ['Ti', 2 ** 40],
  ['G', G],
  ['Gi', 2 ** 30],
  ['M', 1e6],
  ['Mi', 2 ** 20],
  ['K', 1e3],
  ['Ki', 2 ** 10],
];

/** KFP's `_memory_to_float`: gigabytes (decimal), from a number with an optional unit. */
export function memoryToFloat(memory: string): number {
  for (const [suffix, factor] of UNITS) {
    if (!memory.endsWith(suffix)) continue;
    const n = parseFloat(memory.slice(0, -suffix.length));
    return suffix === 'G' ? n : (n * factor) / G;
  }
  return parseFloat(memory) / G;
}

/** proto3 leaves a 0 out of its JSON. */
function setNumber(spec: JsonObject, key: string, n: number): void {
  if (n === 0) delete spec[key];
  else spec[key] = n;
}

/** The executor's container with the task's resources and environment applied. */
export function withTaskSettings(container: ContainerSpec, resources: TaskResources | undefined, env: EnvVar[] | undefined): ContainerSpec {
  const out: ContainerSpec = { ...container };
  if (env && env.length > 0) {
    // A dict in KFP: setting a name again replaces its value in place.
    const vars = new Map<string, string>();
    for (const e of (container.env as Array<{ name: string; value: string }> | undefined) ?? []) vars.set(e.name, e.value);
    for (const e of env) vars.set(e.name, e.value);
    out.env = [...vars].map(([name, value]) => ({ name, value }));
  }
  const r = resources ?? {};
  const accelCount = r.acceleratorCount ?? (r.acceleratorType !== undefined ? 1 : undefined);
  if (r.cpuRequest === undefined && r.cpuLimit === undefined && r.memoryRequest === undefined && r.memoryLimit === undefined && accelCount === undefined)
    return out;
  const spec: JsonObject = { ...((container.resources as JsonObject | undefined) ?? {}) };
  if (r.cpuRequest !== undefined) {
    spec.resourceCpuRequest = r.cpuRequest;
    setNumber(spec, 'cpuRequest', cpuToFloat(r.cpuRequest));
  }
  if (r.cpuLimit !== undefined) {
    spec.resourceCpuLimit = r.cpuLimit;
    setNumber(spec, 'cpuLimit', cpuToFloat(r.cpuLimit));
  }
  if (r.memoryRequest !== undefined) {
    spec.resourceMemoryRequest = r.memoryRequest;
    setNumber(spec, 'memoryRequest', memoryToFloat(r.memoryRequest));
  }
  if (r.memoryLimit !== undefined) {
    spec.resourceMemoryLimit = r.memoryLimit;
    setNumber(spec, 'memoryLimit', memoryToFloat(r.memoryLimit));
  }
  if (accelCount !== undefined) {
    // int64 fields: protobuf's JSON writes them as strings.
    const accelerator: JsonObject = { resourceCount: String(accelCount) };
    if (accelCount !== 0) accelerator.count = String(accelCount);
    if (r.acceleratorType !== undefined) {
      accelerator.type = r.acceleratorType;
      accelerator.resourceType = r.acceleratorType;
    }
    spec.accelerator = accelerator;
  }
  out.resources = spec;
  return out;
}
