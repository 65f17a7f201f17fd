/** Entry point of the `kubedoctest` command. Returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  if (argv.includes('--version')) {
    console.log('0.1.0');
    return 0;
  }
  console.log('Usage: kubedoctest <command> [options]');
  return 0;
}
