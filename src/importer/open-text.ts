/**
 * The one way text enters the editor as a pipeline (file, drop, paste, share link): an
 * app document goes through loadDocument, anything else is treated as a compiled spec
 * (importSpec). Both check everything and never throw.
 */
import type { Catalog } from '../catalog/catalog';
import { loadDocument } from '../document/load';
import type { PipelineDocument } from '../document/types';
import { importSpec } from './import-spec';

export type OpenResult = { ok: true; doc: PipelineDocument; notices: string[] } | { ok: false; error: string };

/** Does the text look like a saved Pipeline Canvas document (rather than a compiled spec)? */
export function looksLikeAppDocument(text: string): boolean {
  return /^\s*\{[\s\S]{0,200}"format"\s*:\s*"pipeline-canvas"/.test(text);
}

export function openText(text: string, source: string, catalog: Catalog): OpenResult {
  if (looksLikeAppDocument(text)) {
    const r = loadDocument(text, source);
    return r.ok ? { ok: true, doc: r.doc, notices: [] } : r;
  }
  const r = importSpec(text, source, catalog);
  if (!r.ok) return { ok: false, error: r.error };
  return { ok: true, doc: r.doc, notices: r.notices ?? [] };
}
