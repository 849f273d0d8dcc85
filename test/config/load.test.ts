import { symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { ConfigError } from '../../src/errors.js';
import { tempDir } from '../helpers/temp-dir.js';

async function dirWith(files: Record<string, string>): Promise<string> {
  const dir = await tempDir('citecheck-config-');
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text);
  return dir;
}

describe('loadConfig', () => {
  it('finds citecheck.config.json first', async () => {
    const dir = await dirWith({
      'citecheck.config.json': JSON.stringify({ concurrency: 3 }),
      'package.json': JSON.stringify({ citecheck: { concurrency: 4 } }),
    });
    expect(await loadConfig(dir)).toMatchObject({ file: 'citecheck.config.json', config: { concurrency: 3 } });
  });

  it('falls back to the citecheck key of package.json, then to nothing', async () => {
    const dir = await dirWith({ 'package.json': JSON.stringify({ name: 'x', citecheck: { failOn: 'warning' } }) });
    expect((await loadConfig(dir))?.config).toEqual({ failOn: 'warning' });
    expect(await loadConfig(await dirWith({ 'package.json': '{"name":"x"}' }))).toBeUndefined();
  });

  // A pull request's checkout can make the config a symbolic link (git keeps them): to a runner's
  // secret file, whose first characters the "not valid JSON" error quoted, or to /dev/zero, read
  // to V8's string limit (14 s, 0.6 GB; /dev/urandom 45 s, 1.1 GB). Issue 13 audit.
  it('refuses a found config file that links outside the working directory; skips such a package.json', async () => {
    const outside = await dirWith({ 'secret.txt': 'TOKEN=abc123' });
    const dir = await dirWith({});
    await symlink(path.join(outside, 'secret.txt'), path.join(dir, 'citecheck.config.json'));
    const error = await loadConfig(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toBe(
      'citecheck.config.json: a link leading outside the working directory; a config file found here is read only inside it (name one elsewhere with --config)',
    );
    // A package.json linking outside is not read either, but it is mostly another tool's file
    // (Nix, Bazel, stow link it): the run goes on without it, with a warning, rather than stopping.
    const pkg = await dirWith({});
    await writeFile(path.join(outside, 'package.json'), JSON.stringify({ citecheck: { concurrency: 9 } }));
    await symlink(path.join(outside, 'package.json'), path.join(pkg, 'package.json'));
    const warnings: string[] = [];
    expect(await loadConfig(pkg, undefined, (m) => warnings.push(m))).toBeUndefined();
    expect(warnings).toEqual([
      'package.json: a link leading outside the working directory; a config file found here is read only inside it (name one elsewhere with --config); its "citecheck" key, if any, is not used',
    ]);
    const secret = await dirWith({});
    await symlink(path.join(outside, 'secret.txt'), path.join(secret, 'package.json'));
    expect(String(await loadConfig(secret, undefined, (m) => warnings.push(m)))).not.toMatch(/TOKEN/);
    expect(warnings.join('\n')).not.toMatch(/TOKEN/);
    // A link inside it is read.
    const inside = await dirWith({ 'real.json': '{"concurrency":5}' });
    await symlink('real.json', path.join(inside, 'citecheck.config.json'));
    expect((await loadConfig(inside))?.config).toEqual({ concurrency: 5 });
  });

  it('reads a regular file of at most 1 MiB, named or found', async () => {
    const dir = await dirWith({ 'big.json': `{"exclude":["${'a'.repeat(1 << 20)}"]}` });
    await expect(loadConfig(dir, 'big.json')).rejects.toThrow(/^big\.json: larger than 1048576 bytes$/);
    // Named with --config, a device or pipe is read up to the cap (`--config <(jq …)`): /dev/zero
    // ends in the size error at once; a folder is still refused.
    await expect(loadConfig(dir, '/dev/zero')).rejects.toThrow(/^\/dev\/zero: larger than 1048576 bytes$/);
    await expect(loadConfig(dir, dir)).rejects.toThrow(/: not a regular file$/);
    await symlink('/dev/zero', path.join(dir, 'citecheck.config.json'));
    await expect(loadConfig(dir)).rejects.toThrow(ConfigError);
  });

  it('names an unknown key, nested ones with their path', async () => {
    const dir = await dirWith({
      'a.json': JSON.stringify({ concurency: 3 }),
      'b.json': JSON.stringify({ hosts: { 'x.org': { intervall: '1s' } } }),
      'c.json': JSON.stringify({ failOn: 'sometimes' }),
      'd.json': JSON.stringify({ retries: 'three' }),
      'e.json': '{ not json',
    });
    await expect(loadConfig(dir, 'a.json')).rejects.toThrow(/unknown key "concurency"/);
    await expect(loadConfig(dir, 'b.json')).rejects.toThrow(/unknown key "hosts\.x\.org\.intervall"/);
    await expect(loadConfig(dir, 'c.json')).rejects.toThrow(/"failOn" must be one of/);
    await expect(loadConfig(dir, 'd.json')).rejects.toThrow(/"retries"/);
    await expect(loadConfig(dir, 'e.json')).rejects.toThrow(ConfigError);
    await expect(loadConfig(dir, 'missing.json')).rejects.toThrow(/config file not found: missing\.json/);
  });

  it('names a wrong type in a user’s words, not a validator’s ("must be integer")', async () => {
    const dir = await dirWith({
      'a.json': '[]',
      'b.json': JSON.stringify({ hostConcurrency: 1.5 }),
      'c.json': JSON.stringify({ hosts: 'x.org' }),
    });
    await expect(loadConfig(dir, 'a.json')).rejects.toThrow(/the configuration must be an object/);
    await expect(loadConfig(dir, 'b.json')).rejects.toThrow(/"hostConcurrency" must be a whole number$/);
    await expect(loadConfig(dir, 'c.json')).rejects.toThrow(/"hosts" must be an object/);
  });

  it('describes a bad duration as a duration, in the words the flags use', async () => {
    const dir = await dirWith({
      'a.json': JSON.stringify({ timeout: '5parsecs' }),
      'b.json': JSON.stringify({ timeout: -1 }),
      'c.json': JSON.stringify({ hosts: { 'x.org': { interval: 'soon' } } }),
    });
    await expect(loadConfig(dir, 'a.json')).rejects.toThrow(
      'a.json: "timeout" is not a duration (use 250ms, 2s, 1m, 1h, 1d, or a number of milliseconds)',
    );
    await expect(loadConfig(dir, 'b.json')).rejects.toThrow(/"timeout" is not a duration/);
    await expect(loadConfig(dir, 'c.json')).rejects.toThrow(/"hosts\.x\.org\.interval" is not a duration/);
  });

  it('rejects an invalid regular expression, naming the file and the key (not a flag)', async () => {
    const dir = await dirWith({ 'citecheck.config.json': JSON.stringify({ exclude: ['[unclosed'] }) });
    await expect(loadConfig(dir)).rejects.toThrow(
      'citecheck.config.json: "exclude" has an invalid regular expression: [unclosed',
    );
  });

  it('compiles what it loads: durations in ms, regexes, status matchers per host', async () => {
    const dir = await dirWith({
      'citecheck.config.json': JSON.stringify({
        hostInterval: '2s',
        exclude: ['^https://x\\.org/'],
        hosts: { 'A.org': { accept: '403', interval: '1m' } },
      }),
      'bad.json': JSON.stringify({ hosts: { 'a.org': { accept: '299..200' } } }),
    });
    const loaded = await loadConfig(dir);
    expect(loaded?.layer.hostIntervalMs).toBe(2000);
    expect(loaded?.layer.exclude?.[0].test('https://x.org/y')).toBe(true);
    expect(loaded?.layer.hosts?.['a.org'].intervalMs).toBe(60_000);
    expect(loaded?.layer.hosts?.['a.org'].accept?.(403)).toBe(true);
    await expect(loadConfig(dir, 'bad.json')).rejects.toThrow(
      'bad.json: "hosts.a.org.accept" range 299..200 is reversed',
    );
  });
});
