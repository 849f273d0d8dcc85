import { describe, expect, it } from 'vitest';
import { extractPost } from '../../src/extract/index.js';
import { markOrphanTags } from '../../src/extract/prepare-html.js';
import { sentenceAt, sentenceRanges } from '../../src/extract/sentences.js';
import { textSignals } from '../../src/extract/signals.js';
import type { ExtractedPost, Post } from '../../src/types.js';

/** Extracts an HTML body of a post at https://blog.example.com/post/. */
function html(body: string, includeMedia = false): ExtractedPost {
  const post: Post = {
    source: 't.json',
    kind: 'wordpress',
    url: 'https://blog.example.com/post/',
    body,
    bodyFormat: 'html',
    warnings: [],
  };
  return extractPost(post, { includeMedia });
}

describe('damaged markup', () => {
  it('records the word before an orphan </a>, without punctuation, in its sentence', () => {
    const post = html('Text one. The minister (said,</a> then left. The “agency</a>” agreed</p>');
    expect(post.blocks[0].damagedAnchors).toEqual([
      { anchorText: 'said', sentence: 'The minister (said, then left.', reason: 'orphan-close-tag' },
      { anchorText: 'agency', sentence: 'The “agency” agreed', reason: 'orphan-close-tag' },
    ]);
  });

  it('does not mistake a closed <a> for an orphan, and survives <a> split across blocks', () => {
    const post = html(
      '<p><a href="https://a.example/">ok</a> and <a href="https://b.example/">two</a></p><p>fine</a></p>',
    );
    expect(post.blocks.map((b) => b.damagedAnchors.map((d) => d.anchorText))).toEqual([[], ['fine']]);
    expect(post.blocks[0].citations).toHaveLength(2);
  });

  it('drops soft hyphens and zero-width characters from text and anchors', () => {
    const [block] = html(
      '<p>The minis\u00adter <a href="https://z.example/">an\u200bnounced</a> a ref\ufefform.</p>',
    ).blocks;
    expect(block.text).toBe('The minister announced a reform.');
    expect(block.citations[0].anchorText).toBe('announced');
  });

  it('keeps the zero-width non-joiner and joiner of Persian and Indic words and emoji; drops them between Latin letters', () => {
    const [block] = html(
      '<p>\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645 <a href="https://z.example/">\u0915\u094d\u200d\u0937</a> \u{1F469}\u200d\u{1F4BB} sa\u200did.</p>',
    ).blocks;
    expect(block.text).toBe(
      '\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645 \u0915\u094d\u200d\u0937 \u{1F469}\u200d\u{1F4BB} said.',
    );
    expect(block.citations[0].anchorText).toBe('\u0915\u094d\u200d\u0937');
  });

  it('a doubled </a> is a typo, not a lost link: after a real link, and after an orphan', () => {
    const post = html(
      '<p>Cited <a href="https://r.example/">real</a></a> text.</p><p>Lost one</a></a> here, and two</a> </a>.</p>',
    );
    expect(post.blocks[0].citations.map((c) => c.anchorText)).toEqual(['real']);
    expect(post.blocks.map((b) => b.damagedAnchors.map((d) => d.anchorText))).toEqual([[], ['one', 'two']]);
  });

  it('an </a> with only tags and comments after the last </a> is no lost link; one after words is', () => {
    // A linked box around a linked image, as site headers write it: the browser closes the outer
    // link at the inner <a>, and the outer link's own </a> comes after the box.
    const post = html(
      '<p><a href="https://d.example/">Give <span><a href="https://d.example/"><img src="d.png" alt="Donate"></a></span><!-- /box --></a> now.</p><p>Then one</a> lost.</p>',
    );
    expect(post.blocks.map((b) => b.damagedAnchors.map((d) => d.anchorText))).toEqual([[], ['one']]);
    expect(post.blocks[0].citations.map((c) => c.url)).toEqual(['https://d.example/', 'https://d.example/']);
  });

  it('splits text outside blocks at orphan closing block tags and blank lines', () => {
    const post = html('First loose.</p>\nSecond loose.</li>\nThird part.\n\nFourth part.<p>Real one.</p>Tail');
    expect(post.blocks.map((b) => b.text)).toEqual([
      'First loose.',
      'Second loose.',
      'Third part.',
      'Fourth part.',
      'Real one.',
      'Tail',
    ]);
  });

  it('treats href="#" and href="" as empty, a missing href as missing, and skips named targets', () => {
    const [block] = html(
      '<p><a href="#">the report</a>, <a href=" ">the memo</a>, <a class="x">the letter</a><a id="top"></a><a name="n"></a><a name="sec">Section two</a></p>',
    ).blocks;
    expect(block.damagedAnchors.map((d) => [d.anchorText, d.reason])).toEqual([
      ['the report', 'empty-href'],
      ['the memo', 'empty-href'],
      ['the letter', 'missing-href'],
    ]);
    expect(block.citations).toEqual([]);
  });

  it('leaves well-formed HTML untouched by the orphan scan', () => {
    const body = '<p>A <a href="x">b</a> <strong>c</strong></p><ul><li>d</li></ul><!-- </a> --><script>"</a>"</script>';
    expect(markOrphanTags(body)).toBe(body);
  });

  it('takes a short bold-only paragraph as a heading, with or without its opening tag', () => {
    const post = html(
      '<p><strong>Key points</strong></p><p>Why it matters</strong></p><p><b>Bold, but a whole sentence of text.</b></p><p><strong>Lead:</strong> then plain text</p>',
    );
    expect(post.blocks.map((b) => b.kind)).toEqual(['heading', 'heading', 'paragraph', 'paragraph']);
  });
});

