import { existsSync, readdirSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import fc from 'fast-check';
import jsYaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { JsonValue, PipelineSpec } from '../spec/pipeline-spec';
import { GOLDEN_DIR, HAVE_GOLDENS, goldenText } from '../test-support/golden';
import { pipelineHeader, pythonRepr } from './header';
import { pythonFloat, toJson, toYaml, toYamlBody } from './serialize';

const strict = (text: string) => parse(text, { intAsBigInt: true });

// ------------------------------------------------------------------ pythonFloat

describe('pythonFloat', () => {
  // Left: the double; right: Python's repr() of it (checked with CPython 3.11).
  it.each<[number, string]>([
    [8000, '8000.0'],
    [0.2, '0.2'],
    [1e-7, '1e-07'],
    [1.5e-5, '1.5e-05'],
    [1e16, '1e+16'],
    [2 ** 53, '9007199254740992.0'],
    [123456789.123, '123456789.123'],
    [-0.5, '-0.5'],
    [0, '0.0'],
    [-0, '-0.0'],
    [1, '1.0'],
    [0.1 + 0.2, '0.30000000000000004'],
    [1e15, '1000000000000000.0'],
    [9999999999999998, '9999999999999998.0'],
    [1e-4, '0.0001'],
    [0.00012345, '0.00012345'],
    [1e-5, '1e-05'],
    [5e-324, '5e-324'],
    [1.7976931348623157e308, '1.7976931348623157e+308'],
    [1e21, '1e+21'],
    [1.23e20, '1.23e+20'],
    [-1e-7, '-1e-07'],
    [2147483648, '2147483648.0'],
    [1 / 3, '0.3333333333333333'],
    [100, '100.0'],
    [1e300, '1e+300'],
    [62.794603, '62.794603'],
    [12345678901234567890, '1.2345678901234567e+19'],
    [0.000123, '0.000123'],
  ])('%s → %s', (n, want) => {
    expect(pythonFloat(n)).toBe(want);
  });

  it('always reads back to the same double', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        expect(Object.is(Number(pythonFloat(n)), n)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});

// ------------------------------------------------------------------ toJson

describe('toJson', () => {
  it('writes json.dumps(indent=2, sort_keys=True) byte for byte', () => {
    const value = {
      b: 1,
      a: { d: [1, 'x', true, null], c: {}, e: [] },
      é: 'naïve 🚀',
      Z: '\x7f\x00\n"\\/',
      maxRetryCount: 3,
    };
    // json.dumps(v, indent=2, sort_keys=True) in CPython 3.11, with 1 → 1.0 (a protobuf Value).
    expect(toJson(value)).toBe(
      '{\n  "Z": "\\u007f\\u0000\\n\\"\\\\/",\n  "a": {\n    "c": {},\n    "d": [\n      1.0,\n      "x",\n      true,\n      null\n    ],\n    "e": []\n  },\n  "b": 1.0,\n  "maxRetryCount": 3,\n  "\\u00e9": "na\\u00efve \\ud83d\\ude80"\n}',
    );
  });

  it('has no trailing newline and handles top-level scalars', () => {
    expect(toJson({})).toBe('{}');
    expect(toJson([])).toBe('[]');
    expect(toJson('x')).toBe('"x"');
    expect(toJson(8000)).toBe('8000.0');
    expect(toJson(true)).toBe('true');
    expect(toJson(null)).toBe('null');
  });

  it('escapes non-ASCII as \\uXXXX, astral characters as a surrogate pair', () => {
    expect(toJson('\u00c9tape 2 \u2013 donn\u00e9es')).toBe('"\\u00c9tape 2 \\u2013 donn\\u00e9es"');
    expect(toJson('🚀')).toBe('"\\ud83d\\ude80"');
    expect(toJson('\u2028\ufeff')).toBe('"\\u2028\\ufeff"');
    expect(toJson('\t\b\f\r')).toBe('"\\t\\b\\f\\r"');
    expect(toJson('\x1f')).toBe('"\\u001f"');
  });

  it('sorts keys by code point like Python (astral after U+FFxx), not by UTF-16 unit', () => {
    // json.dumps({'\uff01': 1.0, '\U0001f680': 2.0, 'a': 3.0, '\ue000': 4.0}, indent=2, sort_keys=True)
    expect(toJson({ '\uff01': 1, '\u{1F680}': 2, a: 3, '\ue000': 4 })).toBe(
      '{\n  "a": 3.0,\n  "\\ue000": 4.0,\n  "\\uff01": 1.0,\n  "\\ud83d\\ude80": 2.0\n}',
    );
  });

  it('writes every number as a float except the int32 proto fields', () => {
    const spec = {
      retryPolicy: { backoffFactor: 2, maxRetryCount: 5 },
      iteratorPolicy: { parallelismLimit: 4 },
      runtimeValue: { constant: 8000 },
      defaultValue: [1, 2.5, -3],
    };
    expect(strict(toJson(spec))).toEqual({
      retryPolicy: { backoffFactor: 2, maxRetryCount: 5n },
      iteratorPolicy: { parallelismLimit: 4n },
      runtimeValue: { constant: 8000 },
      defaultValue: [1, 2.5, -3],
    });
    expect(toJson(spec)).toContain('"maxRetryCount": 5\n');
    expect(toJson(spec)).toContain('"constant": 8000.0\n');
  });

  it('a user dict that happens to use the key maxRetryCount or parallelism stays float (protobuf Value)', () => {
    const spec = {
      runtimeValue: { constant: { parallelism: 4, nested: [{ maxRetryCount: 2 }] } },
      defaultValue: { maxRetryCount: 1 },
    };
    expect(strict(toJson(spec))).toEqual({
      runtimeValue: { constant: { parallelism: 4, nested: [{ maxRetryCount: 2 }] } },
      defaultValue: { maxRetryCount: 1 },
    });
    expect(strict(toYamlBody(spec))).toEqual(strict(toJson(spec)));
  });

  it('task keys or input names spelled like Value fields do not turn proto ints into floats', () => {
    const tasks = {
      constant: { retryPolicy: { maxRetryCount: 2 } },
      metadata: { retryPolicy: { maxRetryCount: 3 } },
      defaultvalue: { retryPolicy: { maxRetryCount: 4 } },
    };
    const want = {
      constant: { retryPolicy: { maxRetryCount: 2n } },
      metadata: { retryPolicy: { maxRetryCount: 3n } },
      defaultvalue: { retryPolicy: { maxRetryCount: 4n } },
    };
    expect(strict(toJson({ dag: { tasks } }))).toEqual({ dag: { tasks: want } });
    expect(strict(toYamlBody({ dag: { tasks } }))).toEqual({ dag: { tasks: want } });
    // …while the importer's metadata Struct is user data.
    const importer = { importer: { metadata: { maxRetryCount: 1 }, artifactUri: { constant: 7 } } };
    expect(strict(toJson(importer))).toEqual(importer);
    expect(strict(toYamlBody(importer))).toEqual(importer);
  });

  it('drops undefined object members', () => {
    expect(toJson({ a: undefined, b: 'x' })).toBe('{\n  "b": "x"\n}');
  });
});

// ------------------------------------------------------------------ toYamlBody

/** Strings that tempt a YAML writer into a plain scalar that reads back as something else. */
const TRICKY = [
  '123', 'true', 'True', 'FALSE', 'null', 'Null', '~', 'yes', 'No', 'on', 'OFF', 'y', 'n', '0x1F', '0o17', '0b101',
  '1e3', '1E3', '.5', '5.', '-', '- a', '-1', '+1', '00', '1_000', '1,000', '1:20', '2001-12-14', '.inf', '-.inf',
  '.NaN', 'NaN', 'inf', '{', '}', '[', ']', '*', '*a', '&', '&a', '!', '!!str', '%', '%TAG', '@', '`', '|', '>', '?',
  '? x', ':', 'a:', 'a: b', 'a:b', '#', 'a #b', 'a#b', '#x', ',', '=', '<<', "'", '"', "'q'", '"q"', '\\', '...',
  '---', '--- a', '... a', ' lead', 'trail ', ' ', '', '\t', 'a\tb', '\n', 'a\nb', 'a\n', '\r\n', '\r', '\u2028',
  '\u2029', '\x85', '\ufeff', '\x00', '\x07', '\x7f', '\xa0', 'é', '🚀', 'gs://b/x', '{{$.inputs.parameters[\'x\']}}',
  'key with space', 'a, b', 'a -b', '$(x)', 'C:\\tmp', 'x: y: z', '- - a', '[a, b]', '{a: 1}',
];
const trickyChar = fc.constantFrom(...'ab Z09-_.:#,\'"\\{}[]*&!%@`|>?~\n\t\r\x00\x85\u2028\xa0é🚀'.split(''), '🚀');
const str = fc.oneof(
  fc.constantFrom(...TRICKY),
  fc.string({ unit: trickyChar, maxLength: 8 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.string({ maxLength: 8 }),
);
const key = str.filter((k) => k !== '__proto__');
const num = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
  fc.maxSafeInteger(),
  fc.constantFrom(0, -0, 1e16, 2 ** 53, 1e-7, 5e-324, 1e21),
);
const leaf: fc.Arbitrary<JsonValue> = fc.oneof(str, num, fc.boolean(), fc.constant(null));
const { data } = fc.letrec<{ data: JsonValue }>((tie) => ({
  data: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(tie('data'), { maxLength: 4 }),
    fc.dictionary(key, tie('data'), { maxKeys: 4, noNullPrototype: true }),
  ),
}));

describe('toYamlBody', () => {
  it('reads back (yaml) to the same data, for every tricky string', () => {
    for (const s of TRICKY) {
      expect(parse(toYamlBody({ [s]: s, list: [s] }))).toEqual({ [s]: s, list: [s] });
      expect(parse(toYamlBody(s))).toEqual(s);
    }
  });

  it('reads back (js-yaml) to the same data, for every tricky string', () => {
    for (const s of TRICKY) {
      expect(jsYaml.load(toYamlBody({ [s]: s, list: [s] }))).toEqual({ [s]: s, list: [s] });
      expect(jsYaml.load(toYamlBody(s))).toEqual(s);
    }
  });

  it('property: yaml.parse and js-yaml load give back the data', () => {
    fc.assert(
      fc.property(data, (v) => {
        const text = toYamlBody(v);
        expect(parse(text)).toEqual(v);
        expect(jsYaml.load(text)).toEqual(v);
      }),
      { numRuns: 400 },
    );
  });

  it('writes numbers as floats (PyYAML spelling), int32 proto fields as integers', () => {
    expect(toYamlBody({ constant: 8000 })).toBe('constant: 8000.0\n');
    expect(toYamlBody({ x: 1e-7 })).toBe('x: 1.0e-07\n');
    expect(toYamlBody({ x: 1e20 })).toBe('x: 1.0e+20\n');
    expect(toYamlBody({ x: 1.5e-5 })).toBe('x: 1.5e-05\n');
    expect(toYamlBody({ maxRetryCount: 3 })).toBe('maxRetryCount: 3\n');
    expect(strict(toYamlBody({ a: 1, maxRetryCount: 3 }))).toEqual({ a: 1, maxRetryCount: 3n });
  });

  it('writes block style with sorted keys, and flow style only for empty collections', () => {
    expect(toYamlBody({ b: [1, { d: 'x', c: [] }, ['z']], a: {} })).toBe(
      'a: {}\nb:\n- 1.0\n-\n  c: []\n  d: x\n-\n  - z\n',
    );
  });

  it('double-quotes non-ASCII with escapes, as the KFP YAML does', () => {
    expect(toYamlBody({ x: '\u00c9tape 2 \u2013 donn\u00e9es' })).toBe('x: "\\xC9tape 2 \\u2013 donn\\xE9es"\n');
    expect(toYamlBody({ x: '🚀' })).toBe('x: "\\U0001F680"\n');
  });

  it('keeps keys longer than 1024 characters readable (implicit keys are limited to 1024)', () => {
    const long = 'k'.repeat(1500);
    const v = { [long]: { [`${long}é`]: [1, 'x'] }, short: 'y' };
    expect(parse(toYamlBody(v))).toEqual(v);
    expect(jsYaml.load(toYamlBody(v))).toEqual(v);
  });
});

// ------------------------------------------------------------------ goldens

function goldenJsonFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = resolve(dir, name);
    if (statSync(path).isDirectory()) out.push(...goldenJsonFiles(path));
    else if (name.endsWith('.json') && !name.endsWith('.pipeline.json') && !/^(MANIFEST|TIMINGS|PROBES)\.json$/.test(name))
      out.push(relative(GOLDEN_DIR, path));
  }
  return out;
}

/**
 * KNOWN BUG outside the files this suite may fix: INTEGER_FIELDS in src/spec/pipeline-spec.ts
 * lists `parallelism`, but the int32 proto field is `parallelismLimit` (IteratorPolicy), so a
 * ParallelFor with a parallelism limit gets `parallelismLimit: 2.0` instead of `2`. `it.fails`
 * keeps the suite green; it turns red once INTEGER_FIELDS is fixed, and then goes.
 */

if (!HAVE_GOLDENS) console.warn(`NOTICE: ${GOLDEN_DIR} is absent; the golden JSON/YAML writer checks are skipped.`);

describe.skipIf(!HAVE_GOLDENS)('writers against every golden JSON of the real KFP compiler', () => {
  const files = HAVE_GOLDENS ? goldenJsonFiles(GOLDEN_DIR) : [];

  it('finds the golden files', () => {
    expect(files.length).toBeGreaterThan(100);
    // The strict parse tells ints from floats, which the comparisons below rely on.
    expect(strict('{"a": 1, "b": 1.0}')).toEqual({ a: 1n, b: 1 });
    expect(strict('{"a": 1}')).not.toEqual({ a: 1 });
  });

  const check = (file: string) => {
    const text = goldenText(file);
    const value = JSON.parse(text);
    // YAML body: same document, ints and floats told apart.
    expect(strict(toYamlBody(value))).toEqual(strict(text));
    // JSON: byte for byte what KFP wrote.
    expect(toJson(value)).toBe(text);
  };
  // Generous timeout: the multi-megabyte large/ files take seconds on a busy machine.
  it.each(files)('%s', check, 60_000);

  // The `# PIPELINE DEFINITION` header, rebuilt from the parsed spec, against the .yaml beside it.
  // Not components/: there KFP takes the description from the docstring, which the spec lacks.
  // Not probe str-default-newline: KFP prints that newline raw (unparseable YAML); we escape it.
  const headerFiles = files.filter(
    (f) => !f.startsWith('components/') && !f.includes('str-default-newline') && existsSync(resolve(GOLDEN_DIR, f.replace(/\.json$/, '.yaml'))),
  );
  it('pipelineHeader writes the header of every golden pipeline byte for byte', () => {
    expect(headerFiles.length).toBeGreaterThan(70);
    for (const file of headerFiles) {
      const yaml = goldenText(file.replace(/\.json$/, '.yaml'));
      const want = yaml.slice(0, yaml.search(/^[^#]/m)).split('\n');
      const got = pipelineHeader(JSON.parse(goldenText(file))).split('\n');
      expect(got.length, file).toBe(want.length);
      got.forEach((line, i) => {
        // A dict default prints in protobuf map order, which changes between KFP runs
        // (INDEX.md, "Header line-order caveat"): compare those lines as character multisets.
        if (/: dict \[Default: \{/.test(line) && line !== want[i]) {
          const chars = (x: string) => [...x].sort().join('');
          expect(chars(line), `${file}: ${line}`).toBe(chars(want[i]));
        } else expect(line, file).toBe(want[i]);
      });
    }
  }, 60_000);
});

// ------------------------------------------------------------------ header

describe('pythonRepr', () => {
  // Right-hand sides are CPython 3.11 repr() output.
  it.each<[string, string]>([
    ['plain', "'plain'"],
    ["it's", `"it's"`],
    ['say "hi"', `'say "hi"'`],
    [`both ' and "`, `'both \\' and "'`],
    ['back\\slash', "'back\\\\slash'"],
    ['line1\nline2', "'line1\\nline2'"],
    ['tab\there', "'tab\\there'"],
    ['cr\rx', "'cr\\rx'"],
    ['nul\x00', "'nul\\x00'"],
    ['del\x7f', "'del\\x7f'"],
    ['bell\x07', "'bell\\x07'"],
    ['é ü ß', "'é ü ß'"],
    ['emoji 🚀', "'emoji 🚀'"],
    ['nbsp\xa0x', "'nbsp\\xa0x'"],
    ['nel\x85x', "'nel\\x85x'"],
    ['soft\xadhyphen', "'soft\\xadhyphen'"],
    ['zwsp\u200bx', "'zwsp\\u200bx'"],
    ['ls\u2028x', "'ls\\u2028x'"],
    ['bom\ufeffx', "'bom\\ufeffx'"],
    ['tag\u{E0001}x', "'tag\\U000e0001x'"],
    ['priv\ue000x', "'priv\\ue000x'"],
    ['ideo\u3000x', "'ideo\\u3000x'"],
    ['', "''"],
    ["'", `"'"`],
    ['"', `'"'`],
    ["\\'", `"\\\\'"`],
  ])('str %j', (s, want) => {
    expect(pythonRepr(s)).toBe(want);
  });

  it('prints numbers as floats, booleans and None the Python way', () => {
    expect(pythonRepr(8000)).toBe('8000.0');
    expect(pythonRepr(1e-7)).toBe('1e-07');
    expect(pythonRepr(true)).toBe('True');
    expect(pythonRepr(false)).toBe('False');
    expect(pythonRepr(null)).toBe('None');
  });

  it('prints dicts and lists like str(dict) / str(list)', () => {
    // repr({'a': 1.0, 'b': [True, False, 'x', 2.5e-07], 'c': {'d': "it's"}})
    expect(pythonRepr({ a: 1, b: [true, false, 'x', 2.5e-7], c: { d: "it's" } })).toBe(
      `{'a': 1.0, 'b': [True, False, 'x', 2.5e-07], 'c': {'d': "it's"}}`,
    );
    expect(pythonRepr([])).toBe('[]');
    expect(pythonRepr({})).toBe('{}');
    expect(pythonRepr([[]])).toBe('[[]]');
    expect(pythonRepr({ 'it\'s': 'a\\b' })).toBe(`{"it's": 'a\\\\b'}`);
  });
});

function headerSpec(description: string | undefined, parameters: Record<string, unknown>): PipelineSpec {
  const spec = {
    components: {},
    deploymentSpec: { executors: {} },
    pipelineInfo: { name: 'my-pipe', ...(description !== undefined ? { description } : {}) },
    root: {
      dag: { tasks: {} },
      inputDefinitions: {
        parameters,
        artifacts: { dataset: { artifactType: { schemaTitle: 'google.VertexDataset', schemaVersion: '0.0.1' } } },
      },
      outputDefinitions: {
        parameters: { gcp_resources: { parameterType: 'STRING' } },
        artifacts: { model: { artifactType: { schemaTitle: 'google.VertexModel', schemaVersion: '0.0.1' } } },
      },
    },
    schemaVersion: '2.1.0',
    sdkVersion: 'kfp-2.15.2',
  };
  return spec as unknown as PipelineSpec;
}

describe('pipelineHeader', () => {
  const parameters = {
    project_id: { parameterType: 'STRING' },
    budget: { parameterType: 'NUMBER_INTEGER', defaultValue: 1000, isOptional: true },
    fraction: { parameterType: 'NUMBER_DOUBLE', defaultValue: 0.8, isOptional: true },
    early: { parameterType: 'BOOLEAN', defaultValue: false, isOptional: true },
    labels: {
      parameterType: 'STRUCT',
      defaultValue: { team: 'ml', env: 'dev', nested: { q: "it's", bs: 'a\\b' } },
      isOptional: true,
    },
    aliases: { parameterType: 'LIST', defaultValue: ['candidate', 'v1', 1e-7, true], isOptional: true },
    note: { parameterType: 'STRING', defaultValue: `Bob's "model" C:\\tmp`, isOptional: true },
    a0: { parameterType: 'STRING', defaultValue: 'x', isOptional: true },
    a: { parameterType: 'STRING', defaultValue: 'y', isOptional: true },
  };

  it('matches KFP extract_comments_from_pipeline_spec (description, sorted inputs with defaults, outputs)', () => {
    // Output of KFP 2.15's extract_comments_from_pipeline_spec run in CPython on the same dict.
    // Note: items are sorted by name (a before a0), and a top-level str default is
    // written as "'" + s + "'" without escaping.
    expect(pipelineHeader(headerSpec('First line.\nSecond line.\n', parameters))).toBe(
      [
        '# PIPELINE DEFINITION',
        '# Name: my-pipe',
        '# Description: First line.',
        '#              Second line.',
        '# Inputs:',
        "#    a: str [Default: 'y']",
        "#    a0: str [Default: 'x']",
        "#    aliases: list [Default: ['candidate', 'v1', 1e-07, True]]",
        '#    budget: int [Default: 1000.0]',
        '#    dataset: google.VertexDataset',
        '#    early: bool [Default: False]',
        '#    fraction: float [Default: 0.8]',
        `#    labels: dict [Default: {'team': 'ml', 'env': 'dev', 'nested': {'q': "it's", 'bs': 'a\\\\b'}}]`,
        `#    note: str [Default: 'Bob's "model" C:\\tmp']`,
        '#    project_id: str',
        '# Outputs:',
        '#    gcp_resources: str',
        '#    model: google.VertexModel',
        '',
      ].join('\n'),
    );
  });

  it('splits the description like str.splitlines (CRLF, lone CR, trailing newline)', () => {
    const head = (d: string) => pipelineHeader(headerSpec(d, {})).split('\n# Inputs:')[0];
    expect(head('one')).toBe('# PIPELINE DEFINITION\n# Name: my-pipe\n# Description: one');
    expect(head('a\r\nb\rc\n\nd\n')).toBe(
      '# PIPELINE DEFINITION\n# Name: my-pipe\n# Description: a\n#              b\n#              c\n#              \n#              d',
    );
    expect(head('')).toBe('# PIPELINE DEFINITION\n# Name: my-pipe');
  });

  it('leaves out the description and empty sections', () => {
    const spec = headerSpec(undefined, {});
    spec.root.inputDefinitions = undefined;
    spec.root.outputDefinitions = undefined;
    expect(pipelineHeader(spec)).toBe('# PIPELINE DEFINITION\n# Name: my-pipe\n');
  });

  it('keeps the YAML file parseable, with the header as comments only', () => {
    const spec = headerSpec('multi\nline\rdescription', {
      ...parameters,
      // KFP itself prints this default raw and writes an unparseable file (probe str-default-newline).
      text: { parameterType: 'STRING', defaultValue: 'line1\nline2\r\u2028x', isOptional: true },
    });
    const text = toYaml(spec);
    expect(parse(text)).toEqual(JSON.parse(JSON.stringify(spec)));
    expect(jsYaml.load(text)).toEqual(JSON.parse(JSON.stringify(spec)));
    const header = text.slice(0, text.indexOf('\ncomponents:'));
    for (const line of header.split('\n')) expect(line.startsWith('#')).toBe(true);
  });
});
