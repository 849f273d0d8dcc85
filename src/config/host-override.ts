import type { CitecheckOptions, HostOverride } from './options.js';

/** Per-host override of a URL's host: looked up by host:port first, then by bare hostname. */
export function hostOverride(options: Pick<CitecheckOptions, 'hosts'>, url: URL): HostOverride | undefined {
  return options.hosts[url.host] ?? options.hosts[url.hostname];
}
