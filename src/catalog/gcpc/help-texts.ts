/**
 * The per-input and per-output help texts of every GCPC component, by component id (they
 * become the input and output descriptions of the compiled spec). Kept apart from the
 * titles and summaries (docs/) so the app can request them after the canvas is usable, with
 * the executors (see ./details, the chunk `loadAllGcpc` in ./load imports lazily).
 */
const helpModules = import.meta.glob<Record<string, Record<string, string>>>('./help/*.ts', { import: 'help', eager: true });

export const GCPC_HELP: Readonly<Record<string, Record<string, string>>> = Object.assign({}, ...Object.values(helpModules));
