/**
 * Builds dist/ once before any test file runs: the CLI tests spawn the built CLI, as a user runs
 * it. One build, not one per file, so parallel workers never rebuild dist/ under each other.
 */
import { execa } from 'execa';

export default async function setup(): Promise<void> {
  await execa('npm', ['run', 'build'], { stdio: 'inherit' });
}
