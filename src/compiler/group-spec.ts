/**
 * The spec of a control-flow group: its component (the sub-DAG's interface, KFP's
 * `build_component_spec_for_group`) and its task in the parent DAG (KFP's
 * `build_task_spec_for_group`), with the loop iterator or the trigger condition.
 */
import type { ComponentSpec, JsonObject, JsonValue, ParameterType, PipelineTaskSpec } from '../spec/pipeline-spec';
import { pythonFloat, pythonJsonDumps } from '../spec/python-json';
import { Channel, Collected, isArtifactChannelType, LoopArgumentVariable } from './channels';
import { CompileError } from './errors';
import type { ConditionOp, OperandValue, PGroup } from './model';
import { channelInputName, componentName } from './names';

function parameterTypeOf(channel: Channel): ParameterType {
  if (isArtifactChannelType(channel.type)) throw new CompileError(`${channel.fullName} is an artifact, not a parameter.`);
  return channel.type.parameterType;
}

/** KFP's `build_component_spec_for_group`: inputs from the channels, outputs surfaced. */
export function groupComponentSpec(inputs: Channel[], outputs: Map<string, Channel>): ComponentSpec {
  const parameters: JsonObject = {};
  const artifacts: JsonObject = {};
  for (const c of inputs) {
    const name = channelInputName(c.fullName);
    if (isArtifactChannelType(c.type) && !(c instanceof Collected && !c.isArtifactChannel)) {
      const spec: JsonObject = { artifactType: { ...c.type.artifactType } };
      if (c.type.isArtifactList) spec.isArtifactList = true;
      artifacts[name] = spec;
    } else parameters[name] = { parameterType: parameterTypeOf(c) };
  }
  const outParameters: JsonObject = {};
  const outArtifacts: JsonObject = {};
  for (const [name, c] of outputs) {
    if (isArtifactChannelType(c.type)) {
      const spec: JsonObject = { artifactType: { ...c.type.artifactType } };
      if (c.type.isArtifactList) spec.isArtifactList = true;
      outArtifacts[name] = spec;
    } else outParameters[name] = { parameterType: c.type.parameterType };
  }
  const spec: ComponentSpec = {};
  const inputDefinitions: JsonObject = {};
  if (Object.keys(artifacts).length > 0) inputDefinitions.artifacts = artifacts;
  if (Object.keys(parameters).length > 0) inputDefinitions.parameters = parameters;
  if (Object.keys(inputDefinitions).length > 0) spec.inputDefinitions = inputDefinitions as ComponentSpec['inputDefinitions'];
  const outputDefinitions: JsonObject = {};
  if (Object.keys(outArtifacts).length > 0) outputDefinitions.artifacts = outArtifacts;
  if (Object.keys(outParameters).length > 0) outputDefinitions.parameters = outParameters;
  if (Object.keys(outputDefinitions).length > 0) spec.outputDefinitions = outputDefinitions as ComponentSpec['outputDefinitions'];
  return spec;
}

type DagOutputs = { artifacts?: Record<string, JsonObject>; parameters?: Record<string, JsonObject> };

/** KFP's `connect_single_dag_output`, for the outputs a group or the pipeline surfaces. */
export function addDagOutput(outputs: DagOutputs, name: string, channel: Channel): void {
  if (isArtifactChannelType(channel.type)) {
    outputs.artifacts ??= {};
    const entry = (outputs.artifacts[name] ??= { artifactSelectors: [] }) as { artifactSelectors: JsonValue[] };
    entry.artifactSelectors.push({ outputArtifactKey: channel.name, producerSubtask: channel.taskName ?? '' });
  } else {
    outputs.parameters ??= {};
    outputs.parameters[name] = { valueFromParameter: { outputParameterKey: channel.name, producerSubtask: channel.taskName ?? '' } };
  }
}

