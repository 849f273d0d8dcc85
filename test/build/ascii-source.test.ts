import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../cli/run-cli.js';

// scripts/ascii-source.js, which the build runs on each bundle: plain JavaScript, typed here.
const script = path.join(ROOT, 'scripts', 'ascii-source.js');
const { asciiSource } = (await import(script)) as { asciiSource: (file: string) => number };

const dir = mkdtempSync(path.join(tmpdir(), 'citecheck-ascii-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The program rewritten, and what it and the original each return. */
function rewrite(program: string): { ascii: string; before: unknown; after: unknown } {
  const file = path.join(dir, 'program.cjs');
  writeFileSync(file, program);
  asciiSource(file);
  const ascii = readFileSync(file, 'utf8');
  const run = (source: string): unknown => new Function(source)();
  return { ascii, before: run(program), after: run(ascii) };
}

const SAMPLES = ['it’s “quoted” — ok', 'a\\’b', 'x’y', '𝕫 and 𝕒', '«Ünïcödé»', '“', 'plain'];

describe('a bundle rewritten in ASCII is the same program', () => {
  it('regular expression literals match as before, with and without the u flag', () => {
    const patterns = [
      String.raw`/[’“”—]+/g`,
      String.raw`/(?<![\p{L}'’])we’re/giu`,
      String.raw`/x\’y/`,
      String.raw`/\\’/`,
      String.raw`/[𝕒-𝕫]/u`,
      String.raw`/^[←«‹⟵◄◀⇐\s]+/`,
      String.raw`/(?<näme>Ü)/i`,
    ];
    const program = `const res = [${patterns.join(', ')}];
      return res.map((re) => ${JSON.stringify(SAMPLES)}.map((s) => { re.lastIndex = 0; return String(s.match(re)); }));`;
    const { ascii, before, after } = rewrite(program);
    expect(ascii).toMatch(/^[\0-\x7f]*$/);
    expect(after).toEqual(before);
  });

  it('strings and String.raw templates keep their text, cooked and raw', () => {
    const program =
      'return ["’\\\\’", String.raw`^[\\p{L}’]+${"x"}—`, `a—${`b’`}c`, new RegExp(String.raw`[’“]`, "u").source];';
    const { ascii, before, after } = rewrite(program);
    expect(ascii).toMatch(/^[\0-\x7f]*$/);
    expect(after).toEqual(before);
  });

  it('a backslash before a character past ASCII keeps its meaning in strings and templates', () => {
    // `\’` is ’ cooked and `\’` raw; `\` before U+2028 or U+2029 is a line continuation: nothing
    // cooked, itself raw. Built from strings so that the program's source holds them as written.
    const [ls, ps] = ['\u2028', '\u2029'];
    const program = [
      'return [',
      `"a\\’b", "a\\${ls}b", 'c\\${ps}d', "e\\\\’f",`,
      `\`a\\’b\`, \`a\\${ls}b\`, \`c\\${ps}d\`, \`e\\\\’f\`, \`g\\𝕫h\`,`,
      `String.raw\`a\\’b\`, String.raw\`a\\${ls}b\`, String.raw\`c\\${ps}d\`, String.raw\`e\\\\’f\`,`,
      '];',
    ].join('\n');
    const { ascii, before, after } = rewrite(program);
    expect(ascii).toMatch(/^[\0-\x7f]*$/);
    expect(before).toEqual([
      'a’b',
      'ab',
      'cd',
      'e\\’f',
      'a’b',
      'ab',
      'cd',
      'e\\’f',
      'g𝕫h',
      'a\\’b',
      `a\\${ls}b`,
      `c\\${ps}d`,
      'e\\\\’f',
    ]);
    expect(after).toEqual(before);
  });

  it('refuses a template another tag would be handed in another shape', () => {
    const file = path.join(dir, 'tagged.cjs');
    writeFileSync(file, 'const tag = (s) => s.raw; tag`’`;');
    expect(() => asciiSource(file)).toThrow(/non-ASCII/);
  });

  it('the CLI bundles the build wrote are ASCII', () => {
    for (const name of ['cli.bundle.cjs', 'cli.front.cjs'])
      expect(readFileSync(path.join(ROOT, 'dist', name), 'latin1')).toMatch(/^[\0-\x7f]*$/);
  });
});
