import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULTS } from '../../src/config/defaults.js';
import { compileClaimConfig, type ClaimConfig } from '../../src/config/claim-config.js';
import { extractOptions, extractPost } from '../../src/extract/index.js';
import { buildReport } from '../../src/report/build.js';
import { parseDocument } from '../../src/sources/index.js';
import type { ExtractedPost, Report } from '../../src/types.js';
import { runCli } from '../cli/run-cli.js';
import { tempDirSync } from '../helpers/temp-dir.js';

const FIXTURES = new URL('../fixtures/claims/', import.meta.url);

function extract(text: string, claims: ClaimConfig = {}): ExtractedPost {
  const options = { ...DEFAULTS, claims: compileClaimConfig(claims) };
  return extractPost(parseDocument(`${text}\n`, { source: 'p.md' })[0], extractOptions(options));
}

function report(posts: ExtractedPost[]): Report {
  return buildReport({ posts, results: new Map(), startedAt: new Date(0), durationMs: 0, offline: true });
}

/** Precision and recall of CLAIM_UNCITED on a labelled set (each paragraph its own post). */
function score(name: string): { precision: number; recall: number } {
  const { paragraphs } = JSON.parse(readFileSync(new URL(name, FIXTURES), 'utf8')) as {
    paragraphs: Array<{ text: string; needsSource: boolean }>;
  };
  const r = report(paragraphs.map((p) => extract(p.text)));
  const flagged = new Set(r.findings.filter((f) => f.code === 'CLAIM_UNCITED').map((f) => f.post));
  let tp = 0;
  let fp = 0;
  let fn = 0;
  paragraphs.forEach((p, i) => {
    if (flagged.has(i) && p.needsSource) tp++;
    else if (flagged.has(i)) fp++;
    else if (p.needsSource) fn++;
  });
  return { precision: tp / (tp + fp), recall: tp / (tp + fn) };
}

describe('CLAIM_UNCITED on labelled paragraphs (issue 8 aims: precision ≥ 0.7, recall ≥ 0.8)', () => {
  // Before these rules: 0.44 / 0.96 and 0.45 / 0.88 (`node bench/claims.js` prints the figures).
  it.each(['labelled-paragraphs.json', 'held-out-paragraphs.json'])('%s', (name) => {
    const { precision, recall } = score(name);
    expect(precision).toBeGreaterThanOrEqual(0.7);
    expect(recall).toBeGreaterThanOrEqual(0.8);
  });
});

const LINK = /\[([^\]]+)\]\(([^)\s]+)\)/g;

/** Precision and recall of CLAIM_UNCITED on labelled whole pages (each one HTML post, as bench/claims.js builds it). */
function scorePages(name: string): { precision: number; recall: number } {
  const { pages } = JSON.parse(readFileSync(new URL(name, FIXTURES), 'utf8')) as {
    pages: Array<{
      name: string;
      title?: string;
      url: string;
      head?: string;
      paragraphs: Array<{ text: string; needsSource: boolean; tag?: string }>;
    }>;
  };
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const page of pages) {
    const body = page.paragraphs
      .map((p) => {
        const tag = p.tag ?? 'p';
        return `<${tag}>${p.text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(LINK, '<a href="$2">$1</a>')}</${tag}>`;
      })
      .join('\n');
    const title =
      page.title === undefined ? '' : `<title>${page.title.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</title>`;
    const html = `<html><head>${title}<link rel="canonical" href="${page.url}">${page.head ?? ''}</head><body><article>${body}</article></body></html>`;
    const post = extractPost(parseDocument(html, { source: `${page.name}.html` })[0]);
    const flagged = new Set(
      report([post])
        .findings.filter((f) => f.code === 'CLAIM_UNCITED')
        .map((f) => f.block),
    );
    for (const p of page.paragraphs) {
      const block = post.blocks.find((b) => b.text.startsWith(p.text.replace(LINK, '$1').slice(0, 40)));
      const hit = block !== undefined && flagged.has(block.index);
      if (hit && p.needsSource) tp++;
      else if (hit) fp++;
      else if (p.needsSource) fn++;
    }
  }
  return { precision: tp / (tp + fp), recall: tp / (tp + fn) };
}

