/**
 * THE loading boundary for compiled pipelines: `importSpec(text, source, catalog)` reads what
 * the KFP compiler wrote (YAML or JSON; KFP 2, or the job JSON of KFP 1.8) and gives back a
 * document that compiles to the same spec, laid out for the canvas. It never throws: a file
 * it cannot take is refused with one sentence naming the file, what is wrong and where.
 *
 * Steps: parse the text safely (`parse-text.ts`), unwrap older or wrapped forms
 * (`legacy.ts`), check the spec strictly (`check-spec.ts`), rebuild the document
 * (`rebuild.ts`), compile it and keep, verbatim, whatever it does not give back
 * (`kept-diff.ts`), then lay it out (`layout.ts`).
 */
import type { Catalog } from '../catalog/catalog';
import { compile } from '../compiler/compile';
import { loadDocument } from '../document/load';
import { saveDocument } from '../document/save';
import type { PipelineDocument } from '../document/types';
import type { JsonObject, JsonValue } from '../spec/pipeline-spec';
import { checkPipelineSpec } from './check-spec';
import { isObject } from './json-utils';
import { describeKept, keptParts } from './kept-diff';
import { layoutDocument } from './layout';
import { unwrapSpec } from './legacy';
import { checkPlainJson, MAX_SPEC_BYTES, parseSpecText, utf8Bytes } from './parse-text';
import { Rebuilder } from './rebuild';
import { describe, Refusal } from './refusal';

export type ImportResult =
  | {
      ok: true;
      doc: PipelineDocument;
      /** Things the person should know (a converted older format, parts kept verbatim). */
      notices: string[];
      /** Whether the file was YAML or JSON. */
      format: 'yaml' | 'json';
    }
  | { ok: false; error: string };

const sentence = (s: string) => (/[.!?]$/.test(s) ? s : `${s}.`);

function importChecked(text: string, catalog: Catalog): { doc: PipelineDocument; notices: string[]; format: 'yaml' | 'json' } {
  const parsed = parseSpecText(text);
  const unwrapped = unwrapSpec(parsed.value, parsed.platform);
  const notices = [...unwrapped.notices];
  const spec = checkPipelineSpec(checkPlainJson(unwrapped.spec));
  let platform: JsonObject | undefined;
  if (unwrapped.platform !== undefined && unwrapped.platform !== null) {
    if (!isObject(unwrapped.platform)) throw new Refusal('(platform spec)', `must be an object, not ${describe(unwrapped.platform)}`);
    platform = structuredClone(unwrapped.platform);
  }

  // The rebuilt document goes through the document loader (it must be one the editor can
  // save and open again), then is compiled; what that does not give back is kept verbatim.
  const rebuilt = new Rebuilder(spec, catalog).build();
  const loaded = loadDocument(saveDocument(rebuilt), 'The rebuilt document');
  if (!loaded.ok) throw new Refusal('', `could not be rebuilt as a document (an internal error of the importer: ${loaded.error})`);
  let doc = loaded.doc;
  let compiled: JsonValue;
  try {
    compiled = compile(doc, catalog) as unknown as JsonValue;
  } catch (first) {
    // Pipeline outputs an older KFP allowed and KFP 2 refuses: keep them verbatim instead.
    try {
      doc = { ...doc };
      delete doc.outputs;
      compiled = compile(doc, catalog) as unknown as JsonValue;
    } catch {
      throw new Refusal('', `describes a pipeline this version cannot rebuild: ${first instanceof Error ? first.message : String(first)}`);
    }
  }
  const kept = keptParts(compiled, spec);
  if (kept.length > 0) {
    doc = { ...doc, kept };
    notices.push(
      `${kept.length === 1 ? 'One part' : `${kept.length} parts`} of the file that the editor cannot show (${describeKept(kept)}) ${kept.length === 1 ? 'is' : 'are'} kept as ${kept.length === 1 ? 'it is' : 'they are'} and written back on export.`,
    );
  }
  if (platform) {
    doc = { ...doc, platformSpec: platform };
    notices.push('The Kubernetes platform spec that follows the pipeline in the file (secrets, volumes, pod settings) is kept and written back on export.');
  }
  return { doc: layoutDocument(doc), notices, format: parsed.format };
}

/** Imports a compiled pipeline (YAML or JSON text). Never throws. */
export function importSpec(text: string, source: string, catalog: Catalog): ImportResult {
  const fail = (what: string): ImportResult => ({ ok: false, error: sentence(`${source} ${what}`) });
  try {
    if (typeof text !== 'string') return fail('could not be read: it is not text');
    if (text.length > MAX_SPEC_BYTES || (text.length * 3 > MAX_SPEC_BYTES && utf8Bytes(text) > MAX_SPEC_BYTES))
      return fail(`is too large to import: the limit is ${MAX_SPEC_BYTES / 1024 / 1024} MB`);
    const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    if (clean.trim() === '') return fail('is empty');
    const { doc, notices, format } = importChecked(clean, catalog);
    return { ok: true, doc, notices, format };
  } catch (e) {
    if (e instanceof Refusal) return fail(e.path ? `cannot be imported: ${e.path} ${e.problem}` : e.problem);
    if (e instanceof RangeError) return fail('is nested too deeply to import');
    // Anything else is a problem of the importer, still said in one sentence.
    return fail(`could not be imported: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
  }
}
