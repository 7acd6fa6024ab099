/**
 * Command-line placeholders of container components (`document/types.ts` CommandLineItem)
 * turned into the strings KFP writes into `deploymentSpec.executors.*.container`, exactly as
 * `kfp.dsl.placeholders` does: `{{$.inputs.parameters['x']}}` and friends, and Concat /
 * IfPresent as Python `json.dumps` of their structure.
 */
import type { CommandLineItem, ContainerComponentDef } from '../document/types';
import { isArtifactType } from '../document/types';
import type { JsonValue } from '../spec/pipeline-spec';
import { pythonJsonDumps } from '../spec/python-json';

type Struct = JsonValue;

/** Is the named output of the component a parameter (then `outputPath` is an output file)? */
type OutputKind = (name: string) => 'parameter' | 'artifact' | undefined;

function primitive(item: Exclude<CommandLineItem, string | { concat: unknown } | { ifPresent: unknown }>, outputKind: OutputKind): string {
  if ('inputValue' in item) return `{{$.inputs.parameters['${item.inputValue}']}}`;
  if ('inputPath' in item) return `{{$.inputs.artifacts['${item.inputPath}'].path}}`;
  if ('inputUri' in item) return `{{$.inputs.artifacts['${item.inputUri}'].uri}}`;
  if ('inputMetadata' in item)
    return item.key === undefined
      ? `{{$.inputs.artifacts['${item.inputMetadata}'].metadata}}`
      : `{{$.inputs.artifacts['${item.inputMetadata}'].metadata['${item.key}']}}`;
  if ('outputPath' in item)
    return outputKind(item.outputPath) === 'parameter'
      ? `{{$.outputs.parameters['${item.outputPath}'].output_file}}`
      : `{{$.outputs.artifacts['${item.outputPath}'].path}}`;
  if ('outputUri' in item) return `{{$.outputs.artifacts['${item.outputUri}'].uri}}`;
  if ('outputMetadata' in item)
    return item.key === undefined
      ? `{{$.outputs.artifacts['${item.outputMetadata}'].metadata}}`
      : `{{$.outputs.artifacts['${item.outputMetadata}'].metadata['${item.key}']}}`;
  return '{{$}}';
}

/** KFP's `convert_command_line_element_to_string_or_struct`. */
function toStringOrStruct(item: CommandLineItem, outputKind: OutputKind): Struct {
  if (typeof item === 'string') return item;
  if ('concat' in item) return { Concat: item.concat.map((i) => toStringOrStruct(i, outputKind)) };
  if ('ifPresent' in item) {
    const { input, then, else: otherwise } = item.ifPresent;
    const branch = (b: CommandLineItem | CommandLineItem[]) =>
      Array.isArray(b) ? b.map((i) => toStringOrStruct(i, outputKind)) : toStringOrStruct(b, outputKind);
    const body: { [k: string]: Struct } = { InputName: input, Then: branch(then) };
    // Python's `if self.else_:` leaves out an empty list.
    if (otherwise !== undefined && !(Array.isArray(otherwise) && otherwise.length === 0)) body.Else = branch(otherwise);
    return { IfPresent: body };
  }
  return primitive(item, outputKind);
}

/** One command-line element as the string KFP writes. */
export function commandLineString(item: CommandLineItem, outputKind: OutputKind): string {
  const v = toStringOrStruct(item, outputKind);
  return typeof v === 'string' ? v : pythonJsonDumps(v);
}

/** The output kinds of a container component definition, for `outputPath`. */
export function outputKindsOf(def: Pick<ContainerComponentDef, 'outputs'>): OutputKind {
  const kinds = new Map(def.outputs.map((o) => [o.name, isArtifactType(o.type) ? ('artifact' as const) : ('parameter' as const)]));
  return (name) => kinds.get(name);
}

/** Input and output names a command-line element refers to (for checks). */
export function referencedNames(item: CommandLineItem): { inputs: string[]; outputs: string[] } {
  const inputs: string[] = [];
  const outputs: string[] = [];
  const walk = (i: CommandLineItem) => {
    if (typeof i === 'string') return;
    if ('inputValue' in i) inputs.push(i.inputValue);
    else if ('inputPath' in i) inputs.push(i.inputPath);
    else if ('inputUri' in i) inputs.push(i.inputUri);
    else if ('inputMetadata' in i) inputs.push(i.inputMetadata);
    else if ('outputPath' in i) outputs.push(i.outputPath);
    else if ('outputUri' in i) outputs.push(i.outputUri);
    else if ('outputMetadata' in i) outputs.push(i.outputMetadata);
    else if ('concat' in i) i.concat.forEach(walk);
    else if ('ifPresent' in i) {
      inputs.push(i.ifPresent.input);
      [i.ifPresent.then, i.ifPresent.else ?? []].flat().forEach(walk);
    }
  };
  walk(item);
  return { inputs, outputs };
}
