import { describe, expect, it } from 'vitest';
import { researchReports } from '../../src/extract/research-subjects.js';
import { unquoted } from '../../src/extract/signals.js';
import { attributionsOf as attributed } from '../helpers/claim-posts.js';
import { runCli } from '../cli/run-cli.js';
import { growthRatio } from '../helpers/linear-time.js';

/** The research-report evidence of a paragraph, as signals.ts asks for it. */
const reports = (text: string): string[] => researchReports(unquoted(text), 3);

describe('research told as a story (issue 8)', () => {
  it.each([
    [
      'research people, after a clause leading the sentence',
      'To test the idea, the psychologists recruited a group of sailors to sort coloured tiles.',
      ['the psychologists recruited'],
    ],
    [
      'the participants, with an adverb and an auxiliary',
      'Once the lights went out, the participants then had to point at the last tile they saw.',
      ['the participants then had to'],
    ],
    [
      'a passive and "were able to"',
      'By comparing both rounds, the investigators were able to separate guessing from memory.',
      ['the investigators were able'],
    ],
    [
      'a survey respondent, one of many',
      'One poll respondent named “slow trains and slower buses” as the worst part of the week.',
      ['poll respondent named'],
    ],
    [
      'a named researcher and colleagues',
      'Prof. Okafor and her colleagues began from a hunch about sleep and seasons.',
      ['Okafor and her colleagues began'],
    ],
    [
      'a team of researchers and its affiliation',
      'A team of scientists at Lund University in Skåne, Sweden, set out to count the moths.',
      ['A team of scientists at Lund University in Skåne, Sweden, set'],
    ],
    [
      'the work itself, with a determiner',
      'The study followed the volunteers for two winters in the north.',
      ['The study followed'],
    ],
    [
      'a named expert in an apposition',
      'Mira Solberg, chief economist at a Bergen shipping bank, weighed in on the freight figures.',
      ['Mira Solberg … weighed'],
    ],
    [
      'what the researchers did, in a relative clause',
      'The tile counts matched what the researchers measured in the first round.',
      ['the researchers measured'],
    ],
    [
      'a "we" in another sentence of the paragraph',
      'We still do not know why sailors misremember colours. A team of psychologists at Lund University set out to find out.',
      ['A team of psychologists at Lund University set'],
    ],
    [
      'a "we" after the verb, in the same sentence',
      'Dr. Okafor and colleagues tested the tiles twice, and we think they are right.',
      ['Okafor and colleagues tested'],
    ],
  ])('%s', (_name, text, found) => {
    expect(reports(text)).toEqual(found);
    // It is an attribution of the paragraph, with the words that made it one.
    expect(attributed(text)).toEqual(expect.arrayContaining(found));
  });

  it.each([
    ['the writer’s own study', 'We recruited forty sailors. The participants sorted coloured tiles for an hour.'],
    ['our participants', 'After the break, our participants sorted the tiles again.'],
    ['"our" earlier in the actor’s sentence', 'In our harbour survey, the participants sorted tiles all morning.'],
    ['"we" between the actor and its verb', 'The researchers we met last winter counted the tiles.'],
    [
      'a paragraph telling the writer’s own study, its "we" in another sentence',
      'The participants sorted coloured tiles for an hour. Then we measured how many they remembered.',
    ],
    ['a plan', 'Next spring the researchers will repeat the count in the south.'],
    ['a question', 'Why did the researchers choose sailors for this?'],
    ['research people as an object', 'The tiles were handed out by the researchers at the door.'],
    ['the number of them', 'The number of participants doubled in the second winter.'],
    ['a verb, not the work', 'Students study the tiles before the test.'],
    ['present tense framing', 'A new study looks at how sailors remember colours.'],
    ['advice', 'Ask the participants to sort the tiles before you start the timer.'],
    ['a team with no research', 'The team played well and the fans cheered.'],
    ['a speaker’s own words in quotes', '“The participants sorted the tiles,” is how the sign read.'],
    ['a request, not a question put to people', 'The scientists asked for more funding at the council meeting.'],
    ['where people went', 'The researchers left the harbour at six and went home.'],
    ['a schedule', 'The study began on Monday at the harbour in Port Elwood.'],
    ['a court’s trial', 'The trial collapsed on Thursday after a juror fell ill.'],
  ])('not %s', (_name, text) => {
    expect(reports(text)).toEqual([]);
  });

  it('in a post of the writer’s own research, its participants are that research; a named outside expert is not', async () => {
    const run = async (...paragraphs: string[]) => {
      const result = await runCli(['check', '--offline', '--format', 'json', '--fail-on', 'never', '-'], {
        stdin: ['# Sailors and colours', '', ...paragraphs.flatMap((p) => [p, ''])].join('\n'),
      });
      const report = JSON.parse(result.stdout) as {
        posts: Array<{ blocks: Array<{ text: string; evidence?: Array<{ signal: string; text: string }> }> }>;
      };
      return report.posts[0].blocks.map((b) => (b.evidence ?? []).map((e) => e.text));
    };
    const tiles = 'The participants sorted coloured tiles for an hour before the lights went out.';
    const expert = 'Mira Solberg, chief economist at a Bergen shipping bank, weighed in on the tile counts.';
    // Someone else's study: both paragraphs report it.
    const theirs = await run('The harbour museum asked sailors about colours last winter.', tiles, expert);
    expect(theirs[2]).toEqual(['The participants sorted']);
    expect(theirs[3]).toContain('Mira Solberg … weighed');
    // The writer's own study (said in another paragraph): the participants are theirs.
    const ours = await run('For this piece we recruited forty sailors from the harbour.', tiles, expert);
    expect(ours[2]).toEqual([]);
    expect(ours[3]).toContain('Mira Solberg … weighed');
    // A researcher quoted saying "our findings" does not make the study the writer's.
    const quoted = await run('“Our findings surprised us,” said Mira Solberg of the harbour museum.', tiles);
    expect(quoted[2]).toEqual(['The participants sorted']);
  });

  it('keeps at most the evidence asked for, once each', () => {
    const text = 'The researchers counted moths. The researchers counted moths. The participants rested.';
    expect(reports(text)).toEqual(['The researchers counted', 'The participants rested']);
    expect(researchReports(text, 1)).toEqual(['The researchers counted']);
    expect(researchReports(text, 0)).toEqual([]);
  });

  it('flags such a paragraph of a post as an uncited claim, and says why in JSON', async () => {
    const page = [
      '# Sailors and colours',
      '',
      'To test the idea, the psychologists recruited a group of sailors to sort coloured tiles.',
      '',
      'Pour the tea and enjoy the view.',
      '',
    ].join('\n');
    const result = await runCli(['check', '--offline', '--format', 'json', '--fail-on', 'never', '-'], {
      stdin: page,
    });
    const report = JSON.parse(result.stdout) as {
      posts: Array<{
        blocks: Array<{ text: string; isClaim: boolean; evidence?: Array<{ signal: string; text: string }> }>;
      }>;
      findings: Array<{ code: string; message: string }>;
    };
    const blocks = report.posts[0].blocks.filter((b) => b.text.includes('psychologists') || b.text.includes('tea'));
    expect(blocks.map((b) => b.isClaim)).toEqual([true, false]);
    expect(blocks[0].evidence).toEqual([{ signal: 'attribution', text: 'the psychologists recruited' }]);
    expect(report.findings.filter((f) => f.code === 'CLAIM_UNCITED').map((f) => f.message)).toEqual([
      'Claim has no link to a source (attribution “the psychologists recruited”).',
    ]);
  });
});

