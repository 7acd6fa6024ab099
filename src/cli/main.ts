/**
 * The `pipeline-canvas` command line: compile a saved document (or a neutral pipeline
 * description, `*.pipeline.json`) to the PipelineSpec the KFP compiler writes, import a
 * compiled PipelineSpec as a document, or list the catalog. Pure of Node: all file and
 * console access goes through `io`, so tests drive it in memory. Never throws; every failure
 * is one line on stderr and exit code 1.
 */
import { createCatalog, type Catalog } from '../catalog/catalog';
import { loadAllGcpc } from '../catalog/gcpc/load';
import { compile, componentSpecOf, executorOf } from '../compiler/compile';
import { executorName } from '../compiler/names';
import { jsonRefusal, withPlatformSpec } from '../compiler/platform';
import { toJson, toYaml } from '../compiler/serialize';
import { loadDocument, saveDocument, type LoadResult } from '../document/load';
import { importSpec } from '../importer/import-spec';
import { looksLikeNeutralPipeline, loadNeutralPipeline } from '../document/neutral';
import { validate } from '../validate/validate';

export interface CliIo {
  stdout(s: string): void;
  stderr(s: string): void;
  readFile(path: string): string;
  writeFile(path: string, text: string): void;
}

type Format = 'json' | 'yaml';

export const USAGE = `Usage:
  pipeline-canvas compile DOC.json [-o OUT.json|OUT.yaml|OUT.yml] [--format json|yaml]
      Compile a saved Pipeline Canvas document, or a neutral pipeline description
      (NAME.pipeline.json: name, parameters, tasks), to a KFP PipelineSpec. The format
      follows the extension of -o; without -o the spec is printed (YAML by default).
  pipeline-canvas import SPEC.yaml|SPEC.json [-o DOC.json]
      Import a compiled KFP pipeline (what the KFP compiler writes, YAML or JSON; also
      the job JSON of KFP 1.8) as a Pipeline Canvas document, laid out for the canvas.
      Compiling that document gives back the same spec. Without -o the document is
      printed.
  pipeline-canvas catalog [--json]
      List the catalog's components; --json prints id, component spec and executor
      of every entry.
  pipeline-canvas --help
      Show this help.
`;

/** A failure with a message meant for the user (one line, no stack). */
class CliError extends Error {
  constructor(
    message: string,
    readonly usage = false,
  ) {
    super(message);
  }
}

const oneLine = (s: string) => s.replace(/\s*[\r\n]+\s*/g, ' ').trim();

function errnoText(e: unknown, writing = false): string {
  const code = (e as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return writing ? 'its folder does not exist' : 'no such file';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOTDIR') return 'a part of the path is not a directory';
  return e instanceof Error ? e.message : String(e);
}

interface Parsed {
  positional: string[];
  options: Map<string, string | true>;
}

/** Splits arguments into positionals and the options a command allows (`valued` take a value). */
function parseArgs(args: string[], flags: readonly string[], valued: readonly string[]): Parsed {
  const aliases: Record<string, string> = { '-o': '--output' };
  const positional: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') {
      positional.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positional.push(arg);
      continue;
    }
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const raw = eq >= 0 ? arg.slice(0, eq) : arg;
    const name = aliases[raw] ?? raw;
    if (valued.includes(name)) {
      let value: string | undefined;
      if (eq >= 0) value = arg.slice(eq + 1);
      else if (i + 1 < args.length) value = args[++i];
      if (value === undefined || value === '') throw new CliError(`option ${raw} needs a value`, true);
      if (options.has(name)) throw new CliError(`option ${raw} is given twice`, true);
      options.set(name, value);
    } else if (flags.includes(name) && eq < 0) {
      options.set(name, true);
    } else {
      throw new CliError(`unknown option ${raw}`, true);
    }
  }
  return { positional, options };
}

function formatOf(output: string | undefined, explicit: string | undefined): Format {
  if (explicit !== undefined) {
    if (explicit === 'json' || explicit === 'yaml') return explicit;
    if (explicit === 'yml') return 'yaml';
    throw new CliError(`--format must be json or yaml, not "${explicit}"`, true);
  }
  if (output === undefined) return 'yaml';
  const ext = /\.([^./\\]+)$/.exec(output)?.[1]?.toLowerCase();
  if (ext === 'json') return 'json';
  if (ext === 'yaml' || ext === 'yml') return 'yaml';
  throw new CliError(`cannot tell the output format from "${output}"; name it .json, .yaml or .yml, or pass --format`, true);
}

