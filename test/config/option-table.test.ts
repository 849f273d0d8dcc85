import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { DEFAULTS } from '../../src/config/defaults.js';
import { fieldName, flagName, kebabCase, takesFlag, type OptionDecl } from '../../src/config/option-decl.js';
import { HOST_OPTION_TABLE, OPTION_TABLE, type ConfigFile } from '../../src/config/option-table.js';
import { renderOptionsMarkdown, withOptionsTable } from '../../src/config/options-markdown.js';
import { resolveOptions } from '../../src/config/resolve.js';
import { buildConfigSchema, formatJson } from '../../src/config/schema.js';
import { ROOT, runCli } from '../cli/run-cli.js';

const DECLS: readonly OptionDecl[] = OPTION_TABLE;

describe('the option table', () => {
  it('kebab-cases keys into flags in one way', () => {
    expect(kebabCase('hostInterval')).toBe('host-interval');
    expect(kebabCase('soft404Probe')).toBe('soft-404-probe');
    expect(kebabCase('baseUrl')).toBe('base-url');
  });

  it('declares each flag and each config key once', () => {
    const flags = DECLS.map(flagName).filter((f) => f !== undefined);
    expect(new Set(flags).size).toBe(flags.length);
    const keys = DECLS.filter((d) => d.file !== false).map((d) => d.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('gives every option of the run a compiled default in DEFAULTS', () => {
    for (const decl of DECLS.filter((d) => d.value !== false)) {
      expect(Object.keys(DEFAULTS), decl.key).toContain(fieldName(decl));
    }
  });

  it('writes help sentences the way --help shows them: lower case, no full stop', () => {
    for (const decl of [...DECLS, ...(HOST_OPTION_TABLE as readonly OptionDecl[])]) {
      expect(decl.help, decl.key).not.toMatch(/\.$/);
      // Capitals only where a name needs them ("GET", "TCP/TLS", "User-Agent").
      expect(decl.help, decl.key).not.toMatch(/^[A-Z][a-z]+ /);
    }
  });
});

describe('what is generated from the table (npm run gen)', () => {
  it('the committed JSON Schema is up to date', async () => {
    const committed = await readFile(path.join(ROOT, 'schema', 'citecheck.config.schema.json'), 'utf8');
    expect(committed, 'schema/citecheck.config.schema.json is stale: run npm run gen').toBe(
      formatJson(buildConfigSchema()),
    );
  });

  it("the README's option table is up to date", async () => {
    const readme = await readFile(path.join(ROOT, 'README.md'), 'utf8');
    expect(readme, "README.md's option table is stale: run npm run gen").toBe(
      withOptionsTable(readme, renderOptionsMarkdown()),
    );
  });

  it('the schema and the validators agree on what a config file may hold', () => {
    const validate = new Ajv({ strict: false }).compile(buildConfigSchema());
    const good: ConfigFile = {
      $schema: './schema.json',
      concurrency: 8,
      hostInterval: '250ms',
      timeout: 3000,
      accept: '200..299, 403',
      exclude: ['^https://x\\.org/'],
      headers: { 'X-Key': 'v' },
      cache: true,
      failOn: 'warning',
      baseUrl: 'https://blog.example.org/',
      reports: ['html', 'sarif:out/x.sarif'],
      hosts: { 'a.org': { interval: '1s', concurrency: 1, accept: '403', headers: { A: 'b' }, check: false } },
    };
    expect(validate(good), JSON.stringify(validate.errors)).toBe(true);
    expect(() => resolveOptions({ label: 'f', config: good }, {})).not.toThrow();
    for (const bad of [
      { concurrency: 0 },
      { retries: 11 },
      { hostInterval: 'soon' },
      { method: 'post' },
      { accept: '2xx' },
      { baseUrl: '/relative/' },
      { cache: '' },
      { hosts: { 'a.org': { interval: 'soon' } } },
    ]) {
      expect(validate(bad), JSON.stringify(bad)).toBe(false);
      expect(() => resolveOptions({ label: 'f', config: bad as object }, {}), JSON.stringify(bad)).toThrow();
    }
  });
});

describe('--help', () => {
  it.each(['check', 'extract', 'wp', 'fix'] as const)(
    '%s --help shows the flags the table gives it, and no other',
    async (command) => {
      const result = await runCli([command, '--help']);
      expect(result.code).toBe(0);
      const shown = new Set([...result.stdout.matchAll(/^\s+(--[a-z0-9-]+)/gm)].map((m) => m[1]));
      shown.delete('--help');
      const declared = DECLS.filter((d) => takesFlag(d, command)).map((d) => `--${flagName(d)}`);
      expect([...shown].sort()).toEqual([...declared].sort());
    },
  );

  it('offers --format to the commands that print a report, not to fix (it prints a diff)', async () => {
    expect((await runCli(['check', '--help'])).stdout).toMatch(/^\s+--format <name>/m);
    expect((await runCli(['fix', '--help'])).stdout).not.toContain('--format');
    const refused = await runCli(['fix', 'post.md', '--format', 'json', '--no-config']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(
      "citecheck: unknown option '--format' (fix prints a diff on stdout; write a report with --report FORMAT[:PATH])\n",
    );
  });

  it('shows the default the table declares', async () => {
    const help = (await runCli(['wp', '--help'])).stdout.replace(/\s+/g, ' ');
    expect(help).toMatch(/--max-body-bytes <size> cap on response body bytes read \(default: 5MiB\)/);
    expect(help).toMatch(/--cache-max-age <duration> how long an ok result is reused from the cache \(default: 1d\)/);
    expect(help).toMatch(/--user-agent <ua> User-Agent header \(default: citecheck\/\d/);
    expect(help).toMatch(/--method <method> .*\(choices: "get", "head", default: get\)/);
    expect(help).toMatch(/--type <list> .*\(default: posts,pages\)/);
  });
});
