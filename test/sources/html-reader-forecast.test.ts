import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chooseBody, type BodyChoice } from '../../src/sources/html-body.js';
import { parseHtmlTree, type DomNode } from '../../src/sources/html-tree.js';
import { ROOT } from '../cli/run-cli.js';
import { growthRatio } from '../helpers/linear-time.js';

// Readability's article forecast from our own figures, where its choice is certain
// (html-reader-forecast.ts): the body chosen must be the one its run gives.

const PARAGRAPH =
  'The regional fund, the growers said, will cut its grants to small orchards by a third next year, the second cut in three years.';
const PROSE = `<h1>Grants</h1>${Array.from({ length: 6 }, (_, i) => `<p>${PARAGRAPH} <a href="https://fund.example.org/${i}">the budget</a>.</p>`).join('\n')}`;

/** A news page: menus, a sidebar of teasers, the story, a footer (bench/extract.js's shape). */
function newsPage(story = `<main><article>${PROSE}</article></main>`, after = ''): string {
  return `<!doctype html><html><head><title>Grants cut</title></head><body>
<header><nav><a href="/">Home</a> <a href="/news/">News</a></nav></header>
<div class="layout"><aside class="sidebar"><h2>Most read</h2><ul><li><a href="/a/">Story A</a></li><li><a href="/b/">Story B</a></li></ul></aside>
${story}</div>${after}<footer><a href="/about/">About</a></footer></body></html>`;
}

function shown(choice: BodyChoice): unknown {
  const at = (n: DomNode): unknown => [n.type, n.name, n.startIndex];
  return [choice.selector, choice.confident, choice.contentOnly, choice.skip.map(at), choice.element?.startIndex];
}

function both(html: string): [unknown, unknown] {
  const forecast = chooseBody(parseHtmlTree(html, { indices: true }));
  const run = chooseBody(parseHtmlTree(html, { indices: true }), { forecast: false });
  return [shown(forecast), shown(run)];
}

// Pages where Readability's measures part from ours (review34 F1): a heading repeating the
// title (Readability removes the first), commas in it, white space JavaScript folds and ours
// counts (U+3000, U+2003, U+FEFF), a paragraph of an empty link, beside furniture Readability
// keeps on its retry when the article is short.
const TITLE =
  'What the regional fund, cut to orchard grants, means for small growers, across the northern valley, this year and next, and what the growers plan, before spring';
const SHORT_TITLE = 'Orchard grants cut';
const HAN = '果园补助削减影响北部山谷小农户今年明年种植计划资金来源变化官员表示预算将减少三分之一农户协会计划春';

function paragraphOf(kind: number, i: number): string {
  if (kind === 0)
    return `<p>Growers said the fund will cut grants by a third, officials said, in year ${i} of the plan, as the budget shows.</p>`;
  if (kind === 1)
    return `<p>Growers said the fund will cut grants by a third in year ${i} of the plan as the budget shows today</p>`;
  if (kind === 2) return `<p>\u3000\u3000${HAN.slice(0, 40)}</p>`;
  if (kind === 3) return `<p>\u2003Growers said the fund will cut grants\u2003by a third in year ${i}.\u2003</p>`;
  return `<p><a href="https://fund.example.org/${i}">\ufeff</a></p>`;
}

const furnitureOf = (name: string, n: number): string =>
  `<div class="${name}">${Array.from({ length: n }, (_, i) => `<p>Reader note ${i}: I have grown apples here for forty years, and this cut is the worst news since the frost, <a href="https://x${i}.example.net/">truly</a>.</p>`).join('')}</div>`;

const pageShape = fc.record({
  title: fc.constantFrom(TITLE, SHORT_TITLE, HAN.slice(0, 30)),
  titleIn: fc.constantFrom('title', 'og', 'both', 'none'),
  heading: fc.constantFrom('none', 'h1', 'h2', 'h2-words', 'h1-other'),
  headingAt: fc.constantFrom('inner', 'beside', 'before'),
  kinds: fc.array(fc.integer({ min: 0, max: 1 }), { minLength: 2, maxLength: 14 }),
  // One paragraph at most of folded white space or an empty link.
  odd: fc.constantFrom(-1, -1, -1, 2, 3, 4),
  oddAt: fc.nat(),
  inner: fc.constantFrom('article', 'div', 'section'),
  wrappers: fc.array(fc.constantFrom('main', 'div', 'section', 'article'), { maxLength: 2 }),
  furniture: fc.constantFrom('none', 'supplemental', 'community', 'extra', 'sidebar'),
  notes: fc.integer({ min: 1, max: 8 }),
  layout: fc.boolean(),
});

type PageShape = typeof pageShape extends fc.Arbitrary<infer T> ? T : never;