async function loadCatalog(): Promise<Catalog> {
  try {
    return createCatalog(await loadAllGcpc());
  } catch (e) {
    throw new CliError(`cannot load the component catalog: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/**
 * A neutral pipeline description rather than a saved document: named `*.pipeline.json`,
 * or JSON without a `format` field whose `tasks` name their `component`s.
 */
function isNeutralDescription(file: string, text: string): boolean {
  if (/\.pipeline\.json$/i.test(file)) return true;
  try {
    return looksLikeNeutralPipeline(JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text));
  } catch {
    return false; // not JSON: loadDocument says why
  }
}

async function compileCommand(args: string[], io: CliIo): Promise<void> {
  const { positional, options } = parseArgs(args, [], ['--output', '--format']);
  if (positional.length === 0) throw new CliError('compile needs a document: pipeline-canvas compile DOC.json', true);
  if (positional.length > 1) throw new CliError(`compile takes one document, not ${positional.length}`, true);
  const [file] = positional;
  const output = options.get('--output') as string | undefined;
  const format = formatOf(output, options.get('--format') as string | undefined);

  let text: string;
  try {
    text = io.readFile(file);
  } catch (e) {
    throw new CliError(`cannot read ${file}: ${errnoText(e)}`);
  }
  let catalog: Catalog;
  let loaded: LoadResult;
  if (isNeutralDescription(file, text)) {
    catalog = await loadCatalog(); // the neutral loader checks number literals against input types
    loaded = loadNeutralPipeline(text, file, catalog);
  } else {
    loaded = loadDocument(text, file);
    catalog = await loadCatalog();
  }
  if (!loaded.ok) throw new CliError(loaded.error);
  const doc = loaded.doc;

  const diagnostics = validate(doc, catalog);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) {
    const more = errors.length > 1 ? ` (${errors.length} errors in all; the first is shown)` : '';
    throw new CliError(`cannot compile ${file}${more}: ${errors[0].message}`);
  }
  for (const w of diagnostics) if (w.severity === 'warning') io.stderr(`pipeline-canvas: warning: ${oneLine(w.message)}\n`);

  let spec;
  try {
    spec = compile(doc, catalog);
  } catch (e) {
    throw new CliError(`cannot compile ${file}: ${e instanceof Error ? e.message : String(e)}`);
  }
  const noJson = format === 'json' ? jsonRefusal(doc) : undefined;
  if (noJson) throw new CliError(`cannot write ${output ?? 'JSON'} for ${file}: ${noJson}; name the output .yaml`);
  const out = format === 'json' ? toJson(spec) : withPlatformSpec(toYaml(spec), doc);
  if (output === undefined) {
    io.stdout(out.endsWith('\n') ? out : out + '\n');
    return;
  }
  try {
    io.writeFile(output, out);
  } catch (e) {
    throw new CliError(`cannot write ${output}: ${errnoText(e, true)}`);
  }
}

async function importCommand(args: string[], io: CliIo): Promise<void> {
  const { positional, options } = parseArgs(args, [], ['--output']);
  if (positional.length === 0) throw new CliError('import needs a compiled pipeline: pipeline-canvas import SPEC.yaml -o DOC.json', true);
  if (positional.length > 1) throw new CliError(`import takes one file, not ${positional.length}`, true);
  const [file] = positional;
  const output = options.get('--output') as string | undefined;
  if (output !== undefined && !/\.json$/i.test(output))
    throw new CliError(`a document is JSON: name the output .json, not "${output}"`, true);
  let text: string;
  try {
    text = io.readFile(file);
  } catch (e) {
    throw new CliError(`cannot read ${file}: ${errnoText(e)}`);
  }
  const catalog = await loadCatalog();
  const result = importSpec(text, file, catalog);
  if (!result.ok) throw new CliError(result.error);
  for (const notice of result.notices) io.stderr(`pipeline-canvas: note: ${oneLine(notice)}\n`);
  const out = saveDocument(result.doc);
  if (output === undefined) {
    io.stdout(out);
    return;
  }
  try {
    io.writeFile(output, out);
  } catch (e) {
    throw new CliError(`cannot write ${output}: ${errnoText(e, true)}`);
  }
}

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

async function catalogCommand(args: string[], io: CliIo): Promise<void> {
  const { positional, options } = parseArgs(args, ['--json'], []);
  if (positional.length > 0) throw new CliError(`catalog takes no arguments, but got "${positional[0]}"`, true);
  const catalog = await loadCatalog();
  const entries = [...catalog.entries.values()].sort((a, b) => byCodeUnit(a.id, b.id));
  if (options.has('--json')) {
    const list = entries.map((entry) => ({
      id: entry.id,
      component: { executorLabel: executorName(entry.name), ...componentSpecOf(entry) },
      executor: executorOf(entry),
    }));
    io.stdout(toJson(list) + '\n');
    return;
  }
  const width = Math.max(0, ...entries.map((e) => e.id.length));
  io.stdout(entries.map((e) => `${e.id.padEnd(width)}  ${e.title}\n`).join(''));
}

/** Runs the command line; resolves to the process exit code. Never throws. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const fail = (message: string, usage = false) => {
    const hint = usage ? ' (see pipeline-canvas --help)' : '';
    io.stderr(`pipeline-canvas: ${oneLine(message).replace(/\.$/, '')}${hint}.\n`);
    return 1;
  };
  try {
    const [command, ...rest] = argv;
    if (command === undefined || command === '--help' || command === '-h' || command === 'help' || rest.includes('--help') || rest.includes('-h')) {
      io.stdout(USAGE);
      return 0;
    }
    if (command === 'compile') await compileCommand(rest, io);
    else if (command === 'import') await importCommand(rest, io);
    else if (command === 'catalog') await catalogCommand(rest, io);
    else if (command.startsWith('-')) return fail(`unknown option ${command}`, true);
    else return fail(`unknown command "${command}"`, true);
    return 0;
  } catch (e) {
    if (e instanceof CliError) return fail(e.message, e.usage);
    return fail(`internal error: ${e instanceof Error ? e.message : String(e)}`);
  }
}