describe('research reports grow linearly (issue 13)', () => {
  // The rule alone (the other signals have growth tests of their own): bounded windows around
  // each actor and role word, and a sentence end that only moves forward.
  const signalsOf = (text: string) => (): void => void reports(text);

  it.each([
    ['actors without verbs', 'the researchers '],
    ['questions', 'the researchers used? '],
    ['affiliations without verbs', 'researchers at Lund of the Bergen and '],
    ['appositions without verbs', 'Mira Solberg, analyst analyst fellow, '],
    ['named groups', 'Okafor and colleagues and colleagues '],
    ['actors with verbs after a "we", no sentence end', 'we the researchers found '],
    ['actors with verbs, each sentence with a "we"', 'We know. The researchers found it. '],
  ])('a 4 MB paragraph of %s', (_name, unit) => {
    const paragraph = (chars: number): string => unit.repeat(Math.ceil(chars / unit.length));
    expect(growthRatio(signalsOf(paragraph(1_000_000)), signalsOf(paragraph(4_000_000)), 8)).toBeLessThan(8);
  });

  it('100,000 paragraphs of research told as a story', () => {
    const paragraphs = (n: number): string[] =>
      Array.from(
        { length: n },
        (_, i) => `To test it, the scientists asked ${i} sailors to sort tiles; the participants were able to.`,
      );
    const small = paragraphs(25_000);
    const large = paragraphs(100_000);
    const run = (texts: string[]) => (): void => {
      for (const text of texts) reports(text);
    };
    expect(growthRatio(run(small), run(large), 8)).toBeLessThan(8);
  });
});
