import { describe, expect, it } from 'vitest';
import { renderGithubAnnotations } from '../../src/formatters/github.js';
import { renderHtml } from '../../src/formatters/html.js';
import { renderJunit } from '../../src/formatters/junit.js';
import { renderMarkdown } from '../../src/formatters/markdown.js';
import { renderSarif } from '../../src/formatters/sarif.js';
import { renderTerminal } from '../../src/formatters/terminal.js';
import { blockLinks, notSourcesSummary, postNotes } from '../../src/formatters/note-view.js';
import { ARCHIVE_POSTS, postFigures } from '../../src/formatters/report-view.js';
import { creditsReport, referencesReport } from '../fixtures/reports/credit-reports.js';
import { mask } from './mask.js';
import { buildReport } from '../../src/report/build.js';
import { STARTED_AT, block, citation, post, result, results } from '../fixtures/reports/builders.js';

/** The lines of one block of the terminal report, from its header to the next blank line. */
function terminalBlock(out: string, paragraph: number): string {
  const start = out.indexOf(`   ¶${paragraph} · `);
  expect(start, `¶${paragraph} is shown`).toBeGreaterThanOrEqual(0);
  const end = out.indexOf('\n\n', start);
  return out.slice(start, end < 0 ? undefined : end);
}

describe('report view: notes and links that are not sources', () => {
  it('names footnotes and reference entries by number, and says what each credits', () => {
    const [post] = creditsReport().posts;
    const notes = postNotes(post);
    expect([5, 6, 7, 8].map((b) => notes.label(b))).toEqual(['source line', 'footnote 1', 'footnote 2', 'footnote 3']);
    expect(notes.label(1)).toBeUndefined();
    expect(notes.context(6)).toBe('footnote 1 of ¶2');
    expect(notes.context(8)).toBe('footnote 3');
    expect(postNotes(referencesReport().posts[0]).context(3)).toBe('reference 1 of ¶1, ¶2');
  });

  it("sorts a block's links: its own, those credited from notes, those that are not sources", () => {
    const [post] = creditsReport().posts;
    const notes = postNotes(post);
    const credited = blockLinks(post, post.blocks[1], notes);
    expect(credited.own).toEqual([]);
    expect(credited.credited.map((l) => [l.label, l.note, l.citation.url])).toEqual([
      ['footnote 1', 6, 'https://gone.example.org/survey-2025'],
    ]);
    const unlinked = blockLinks(post, post.blocks[2], notes);
    expect(unlinked.unlinked).toEqual([
      { note: 7, label: 'footnote 2', text: 'Statement to the council, March 2025 (not online).', via: 'footnote' },
    ]);
    const mixed = blockLinks(post, post.blocks[3], notes);
    expect(mixed.own.map((c) => c.anchorText)).toEqual(['the port said']);
    expect(notSourcesSummary(mixed.notSources)).toBe('2 links not sources: 1 share, 1 tag');
    expect(notSourcesSummary(post.blocks[11].citations)).toBe('1 link not a source: 1 image');
  });

  it('shows a link two footnotes share once, with the first, and never calls the second a note without a link', () => {
    const url = 'https://data.example.org/tides';
    const report = buildReport({
      posts: [
        post('p.md', [
          block(0, {
            text: 'Tides rose 4 mm a year.[1] Faster than anywhere else.[2]',
            signals: ['citation', 'number'],
            citations: [citation(url, { anchorText: 'tide data', via: 'footnote', sentence: 'Tide data.' })],
            credits: [
              { via: 'footnote', block: 1 },
              { via: 'footnote', block: 2 },
            ],
          }),
          block(1, {
            kind: 'footnote',
            isClaim: false,
            text: 'Tide data. ↩',
            citations: [citation(url, { anchorText: 'tide data' })],
          }),
          block(2, {
            kind: 'footnote',
            isClaim: false,
            text: 'Same, table 2. ↩',
            citations: [citation(url, { anchorText: 'table 2' })],
          }),
        ]),
      ],
      results: results(result(url, 'ok')),
      startedAt: STARTED_AT,
      durationMs: 1,
    });
    const [p] = report.posts;
    const links = blockLinks(p, p.blocks[0], postNotes(p));
    expect(links.credited.map((l) => [l.label, l.note])).toEqual([['footnote 1', 1]]);
    expect(links.unlinked).toEqual([]);
    expect(renderTerminal(report)).not.toContain('(no link)');
  });

  it('counts a post as the totals do: a source once where it is written, links that are not sources apart', () => {
    const report = creditsReport();
    const figures = postFigures(report.posts[0]);
    expect(figures.citations).toBe(report.totals.citations);
    expect(figures.citations).toBe(3);
    expect(figures.notSources).toBe(6);
    expect(figures.byStatus.broken).toBe(1);
    expect(figures.byStatus.excluded).toBe(0);
  });
});

