import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveOptions } from '../../src/config/resolve.js';
import { CitecheckError } from '../../src/errors.js';
import { renderGithubAnnotations } from '../../src/formatters/github.js';
import { FORMATTERS, type FormatName } from '../../src/formatters/index.js';
import { exitCodeForReport } from '../../src/report/build.js';
import { runExtract } from '../../src/run.js';
import { readWxr } from '../../src/sources/wxr.js';
import { notInert } from '../helpers/inert-output.js';
import { htmlPage, markdownPost, wordPressExport, wxrExport } from './post-shapes.js';

// A fixed seed keeps the suite deterministic; CITECHECK_FUZZ_SEED and CITECHECK_FUZZ_RUNS explore further.
const SEED = Number(process.env.CITECHECK_FUZZ_SEED ?? 13);
const RUNS = Number(process.env.CITECHECK_FUZZ_RUNS ?? 40);

/**
 * Runs one input through the library as `check --offline` would, from standard input (the format
 * sniffed), and renders every format. Returns the exit code the CLI would give: 0 or 1 from the
 * report, 2 for an input error. Anything else thrown is a crash and fails the property.
 */
async function pipeline(text: string): Promise<number> {
  const options = resolveOptions(undefined, { offline: true });
  let report;
  try {
    report = await runExtract(['-'], options, { readStdin: async () => Buffer.from(text), onWarning: () => {} });
  } catch (error) {
    if (error instanceof CitecheckError) return 2;
    throw error;
  }
  for (const name of Object.keys(FORMATTERS) as FormatName[]) {
    const out = FORMATTERS[name].render(report, { cwd: '/work' });
    expect(out.length, name).toBeGreaterThan(0);
  }
  // What reaches a terminal or a CI log is inert whatever the post says.
  expect(notInert(FORMATTERS.terminal.render(report))).toBeUndefined();
  expect(notInert(renderGithubAnnotations(report))).toBeUndefined();
  expect(() => JSON.parse(FORMATTERS.json.render(report))).not.toThrow();
  return exitCodeForReport(report, 'error');
}

describe('fuzz: hostile posts through the library pipeline end in exit 0, 1 or 2, never a crash', () => {
  it.each([
    ['WordPress JSON', wordPressExport],
    ['HTML', htmlPage],
    ['Markdown', markdownPost],
    ['WordPress export (WXR)', wxrExport],
  ] as const)('%s', async (_format, posts) => {
    await fc.assert(
      fc.asyncProperty(posts, async (text) => {
        expect([0, 1, 2]).toContain(await pipeline(text));
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });
});

describe('fuzz: a WordPress export read as a stream gives the same posts however it is cut', () => {
  /** The posts of an export read in these chunks (fields capped at `maxInputBytes`), or the error's class and message. */
  async function read(chunks: readonly Uint8Array[], maxInputBytes?: number) {
    async function* stream() {
      yield* chunks;
    }
    try {
      const posts = [];
      const warnings: string[] = [];
      const options = {
        source: 'export.xml',
        statuses: ['publish'],
        maxInputBytes,
        onWarning: (w: string) => warnings.push(w),
      };
      for await (const post of readWxr(stream(), options)) posts.push(post);
      return { posts, warnings };
    } catch (error) {
      if (!(error instanceof CitecheckError)) throw error;
      return { error: `${error.constructor.name}: ${error.message}` };
    }
  }
  const cutPoints = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 40 });

  /** `bytes` cut at `cuts` (fractions of its length); every other cut inside a UTF-8 character. */
  function cutUp(bytes: Buffer, cuts: readonly number[]): Uint8Array[] {
    const inside = [...bytes.keys()].filter((i) => bytes[i] >= 0x80 && bytes[i] < 0xc0);
    const cutAt = (c: number, i: number) =>
      i % 2 === 1 && inside.length > 0 ? inside[Math.floor(c * inside.length)] : Math.floor(c * bytes.length);
    const at = [...new Set(cuts.map(cutAt))].sort((a, b) => a - b);
    return [0, ...at].map((from, i) => bytes.subarray(from, at[i] ?? bytes.length));
  }

  it('whatever the chunk boundaries (in a UTF-8 character, a tag, a CDATA marker)', async () => {
    await fc.assert(
      fc.asyncProperty(wxrExport, cutPoints, async (xml, cuts) => {
        const bytes = Buffer.from(xml);
        expect(await read(cutUp(bytes, cuts))).toEqual(await read([bytes]));
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it('and the same fields left out over --max-input-bytes, with the same warnings', async () => {
    let leftOut = 0;
    await fc.assert(
      fc.asyncProperty(wxrExport, cutPoints, fc.integer({ min: 8, max: 400 }), async (xml, cuts, cap) => {
        const bytes = Buffer.from(xml);
        const whole = await read([bytes], cap);
        leftOut += whole.warnings?.length ?? 0;
        expect(await read(cutUp(bytes, cuts), cap)).toEqual(whole);
      }),
      { numRuns: RUNS, seed: SEED },
    );
    // The property saw fields over the cap, not only exports under it.
    expect(leftOut).toBeGreaterThan(0);
  });
});
