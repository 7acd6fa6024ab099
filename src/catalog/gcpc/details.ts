/**
 * What only compiling (and showing a component in full) needs of the GCPC entries: the help
 * texts of their inputs and outputs (the spec's descriptions, see ./help-texts) and their
 * executors (image, command, args; generated into executors/ with the interface data).
 * About half the catalog's bytes: `loadAllGcpc` in ./load imports this module lazily, which
 * makes it one chunk of its own, requested once the canvas is usable.
 */
import type { ExecutorSpec } from '../../spec/pipeline-spec';

export { GCPC_HELP } from './help-texts';

const executorModules = import.meta.glob<Record<string, ExecutorSpec>>('./executors/*.json', { import: 'default', eager: true });

/** The executor of every GCPC component, by component id. */
export const GCPC_EXECUTORS: Readonly<Record<string, ExecutorSpec>> = Object.assign({}, ...Object.values(executorModules));