function shapedPage(p: PageShape): string {
  const heading =
    p.heading === 'none'
      ? ''
      : p.heading === 'h1'
        ? `<h1>${p.title}</h1>`
        : p.heading === 'h2'
          ? `<h2>${p.title}</h2>`
          : p.heading === 'h2-words'
            ? `<h2>${p.title.split(' ').slice(0, 4).join(' ')}</h2>`
            : '<h1>Letters from the valley</h1>';
  const kinds = [...p.kinds];
  if (p.odd >= 0) kinds.splice(p.oddAt % (kinds.length + 1), 0, p.odd);
  let story = `<${p.inner}>${p.headingAt === 'inner' ? heading : ''}${kinds.map(paragraphOf).join('')}</${p.inner}>`;
  for (const [i, w] of p.wrappers.entries())
    story = `<${w}>${i === 0 && p.headingAt === 'beside' ? heading : ''}${story}</${w}>`;
  if (p.wrappers.length === 0 && p.headingAt === 'beside') story = heading + story;
  if (p.headingAt === 'before') story = heading + story;
  const furniture = p.furniture === 'none' ? '' : furnitureOf(p.furniture, p.notes);
  const head =
    (p.titleIn === 'title' || p.titleIn === 'both' ? `<title>${p.title}</title>` : '') +
    (p.titleIn === 'og' || p.titleIn === 'both' ? `<meta property="og:title" content="${p.title}">` : '');
  const body = p.layout ? `<div class="layout">${story}${furniture}</div>` : `${story}${furniture}`;
  return `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;
}

describe("Readability's article forecast", () => {
  it('gives the body its run gives, where the page leaves it one choice and where it does not', () => {
    const pages = [
      newsPage(),
      newsPage(`<div class="entry-content">${PROSE}</div>`),
      newsPage(`<main><section>${PROSE}</section></main>`),
      // A paragraph beside the layout Readability joins to the article (its body then the page's).
      newsPage(undefined, '<p>Thanks for reading.</p>'),
      // A sidebar it removes by class, though ours keeps a <main> whatever its class.
      newsPage(`<main class="sidebar">${PROSE}</main><main><p>${PARAGRAPH}</p></main>`),
      // A byline it removes beside the story, so the story is the layout's only child.
      newsPage(`<div class="byline">By A. Writer</div><main><article>${PROSE}</article></main>`),
      // A teaser it scores in the footer; loose text it wraps into a paragraph; a run of <br>.
      newsPage(undefined, `<div>${PARAGRAPH}</div>`),
      newsPage(`<main><article>${PROSE}</article>Loose words.</main>`),
      newsPage(`<main><article>${PROSE}<p>One<br><br>Two</p></article></main>`),
      // Prose it cleans: a share box, an empty paragraph, a javascript: link.
      newsPage(`<main><article>${PROSE}<p class="share"><a href="/s">Share</a></p></article></main>`),
      newsPage(`<main><article>${PROSE}<p></p></article></main>`),
      newsPage(`<main><article>${PROSE}<p><a href="javascript:void(0)">More</a> of it.</p></article></main>`),
      // Few commas in a div it cleans conditionally.
      newsPage(`<div>${PROSE.replaceAll(',', '')}</div>`),
    ];
    for (const html of pages) {
      const [forecast, run] = both(html);
      expect(forecast).toEqual(run);
    }
  });

  it("gives the body its run gives where Readability's length is below its 500 characters and ours is not", () => {
    const notes = (n: number): string => furnitureOf('supplemental', n);
    const pages = [
      // The heading repeating the title, which Readability removes, made ours 500.
      `<html><head><meta property="og:title" content="${TITLE}"></head><body><main><article><h2>${TITLE}</h2>${[0, 1, 2, 3].map((i) => paragraphOf(0, i)).join('')}</article></main>${notes(6)}</body></html>`,
      // Ideographic spaces opening each paragraph, which Readability trims.
      `<html><head><title>Grants</title></head><body><section><article>${Array.from({ length: 12 }, () => paragraphOf(2, 0)).join('')}</article></section>${furnitureOf('community', 8)}</body></html>`,
    ];
    for (const html of pages) {
      const [forecast, run] = both(html);
      expect(forecast).toEqual(run);
    }
  });

  it('gives the body its run gives on pages of title headings, folded white space and empty links', () => {
    fc.assert(
      fc.property(pageShape, (shape) => {
        const [forecast, run] = both(shapedPage(shape));
        expect(forecast).toEqual(run);
      }),
      { numRuns: 600 },
    );
  });

  it('reads a line of <br>s outside the article in time linear in it', () => {
    // Each <br> after a run of comments: finding its place among its siblings, for each, was
    // quadratic (7,200 <br>s after 144,000 comments: 481 ms, against 94 ms read once).
    const page = (n: number): DomNode =>
      parseHtmlTree(newsPage(undefined, `<ul><li>${'<!---->'.repeat(20 * n)}${'a<br>'.repeat(n)}</li></ul>`), {
        indices: true,
      });
    const small = page(900);
    const large = page(7200);
    expect(chooseBody(large).selector).toBe('body > div.layout');
    expect(
      growthRatio(
        () => chooseBody(small),
        () => chooseBody(large),
        24,
        5,
      ),
    ).toBeLessThan(24);
  });

  it('spares the page of furniture around one plain article the run of Readability (not loaded at all)', () => {
    // A fresh process: Readability is loaded on its first run, which this page never needs.
    const bodyArticle = `<!doctype html><html><head><title>Grants cut</title></head><body><header><nav><a href="/">Home</a> <a href="/news/">News</a></nav></header><article>${PROSE}</article><footer><a href="/about/">About</a></footer></body></html>`;
    const script = `
      import { createRequire } from 'node:module';
      import { parseDocument } from ${JSON.stringify(pathToFileURL(path.join(ROOT, 'dist/sources/index.js')).href)};
      const cache = createRequire(import.meta.url).cache;
      const loaded = () => Object.keys(cache).some((k) => k.includes('@mozilla'));
      const steps = [];
      const [post] = parseDocument(${JSON.stringify(newsPage())}, { source: 'news.html' });
      steps.push(post.bodySelector, loaded());
      // An article right in <body>: no candidate around it but the page's outer ones.
      const [bare] = parseDocument(${JSON.stringify(bodyArticle)}, { source: 'bare.html' });
      steps.push(bare.bodySelector, loaded());
      parseDocument(${JSON.stringify(newsPage(undefined, '<p>Thanks for reading.</p>'))}, { source: 'thanks.html' });
      steps.push(loaded());
      console.log(JSON.stringify(steps));`;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    // Readability removes the sidebar by its class, so the story climbs to the layout it fills.
    expect(JSON.parse(out)).toEqual(['body > div.layout', false, 'body > article', false, true]);
  });
});
