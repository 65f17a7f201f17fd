import type { Command, List } from './ast.js';
import { expandFields, expandPattern, expandString, matchPattern } from './expand.js';
import { BUILTINS } from './builtins.js';
import { LoopSignal, type Shell } from './interp.js';
import type { Io } from './types.js';

/** Runs if/while/until/for/case/[[ ]] (redirections already applied). */
export async function runCompound(sh: Shell, cmd: Command, rio: Io): Promise<number> {
  switch (cmd.t) {
    case 'if': {
      for (const c of cmd.clauses) {
        if ((await cond(sh, c.cond, rio)) === 0) return sh.runList(c.body, rio);
      }
      sh.status = 0;
      return cmd.otherwise ? sh.runList(cmd.otherwise, rio) : 0;
    }
    case 'while': {
      let last = 0;
      for (;;) {
        await sh.tick();
        const c = await cond(sh, cmd.cond, rio);
        if ((c === 0) === cmd.until) break;
        const r = await loopBody(sh, cmd.body, rio);
        last = sh.status;
        if (r === 'break') break;
      }
      return (sh.status = last);
    }
    case 'for': {
      const items = cmd.items ? await expandFields(cmd.items, sh) : [...sh.positional];
      sh.status = 0;
      for (const item of items) {
        await sh.tick();
        sh.vars.set(cmd.name, item);
        if ((await loopBody(sh, cmd.body, rio)) === 'break') break;
      }
      return sh.status;
    }
    case 'case': {
      const subject = await expandString(cmd.subject, sh);
      sh.status = 0;
      for (const arm of cmd.arms) {
        for (const p of arm.patterns) {
          if (matchPattern(await expandPattern(p, sh), subject)) return sh.runList(arm.body, rio);
        }
      }
      return 0;
    }
    case 'dtest': {
      const args: string[] = [];
      for (const w of cmd.words) args.push(await expandString(w, sh));
      // The operand of `=~` is one regular expression up to `&&`/`||`, parentheses included
      // (`[[ $h =~ -([0-9]+)$ ]]`), though the lexer reads `(` and `)` as operators.
      const at = args.indexOf('=~');
      if (at >= 0) {
        let end = at + 1;
        while (end < args.length && args[end] !== '&&' && args[end] !== '||') end++;
        args.splice(at + 1, end - at - 1, args.slice(at + 1, end).join(''));
      }
      return (sh.status = await BUILTINS['[[']!(sh, ['[[', ...args, ']]'], rio));
    }
  }
  return sh.status;
}

/** Runs a condition list (errexit does not apply inside it). */
export async function cond(sh: Shell, list: List, io: Io): Promise<number> {
  sh.condDepth++;
  try {
    return await sh.runList(list, io);
  } finally {
    sh.condDepth--;
  }
}

/** Runs a loop body, turning break/continue into a result. */
export async function loopBody(sh: Shell, body: List, io: Io): Promise<'break' | 'continue' | undefined> {
  try {
    await sh.runList(body, io);
  } catch (e) {
    if (!(e instanceof LoopSignal)) throw e;
    if (e.levels > 1) {
      e.levels--;
      throw e;
    }
    return e.kind;
  }
  return undefined;
}