describe('terminal report: credits and links that are not sources', () => {
  const out = renderTerminal(creditsReport());

  it('matches the snapshot', async () => {
    await expect(mask(out)).toMatchFileSnapshot('__snapshots__/credits.terminal.txt');
    await expect(mask(renderTerminal(referencesReport()))).toMatchFileSnapshot('__snapshots__/references.terminal.txt');
  });

  it("shows a claim's source from a footnote, marked with the footnote, with its verdict, failing first", () => {
    const claim = terminalBlock(out, 2);
    expect(claim).toMatch(
      /\[BROKEN\] +footnote 1: “Harbour survey 2025” https:\/\/gone\.example\.org\/survey-2025 +HTTP 404/,
    );
    expect(claim).not.toMatch(/UNCITED|\(no links\)/);
    // The claim sorts with the failing ones although the finding is its footnote's.
    expect(out.indexOf('   ¶2 · ')).toBeLessThan(out.indexOf('   ¶4 · '));
  });

  it('shows a source line under the quote it credits, with the findings of its link', () => {
    const quote = terminalBlock(out, 5);
    expect(quote).toMatch(/\[OK\] +source line: “an interview” http:\/\/news\.example\.org\/2025\/02\/harbour-master/);
    expect(quote).toContain('LINK_REDIRECT_PERMANENT');
  });

  it('never calls a claim credited by a footnote without a link uncited', () => {
    const claim = terminalBlock(out, 3);
    expect(claim).toContain('[CREDITED]    footnote 2: “Statement to the council, March 2025 (not online).” (no link)');
    expect(claim).not.toMatch(/UNCITED|\(no links\)/);
  });

  it('summarises links that are not sources, never with a verdict', () => {
    expect(out).not.toContain('share.example.com');
    expect(out).not.toContain('NOT_A_SOURCE');
    expect(terminalBlock(out, 4)).toContain('    + 2 links not sources: 1 share, 1 tag');
    const mayor = terminalBlock(out, 12);
    expect(mayor).toContain('CLAIM_UNCITED');
    expect(mayor).toContain('+ 1 link not a source: 1 image');
    expect(out).toMatch(
      /\+ 2 other blocks without claims or sources \(1 heading, 1 paragraph\); 3 links not sources: 2 tag, 1 navigation/,
    );
    expect(out).toMatch(/3 citations · 3 unique URLs · 1 damaged anchor · 6 links not sources\n/);
    expect(out).toContain('1 of 3 cited URLs failing');
  });

  it('shows notes as notes: with the claims they credit, or on their own without a claim header', () => {
    expect(out).toContain('   + 2 footnotes, 1 source line shown with the claims they credit');
    expect(out).not.toMatch(/¶[678] · /);
    // A footnote nothing points to, which lost its link, is shown on its own, as a footnote.
    const orphan = terminalBlock(out, 9);
    expect(orphan.split('\n')[0]).toBe('   ¶9 · footnote 3 · line 17');
    expect(orphan).toContain('ANCHOR_DAMAGED');
  });

  it('a reference entry credits each claim that points to it', () => {
    const refs = renderTerminal(referencesReport());
    expect(terminalBlock(refs, 1)).toMatch(/\[OK\] +reference 1: “Dredging report 2024”/);
    expect(terminalBlock(refs, 2)).toMatch(/\[OK\] +reference 1: “Dredging report 2024”/);
    // The entry nothing points to is shown as a reference, its failing link with it.
    expect(terminalBlock(refs, 5)).toMatch(
      /^ {3}¶5 · reference 2 · line 10\n.*\n {4}\[TIMEOUT\] +“River sediment survey”/,
    );
    expect(refs).toContain('+ 1 reference shown with the claims it credits');
  });
});

