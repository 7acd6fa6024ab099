/**
 * Naming rules of the KFP compiler, in one place: task keys from component names,
 * `-2`/`-3` uniquifying in creation order, `comp-`/`exec-` prefixes, control-flow group
 * names and their numbering, and the names of the inputs the compiler injects
 * (`pipelinechannel--…`, loop items, one-of outputs).
 */
import type { Catalog } from '../catalog/catalog';
import { taskEntry } from '../catalog/resolve';
import type { Group, PipelineDocument } from '../document/types';
import { sanitizeName } from '../spec/pipeline-spec';

export { sanitizeName };

/**
 * Unique keys for names given in creation order: the first use keeps the name,
 * later uses get `-2`, `-3`, … (skipping any suffix already taken). Linear time.
 */
export function uniqueKeys(names: readonly string[]): string[] {
  const taken = new Set<string>();
  const nextSuffix = new Map<string, number>();
  return names.map((base) => {
    if (!taken.has(base)) {
      taken.add(base);
      return base;
    }
    let n = nextSuffix.get(base) ?? 2;
    while (taken.has(`${base}-${n}`)) n++;
    nextSuffix.set(base, n + 1);
    const key = `${base}-${n}`;
    taken.add(key);
    return key;
  });
}

/** KFP's `make_name_unique_by_adding_index` against a growing collection. */
/**
 * Task keys (task id → DAG task key) in creation order, exactly as the KFP compiler names
 * them. Here rather than in ./model: the validator and the editor need them on every edit
 * without the compiler.
 */
export function taskKeysOf(doc: PipelineDocument, catalog: Catalog): Map<string, string> {
  const names = doc.tasks.map((t) => sanitizeName(taskEntry(doc, catalog, t)?.name ?? t.component) || 'task');
  const keys = uniqueKeys(names);
  return new Map(doc.tasks.map((t, i) => [t.id, keys[i]]));
}

export function makeNameUnique(name: string, taken: { has(name: string): boolean }): string {
  if (!taken.has(name)) return name;
  for (let n = 2; ; n++) if (!taken.has(`${name}-${n}`)) return `${name}-${n}`;
}

export const componentName = (taskKey: string) => `comp-${taskKey}`;
export const executorName = (taskKey: string) => `exec-${taskKey}`;

/** KFP's rule for `pipelineInfo.name`. */
export const PIPELINE_NAME_PATTERN = /^[a-z0-9][a-z0-9-]{0,127}$/;
/** A pipeline parameter must be a Python identifier. */
export const PARAMETER_NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** A dict key used as `item.field` of a loop item must be a Python identifier (KFP). */
export const LOOP_FIELD_PATTERN = /^[a-zA-Z_][0-9a-zA-Z_]*$/;

// ---------------------------------------------------------------- injected inputs

export const PIPELINE_CHANNEL_PREFIX = 'pipelinechannel--';
/** The input a group (or a templated constant) receives a value through. */
export const channelInputName = (fullName: string) => `${PIPELINE_CHANNEL_PREFIX}${fullName}`;
/** The item of a loop over a channel: `<items>-loop-item`. */
export const loopItemName = (itemsName: string) => `${itemsName}-loop-item`;
/** The item of a loop over a static list: `loop-item-param-<code>`. */
export const staticLoopItemName = (code: number) => `loop-item-param-${code}`;
/** A field of a dict loop item: `<item>-subvar-<field>`. */
export const subvarChannelName = (loopItem: string, field: string) => `${loopItem}-subvar-${field}`;
/** The output of a `dsl.OneOf`: `pipelinechannel--condition-branches-<n>-oneof-<k>`. */
export const oneOfName = (branchesName: string, k: number) => channelInputName(`${branchesName}-oneof-${k}`);
/** The input placeholder KFP writes for a value spliced into a string. */
export const inputValuePlaceholder = (inputName: string) => `{{$.inputs.parameters['${inputName}']}}`;

// ---------------------------------------------------------------- groups

/** The name prefix of each kind of group (KFP's TasksGroupType values). */
export const GROUP_TYPE_NAME = {
  condition: 'condition',
  branches: 'condition-branches',
  loop: 'for-loop',
  exitHandler: 'exit-handler',
} as const satisfies Record<Group['kind'], string>;

export interface GroupNumbering {
  /** Group id → DAG task name (`condition-2`, `for-loop-1`, …). */
  names: Map<string, string>;
  /** Static loop id → the number in its item name (`loop-item-param-<n>`). */
  rawItemCodes: Map<string, number>;
}

/** Child groups of each group (key '' = top level), siblings in document order. */
export function groupChildren(groups: readonly Group[]): Map<string, Group[]> {
  const known = new Set(groups.map((g) => g.id));
  const children = new Map<string, Group[]>();
  for (const g of groups) {
    const parent = g.parent !== undefined && known.has(g.parent) ? g.parent : '';
    let list = children.get(parent);
    if (!list) children.set(parent, (list = []));
    list.push(g);
  }
  return children;
}

/**
 * KFP numbers groups with one counter per pipeline, in the order the `with` blocks are
 * entered: parents before their bodies, siblings in order. A static ParallelFor draws one
 * number for its item name before its own; an If/Elif/Else chain draws the wrapper's number
 * when the first Elif/Else is entered, and then swaps it with the If's
 * (`maybe_make_and_insert_conditional_branches_group`): `condition-branches-1` holds
 * `condition-2`, `condition-3`, …, while groups inside the If body keep the numbers they drew.
 */
export function numberGroups(doc: Pick<PipelineDocument, 'groups'>): GroupNumbering {
  const groups = doc.groups ?? [];
  const children = groupChildren(groups);
  const names = new Map<string, string>();
  const rawItemCodes = new Map<string, number>();
  let counter = 0;
  const visiting = new Set<string>();

  const visitBody = (g: Group) => {
    if (visiting.has(g.id)) return; // a cycle of parents; the validator reports it
    visiting.add(g.id);
    for (const child of children.get(g.id) ?? []) visit(child);
  };
  const visit = (g: Group) => {
    switch (g.kind) {
      case 'loop':
        if ('constant' in g.items) rawItemCodes.set(g.id, ++counter);
        names.set(g.id, `${GROUP_TYPE_NAME.loop}-${++counter}`);
        visitBody(g);
        return;
      case 'branches': {
        const branches = (children.get(g.id) ?? []).filter((b) => b.kind === 'condition');
        const first = ++counter;
        if (branches.length === 0) {
          names.set(g.id, `${GROUP_TYPE_NAME.branches}-${first}`);
          return;
        }
        visitBody(branches[0]);
        if (branches.length === 1) {
          names.set(g.id, `${GROUP_TYPE_NAME.branches}-${first}`);
          names.set(branches[0].id, `${GROUP_TYPE_NAME.condition}-${++counter}`);
          return;
        }
        const wrapper = ++counter;
        names.set(g.id, `${GROUP_TYPE_NAME.branches}-${first}`);
        names.set(branches[0].id, `${GROUP_TYPE_NAME.condition}-${wrapper}`);
        for (const b of branches.slice(1)) {
          names.set(b.id, `${GROUP_TYPE_NAME.condition}-${++counter}`);
          visitBody(b);
        }
        visiting.add(g.id);
        return;
      }
      default:
        names.set(g.id, `${GROUP_TYPE_NAME[g.kind]}-${++counter}`);
        visitBody(g);
    }
  };
  for (const g of children.get('') ?? []) visit(g);
  return { names, rawItemCodes };
}
