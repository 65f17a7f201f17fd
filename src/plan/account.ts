import { ACCOUNT_LOGINS, type AccountLogin } from './data/accounts.js';
import { commandWords, outerCommands } from '../shell/index.js';

/**
 * The sign-in to an outside service a command makes with the reader's own account
 * ({@link ACCOUNT_LOGINS}: `docker login`, `gcloud auth login`), or undefined. Flags between
 * the words do not count (`docker login -u jane registry.example.com`).
 */
export function accountLogin(command: string): AccountLogin | undefined {
  for (const c of outerCommands(command)) {
    const words = commandWords(c).filter((w) => !w.startsWith('-'));
    const login = ACCOUNT_LOGINS.find((a) => a.words.every((w, i) => words[i] === w));
    if (login) return login;
  }
  return undefined;
}
