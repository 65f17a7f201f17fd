// Shared helpers for benchmarks: timing, medians, process runs. Benchmarks print ratios
// measured in one run, so machine noise affects both sides alike.
import { execa } from 'execa';

/** Median of a list of numbers. */
export function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Milliseconds an async function takes. */
export async function time(fn) {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

/** Runs fn n times, alternating with other (when given) so both see the same machine state. */
export async function paired(n, a, b) {
  const ta = [];
  const tb = [];
  for (let i = 0; i < n; i++) {
    ta.push(await time(a));
    tb.push(await time(b));
  }
  return { a: median(ta), b: median(tb) };
}

/** Runs a command, throwing on failure (a benchmark of a failing command measures nothing). */
export function run(file, args, options = {}) {
  return execa(file, args, { timeout: 120_000, ...options });
}

/** One result line: name, both sides, ratio and the target when there is one. */
export function report(name, a, b, unit = 'ms', target) {
  const ratio = a / b;
  const ok = target === undefined ? '' : ratio <= target ? `  (target ≤ ${target}×: met)` : `  (target ≤ ${target}×: NOT met)`;
  console.log(`${name.padEnd(48)} ${a.toFixed(1)}${unit} / ${b.toFixed(1)}${unit} = ${ratio.toFixed(2)}×${ok}`);
  return ratio;
}
