const ESC: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v', '\\': '\\', e: '\x1b' };

/** Interprets echo/printf `%b` escapes; `stop` is true after `\c`. */
export function unescapeEcho(s: string): { text: string; stop: boolean } {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c !== '\\' || i === s.length - 1) {
      out += c;
      continue;
    }
    const n = s[++i]!;
    if (n === 'c') return { text: out, stop: true };
    if (ESC[n] !== undefined) out += ESC[n];
    else if (n === '0' || /[0-7]/.test(n)) {
      const m = /^0?[0-7]{0,3}/.exec(s.slice(i))![0];
      out += String.fromCharCode(parseInt(m.replace(/^0(?=[0-7])/, '') || '0', 8));
      i += m.length - 1;
    } else if (n === 'x') {
      const m = /^[0-9a-fA-F]{1,2}/.exec(s.slice(i + 1))?.[0] ?? '';
      out += m ? String.fromCharCode(parseInt(m, 16)) : '\\x';
      i += m.length;
    } else out += '\\' + n;
  }
  return { text: out, stop: false };
}

/** POSIX printf: the format is reused while arguments remain. */
export function formatPrintf(fmt: string, args: string[]): { text: string; error?: string } {
  let out = '';
  let error: string | undefined;
  let ai = 0;
  do {
    const start = ai;
    let stop = false;
    out += fmt.replace(
      /%([-+ #0]*)(\d+|\*)?(?:\.(\d+))?([sdiouxXcbf%eEgG])|\\(.)/g,
      (m, flags: string, width: string, prec: string, conv: string, esc: string) => {
        if (stop) return '';
        if (esc !== undefined) {
          const r = unescapeEcho('\\' + esc);
          return r.text;
        }
        if (conv === '%') return '%';
        const arg = args[ai++] ?? '';
        let s: string;
        switch (conv) {
          case 's':
            s = prec !== undefined ? arg.slice(0, Number(prec)) : arg;
            break;
          case 'b': {
            const r = unescapeEcho(arg);
            s = r.text;
            if (r.stop) stop = true;
            break;
          }
          case 'c':
            s = arg.slice(0, 1);
            break;
          case 'd':
          case 'i':
          case 'u':
          case 'o':
          case 'x':
          case 'X': {
            const n = arg === '' ? 0 : /^['"]/.test(arg) ? arg.charCodeAt(1) : Number(arg);
            if (Number.isNaN(n)) {
              error = `${arg}: invalid number`;
              s = '0';
              break;
            }
            const v = Math.trunc(n);
            s = conv === 'o' ? v.toString(8) : conv === 'x' ? v.toString(16) : conv === 'X' ? v.toString(16).toUpperCase() : String(v);
            if (flags.includes('+') && v >= 0 && 'di'.includes(conv)) s = '+' + s;
            break;
          }
          default: {
            const n = Number(arg) || 0;
            s = conv === 'e' || conv === 'E' ? n.toExponential(Number(prec ?? 6)) : conv === 'g' || conv === 'G' ? String(n) : n.toFixed(Number(prec ?? 6));
          }
        }
        const w = width === '*' ? 0 : Number(width ?? 0);
        if (s.length < w) s = flags.includes('-') ? s.padEnd(w) : s.padStart(w, flags.includes('0') && conv !== 's' ? '0' : ' ');
        void m;
        return s;
      },
    );
    if (stop || ai === start) break;
  } while (ai < args.length);
  return { text: out, error };
}
