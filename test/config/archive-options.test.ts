import { describe, expect, it } from 'vitest';
import { parseConfirmRule } from '../../src/config/confirm-rule.js';
import { resolveOptions } from '../../src/config/resolve.js';
import { validateConfig } from '../../src/config/load.js';

describe('archive options', () => {
  it('defaults to looking up failing citations on the Wayback Machine, no drift, no confirm', () => {
    const options = resolveOptions(undefined, {});
    expect(options.archive).toBe('failing');
    expect(options.archiveEndpoint).toBe('https://web.archive.org');
    expect(options.drift).toBe(false);
    expect(options.confirm).toBeUndefined();
  });

  it('reads --archive, --archive-endpoint (trailing slash dropped), --drift and --confirm', () => {
    const options = resolveOptions(undefined, {
      archive: 'all',
      archiveEndpoint: 'http://127.0.0.9:8080/pywb/',
      drift: true,
      confirm: '3x3d',
      cache: 'c.json',
    });
    expect(options.archive).toBe('all');
    expect(options.archiveEndpoint).toBe('http://127.0.0.9:8080/pywb');
    expect(options.drift).toBe(true);
    expect(options.confirm).toEqual({ checks: 3, spanMs: 3 * 86_400_000 });
  });

  it('parses n x span and refuses anything else', () => {
    expect(parseConfirmRule('2x12h')).toEqual({ checks: 2, spanMs: 12 * 3_600_000 });
    expect(parseConfirmRule(' 1 x 500ms ')).toEqual({ checks: 1, spanMs: 500 });
    for (const bad of ['3', 'x3d', '0x1d', '3x', '3xsoon', '-1x1d']) expect(parseConfirmRule(bad), bad).toBeUndefined();
  });

  it('refuses bad values with the option named (exit 2 errors)', () => {
    expect(() => resolveOptions(undefined, { archive: 'sometimes' as never })).toThrow(/--archive/);
    expect(() => resolveOptions(undefined, { archiveEndpoint: 'ftp://archive' })).toThrow(/--archive-endpoint/);
    expect(() => resolveOptions(undefined, { archiveEndpoint: 'http://a/?x=1' })).toThrow(/--archive-endpoint/);
    expect(() => resolveOptions(undefined, { confirm: '3y', cache: 'c.json' })).toThrow(/--confirm/);
  });

  it('--confirm needs the cache; --drift needs archive lookups', () => {
    expect(() => resolveOptions(undefined, { confirm: '3x3d' })).toThrow(/--cache/);
    expect(() => resolveOptions({ label: 'c.json', config: { cache: true } }, { confirm: '3x3d' })).not.toThrow();
    expect(() => resolveOptions(undefined, { drift: true, archive: 'never' })).toThrow(/--archive never/);
  });

  it('accepts the keys in the config file schema', async () => {
    const config = await validateConfig(
      { archive: 'never', archiveEndpoint: 'https://archive.example.net', confirm: '3x3d', drift: false },
      'c.json',
    );
    expect(config.archive).toBe('never');
    await expect(validateConfig({ archive: 'some' }, 'c.json')).rejects.toThrow(/archive/);
    await expect(validateConfig({ confirm: 'often' }, 'c.json')).rejects.toThrow(/confirm/);
  });
});