describe('CLAIM_UNCITED on labelled whole pages in the shapes of real ones (wire story, first-person account, counters, firsthand reporting)', () => {
  // firsthand-pages.json was 0.51 / 0.91 before the firsthand rules; firsthand-held-out.json, written after them, 0.46 / 0.87.
  // provenance-pages.json was 0.48 / 0.89 before the syndication, interview, profile-link, announcement and quote-intro rules.
  it.each(['page-shapes.json', 'firsthand-pages.json', 'firsthand-held-out.json', 'provenance-pages.json'])(
    '%s',
    (name) => {
      const { precision, recall } = scorePages(name);
      expect(precision).toBeGreaterThanOrEqual(0.7);
      expect(recall).toBeGreaterThanOrEqual(0.8);
    },
  );
});

/** The words behind one signal of a text, extracted as a Markdown paragraph. */
function evidence(text: string, signal: string): string[] {
  return (extract(text).blocks[0].evidence ?? []).filter((e) => e.signal === signal).map((e) => e.text);
}

describe('the figure signal', () => {
  it.each([
    ['version numbers', 'The plugin went from v1.1 to 1.4.2, then version 0.1 of the fork.'],
    ['a decimal after "released"', 'The team released 0.1 on a Friday.'],
    ['a bare decimal after "in" or "since"', 'The composer in 2.8 has a full-screen mode, stable since 2.4.'],
    ['figures of an instruction after a condition', 'If it was a gift, mark it as $0 on the list.'],
    ['a product version', 'The site runs on Python 3.12 and Node 20.11 now.'],
    ['model and unit names', 'An LGP-30, a B-52, the 18F team, a 4K screen and the iPhone 15 came up.'],
    ['ordinals', 'It was the 3rd time, and the 21st of its kind.'],
    ['dates and times', 'The call is on 2024-05-12 at 18:30, or March 3 at 9am.'],
    ['years and decades alone', 'It began in 2009 and peaked in the 1990s revival.'],
    ['chapter, section, step and port numbers', 'Chapter 3, section 4.2 and step 2 say to use port 8080.'],
    ['code', 'The config sets `retries = 100` for the importer.'],
    ['a language standard after "++"', 'Lambdas were widened in C++14, and C++0x had none.'],
    ['figures of the author', 'Our team of 4 ran 5k in 28 minutes.'],
    ['figures of an instruction', 'Bake for 25 minutes at 180°C.'],
    ['a like counter', '861'],
    ['a share counter with its label', '1,204 shares'],
    ['a comment count', 'Comments (5 posted)'],
    ['a figure in words of the author', 'I must have read half a million words of it.'],
    ['a proportion of the author', 'We lost two out of three seedlings in the frost.'],
    ['"dozens of" alone (a weak figure)', 'The committee has received dozens of submissions on the subject.'],
    ['a program moved to a version', 'Bumped Node to 20 and pinned React to 18.'],
    ['figures of an instruction after a label', 'Note: use port 8080, and set retries to 300.'],
    ['a short code to call', 'Anyone who saw the crash at the quay is asked to call 101 or dial 999.'],
    ['a phone number with its trunk zero', 'Contact the harbour line anonymously on 0800 555 111 at any hour.'],
    ['an international number', 'U.S. Dial-In Number: +1 866 543 6403, and from abroad +44 20 7946 0958.'],
    ['a North American number', 'The desk takes calls at (212) 555-0100 and 212-555-0199 on weekdays.'],
    ['a time frame', 'In the past 24 hours, over the last 10 years and within 48 hours, it changed.'],
    ['a time reference', 'Two hours later the boat left; 10 years ago it was 2 days before the vote.'],
    ['a time phrase opening a sentence', 'For 30 minutes the crowd chanted. In 5 years it will be gone.'],
    ['a duration as an adjective, and 24/7', 'The 24-hour strike became a 10-year dispute, open 24/7.'],
    [
      'a part named short after its full name in the text',
      'The KT47310B is easy to add, as only one pin changed from the 47310, the KT47300 of the same die.',
    ],
  ])('ignores %s', (_name, text) => {
    expect(evidence(text, 'number')).toEqual([]);
  });

  it.each([
    ['The company laid off 1,200 employees.', ['1,200 employees']],
    ['Harbour Air sold 320 seats on the A320 route.', ['320']],
    ['Unemployment rose to 4.1% in March.', ['4.1%']],
    ['The harbour took 555 calls and 111 complaints in May.', ['555', '111 complaints']],
    ['The project will cost $2.3 million.', ['$2.3 million']],
    ['Temperatures have risen by about 1.1°C.', ['1.1°C']],
    ['The bill passed the Senate 52 to 48.', ['52', '48']],
    ['The F-35 program will cost $1.7 trillion.', ['$1.7 trillion']],
    ['Turnout was 61%.', ['61%']],
    ['$4.2 billion', ['$4.2 billion']],
    ['Sales rose in 2.5 hours of trading.', ['2.5 hours']],
    ['The commission has cut about half a million dollars from its budget.', ['half a million']],
    ['Tens of thousands of people marched on Saturday.', ['Tens of thousands']],
    // A proportion in words is a statistic.
    ['Two out of three ferries now run late.', ['Two out of three']],
    ['One in five islanders has left since the cuts.', ['One in five']],
    ['The port ships two-thirds of its cargo to the mainland.', ['two-thirds']],
    ['Update: The company rehired 300 workers.', ['300']],
    ['NOTE: 300 workers were rehired on Monday.', ['300']],
    ['The office plans to build 1,200 units.', ['1,200']],
    ['The team moved Kerala to 20 seats.', ['20']],
    // A duration told as the fact is a figure; a count of time in thousands too.
    ['Firefighters battled the blaze for 14 hours before it was contained.', ['14 hours']],
    ['The average commute now takes 52 minutes each way.', ['52 minutes']],
    ['Volunteers gave 10,000 hours of work over the past 3 years.', ['10,000 hours']],
  ])('counts a real figure: %s', (text, found) => {
    expect(evidence(text, 'number')).toEqual(found);
  });

  it.each([
    ['a time phrase', 'In the past 24 hours the harbour took calls.'],
    ['a bare count under ten', 'There will be 3 main categories of APIs.'],
    ['"100%" of nothing', 'Programs like this end up using 100% WASI, for 100% optimal size.'],
    ['a program’s own measure', 'Disassembled, it is just 87 bytes; the map grew to 32 chunks (512 blocks).'],
  ])('counts a weak figure only beside a quote or an attribution: %s', (_name, text) => {
    expect(evidence(text, 'number')).toEqual([]);
    expect(evidence(`Officials said it. ${text}`, 'number')).not.toEqual([]);
  });

  it.each([
    ['The court ruled 5-4 that the law stood.', ['5']],
    ['About 3 in 10 adults say so.', ['3', '10']],
    ['Nearly 100% of the ballots were counted.', ['100%']],
    ['Police arrested 4 people and seized 87 bytes… of nothing, and 300 phones.', ['4 people', '300']],
  ])('keeps a count under ten in a score or a ratio, and a share "of": %s', (text, found) => {
    expect(evidence(text, 'number')).toEqual(found);
  });
});