/** KFP's `connect_oneof_dag_output`: every branch's channel, one of which runs. */
export function addOneOfDagOutput(outputs: DagOutputs, name: string, channels: Channel[]): void {
  if (channels.length > 0 && isArtifactChannelType(channels[0].type)) {
    outputs.artifacts ??= {};
    outputs.artifacts[name] = {
      artifactSelectors: channels.map((c) => ({ outputArtifactKey: c.name, producerSubtask: c.taskName ?? '' })),
    };
  } else {
    outputs.parameters ??= {};
    outputs.parameters[name] = {
      valueFromOneof: { parameterSelectors: channels.map((c) => ({ outputParameterKey: c.name, producerSubtask: c.taskName ?? '' })) },
    };
  }
}

/** KFP's `build_task_spec_for_group`, with the loop iterator or the condition. */
export function groupTaskSpec(group: PGroup, channels: Channel[], inDag: ReadonlySet<string>, parentIsRoot: boolean): PipelineTaskSpec {
  const parameters: JsonObject = {};
  const artifacts: JsonObject = {};
  for (const channel of channels) {
    let fullName = channel.fullName;
    let subvar: string | undefined;
    if (channel instanceof LoopArgumentVariable) {
      fullName = channel.loopArgument.fullName;
      subvar = channel.subvarName;
    }
    const input = channelInputName(channel.fullName);
    let channelName = channel.name;
    if (subvar !== undefined) {
      parameters[input] = { parameterExpressionSelector: `parseJson(string_value)["${subvar}"]` };
      const items = (channel as LoopArgumentVariable).items;
      if (!(channel as LoopArgumentVariable).isWithItems && items instanceof Channel) channelName = items.name;
    }
    if (channel.isArtifact && !(channel instanceof Collected && !channel.isArtifactChannel)) {
      artifacts[input] =
        channel.taskName && inDag.has(channel.taskName)
          ? { taskOutputArtifact: { outputArtifactKey: channelName, producerTask: channel.taskName } }
          : { componentInputArtifact: parentIsRoot ? fullName : input };
    } else {
      const spec = (parameters[input] ?? {}) as JsonObject;
      if (channel.taskName && inDag.has(channel.taskName))
        spec.taskOutputParameter = { outputParameterKey: channelName, producerTask: channel.taskName };
      else spec.componentInputParameter = parentIsRoot ? fullName : channelInputName(fullName);
      parameters[input] = spec;
    }
  }
  const spec: PipelineTaskSpec = {
    componentRef: { name: componentName(group.name) },
    taskInfo: { name: group.displayName || group.name },
  };
  const inputs: JsonObject = {};
  if (Object.keys(artifacts).length > 0) inputs.artifacts = artifacts;
  if (Object.keys(parameters).length > 0) inputs.parameters = parameters;
  if (Object.keys(inputs).length > 0) spec.inputs = inputs as PipelineTaskSpec['inputs'];
  if (group.loop) applyLoop(group, spec);
  else if (group.type === 'condition') spec.triggerPolicy = { condition: conditionText(group.conditions) };
  return spec;
}

function dropInput(spec: PipelineTaskSpec, name: string): void {
  if (!spec.inputs) return;
  delete spec.inputs.artifacts?.[name];
  delete spec.inputs.parameters?.[name];
  if (spec.inputs.artifacts && Object.keys(spec.inputs.artifacts).length === 0) delete spec.inputs.artifacts;
  if (spec.inputs.parameters && Object.keys(spec.inputs.parameters).length === 0) delete spec.inputs.parameters;
  if (!spec.inputs.artifacts && !spec.inputs.parameters) delete spec.inputs;
}

