/**
 * The pipeline as KFP v2 Python (issue #7): the file a person would write to get the same
 * PipelineSpec from the KFP 2.15 compiler. Imports (`from kfp import compiler, dsl`, GCPC
 * components by module), components made in the app as `@dsl.container_component`
 * functions, other non-GCPC components loaded from their compiled spec, the
 * `@dsl.pipeline` function with typed parameters, task calls with keyword arguments, task
 * options, control flow as `with` blocks, pipeline outputs as return values, and a final
 * `compiler.Compiler().compile(...)`.
 *
 * Task keys and group numbers come from the order the function runs, so statements follow
 * the document's order wherever Python allows (see `python-order.ts`); component function
 * names give back the document's component names (`python-names.ts`).
 */
import type { Catalog } from '../catalog/catalog';
import {
  isOneOf,
  type LoopGroup,
  type PipelineDocument,
  type PipelineOutput,
  type TaskOutputRef,
} from '../document/types';
import type { ParameterType } from '../spec/pipeline-spec';
import { bodyLines, outputExpr } from './python-body';
import { pyList } from './python-components';
import { buildContext, nameVariables, type PyContext, type PythonOptions } from './python-context';
import { pyDocstring, pyLiteral, pyString } from './python-literal';
import { snakeCase } from './python-names';
import { statementTree } from './python-order';

export type { PythonOptions } from './python-context';

/** The annotation of one pipeline output: its producer's output type (a list for `dsl.Collected`). */
function outputAnnotation(ctx: PyContext, o: PipelineOutput): string {
  const ref: TaskOutputRef = isOneOf(o.source) ? o.source.oneOf[0] : o.source;
  const collected = !isOneOf(o.source) && o.source.collected === true;
  const entry = ctx.entries.get(ref?.task ?? '');
  const artifact = entry?.outputDefinitions?.artifacts?.[ref?.output ?? ''];
  const task = ctx.doc.tasks.find((t) => t.id === ref?.task);
  let type: string;
  let isList = collected;
  if (task?.importer && ref.output === 'artifact') type = ctx.imports.artifactClass(task.importer.artifactType);
  else if (artifact) {
    type = ctx.imports.artifactClass(artifact.artifactType);
    isList ||= artifact.isArtifactList === true;
  } else type = ctx.imports.parameterType(entry?.outputDefinitions?.parameters?.[ref?.output ?? '']?.parameterType ?? 'STRING');
  return isList ? `${ctx.imports.typingName('List')}[${type}]` : type;
}

/** The item type a loop over this parameter declares (`List[int]`); absent for plain `list`. */
function loopItemAnnotation(ctx: PyContext, parameter: string): string | undefined {
  const loop = (ctx.doc.groups ?? []).find(
    (g): g is LoopGroup => g.kind === 'loop' && 'parameter' in g.items && g.items.parameter === parameter && g.itemType !== undefined,
  );
  if (!loop || loop.itemType === 'STRING') return undefined;
  return `${ctx.imports.typingName('List')}[${ctx.imports.parameterType(loop.itemType as ParameterType)}]`;
}

function signatureArguments(ctx: PyContext): string[] {
  const required: string[] = [];
  const optional: string[] = [];
  for (const a of ctx.doc.artifactInputs ?? []) {
    const cls = ctx.imports.artifactClass(a.artifactType);
    const annotation = `${ctx.dsl}.Input[${a.isList ? `${ctx.imports.typingName('List')}[${cls}]` : cls}]`;
    if (a.optional) optional.push(`${a.name}: ${ctx.imports.typingName('Optional')}[${annotation}] = None`);
    else required.push(`${a.name}: ${annotation}`);
  }
  for (const p of ctx.doc.parameters) {
    const type = (p.type === 'LIST' && loopItemAnnotation(ctx, p.name)) || ctx.imports.parameterType(p.type);
    if (p.default !== undefined) optional.push(`${p.name}: ${type} = ${pyLiteral(p.default, p.type === 'NUMBER_DOUBLE', '    ')}`);
    else if (p.optional) optional.push(`${p.name}: ${ctx.imports.typingName('Optional')}[${type}] = None`);
    else required.push(`${p.name}: ${type}`);
  }
  return [...required, ...optional];
}