describe('markdown report: credits and links that are not sources', () => {
  const out = renderMarkdown(creditsReport());

  it('matches the snapshot', async () => {
    await expect(mask(out)).toMatchFileSnapshot('__snapshots__/credits.md');
  });

  it('names the note of a finding and the claims it credits', () => {
    expect(out).toMatch(/\| ❌ \| `LINK_BROKEN` \| ¶7 \(footnote 1 of ¶2\), line 15 \| “Harbour survey 2025” \|/);
  });

  it('lists credited sources in the claim, marked; a credit without a link; links not sources summarised', () => {
    expect(out).toContain(
      '| ❌ broken | footnote 1: Harbour survey 2025 | https://gone.example.org/survey-2025 | 404 | HTTP\\_ERROR |',
    );
    expect(out).toContain(
      '| 📝 credited | footnote 2: Statement to the council, March 2025 \\(not online\\). | (no link) | | |',
    );
    expect(out).toContain('_2 links not sources: 1 share, 1 tag \\(not checked\\)._');
    expect(out).toContain('_In other blocks, 3 links not sources: 2 tag, 1 navigation \\(not checked\\)._');
    expect(out).not.toContain('share.example.com');
    expect(out).toContain(
      '<summary>3 citations (1 failing), 6 links not sources and 1 damaged anchor, by block</summary>',
    );
    expect(out).toContain('3 citations, 3 unique URLs, 1 damaged anchor, 6 links not sources');
    expect(out).toContain('_2 footnotes, 1 source line listed with the claims they credit._');
    // The credited claim is not uncited.
    expect(out).not.toMatch(/CLAIM_UNCITED` \| ¶3/);
  });
});

describe('JUnit, SARIF and annotations: credits', () => {
  it('JUnit: no case for a link that is not a source; a credited source is tested in its note, named', () => {
    const xml = renderJunit(creditsReport());
    expect(xml).not.toContain('share.example.com');
    expect(xml).not.toContain('NOT_A_SOURCE');
    // The survey link is one case, its footnote's, not a second passing one under the claim.
    expect(xml.match(/gone\.example\.org\/survey-2025" classname/g)).toHaveLength(1);
    expect(xml).toContain(
      '<testcase name="¶7 footnote 1 of ¶2 (line 15) “Harbour survey 2025” https://gone.example.org/survey-2025"',
    );
    expect(xml).toMatch(/<failure type="LINK_BROKEN" message="[^"]*\(footnote 1 of ¶2\)"/);
  });

  it('SARIF and annotations: a finding in a note says which claims the note credits', () => {
    const report = creditsReport();
    const sarif = JSON.parse(renderSarif(report)) as {
      runs: Array<{ results: Array<{ ruleId: string; message: { text: string } }> }>;
    };
    const messages = Object.fromEntries(sarif.runs[0].results.map((r) => [r.ruleId, r.message.text]));
    expect(messages.LINK_BROKEN).toMatch(/survey-2025.*\(footnote 1 of ¶2\)$/);
    expect(messages.LINK_REDIRECT_PERMANENT).toMatch(/\(source line of ¶5\)$/);
    expect(messages.CLAIM_UNCITED).not.toMatch(/\)\s*\(/);
    expect(renderGithubAnnotations(report)).toMatch(
      /^::error file=content\/posts\/harbour\.md,line=15,title=LINK_BROKEN::.*\(footnote 1 of ¶2\)$/m,
    );
  });
});

describe('HTML report: credits and links that are not sources', () => {
  const html = renderHtml(creditsReport());

  it('shows a credited source in the claim, marked with its note, and no row for a link that is not a source', () => {
    const claim = html.slice(
      html.indexOf('id="post-1-block-2"'),
      html.indexOf('</article>', html.indexOf('id="post-1-block-2"')),
    );
    expect(claim).toContain('<span class="via">footnote 1:</span> <span class="anchor">“Harbour survey 2025”</span>');
    expect(claim).toContain('data-filter="broken"');
    expect(html).toContain('Credited by footnote 2: “Statement to the council, March 2025 (not online).” (no link)');
    expect(html).not.toContain('share.example.com');
    expect(html).toContain('2 links not sources: 1 share, 1 tag (not checked).');
    // Notes shown with their claims are not blocks of their own; the one nothing points to is.
    expect(html).not.toMatch(/id="post-1-block-[678]"/);
    expect(html).toContain('<h3>¶9 · footnote 3 · line 17</h3>');
    expect(html).toContain('2 footnotes, 1 source line shown with the claims they credit.');
  });

  it('counts the rows it shows in the filter: one per source where it is shown, none for links that are not sources', () => {
    const count = (key: string) =>
      new RegExp(`value="${key}"[^>]*> [^<]+ <span class="count">(\\d+)</span>`).exec(html)?.[1];
    expect(count('broken')).toBe('1');
    expect(count('excluded')).toBe('0');
    expect(count('damaged')).toBe('1');
    expect(count('ok')).toBe('1');
    expect(count('attention')).toBe('1');
  });
});

describe('archive reports (more than ARCHIVE_POSTS posts): credits', () => {
  // The credits post, ARCHIVE_POSTS + 1 times, so the HTML page is an index and the terminal terse.
  const base = creditsReport();
  const report = buildReport({
    posts: Array.from({ length: ARCHIVE_POSTS + 1 }, (_, i) => ({
      ...base.posts[0],
      source: `content/posts/harbour-${i}.md`,
      blocks: base.posts[0].blocks.map((b) => ({ ...b, citations: b.citations.map((c) => ({ ...c })) })),
    })),
    results: results(
      result('https://gone.example.org/survey-2025', 'broken', { httpStatus: 404 }),
      result('http://news.example.org/2025/02/harbour-master', 'ok'),
      result('https://port.example.org/notices/repairs', 'ok'),
    ),
    startedAt: STARTED_AT,
    durationMs: 1,
  });

  it('HTML index: each source once where it is written, no link that is not a source, a note named with its claim', () => {
    const html = renderHtml(report);
    const json = /<script type="application\/json" id="report-data">(.*?)<\/script>/s.exec(html)?.[1] ?? '';
    const data = JSON.parse(json) as {
      posts: Array<{ c: unknown[]; b: Array<[number, string, string, number]> }>;
      urls: Array<[string, string, string, string]>;
    };
    expect(data.posts[0].c).toHaveLength(postFigures(report.posts[0]).citations);
    expect(data.urls.map((u) => u[0])).not.toContain('https://share.example.com/?u=harbour');
    expect(data.posts[0].b).toContainEqual([7, 'footnote 1 of ¶2', 'Harbour survey 2025, table 2.', 15]);
  });

  it('terse terminal: a failing link in a footnote is shown under the footnote, named with its claim', () => {
    const out = renderTerminal(report);
    expect(out).toContain('¶7 footnote 1 of ¶2 · line 15 “Harbour survey 2025, table 2.”');
    // Once, where it is written: not again under the claim.
    expect(out.split('━━ Harbour survey')[1].match(/gone\.example\.org/g)).toHaveLength(1);
  });
});
