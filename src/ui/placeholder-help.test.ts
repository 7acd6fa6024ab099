import { describe, expect, it } from 'vitest';
import { explainPlaceholder, placeholdersInLine } from './placeholder-help';

describe('placeholder explanations', () => {
  it('explains runtime, input and output placeholders', () => {
    expect(explainPlaceholder('{{$.pipeline_root}}')).toContain('Cloud Storage folder');
    expect(explainPlaceholder("{{$.inputs.parameters['project']}}")).toContain('“project”');
    expect(explainPlaceholder("{{$.outputs.parameters['gcp_resources'].output_file}}")).toContain('“gcp_resources”');
    expect(explainPlaceholder("{{$.inputs.artifacts['model'].metadata['resourceName']}}")).toContain('resourceName');
    expect(explainPlaceholder('plain text')).toBeUndefined();
  });
  it('finds placeholders in a line of JSON', () => {
    const line = `  "{{$.inputs.parameters['a']}}", "x {{$}} y"`;
    expect(placeholdersInLine(line).map((p) => p.text)).toEqual(["{{$.inputs.parameters['a']}}", '{{$}}']);
    expect(placeholdersInLine(line)[0].start).toBe(4);
  });
});
