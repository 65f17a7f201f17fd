import { existsSync } from 'node:fs';

/** Debian's Chromium, when installed (`.ci/run` installs it); tests that need it skip with this reason otherwise. */
export const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
export const NO_CHROMIUM_REASON = 'chromium is not installed (apt-get install chromium): HTML report browser test skipped';

/** Flags for a headless run on a machine with no network and as root. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