/** The outputs: `-> T` and `return x` for one output called `Output`, else a NamedTuple class. */
function outputsCode(ctx: PyContext): { annotation: string; returnLine?: string; classDef?: string } {
  const outputs = ctx.doc.outputs ?? [];
  if (outputs.length === 0) return { annotation: '' };
  const value = (o: PipelineOutput) =>
    isOneOf(o.source)
      ? `${ctx.dsl}.OneOf(${o.source.oneOf.map((r) => outputExpr(ctx, r)).join(', ')})`
      : o.source.collected
        ? `${ctx.dsl}.Collected(${outputExpr(ctx, o.source)})`
        : outputExpr(ctx, o.source);
  if (outputs.length === 1 && outputs[0].name === 'Output')
    return { annotation: ` -> ${outputAnnotation(ctx, outputs[0])}`, returnLine: `    return ${value(outputs[0])}` };
  const cls = ctx.names.take('Outputs');
  const fields = outputs.map((o) => `    ${o.name}: ${outputAnnotation(ctx, o)}`);
  return {
    annotation: ` -> ${cls}`,
    classDef: [`class ${cls}(${ctx.imports.typingName('NamedTuple')}):`, ...fields].join('\n'),
    returnLine: `    return ${pyList(`${cls}(`, outputs.map((o) => `${o.name}=${value(o)}`), ')', '    ')}`,
  };
}

/**
 * The pipeline function's docstring when parameters, artifact inputs or outputs have
 * descriptions (KFP reads them from `Args:` and `Returns:`); its summary is the description.
 */
function pipelineDocstring(doc: PipelineDocument): string | undefined {
  const args = [...(doc.artifactInputs ?? []), ...doc.parameters].filter((p) => p.description);
  const returns = (doc.outputs ?? []).filter((o) => o.description);
  if (args.length === 0 && returns.length === 0) return undefined;
  const indentMore = (text: string) => text.trim().replace(/\n/g, '\n        ');
  const parts: string[] = [];
  if (doc.description) parts.push(doc.description.trim(), '');
  if (args.length > 0) parts.push('Args:', ...args.map((p) => `    ${p.name}: ${indentMore(p.description!)}`));
  if (returns.length > 0) parts.push(...(args.length > 0 ? [''] : []), 'Returns:', ...returns.map((o) => `    ${o.name}: ${indentMore(o.description!)}`));
  return pyDocstring(parts.join('\n'), '    ');
}

/** What the document holds that the Python cannot say, as comment lines. */
function unexpressed(doc: PipelineDocument): string[] {
  const out: string[] = [];
  if (doc.platformSpec && Object.keys(doc.platformSpec).length > 0)
    out.push('# The Kubernetes platform settings kept from the imported file (kfp-kubernetes) are not written here.');
  if (doc.kept && doc.kept.length > 0)
    out.push(`# ${doc.kept.length} part(s) of the imported spec that the editor keeps as they were are not written here.`);
  return out;
}

/** The pipeline as KFP v2 Python source that compiles (with kfp 2.15) to the same PipelineSpec. */
export function toPython(doc: PipelineDocument, catalog: Catalog, options: PythonOptions = {}): string {
  const ctx = buildContext(doc, catalog, options);
  const fn = ctx.names.take(snakeCase(doc.name, 'pipeline'));
  const signature = signatureArguments(ctx);
  nameVariables(ctx);
  const outputs = outputsCode(ctx);
  const body = bodyLines(ctx, statementTree(doc), '    ');
  if (outputs.returnLine) body.push(outputs.returnLine);
  if (body.length === 0) body.push('    pass');

  const dsl = ctx.dsl;
  const compiler = ctx.imports.kfpModule('compiler');
  const decoratorArgs = [`name=${pyString(doc.name)}`];
  if (doc.description) decoratorArgs.push(`description=${pyString(doc.description)}`);
  if (doc.displayName) decoratorArgs.push(`display_name=${pyString(doc.displayName)}`);
  if (doc.pipelineRoot) decoratorArgs.push(`pipeline_root=${pyString(doc.pipelineRoot)}`);
  const packagePath = options.packagePath ?? `${doc.name}.yaml`;

  const customClasses = ctx.imports
    .customArtifacts()
    .map((a) =>
      [`class ${a.className}(${dsl}.Artifact):`, `    schema_title = ${pyString(a.schemaTitle)}`, `    schema_version = ${pyString(a.schemaVersion)}`].join(
        '\n',
      ),
    );
  const docstring = pipelineDocstring(doc);
  const needs = ctx.imports.usesGcpc ? 'kfp 2.15 and google-cloud-pipeline-components 2.22' : 'kfp 2.15';
  const sections = [
    [
      `# Pipeline "${doc.displayName || doc.name}", exported by Pipeline Canvas.`.replace(/\n/g, ' '),
      `# With ${needs} installed, \`python <this file>\` writes ${packagePath.replace(/\n/g, ' ')}.`,
      ...unexpressed(doc),
    ].join('\n'),
    ctx.imports.lines().join('\n'),
    ...customClasses,
    ...ctx.definitions,
    ...(outputs.classDef ? [outputs.classDef] : []),
    [
      `@${pyList(`${dsl}.pipeline(`, decoratorArgs, ')', '')}`,
      `${pyList(`def ${fn}(`, signature, `)${outputs.annotation}:`, '')}`,
      ...(docstring ? [docstring] : []),
      ...body,
    ].join('\n'),
    [
      `if __name__ == "__main__":`,
      `    ${pyList(`${compiler}.Compiler().compile(`, [`pipeline_func=${fn}`, `package_path=${pyString(packagePath)}`], ')', '    ')}`,
    ].join('\n'),
  ];
  // Two blank lines between top-level definitions (PEP 8), one after the header comment.
  return `${sections[0]}\n\n${sections.slice(1).join('\n\n\n')}\n`;
}
