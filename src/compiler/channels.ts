/**
 * The run-time values the compiler wires through the DAG, modelled on KFP's
 * `PipelineChannel` family (`kfp/dsl/pipeline_channel.py`, `for_loop.py`): a channel is
 * a pipeline parameter, a task output, a loop item (or one field of it), a fan-in of a loop
 * output (`Collected`) or the output of whichever branch ran (`OneOf`). Objects are
 * mutable on purpose: like KFP, the analysis re-points `Collected` and `OneOf` channels at
 * the groups that surface them.
 */
import { rawItemType, type ArtifactTypeSchema, type JsonValue, type ParameterType } from '../spec/pipeline-spec';
import { loopItemName, staticLoopItemName, subvarChannelName } from './names';

export type ChannelType =
  | { parameterType: ParameterType }
  | { artifactType: ArtifactTypeSchema; isArtifactList: boolean };

export const isArtifactChannelType = (t: ChannelType): t is { artifactType: ArtifactTypeSchema; isArtifactList: boolean } =>
  'artifactType' in t;

function typeKey(t: ChannelType): string {
  return isArtifactChannelType(t) ? `${t.artifactType.schemaTitle}@${t.artifactType.schemaVersion}` : t.parameterType;
}

export class Channel {
  constructor(
    public name: string,
    public type: ChannelType,
    /** The producing task's key (or, once surfaced, a group's name); undefined for pipeline inputs. */
    public taskName?: string,
  ) {}

  get fullName(): string {
    return this.taskName ? `${this.taskName}-${this.name}` : this.name;
  }

  /** KFP's identity of a channel (its `{{channel:…}}` pattern): channels are sets of these. */
  get pattern(): string {
    return `{{channel:task=${this.taskName ?? ''};name=${this.name};type=${typeKey(this.type)};}}`;
  }

  get isArtifact(): boolean {
    return isArtifactChannelType(this.type);
  }

  copy(): Channel {
    return Object.assign(Object.create(Object.getPrototypeOf(this)), this) as Channel;
  }
}

/** The item variable of a ParallelFor (KFP's LoopParameterArgument / LoopArtifactArgument). */
export class LoopArgument extends Channel {
  readonly subvars = new Map<string, LoopArgumentVariable>();
  private constructor(
    name: string,
    type: ChannelType,
    taskName: string | undefined,
    /** What the loop iterates over: a channel, or a static list. */
    public readonly items: Channel | JsonValue[],
  ) {
    super(name, type, taskName);
  }

  /** `ParallelFor(channel)`: the item of a list parameter, task output or outer loop item. */
  static fromChannel(items: Channel, itemType: ParameterType): LoopArgument {
    const type: ChannelType = isArtifactChannelType(items.type)
      ? { artifactType: items.type.artifactType, isArtifactList: false }
      : { parameterType: itemType };
    return new LoopArgument(loopItemName(items.name), type, items.taskName, items);
  }

  /** `ParallelFor([...])`: a static list; `code` is the group id KFP drew for it. */
  static fromRaw(items: JsonValue[], code: number): LoopArgument {
    return new LoopArgument(staticLoopItemName(code), { parameterType: rawItemType(items[0]) }, undefined, items);
  }

  get isWithItems(): boolean {
    return !(this.items instanceof Channel);
  }

  /** `item.field` (one object per field, as KFP caches them). */
  subvar(field: string): LoopArgumentVariable {
    let v = this.subvars.get(field);
    if (!v) this.subvars.set(field, (v = new LoopArgumentVariable(this, field)));
    return v;
  }
}

/** One field of a dict loop item (`item.field`): KFP's LoopArgumentVariable. */
export class LoopArgumentVariable extends Channel {
  constructor(
    public readonly loopArgument: LoopArgument,
    public readonly subvarName: string,
  ) {
    super(subvarChannelName(loopArgument.name, subvarName), { parameterType: 'STRING' }, loopArgument.taskName);
  }
  get items(): Channel | JsonValue[] {
    return this.loopArgument.items;
  }
  get isWithItems(): boolean {
    return this.loopArgument.isWithItems;
  }
}

export const isLoopChannel = (c: Channel): c is LoopArgument | LoopArgumentVariable =>
  c instanceof LoopArgument || c instanceof LoopArgumentVariable;

/** `dsl.Collected(output)`: the outputs of a task inside a loop, as one list. */
export class Collected extends Channel {
  constructor(public readonly output: Channel) {
    super(
      output.name,
      output.isArtifact
        ? { artifactType: (output.type as { artifactType: ArtifactTypeSchema }).artifactType, isArtifactList: true }
        : { parameterType: 'LIST' },
      output.taskName,
    );
  }
  get isArtifactChannel(): boolean {
    return this.output.isArtifact;
  }
}

/** `dsl.OneOf(...)`: the output of the branch of an If/Elif/Else chain that ran. */
export class OneOf extends Channel {
  constructor(
    name: string,
    public channels: Channel[],
    /** The condition-branches group's name. */
    public readonly branchesName: string,
  ) {
    super(name, channels[0].type, branchesName);
  }
}
