/**
 * The Kubernetes PlatformSpec a document carries (`doc.platformSpec`, from an imported file):
 * KFP writes it to YAML only, as a second document after the pipeline spec, and refuses to
 * write JSON for a pipeline that has one.
 */
import type { PipelineDocument } from '../document/types';
import { toYamlBody } from './serialize';

/** The YAML file text: the pipeline spec's YAML, then `---` and the platform spec when there is one. */
export function withPlatformSpec(specYaml: string, doc: Pick<PipelineDocument, 'platformSpec'>): string {
  if (!doc.platformSpec) return specYaml;
  return `${specYaml.endsWith('\n') ? specYaml : `${specYaml}\n`}---\n${toYamlBody(doc.platformSpec)}`;
}

/** Why JSON cannot be written for this document (KFP's rule), or undefined. */
export function jsonRefusal(doc: Pick<PipelineDocument, 'platformSpec'>): string | undefined {
  return doc.platformSpec ? 'the pipeline carries a Kubernetes platform spec, which KFP writes to YAML files only' : undefined;
}
