/** Small statistics helpers. Percentiles use the nearest-rank method on sorted values. */
export const sorted = (xs) => [...xs].sort((a, b) => a - b);

export function median(xs) {
  if (!xs.length) return NaN;
  const s = sorted(xs);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function percentile(xs, p) {
  if (!xs.length) return NaN;
  const s = sorted(xs);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

export const max = (xs) => (xs.length ? Math.max(...xs) : NaN);
export const min = (xs) => (xs.length ? Math.min(...xs) : NaN);
export const sum = (xs) => xs.reduce((a, b) => a + b, 0);
export const round = (x, d = 1) => (Number.isFinite(x) ? Math.round(x * 10 ** d) / 10 ** d : x);