/** KFP's `_update_task_spec_for_loop_group`: the iterator over a channel or a static list. */
function applyLoop(group: PGroup, spec: PipelineTaskSpec): void {
  const { argument, itemsIsChannel, parallelism } = group.loop!;
  const itemInput = channelInputName(argument.fullName);
  if (itemsIsChannel) {
    const items = argument.items as Channel;
    const itemsInput = channelInputName(items.fullName);
    if (argument.isArtifact) spec.artifactIterator = { itemInput, items: { inputArtifact: itemsInput } };
    else spec.parameterIterator = { itemInput, items: { inputParameter: itemsInput } };
    dropInput(spec, itemInput);
    if (items instanceof LoopArgumentVariable) {
      spec.inputs ??= {};
      spec.inputs.parameters ??= {};
      spec.inputs.parameters[itemsInput] = {
        ...spec.inputs.parameters[itemsInput],
        componentInputParameter: channelInputName(items.loopArgument.fullName),
        parameterExpressionSelector: `parseJson(string_value)["${items.subvarName}"]`,
      };
    }
  } else {
    spec.parameterIterator = { itemInput, items: { raw: pythonJsonDumps(argument.items as JsonValue[], true) } };
    dropInput(spec, itemInput);
  }
  if (parallelism > 0) spec.iteratorPolicy = { parallelismLimit: parallelism };
}

// ---------------------------------------------------------------- conditions (CEL)

const typeOfOperand = (o: OperandValue): ParameterType => (o instanceof Channel ? parameterTypeOf(o) : o.type);

/** Python's `str()` of a literal. */
function literalText(o: { value: string | number | boolean; type: ParameterType }): string {
  if (typeof o.value === 'boolean') return o.value ? 'True' : 'False';
  if (typeof o.value === 'number') return o.type === 'NUMBER_DOUBLE' ? pythonFloat(o.value) : String(o.value);
  return o.value;
}

/** KFP's `_single_binary_operation_to_cel_condition`. */
function operationText(op: ConditionOp): string {
  for (const o of [op.left, op.right])
    if (o instanceof Channel) {
      const t = typeOfOperand(o);
      if (t === 'STRUCT' || t === 'LIST')
        throw new CompileError(
          `Conditional requires primitive parameter values for comparison. Found input "${channelInputName(o.fullName)}" of type ${t} in pipeline definition instead.`,
        );
    }
  const types = new Set([typeOfOperand(op.left), typeOfOperand(op.right)]);
  let canonical: ParameterType;
  if (types.size === 2) {
    if (types.has('STRING')) canonical = 'STRING';
    else if (types.has('BOOLEAN')) canonical = 'BOOLEAN';
    else if (types.has('NUMBER_DOUBLE') && types.has('NUMBER_INTEGER')) canonical = 'NUMBER_DOUBLE';
    else throw new CompileError(`Cannot compare values of types ${[...types].join(' and ')}.`);
  } else canonical = [...types][0];

  const values = [op.left, op.right].map((o) => {
    let text: string;
    const type = typeOfOperand(o);
    if (o instanceof Channel) {
      text = `inputs.parameter_values['${channelInputName(o.fullName)}']`;
      if (type === 'NUMBER_INTEGER') text = `int(${text})`;
    } else if (typeof o.value === 'string') text = `'${o.value}'`;
    else if (typeof o.value === 'boolean') text = o.value ? 'true' : 'false';
    else text = literalText(o);
    if (type !== canonical) {
      if (canonical === 'STRING') text = `'${text}'`;
      else if (canonical === 'BOOLEAN') {
        if (o instanceof Channel || typeof o.value !== 'number')
          throw new CompileError(`Cannot compare ${channelInputNameOf(o)} with a boolean.`);
        text = Math.trunc(o.value) === 0 ? 'true' : 'false';
      } else text = `double(${text})`;
    }
    return text;
  });
  const text = `${values[0]} ${op.operator} ${values[1]}`;
  return op.negate ? `!(${text})` : text;
}

const channelInputNameOf = (o: OperandValue) => (o instanceof Channel ? channelInputName(o.fullName) : literalText(o));

/** KFP's `_binary_operations_to_cel_conjunctive`. */
export function conditionText(ops: ConditionOp[]): string {
  return ops.map(operationText).join(' && ');
}

/** The condition channels a condition group reads (KFP's `get_channels_from_condition`). */
export function conditionChannels(group: PGroup): Channel[] {
  const out: Channel[] = [];
  for (const op of group.conditions) for (const o of [op.left, op.right]) if (o instanceof Channel) out.push(o);
  return out;
}