describe('blocks', () => {
  it('decodes entities and collapses whitespace', () => {
    expect(html('<p>  Tom&nbsp;&amp;\n\t Jerry&#8217;s  <em>show</em> </p>').blocks[0].text).toBe('Tom & Jerry’s show');
  });

  it('reads definition lists, figcaptions and headings with their kinds', () => {
    const post = html(
      '<h3>Terms</h3><dl><dt>Dredging</dt><dd>Removing silt</dd></dl><figure><img src="a.png"><figcaption>The harbour in 2024</figcaption></figure>',
    );
    expect(post.blocks.map((b) => [b.kind, b.text])).toEqual([
      ['heading', 'Terms'],
      ['definition-term', 'Dredging'],
      ['definition', 'Removing silt'],
      ['figcaption', 'The harbour in 2024'],
    ]);
  });

  it('ignores links inside code and a <pre> of code, but keeps the code text', () => {
    const post = html('<p>Run <code><a href="https://code.example/">tool</a></code> now.</p><pre>$ tool --all</pre>');
    expect(post.blocks.map((b) => b.text)).toEqual(['Run tool now.']);
    expect(post.blocks[0].citations).toEqual([]);
  });

  it('reads the links of a <pre> that has them (preformatted text the writer linked, issue 8)', () => {
    const post = html('<p>Run it now.</p><pre>See <a href="https://pre.example/">RFC 1</a>.</pre>');
    expect(post.blocks.map((b) => b.text)).toEqual(['Run it now.', 'See RFC 1.']);
    expect(post.blocks[1].citations.map((c) => c.url)).toEqual(['https://pre.example/']);
  });

  it('records img and iframe sources only with includeMedia', () => {
    const body =
      '<p>Chart <img src="/chart.png" alt="the chart"> and <iframe src="https://video.example/embed/1"></iframe>.</p>';
    expect(html(body).blocks[0].citations).toEqual([]);
    const media = html(body, true).blocks[0].citations;
    expect(media.map((c) => [c.origin, c.checkUrl, c.anchorText])).toEqual([
      ['img', 'https://blog.example.com/chart.png', 'the chart'],
      ['iframe', 'https://video.example/embed/1', ''],
    ]);
    // Media alone does not make a claim.
    expect(html('<p>Look: <img src="/x.png"></p>', true).blocks[0].signals).toEqual([]);
  });

  it('takes q[cite] as a citation with the quoted text as anchor', () => {
    const [block] = html('<p>She wrote <q cite="https://letters.example/9">we are nearly done</q>.</p>').blocks;
    expect(block.citations[0]).toMatchObject({
      origin: 'q-cite',
      anchorText: 'we are nearly done',
      checkUrl: 'https://letters.example/9',
    });
  });
});

describe('sentences', () => {
  it('does not split after initialisms, titles or initials', () => {
    const text = 'The U.S. and the U.K. signed it, Dr. Lee said. J. R. Smith disagreed! Did he? Yes.';
    const sentences = sentenceRanges(text).map(([s, e]) => text.slice(s, e).trim());
    expect(sentences).toEqual([
      'The U.S. and the U.K. signed it, Dr. Lee said.',
      'J. R. Smith disagreed!',
      'Did he?',
      'Yes.',
    ]);
    expect(sentenceAt(text, text.indexOf('Smith'))).toBe('J. R. Smith disagreed!');
  });

  it('splits after closing quotes', () => {
    const text = '“It is over.” The vote followed.';
    expect(sentenceAt(text, text.indexOf('vote'))).toBe('The vote followed.');
  });
});

describe('claim signals', () => {
  it.each([
    ['Costs rose to $4.5 million.', ['number']],
    ['Turnout was 61%.', ['number']],
    ['About 1,200 people came.', ['number']],
    ['It happened in 2019.', []],
    ['It happened on March 3, 2019.', []],
    ['The second pillar of Pillar 2 grows.', []],
    ['“We will not stop now,” she said.', ['quote', 'attribution']],
    ['He called it "a done deal" today.', ['quote']],
    ['He called it “done” today.', []],
    ['According to the ministry, nothing changed.', ['attribution']],
    ['The United States has 50 states.', ['number']],
    ['The data is at http://127.0.0.1:8080/v2/2024-05 for now.', []],
    ['See www.example.org/report/44213 and 12% more.', ['number']],
  ])('%s → %j', (text, signals) => {
    expect(textSignals(text)).toEqual(signals);
  });
});

describe('a 5 MB post', () => {
  it('is extracted whole', () => {
    const paragraph = (i: number): string =>
      `<p>Paragraph ${i} says the agency <a href="https://source.example.org/${i % 500}">reported</a> a rise of ${i}% in claims, “a very large number indeed”.</p>\n`;
    const parts: string[] = [];
    let size = 0;
    for (let i = 0; size < 5_000_000; i++) {
      const p = paragraph(i);
      parts.push(p);
      size += p.length;
    }
    const post = html(parts.join(''));
    expect(post.blocks).toHaveLength(parts.length);
    expect(new Set(post.blocks.flatMap((b) => b.citations.map((c) => c.checkUrl))).size).toBe(500);
    expect(post.blocks.every((b) => b.isClaim)).toBe(true);
  });
});