describe('the attribution signal', () => {
  it.each([
    ['The survey found that most had not read it.', ['The survey found']],
    ['Officials said the bridge would stay closed.', ['Officials said']],
    ['According to the ministry, nothing changed.', ['According to']],
    ['It is estimated that one in five homes is at risk.', ['It is estimated']],
    ['“We will not back down,” the mayor told reporters.', ['the mayor told']],
    ['The data shows that road deaths fell.', ['The data shows']],
    ['I read that most teenagers get news from video apps.', ['I read that']],
    ['The Press Council is concerned the laws would crush journalism.', ['Press Council is concerned']],
    ['The media union is adamant that metadata must be exempt.', ['media union is adamant']],
    ['In meetings, the government team boasted of concessions.', ['government team boasted']],
    ['“Fine,” says president David Weisbrot.', ['says']],
    ['Officials said about 40 people were hurt.', ['Officials said']],
    ['She wrote that the plan had failed.', ['She wrote']],
    ['Analysts say the merger will close in March.', ['Analysts say']],
    ['Critics and supporters say the vote was close.', ['and supporters say']],
    // "determined": an official finding, in the passive or with a clause.
    ['It was determined that the levee had not failed.', ['It was determined']],
    ['The cause of the fire was determined to be a faulty heater.', ['fire was determined']],
    ['Investigators determined the fire was set on purpose.', ['Investigators determined']],
    ['Police said there was no sign of arson.', ['Police said']],
  ])('keeps reporting: %s', (text, found) => {
    expect(evidence(text, 'attribution')).toEqual(found);
  });

  it.each([
    'I found it easiest to start with the tests.',
    'I said I would write about testing.',
    'First, let me say that the harbour film is a joy.',
    'I find it hard to talk to strangers at, say, a party or a conference.',
    "I've always said tests are documentation.",
    'We found a nice café near the station.',
    'I added a dark mode toggle.',
    'The screenshot shows the settings page.',
    'The error message says the file is missing.',
    'The bug was found in the parser.',
    'He told me the story over coffee.',
    'The claims were rejected, and the estimated cost rose.',
    'Everything went according to plan.',
    'Claims that immediate action is imperative do not stand up.',
    '+ Added “Customized” world type + Added three new statistics',
    'The Government has effectively admitted as much by agreeing to a review.',
    'As far as the law is concerned, nothing changes.',
    'This chapter is concerned with parsing.',
    'We are confident the fix works.',
    // Not said yet: an infinitive, a modal, a second verb of the same subject.
    'I should be able to just say the name of the state and have it picked.',
    'Tap the field and then say the name of the state.',
    'Staff should not be afraid to say hello to customers.',
    'Nothing the company itself could say would carry as much weight.',
    'The spokesman declined to say when the plant would reopen.',
    // Nothing said: a negation.
    'Officials did not say why the plant was reopened now.',
    "The ministry didn't say when the ban would end.",
    // A topic, a written thing, a place: no claim reported.
    'The positive things people say about your brand are amplified.',
    'The chief executive wrote a personal response in the comments.',
    'One store adopted a kitten they found there, and posts about it weekly.',
    // The writer, inverted; someone's resolve, not a finding.
    '“That loaf is never going to rise,” said I, to nobody in particular.',
    'So said we, and so we did.',
    'I was determined to be the first to finish.',
    'She was determined to win, and Jo Smith was determined to be there.',
    'A determined effort saved the park, and the engineers determined the route.',
  ])('ignores a non-reporting use: %s', (text) => {
    expect(evidence(text, 'attribution')).toEqual([]);
  });
});

