/**
 * Constants that look like credentials. A pipeline spec is shared, stored and shown in
 * consoles, so a secret typed into a field leaks; a pipeline parameter (filled in at run
 * time) or a secret manager reference is the safe place.
 */
import { isConstant, type PipelineDocument } from '../document/types';
import type { JsonValue } from '../spec/pipeline-spec';
import type { Diagnostic } from './validate';

const PATTERNS: Array<{ what: string; re: RegExp }> = [
  { what: 'a private key', re: /-----BEGIN (?:[A-Z]+ )?PRIVATE KEY-----/ },
  { what: 'a Google API key', re: /\bAIza[0-9A-Za-z_-]{35}\b/ },
  { what: 'a Google OAuth token', re: /\bya29\.[0-9A-Za-z_-]{20,}/ },
  { what: 'a service account key', re: /"private_key_id"\s*:/ },
  { what: 'an AWS access key', re: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/ },
  { what: 'a GitHub token', re: /\b(?:ghp|gho|ghu|ghs|ghr)_[0-9A-Za-z]{36}\b|\bgithub_pat_[0-9A-Za-z_]{40,}/ },
  { what: 'a Slack token', re: /\bxox[abprs]-[0-9A-Za-z-]{10,}/ },
  { what: 'a JSON Web Token', re: /\beyJ[0-9A-Za-z_-]{8,}\.eyJ[0-9A-Za-z_-]{8,}\.[0-9A-Za-z_-]{8,}/ },
  { what: 'a password in a URL', re: /\b[a-z][a-z0-9+.-]*:\/\/[^/\s:@]+:[^/\s@]+@/i },
];

/** What kind of credential a text looks like, if any. */
export function looksLikeSecret(text: string): string | undefined {
  return PATTERNS.find((p) => p.re.test(text))?.what;
}

function texts(v: JsonValue, out: string[] = []): string[] {
  if (typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) for (const x of v) texts(x, out);
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) out.push(k), texts(x, out);
  return out;
}

/**
 * What a constant binding's text looks like, remembered per binding object: documents share
 * unchanged bindings between edits, so a keystroke re-checks only the value it changed.
 */
const verdicts = new WeakMap<object, string | null>();
function secretIn(binding: { constant: JsonValue }): string | undefined {
  let what = verdicts.get(binding);
  if (what === undefined) verdicts.set(binding, (what = texts(binding.constant).map(looksLikeSecret).find(Boolean) ?? null));
  return what ?? undefined;
}

export function findSecrets(doc: PipelineDocument, taskKey: (id: string) => string): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const t of doc.tasks)
    for (const [input, b] of Object.entries(t.inputs)) {
      if (!isConstant(b)) continue;
      const what = secretIn(b);
      if (what)
        out.push({
          code: 'SECRET_IN_CONSTANT' as Diagnostic['code'],
          severity: 'warning',
          message: `${taskKey(t.id)}: ${input} looks like ${what}. Anyone who sees the spec can read it; use a pipeline parameter (or a secret manager) instead.`,
          taskId: t.id,
          input,
        });
    }
  for (const p of doc.parameters) {
    const what = p.default === undefined ? undefined : texts(p.default).map(looksLikeSecret).find(Boolean);
    if (what)
      out.push({
        code: 'SECRET_IN_CONSTANT' as Diagnostic['code'],
        severity: 'warning',
        message: `The default of parameter ${p.name} looks like ${what}; it is written into the spec. Leave the default empty and pass the value when the run starts.`,
        parameter: p.name,
      });
  }
  return out;
}
