import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { InputError, UsageError } from '../../src/errors.js';

describe('main: the one top-level catch', () => {
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  afterEach(() => stderr.mockClear());

  const written = (): string => stderr.mock.calls.map((c) => String(c[0])).join('');

  it('returns the command exit code', async () => {
    expect(await main(['check', 'x'], { check: async () => 1, extract: async () => 0 })).toBe(1);
  });

  it('maps user errors to exit 2 with one line and no stack', async () => {
    const code = await main(['extract', 'x'], {
      check: async () => 0,
      extract: async () => {
        throw new InputError('x: not a WordPress post');
      },
    });
    expect(code).toBe(2);
    expect(written()).toBe('citecheck: x: not a WordPress post\n');
  });

  it('maps a bug to exit 3 with a hint to report it', async () => {
    const code = await main(['check', 'x'], {
      check: async () => {
        throw new TypeError('cannot read properties of undefined');
      },
      extract: async () => 0,
    });
    expect(code).toBe(3);
    expect(written()).toMatch(/internal error .*bug.*report/i);
    expect(written()).toContain('TypeError');
  });

  it('maps commander parse errors to exit 2 and help to exit 0', async () => {
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      expect(await main(['check'], { check: async () => 0, extract: async () => 0 })).toBe(2);
      expect(await main(['frobnicate'], { check: async () => 0, extract: async () => 0 })).toBe(2);
      expect(await main(['--help'], { check: async () => 0, extract: async () => 0 })).toBe(0);
      expect(await main(['check', 'x', '--format', 'pdf'], { check: async () => 0, extract: async () => 0 })).toBe(2);
      expect(written()).toMatch(/citecheck: .*pdf/);
    } finally {
      out.mockRestore();
    }
  });

  it('a UsageError thrown inside a command is exit 2', async () => {
    const code = await main(['check', 'x'], {
      check: async () => {
        throw new UsageError('--concurrency: expected a whole number');
      },
      extract: async () => 0,
    });
    expect(code).toBe(2);
  });
});
