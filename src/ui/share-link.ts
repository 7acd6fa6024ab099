/**
 * Share links: the whole document, compressed (lz-string), in the URL fragment. The
 * fragment never reaches a server; opening the link loads the document through the same
 * checks as any file.
 */
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import { loadDocument, saveDocument, type LoadResult } from '../document/load';
import type { PipelineDocument } from '../document/types';

const PREFIX = '#doc=';

export function shareLink(doc: PipelineDocument, base = `${location.origin}${location.pathname}`): string {
  return `${base}${PREFIX}${compressToEncodedURIComponent(saveDocument(doc))}`;
}

/** The document in a share-link fragment, if the fragment holds one. */
export function documentFromFragment(hash: string): LoadResult | undefined {
  if (!hash.startsWith(PREFIX)) return undefined;
  let text: string | null = null;
  try {
    text = decompressFromEncodedURIComponent(hash.slice(PREFIX.length));
  } catch {
    text = null;
  }
  if (!text) return { ok: false, error: 'The shared link is damaged: its pipeline could not be unpacked (was it cut short?).' };
  return loadDocument(text, 'the shared link');
}
