/**
 * The local library: every pipeline the person has, saved in IndexedDB through idb-keyval
 * (one database, one object store). Documents
 * are stored as the app's saved-document text and always come back through loadDocument
 * (imported when a document is first read, so a first visit does not load the loader).
 */
import { createStore, del, delMany, get, getMany, keys, set, setMany, type UseStore } from 'idb-keyval';
import { saveDocument } from '../document/save';
import type { PipelineDocument } from '../document/types';

export interface LibraryEntry {
  id: string;
  name: string;
  /** Bytes of the saved document. */
  size: number;
  /** Milliseconds since the epoch. */
  updatedAt: number;
}

/** A named copy of a pipeline at one moment (saved on demand and on every export). */
export interface Version {
  name: string;
  at: number;
  text: string;
}

export const VERSION_LIMIT = 50;

export interface Library {
  /** Named versions of a pipeline, newest first. */
  versions(id: string): Promise<Version[]>;
  addVersion(id: string, name: string, doc: PipelineDocument): Promise<void>;
  list(): Promise<LibraryEntry[]>;
  read(id: string): Promise<{ ok: true; doc: PipelineDocument } | { ok: false; error: string }>;
  write(id: string, doc: PipelineDocument): Promise<LibraryEntry>;
  remove(id: string): Promise<void>;
  /** The pipeline that was open last (reopened after a reload). */
  lastOpen(): Promise<string | undefined>;
  setLastOpen(id: string | undefined): Promise<void>;
}

const LAST = 'last-open';
const DOC = (id: string) => `doc:${id}`;
const META = (id: string) => `meta:${id}`;
const VERSIONS = (id: string) => `versions:${id}`;

/** One IndexedDB database with one object store; keys `doc:<id>`, `meta:<id>` and `last-open`. */
export function createIdbLibrary(dbName = 'pipeline-canvas'): Library {
  const store: UseStore = createStore(dbName, 'library');
  return {
    async versions(id) {
      return (await get<Version[]>(VERSIONS(id), store)) ?? [];
    },
    async addVersion(id, name, doc) {
      const list = (await get<Version[]>(VERSIONS(id), store)) ?? [];
      await set(VERSIONS(id), [{ name, at: Date.now(), text: saveDocument(doc) }, ...list].slice(0, VERSION_LIMIT), store);
    },
    async list() {
      const metaKeys = (await keys<string>(store)).filter((k) => k.startsWith('meta:'));
      const all = await getMany<LibraryEntry>(metaKeys, store);
      return all.filter((e): e is LibraryEntry => !!e).sort((a, b) => b.updatedAt - a.updatedAt);
    },
    async read(id) {
      const text = await get<string>(DOC(id), store);
      if (text === undefined) return { ok: false, error: 'That pipeline is no longer in this browser.' };
      return (await import('../document/load')).loadDocument(text, 'the saved pipeline');
    },
    async write(id, doc) {
      const text = saveDocument(doc);
      const entry: LibraryEntry = { id, name: doc.name, size: new Blob([text]).size, updatedAt: Date.now() };
      await setMany(
        [
          [DOC(id), text],
          [META(id), entry],
        ],
        store,
      );
      return entry;
    },
    async remove(id) {
      await delMany([DOC(id), META(id), VERSIONS(id)], store);
      if ((await get(LAST, store)) === id) await del(LAST, store);
    },
    async lastOpen() {
      return (await get<string>(LAST, store)) ?? undefined;
    },
    async setLastOpen(id) {
      if (id === undefined) await del(LAST, store);
      else await set(LAST, id, store);
    },
  };
}

/** A library in memory: for tests, and when IndexedDB is not available at all. */
export function createMemoryLibrary(): Library {
  const docs = new Map<string, string>();
  const meta = new Map<string, LibraryEntry>();
  let last: string | undefined;
  const versions = new Map<string, Version[]>();
  return {
    async versions(id) {
      return versions.get(id) ?? [];
    },
    async addVersion(id, name, doc) {
      versions.set(id, [{ name, at: Date.now(), text: saveDocument(doc) }, ...(versions.get(id) ?? [])].slice(0, VERSION_LIMIT));
    },
    async list() {
      return [...meta.values()].sort((a, b) => b.updatedAt - a.updatedAt);
    },
    async read(id) {
      const text = docs.get(id);
      return text === undefined ? { ok: false, error: 'That pipeline is no longer here.' } : (await import('../document/load')).loadDocument(text, 'the saved pipeline');
    },
    async write(id, doc) {
      const text = saveDocument(doc);
      const entry = { id, name: doc.name, size: text.length, updatedAt: Date.now() };
      docs.set(id, text);
      meta.set(id, entry);
      return entry;
    },
    async remove(id) {
      docs.delete(id);
      meta.delete(id);
      if (last === id) last = undefined;
    },
    async lastOpen() {
      return last;
    },
    async setLastOpen(id) {
      last = id;
    },
  };
}
