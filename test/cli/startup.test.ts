import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from './run-cli.js';

/**
 * The modules a file loads before any of its code runs: its static imports and re-exports,
 * followed through our own files (type-only imports and dynamic import() load nothing).
 */
function staticImports(entry: string): { files: string[]; packages: string[] } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (files.has(file)) continue;
    files.add(file);
    const source = readFileSync(file, 'utf8');
    const specifiers = [
      ...source.matchAll(/^(?:import|export)\s+(?!type\b)(?:[^;'"]*?\sfrom\s+)?['"]([^'"]+)['"]/gms),
    ].map((m) => m[1]);
    for (const specifier of specifiers) {
      if (specifier.startsWith('.')) queue.push(path.resolve(path.dirname(file), specifier.replace(/\.js$/, '.ts')));
      else packages.add(specifier);
    }
  }
  return { files: [...files].map((f) => path.relative(ROOT, f)).sort(), packages: [...packages].sort() };
}

describe('start-up', () => {
  it('--version and --help load commander and the option table, not the pipeline', () => {
    const loaded = staticImports(path.join(ROOT, 'src', 'cli', 'bin.ts'));
    // cheerio, undici, ajv, markdown-it… are loaded by the command that needs them, when it runs.
    expect(loaded.packages.filter((p) => !p.startsWith('node:'))).toEqual(['commander']);
    expect(loaded.files).toContain('src/config/option-table.ts');
    expect(loaded.files).not.toContain('src/cli/check-command.ts');
    expect(loaded.files).not.toContain('src/run.ts');
  });

  it('a command loads the pipeline when it runs (the walk follows imports); ajv only with a config file', () => {
    const loaded = staticImports(path.join(ROOT, 'src', 'cli', 'check-command.ts'));
    expect(loaded.files).toEqual(expect.arrayContaining(['src/run.ts', 'src/extract/index.ts']));
    expect(loaded.packages).toContain('htmlparser2');
    // load.ts imports ajv with import() once it has found a config file to validate.
    expect(loaded.packages).not.toContain('ajv');
  });

  it('an offline check of local files loads no HTTP client, archive stage, Markdown, XML or suffix-list parser', () => {
    const loaded = staticImports(path.join(ROOT, 'src', 'cli', 'check-command.ts'));
    // Each is imported with import(), or required on first use, by the run that needs it.
    for (const lazy of ['undici', 'cheerio', 'markdown-it', 'markdown-it-footnote', 'saxes', 'tldts', 'ipaddr.js'])
      expect(loaded.packages).not.toContain(lazy);
    expect(loaded.files).not.toContain('src/check/http-client.ts');
    expect(loaded.files).not.toContain('src/archive/find-archives.ts');
    expect(loaded.files).not.toContain('src/check/fetch-document.ts');
  });

  it("a run never sets up Node's ES module loader (the bin and its launcher are CommonJS), nor loads node:fs/promises", async () => {
    // A preloaded CommonJS probe (an --import one would set the loader up itself) prints the
    // internal modules the process loaded; an ES module run loads the loader's module jobs.
    const dir = mkdtempSync(path.join(os.tmpdir(), 'citecheck-startup-'));
    try {
      const probe = path.join(dir, 'probe.cjs');
      writeFileSync(
        probe,
        "process.on('exit', () => process.stderr.write(`\\nloaded ${process.moduleLoadList.join(',')}\\n`));",
      );
      const page = path.join(dir, 'page.html');
      writeFileSync(
        page,
        '<article><h1>T</h1><p>The council said <a href="https://a.example/">it rose</a>.</p></article>',
      );
      for (const args of [['check', '--offline', '--format', 'json', page], ['--version']]) {
        const { code, stderr } = await runCli(args, { nodeFlags: ['--require', probe] });
        expect(code).toBe(0);
        const loaded = /loaded (.*)/.exec(stderr)?.[1].split(',') ?? [];
        // The probe ran (its list holds what every process loads).
        expect(loaded).toContain('NativeModule path');
        expect(loaded.filter((m) => m.includes('esm/module_job'))).toEqual([]);
        // Nor node:fs/promises, outside Node's snapshot (~6 ms of CPU): reading an input goes
        // through fs's callbacks, every other call loads it when made (src/fs-calls.ts).
        expect(loaded.filter((m) => m.includes('fs/promises'))).toEqual([]);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
