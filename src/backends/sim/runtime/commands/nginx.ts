import type { CommandFn } from '../shell/types.js';

/** The nginx binary's CLI: -v, -V, -t, -s SIGNAL. Serving is done by the container's listeners. */
export const nginx: CommandFn = (c) => {
  const v = c.host.profile.version ?? '1.27.3';
  const args = c.argv.slice(1);
  if (args.includes('-v')) return (c.io.err(`nginx version: nginx/${v}\n`), 0);
  if (args.includes('-V'))
    return (
      c.io.err(
        `nginx version: nginx/${v}\nbuilt by gcc 12.2.0 (Debian 12.2.0-14)\nbuilt with OpenSSL 3.0.11 19 Sep 2023 (running with OpenSSL 3.0.15 3 Sep 2024)\nTLS SNI support enabled\n`,
      ),
      0
    );
  if (args.includes('-t') || args.includes('-T')) {
    c.io.err('nginx: the configuration file /etc/nginx/nginx.conf syntax is ok\nnginx: configuration file /etc/nginx/nginx.conf test is successful\n');
    return 0;
  }
  const s = args.indexOf('-s');
  if (s >= 0) return 0;
  c.io.err(`nginx: [emerg] bind() to 0.0.0.0:80 failed (98: Address already in use)\n`);
  return 1;
};
