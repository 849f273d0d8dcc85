import type { CitecheckOptions, HostOverride } from './options.js';

/** Per-host override of a URL's host: looked up by host:port first, then by bare hostname. */
export function hostOverride(options: Pick<CitecheckOptions, 'hosts'>, url: URL): HostOverride | undefined {
  const { hosts } = options;
  // Most runs set no host overrides: then the URL's host and hostname (each a new string
  // from Node's URL, asked for several times per checked link) are not read at all.
  for (const _host in hosts) return hosts[url.host] ?? hosts[url.hostname];
  return undefined;
}
