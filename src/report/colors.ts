import pc from 'picocolors';

export type Colors = ReturnType<typeof pc.createColors>;

/**
 * Colours for a stream: NO_COLOR disables, FORCE_COLOR (non-"0") enables, otherwise on for a TTY.
 * See https://no-color.org and https://force-color.org.
 */
export function colorsFor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): Colors {
  let enabled = Boolean(stream.isTTY);
  if (env.FORCE_COLOR !== undefined) enabled = env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') enabled = false;
  return pc.createColors(enabled);
}
