import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULTS } from '../../src/config/defaults.js';
import { compileClaimConfig, type ClaimConfig } from '../../src/config/claim-config.js';
import { causalClaims } from '../../src/extract/causal.js';
import { extractOptions, extractPost } from '../../src/extract/index.js';
import { buildReport } from '../../src/report/build.js';
import { parseDocument } from '../../src/sources/index.js';
import type { ExtractedPost, Report } from '../../src/types.js';
import { runCli } from '../cli/run-cli.js';
import { growthRatio } from '../helpers/linear-time.js';

const FIXTURE = new URL('../fixtures/claims/causal-post.md', import.meta.url);

function extract(text: string, claims: ClaimConfig = {}): ExtractedPost {
  const options = { ...DEFAULTS, claims: compileClaimConfig(claims) };
  return extractPost(parseDocument(`${text}\n`, { source: 'p.md' })[0], extractOptions(options));
}

/** The causal evidence of each paragraph of `text` (its blocks in order). */
const causalOf = (text: string, claims: ClaimConfig = {}): string[][] =>
  extract(text, claims).blocks.map((b) => (b.evidence ?? []).filter((e) => e.signal === 'causal').map((e) => e.text));

describe('the causal signal: a general claim of cause and effect told of no one (issue 8)', () => {
  it('flags how a disease spreads, what a thing can become, a change in risk, a link and a likelihood', () => {
    expect(causalOf('Ebola can only be spread through the bodily fluids of people showing signs of it.')).toEqual([
      ['Ebola can only be spread through'],
    ]);
    expect(causalOf('Any species of bacteria can turn into a superbug.')).toEqual([
      ['species of bacteria can turn into'],
    ]);
    expect(causalOf('Eating oily fish twice a week lowers the risk of a second stroke.')).toEqual([
      ['twice a week lowers the risk of'],
    ]);
    expect(causalOf('Night shifts are closely linked to a higher rate of diabetes among nurses.')).toEqual([
      ['Night shifts are closely linked to'],
    ]);
    // The reader as the generic subject of a likelihood is no instruction: shown within its clause.
    expect(
      causalOf('As soon as you pick something up, you’re more likely to buy it because your mind takes ownership.'),
    ).toEqual([['you’re more likely to']]);
    expect(causalOf('Most cases of the disease are caused by a single gene shared by both parents.')).toEqual([
      ['of the disease are caused by'],
    ]);
  });

  it('raises CLAIM_UNCITED for such a paragraph without a link, and none with a link', () => {
    const report = (post: ExtractedPost): Report =>
      buildReport({ posts: [post], results: new Map(), startedAt: new Date(0), durationMs: 0, offline: true });
    const uncited = report(extract('Any species of bacteria can turn into a superbug.'));
    expect(uncited.findings.filter((f) => f.code === 'CLAIM_UNCITED')).toHaveLength(1);
    expect(uncited.posts[0].blocks[0].signals).toEqual(['causal']);
    const cited = report(extract('Any species of bacteria can turn into [a superbug](https://cdc.example/superbugs).'));
    expect(cited.findings.filter((f) => f.code === 'CLAIM_UNCITED')).toEqual([]);
  });

  it('does not flag an instruction, a hypothetical, a question, the writer, speculation or the post’s own thing', () => {
    const paragraphs = [
      'Stir the sauce gently: it is more likely to split when the pan is too hot for the cream.',
      'Then use a lower shelf, since a loaf near the top is more likely to burn before it is baked.',
      'If the flour is old, the loaf is more likely to sink in the middle before the crust sets.',
      'Is a child who skips breakfast more likely to struggle in class than one who eats well?',
      'We found that regulars are more likely to come back when the music is quiet and slow.',
      'My dog is more likely to bark at the postman than at anyone else who comes to the door.',
      'A longer queue would be more likely to put shoppers off than a higher price at the till.',
      'The rule is simple, and this can turn into a long queue at the till on Saturdays.',
      'The old parser has a bug which is linked to the way it reads dates in the header.',
      'Note that this package doesn’t protect against every attack on older versions of the runtime.',
      'Without the cache, your build is more likely to fail on the first run after an upgrade.',
      // The bare verbs are left out: posts say them of their own software and recipes.
      'Heat makes the dough rise, and a missing semicolon causes the build to fail.',
    ];
    expect(causalOf(paragraphs.join('\n\n'))).toEqual(paragraphs.map(() => []));
  });

  it('leaves quoted words to the quote signal', () => {
    const [block] = extract('“Measles is spread through droplets in the air,” the nurse said at the clinic.').blocks;
    expect(block.signals).not.toContain('causal');
    expect(block.signals).toContain('quote');
  });

  it('drops the causal signal of paragraphs matching causalIgnore, from the claims config', () => {
    const text = 'Measles is spread through droplets in the air.\n\nMyth: vaccines are linked to autism in children.';
    expect(causalOf(text).map((e) => e.length > 0)).toEqual([true, true]);
    expect(causalOf(text, { causalIgnore: ['^Myth:'] }).map((e) => e.length > 0)).toEqual([true, false]);
    expect(causalOf(text, { causalIgnore: ['.*'] }).map((e) => e.length > 0)).toEqual([false, false]);
  });

  it('keeps at most the given number of claims, and reads a text without the pattern not at all', () => {
    const text = 'Smokers are more likely to cough. '.repeat(10);
    expect(causalClaims(text, 3)).toHaveLength(3);
    expect(causalClaims('The mayor opened the new bridge on Friday.', 3)).toEqual([]);
  });

  it('grows linearly with a text of guarded causal sentences', () => {
    const make = (n: number): string => 'Then stir it, since this can turn into lumps. '.repeat(n);
    const small = make(20_000);
    const large = make(80_000);
    expect(causalClaims(small, 3)).toEqual([]);
    expect(
      growthRatio(
        () => void causalClaims(small, 3),
        () => void causalClaims(large, 3),
        8,
      ),
    ).toBeLessThan(8);
  });

  it('flags the fixture post through the CLI, with the evidence in JSON, exit 0', async () => {
    const out = await runCli(['check', '--offline', '--format', 'json', FIXTURE.pathname], {});
    expect(out.code).toBe(0);
    const report = JSON.parse(out.stdout) as Report;
    const flagged = report.findings.filter((f) => f.code === 'CLAIM_UNCITED').map((f) => f.block);
    const blocks = report.posts[0].blocks;
    expect(flagged.map((i) => blocks[i ?? -1]?.evidence)).toEqual([
      [{ signal: 'causal', text: 'Measles is spread through' }],
      [{ signal: 'causal', text: "you're more likely to" }],
    ]);
    expect(readFileSync(FIXTURE, 'utf8')).toContain('this can turn into');
  });
});
