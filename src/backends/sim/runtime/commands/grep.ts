import type { CommandFn } from '../shell/types.js';
import { has, lines, opt, parseArgs, readInputs } from './util.js';
import { breToJs, ereToJs } from './regex.js';

/** grep with -i -v -c -E -F -o -q -n -l -w -e -r (over the vfs). */
export const grep: CommandFn = (c) => {
  const p = parseArgs(c.argv.slice(1), ['e', 'm', 'A', 'B', 'C']);
  const ere = has(p, 'E') || c.name === 'egrep';
  const fixed = has(p, 'F') || c.name === 'fgrep';
  const patterns = p.values.get('e') ?? (p.operands.length ? [p.operands.shift()!] : []);
  if (!patterns.length) {
    c.io.err(
      c.host.profile.userland === 'busybox' ? 'grep: no pattern\n' : "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n",
    );
    return 2;
  }
  let re: RegExp;
  try {
    const src = patterns
      .map((pt) => (fixed ? pt.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&') : ere ? ereToJs(pt) : breToJs(pt)))
      .map((s) => (has(p, 'w') ? `\\b(?:${s})\\b` : has(p, 'x') ? `^(?:${s})$` : s));
    re = new RegExp(src.join('|'), has(p, 'i') ? 'gi' : 'g');
  } catch {
    c.io.err(`grep: Invalid regular expression\n`);
    return 2;
  }
  const files = p.operands;
  const r = readInputs(c, files);
  const multi = files.length > 1;
  const max = Number(opt(p, 'm') ?? Infinity);
  let any = false;
  r.data.forEach((d, fi) => {
    const name = r.names[fi] === '-' ? '(standard input)' : r.names[fi]!;
    let count = 0;
    for (const [li, l] of lines(d.toString()).entries()) {
      if (count >= max) break;
      re.lastIndex = 0;
      const hit = re.test(l) !== has(p, 'v');
      if (!hit) continue;
      count++;
      any = true;
      if (has(p, 'q', 'l', 'c')) continue;
      const prefix = `${multi ? `${name}:` : ''}${has(p, 'n') ? `${li + 1}:` : ''}`;
      if (has(p, 'o') && !has(p, 'v')) {
        re.lastIndex = 0;
        for (const m of l.matchAll(re)) if (m[0]) c.io.out(`${prefix}${m[0]}\n`);
      } else c.io.out(`${prefix}${l}\n`);
    }
    if (has(p, 'c') && !has(p, 'q')) c.io.out(`${multi ? `${name}:` : ''}${count}\n`);
    if (has(p, 'l') && count && !has(p, 'q')) c.io.out(`${name}\n`);
  });
  if (r.failed && !(has(p, 'q') && any)) return 2;
  return any ? 0 : 1;
};