describe('evidence in the report, and the config additions', () => {
  it('shows in JSON why each claim was flagged, and words CLAIM_UNCITED with it', () => {
    const r = report([extract('The survey found that 62% of respondents had not read it.')]);
    expect(r.posts[0].blocks[0].evidence).toEqual([
      { signal: 'number', text: '62%' },
      { signal: 'attribution', text: 'The survey found' },
    ]);
    const [finding] = r.findings;
    expect(finding.code).toBe('CLAIM_UNCITED');
    expect(finding.message).toBe('Claim has no link to a source (number “62%”, attribution “The survey found”).');
  });

  it('adds attribution words and ignores text by pattern, from the claims config', () => {
    const text = 'Turnover fell, per the annual filing; the Form 4506 audit passed, and she said yes.';
    const signalsOf = (e: { signal: string }) => e.signal !== 'statement';
    expect(extract(text).blocks[0].evidence?.filter(signalsOf)).toEqual([
      { signal: 'number', text: '4506' },
      { signal: 'attribution', text: 'and she said' },
    ]);
    const tuned = extract(text, {
      attributionWords: ['per'],
      figureIgnore: ['Form \\d+'],
      attributionIgnore: ['said yes'],
    });
    expect(tuned.blocks[0].evidence?.filter(signalsOf)).toEqual([{ signal: 'attribution', text: 'per' }]);
  });

  it('drops the statement signal of paragraphs matching statementIgnore, from the claims config', () => {
    const story = [
      'Port Elwood has approved a second container terminal after a long dispute with Calder Shipping.',
      'Produced by Ana Ruiz and Tom Field; Calder Shipping and Port Elwood were asked to comment.',
    ].join('\n\n');
    const statementsOf = (claims: ClaimConfig) =>
      extract(story, claims).blocks.map((b) => b.signals.includes('statement'));
    expect(statementsOf({})).toEqual([true, true]);
    expect(statementsOf({ statementIgnore: ['^Produced by'] })).toEqual([true, false]);
    expect(statementsOf({ statementIgnore: ['.*'] })).toEqual([false, false]);
  });

  it('names the outlet, adds firsthand words and ignores firsthand text, from the claims config', () => {
    const story = [
      'The mayor told the Courier that 40 people had lost their jobs.',
      'The harbour master said at our harbour walk that 14 berths were empty.',
      'The ferry company said in an interview with the Courier that 300 jobs would go.',
    ].join('\n\n');
    const flagged = (claims: ClaimConfig) =>
      report([extract(story, claims)])
        .findings.filter((f) => f.code === 'CLAIM_UNCITED')
        .map((f) => f.block);
    // A Markdown post names no outlet: "the Courier" is anyone's, "in an interview with" it someone else's.
    expect(flagged({})).toEqual([0, 1, 2]);
    expect(flagged({ outletNames: ['The Harbour Courier'] })).toEqual([1]);
    const tuned = extract(story, { outletNames: ['The Harbour Courier'], firsthandWords: ['at our harbour walk'] });
    expect(tuned.blocks.map((b) => b.firsthand?.words)).toEqual([
      ['told the Courier'],
      ['at our harbour walk'],
      ['in an interview with the Courier'],
    ]);
    expect(
      flagged({ outletNames: ['The Harbour Courier'], firsthandIgnore: ['in an interview with the Courier'] }),
    ).toEqual([1, 2]);
  });

  const dir = tempDirSync('citecheck-claims-');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads "claims" from the config file through the CLI, and refuses a bad pattern (exit 2)', async () => {
    writeFileSync(path.join(dir, 'post.md'), 'Sales fell, per the filing, at the Form 4506 site.\n');
    writeFileSync(
      path.join(dir, 'citecheck.config.json'),
      JSON.stringify({ claims: { attributionWords: ['per'], figureIgnore: ['Form \\d+'] } }),
    );
    const out = await runCli(['extract', 'post.md'], { cwd: dir });
    expect(out.code).toBe(0);
    const [block] = (JSON.parse(out.stdout) as Report).posts[0].blocks;
    expect(block.signals).toEqual(['attribution']);
    writeFileSync(path.join(dir, 'citecheck.config.json'), JSON.stringify({ claims: { figureIgnore: ['('] } }));
    const bad = await runCli(['extract', 'post.md'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('claims.figureIgnore');
    writeFileSync(path.join(dir, 'citecheck.config.json'), JSON.stringify({ claims: { statementIgnore: ['['] } }));
    const badStatement = await runCli(['extract', 'post.md'], { cwd: dir });
    expect(badStatement.code).toBe(2);
    expect(badStatement.stderr).toContain('claims.statementIgnore');
    writeFileSync(path.join(dir, 'citecheck.config.json'), JSON.stringify({ claims: { outletNames: 'The Courier' } }));
    const badNames = await runCli(['extract', 'post.md'], { cwd: dir });
    expect(badNames.code).toBe(2);
    expect(badNames.stderr).toContain('claims.outletNames');
  });
});
