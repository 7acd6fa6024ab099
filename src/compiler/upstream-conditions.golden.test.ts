/**
 * Upstream KFP test pipelines with conditions (dsl.If / dsl.Condition, nested, If/Else
 * with dsl.OneOf), rebuilt as documents from their goldens and compiled.
 */
import { describe, it } from 'vitest';
import { HAVE_GOLDENS } from '../test-support/golden';
import { checkUpstream as check } from '../test-support/golden-documents';


describe.skipIf(!HAVE_GOLDENS)('upstream conditions against the real KFP compiler', () => {
  it('critical/flip_coin (two Ifs, nested Ifs on int outputs, f-strings with task outputs)', () => {
    check('critical/flip_coin.yaml');
  });

  it('essential/pipeline_with_condition (a condition on a task output, a parameter used inside)', () => {
    check('essential/pipeline_with_condition.yaml');
  });

  it('essential/pipeline_with_nested_conditions (a nested condition comparing two task outputs)', () => {
    check('essential/pipeline_with_nested_conditions.yaml');
  });

  it('essential/pipeline_with_nested_conditions_yaml (container components made in the app, nested conditions)', () => {
    check('essential/pipeline_with_nested_conditions_yaml.yaml');
  });

  it('critical/if_else_with_oneof_artifacts (If/Else with a OneOf artifact, consumed and returned, in a nested pipeline)', () => {
    check('critical/if_else_with_oneof_artifacts.yaml');
  });

  it('critical/parameter_oneof (If/Else OneOf of two parameter outputs, returned through two nested pipelines)', () => {
    check('critical/parameter_oneof.yaml');
  });
});
