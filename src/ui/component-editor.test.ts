import { describe, expect, it } from 'vitest';
import { itemText, parseItem } from './component-editor';

describe('command-line items typed in the component editor', () => {
  it.each([
    ['echo', 'echo'],
    ['{{input:msg}}', { inputValue: 'msg' }],
    ['{{outputPath:out}}', { outputPath: 'out' }],
    ['--name={{input:name}}', { concat: ['--name=', { inputValue: 'name' }] }],
    ['{{ifPresent:opt}} --opt {{input:opt}}', { ifPresent: { input: 'opt', then: ['--opt', { inputValue: 'opt' }] } }],
  ])('%s', (line, item) => {
    expect(parseItem(line)).toEqual(item);
    expect(itemText(parseItem(line))).toBe(line);
  });
});
