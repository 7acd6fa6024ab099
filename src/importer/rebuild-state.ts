/** What the steps of rebuilding a document share (see `rebuild.ts`). */
import type { Group, Task } from '../document/types';
import type { JsonObject, JsonValue } from '../spec/pipeline-spec';
import type { SpecParts } from './components';
import { isObject } from './json-utils';
import type { GroupRec, Lookup, Scope } from './resolve-channels';

export interface RebuildState extends Lookup {
  readonly spec: JsonObject;
  readonly parts: SpecParts;
  readonly root: Scope;
  /** Built tasks and groups by task key / group name (provisional ids `T:<key>`, `G:<name>`). */
  readonly docTasks: Map<string, Task>;
  readonly docGroups: Map<string, Group>;
  /** Exit task key → its exit handler. */
  readonly exitTasks: Map<string, GroupRec>;
}

export const obj = (v: JsonValue | undefined): JsonObject => (isObject(v) ? v : {});

/** KFP's trigger strategy of exit tasks and of tasks that ignore upstream failures. */
export const ALL_DONE = 'ALL_UPSTREAM_TASKS_COMPLETED';

/** Is scope `s` the same as, or inside, `outer`? */
export function inside(s: Scope, outer: Scope): boolean {
  for (let cur: Scope | undefined = s; cur; cur = cur.group?.parent) if (cur === outer) return true;
  return false;
}
