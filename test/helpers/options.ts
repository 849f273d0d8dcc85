import { DEFAULTS } from '../../src/config/defaults.js';
import type { CitecheckOptions } from '../../src/config/options.js';

/**
 * Options for network tests: defaults, private addresses allowed (servers are on 127.0.0.x),
 * no interval, fast retries and short timeouts so failures end quickly.
 */
export function testOptions(overrides: Partial<CitecheckOptions> = {}): CitecheckOptions {
  return {
    ...DEFAULTS,
    allowPrivate: true,
    hostIntervalMs: 0,
    retryBaseDelayMs: 5,
    retries: 2,
    timeoutMs: 5_000,
    connectTimeoutMs: 2_000,
    headersTimeoutMs: 3_000,
    bodyTimeoutMs: 3_000,
    ...overrides,
  };
}
