/** Converts a POSIX basic regular expression to a JavaScript RegExp source. */
export function breToJs(re: string): string {
  let out = '';
  for (let i = 0; i < re.length; i++) {
    const c = re[i]!;
    if (c === '\\') {
      const n = re[++i] ?? '';
      if ('(){}+?|'.includes(n)) out += n;
      else if (n === '<' || n === '>') out += '\\b';
      else out += '\\' + n;
    } else if ('(){}+?|'.includes(c)) out += '\\' + c;
    else if (c === '[') {
      const end = re.indexOf(']', i + (re[i + 1] === '^' ? 3 : 2));
      if (end < 0) {
        out += '\\[';
        continue;
      }
      out += posixClasses(re.slice(i, end + 1));
      i = end;
    } else out += c;
  }
  return out;
}

/** Extended regular expressions are close to JavaScript's; only bracket classes need care. */
export function ereToJs(re: string): string {
  return re.replace(/\[[^\]]*\[:[a-z]+:\][^\]]*\]/g, (m) => posixClasses(m));
}

function posixClasses(cls: string): string {
  return cls
    .replace(/\[:alpha:\]/g, 'a-zA-Z')
    .replace(/\[:digit:\]/g, '0-9')
    .replace(/\[:alnum:\]/g, 'a-zA-Z0-9')
    .replace(/\[:space:\]/g, '\\s')
    .replace(/\[:upper:\]/g, 'A-Z')
    .replace(/\[:lower:\]/g, 'a-z')
    .replace(/\[:punct:\]/g, '!-\\/:-@\\[-`{-~')
    .replace(/\[:xdigit:\]/g, '0-9A-Fa-f');
}
