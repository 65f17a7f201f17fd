/**
 * Commands that sign the reader in to an outside service with their own account: they ask for a
 * user name and password (or open a browser), and nothing in a test cluster can stand in for
 * them. `writes` are the files the sign-in leaves behind, which later steps read
 * (`cat ~/.docker/config.json`).
 */
export interface AccountLogin {
  /** Program and the words after it that make the sign-in (`docker login`). */
  words: readonly string[];
  /** What the sign-in needs, for the skip reason. */
  needs: string;
  writes: readonly string[];
}

export const ACCOUNT_LOGINS: readonly AccountLogin[] = [
  {
    words: ['docker', 'login'],
    needs: 'a container registry account (it asks for a user name and password)',
    writes: ['~/.docker/config.json', '$HOME/.docker/config.json'],
  },
  { words: ['podman', 'login'], needs: 'a container registry account (it asks for a user name and password)', writes: [] },
  { words: ['nerdctl', 'login'], needs: 'a container registry account (it asks for a user name and password)', writes: ['~/.docker/config.json'] },
  { words: ['helm', 'registry', 'login'], needs: 'a chart registry account (it asks for a user name and password)', writes: [] },
  { words: ['gcloud', 'auth', 'login'], needs: 'a Google Cloud account (it signs in through a browser)', writes: [] },
  { words: ['az', 'login'], needs: 'an Azure account (it signs in through a browser)', writes: [] },
  { words: ['aws', 'configure'], needs: 'AWS access keys (it asks for them)', writes: ['~/.aws/credentials', '~/.aws/config'] },
  { words: ['gh', 'auth', 'login'], needs: 'a GitHub account (it signs in through a browser)', writes: [] },
];
