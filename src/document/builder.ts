/**
 * A small builder over the document operations, for tests that write documents in code the
 * way a person builds them on the canvas (one operation per gesture).
 */
import { addComponent, addGroup, addImporter, setOutput, setTaskEnv, setTaskResources } from './flow-operations';
import { addParameter, addTask, createDocument, setAfter, setPipelineInfo, setRetryBackoff, setTaskOptions } from './operations';
import { setTaskGroup } from './flow-operations';
import type {
  Binding,
  EmbeddedComponent,
  EnvVar,
  Group,
  ImporterSettings,
  PipelineDocument,
  PipelineOutput,
  Task,
  TaskResources,
  TemplatePart,
} from './types';
import type { JsonValue, ParameterType } from '../spec/pipeline-spec';

export const c = (constant: JsonValue): Binding => ({ constant });
export const p = (parameter: string): Binding => ({ parameter });
export const out = (task: string, output: string): Binding => ({ task, output });
export const collected = (task: string, output: string): Binding => ({ task, output, collected: true });
export const item = (loopItem: string, field?: string): Binding => (field === undefined ? { loopItem } : { loopItem, field });
export const template = (...parts: TemplatePart[]): Binding => ({ template: parts });

export interface TaskOpts {
  group?: string;
  displayName?: string;
  caching?: boolean;
  retries?: number;
  retryBackoff?: Task['retryBackoff'];
  after?: string[];
  resources?: TaskResources;
  env?: EnvVar[];
  ignoreUpstreamFailure?: boolean;
}

type NewGroup = Group extends infer G ? (G extends Group ? Omit<G, 'id'> : never) : never;

export class DocBuilder {
  doc: PipelineDocument;

  constructor(name: string, info: { pipelineRoot?: string; displayName?: string; description?: string } = {}) {
    this.doc = setPipelineInfo(createDocument(name), info);
  }

  param(name: string, type: ParameterType, dflt?: JsonValue): this {
    this.doc = addParameter(this.doc, dflt === undefined ? { name, type } : { name, type, default: dflt });
    return this;
  }

  task(component: string, inputs: Record<string, Binding> = {}, opts: TaskOpts = {}): string {
    const r = addTask(this.doc, component, { x: 0, y: 0 }, inputs);
    this.doc = r.doc;
    this.configure(r.id, opts);
    return r.id;
  }

  importer(settings: ImporterSettings, uri: Binding, opts: TaskOpts = {}): string {
    const r = addImporter(this.doc, { x: 0, y: 0 }, settings, uri);
    this.doc = r.doc;
    this.configure(r.id, opts);
    return r.id;
  }

  private configure(id: string, opts: TaskOpts): void {
    if (opts.group !== undefined) this.doc = setTaskGroup(this.doc, [id], opts.group);
    const options: Parameters<typeof setTaskOptions>[2] = {};
    if (opts.displayName !== undefined) options.displayName = opts.displayName;
    if (opts.caching !== undefined) options.caching = opts.caching;
    if (opts.retries !== undefined) options.retries = opts.retries;
    if (Object.keys(options).length > 0) this.doc = setTaskOptions(this.doc, id, options);
    if (opts.retryBackoff) this.doc = setRetryBackoff(this.doc, id, opts.retryBackoff);
    if (opts.after) this.doc = setAfter(this.doc, id, opts.after);
    if (opts.resources) this.doc = setTaskResources(this.doc, id, opts.resources);
    if (opts.env) this.doc = setTaskEnv(this.doc, id, opts.env);
    if (opts.ignoreUpstreamFailure)
      this.doc = { ...this.doc, tasks: this.doc.tasks.map((t) => (t.id === id ? { ...t, ignoreUpstreamFailure: true } : t)) };
  }

  group(group: NewGroup): string {
    const r = addGroup(this.doc, group);
    this.doc = r.doc;
    return r.id;
  }

  component(def: EmbeddedComponent, id?: string): string {
    const r = addComponent(this.doc, def, id);
    this.doc = r.doc;
    return r.id;
  }

  output(name: string, source: PipelineOutput['source']): this {
    this.doc = setOutput(this.doc, { name, source });
    return this;
  }
}
