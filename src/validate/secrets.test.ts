import { describe, expect, it } from 'vitest';
import { seedDocument } from '../examples/seed';
import { setInput } from '../document/operations';
import { findSecrets, looksLikeSecret } from './secrets';

describe('credential-looking constants', () => {
  it.each([
    ['-----BEGIN PRIVATE KEY-----\nMIIE...', 'a private key'],
    ['-----BEGIN RSA PRIVATE KEY-----', 'a private key'],
    ['AIzaSyA1234567890abcdefghijklmnopqrstuv', 'a Google API key'],
    ['AKIAIOSFODNN7EXAMPLE', 'an AWS access key'],
    ['ghp_' + 'a'.repeat(36), 'a GitHub token'],
    ['xoxb-123456789012-abcdef', 'a Slack token'],
    ['postgres://admin:hunter2@db.example.com/x', 'a password in a URL'],
  ])('%s → %s', (text, what) => expect(looksLikeSecret(text)).toBe(what));

  it.each(['gs://my-bucket/path', 'flowers', 'projects/p/locations/l/models/123', 'https://example.com/a?b=c'])(
    'leaves %s alone',
    (text) => expect(looksLikeSecret(text)).toBeUndefined(),
  );

  it('warns on the field that holds it, nested in dicts too, and not on the seed', () => {
    const seed = seedDocument();
    expect(findSecrets(seed, (id) => id)).toEqual([]);
    const task = seed.tasks[2].id;
    const doc = setInput(seed, task, 'labels', { constant: { token: 'AKIAIOSFODNN7EXAMPLE' } });
    const [d] = findSecrets(doc, () => 'endpoint-create');
    expect(d).toMatchObject({ code: 'SECRET_IN_CONSTANT', severity: 'warning', taskId: task, input: 'labels' });
    expect(d.message).toContain('endpoint-create: labels looks like an AWS access key');
  });

  it('follows each edit of a value: a fixed value clears the warning, the same text again brings it back', () => {
    const seed = seedDocument();
    const task = seed.tasks[2].id;
    const leaked = setInput(seed, task, 'labels', { constant: { token: 'AKIAIOSFODNN7EXAMPLE' } });
    expect(findSecrets(leaked, (id) => id)).toHaveLength(1);
    const fixed = setInput(leaked, task, 'labels', { constant: { token: 'see the run parameters' } });
    expect(findSecrets(fixed, (id) => id)).toEqual([]);
    expect(findSecrets(leaked, (id) => id)).toHaveLength(1);
    const again = setInput(fixed, task, 'labels', { constant: { token: 'AKIAIOSFODNN7EXAMPLE' } });
    expect(findSecrets(again, (id) => id)).toHaveLength(1);
  });
});
