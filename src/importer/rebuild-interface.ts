/** The pipeline's own interface: parameters, artifact inputs and outputs. */
import type { PipelineArtifactInput, PipelineDocument, PipelineOutput, PipelineParameter } from '../document/types';
import { isParameterType } from '../spec/pipeline-spec';
import { obj, type RebuildState } from './rebuild-state';
import { resolveOutput, type Resolved } from './resolve-channels';

/** Parameters (required ones first, as Python lists them) and artifact inputs. */
export function pipelineInputs(s: RebuildState, doc: PipelineDocument): void {
  const inputs = obj(obj(s.spec.root).inputDefinitions);
  for (const [name, raw] of Object.entries(obj(inputs.parameters))) {
    const p = obj(raw);
    // A PipelineTaskFinalStatus input (a component compiled on its own) is no parameter a
    // person sets: it stays in the kept parts.
    if (!isParameterType(p.parameterType)) continue;
    const param: PipelineParameter = { name, type: p.parameterType };
    if (p.defaultValue !== undefined) param.default = structuredClone(p.defaultValue);
    else if (p.isOptional === true) param.optional = true;
    if (typeof p.description === 'string') param.description = p.description;
    doc.parameters.push(param);
  }
  const required = (p: PipelineParameter) => p.default === undefined && !p.optional;
  doc.parameters.sort((a, b) => Number(required(b)) - Number(required(a)));
  const artifacts: PipelineArtifactInput[] = [];
  for (const [name, raw] of Object.entries(obj(inputs.artifacts))) {
    const a = obj(raw);
    const t = obj(a.artifactType);
    const input: PipelineArtifactInput = {
      name,
      artifactType: { schemaTitle: String(t.schemaTitle), schemaVersion: typeof t.schemaVersion === 'string' ? t.schemaVersion : '0.0.1' },
    };
    if (a.isArtifactList === true) input.isList = true;
    if (a.isOptional === true) input.optional = true;
    if (typeof a.description === 'string') input.description = a.description;
    artifacts.push(input);
  }
  if (artifacts.length > 0) doc.artifactInputs = artifacts;
}

/** The pipeline outputs (once the tasks and groups are known); unreadable ones are kept. */
export function pipelineOutputs(s: RebuildState): PipelineOutput[] {
  const root = obj(s.spec.root);
  const definitions = obj(root.outputDefinitions);
  const dagOutputs = obj(obj(root.dag).outputs);
  const outputs: PipelineOutput[] = [];
  for (const group of ['parameters', 'artifacts'] as const)
    for (const [name, raw] of Object.entries(obj(definitions[group]))) {
      const o = obj(obj(dagOutputs[group])[name]);
      let r: Resolved | undefined;
      const v = obj(o.valueFromParameter);
      const sel = Array.isArray(o.artifactSelectors) && o.artifactSelectors.length === 1 ? obj(o.artifactSelectors[0]) : undefined;
      if (typeof v.producerSubtask === 'string') r = resolveOutput(s, s.root, v.producerSubtask, String(v.outputParameterKey));
      else if (sel && typeof sel.producerSubtask === 'string') r = resolveOutput(s, s.root, sel.producerSubtask, String(sel.outputArtifactKey));
      if (!r) continue;
      let source: PipelineOutput['source'] | undefined;
      if ('collected' in r) source = { ...r.collected, collected: true };
      else if ('oneOf' in r) source = { oneOf: r.oneOf };
      else if ('task' in r.source) source = { task: r.source.task, output: r.source.output };
      if (!source) continue;
      const output: PipelineOutput = { name, source };
      const description = obj(raw).description;
      if (typeof description === 'string') output.description = description;
      outputs.push(output);
    }
  return outputs;
}
