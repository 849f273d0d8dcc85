import { describe, expect, it } from 'vitest';
import { formatByteSize, parseByteSize } from '../../src/config/byte-size.js';
import { validateConfig } from '../../src/config/load.js';
import { resolveOptions } from '../../src/config/resolve.js';
import { ConfigError, UsageError } from '../../src/errors.js';

describe('sizes (--max-input-bytes, --max-body-bytes)', () => {
  it.each([
    ['1048576', 1048576],
    ['512k', 512 * 1024],
    ['512KiB', 512 * 1024],
    ['5M', 5 * 1024 ** 2],
    ['5 mb', 5 * 1024 ** 2],
    ['1.5G', 1.5 * 1024 ** 3],
    ['100b', 100],
  ])('reads %j as %d bytes', (text, bytes) => {
    expect(parseByteSize(text)).toBe(bytes);
  });

  it.each(['', 'k', '5 parsecs', '-1k', '1e6', '5MiBs'])('refuses %j', (text) => {
    expect(parseByteSize(text)).toBeUndefined();
  });

  it('--help shows a default the way it is read back', () => {
    for (const bytes of [50 * 1024 ** 2, 5 * 1024 ** 2, 1536, 1000, 3 * 1024 ** 3])
      expect(parseByteSize(formatByteSize(bytes))).toBe(bytes);
    expect(formatByteSize(50 * 1024 ** 2)).toBe('50MiB');
  });

  it('resolves from the command line and the config file, naming where a bad value came from', async () => {
    expect(resolveOptions(undefined, { maxInputBytes: '2M' }).maxInputBytes).toBe(2 * 1024 ** 2);
    expect(() => resolveOptions(undefined, { maxInputBytes: '2 parsecs' })).toThrow(UsageError);
    expect(() => resolveOptions(undefined, { maxInputBytes: '2 parsecs' })).toThrow(
      /^--max-input-bytes: is not a size/,
    );
    expect(() => resolveOptions(undefined, { maxInputBytes: '0' })).toThrow(
      /^--max-input-bytes: must be at least 1 byte: 0$/,
    );
    const file = { label: 'citecheck.config.json', config: { maxBodyBytes: '1M' } };
    expect(resolveOptions(file).maxBodyBytes).toBe(1024 ** 2);
    await expect(validateConfig({ maxInputBytes: '64k' }, 'citecheck.config.json')).resolves.toEqual({
      maxInputBytes: '64k',
    });
    await expect(validateConfig({ maxInputBytes: '64 parsecs' }, 'citecheck.config.json')).rejects.toThrow(
      /"maxInputBytes" is not a size/,
    );
    await expect(validateConfig({ maxInputBytes: '64 parsecs' }, 'citecheck.config.json')).rejects.toThrow(ConfigError);
  });
});
