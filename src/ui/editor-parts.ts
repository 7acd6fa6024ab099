/**
 * Parts of the editor that are not on its first screen but close at hand (the group
 * inspector, the tour's card, the component editor): each a chunk of its own, requested as
 * soon as the canvas is usable (`preloadEditorParts`, see ../main.tsx), so they are usually
 * in before they are first shown; until then the place they go shows nothing (or
 * "Loading…"). Not the command palette: keys typed right after Ctrl+K must reach its search
 * field, which a chunk still loading would lose.
 */
import { lazy } from 'react';

const loadGroupInspector = () => import('./group-inspector');
const loadTourPanel = () => import('./tour-panel');
const loadComponentEditor = () => import('./component-editor');
export const GroupInspector = lazy(() => loadGroupInspector().then((m) => ({ default: m.GroupInspector })));
export const TourPanel = lazy(() => loadTourPanel().then((m) => ({ default: m.TourPanel })));
export const ComponentEditor = lazy(() => loadComponentEditor().then((m) => ({ default: m.ComponentEditor })));

/** Requests the lazily loaded parts of the editor that are not on its first screen. */
export function preloadEditorParts(): void {
  for (const load of [loadGroupInspector, loadTourPanel, loadComponentEditor]) void load().catch(() => undefined);
}
