import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { chooseBody, type BodyChoice } from '../../src/sources/html-body.js';
import { parseHtmlTree, type DomNode } from '../../src/sources/html-tree.js';
import { ROOT } from '../cli/run-cli.js';

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

  it('spares the page of furniture around one plain article the run of Readability (not loaded at all)', () => {
    // A fresh process: Readability is loaded on its first run, which this page never needs.
    const script = `
      import { createRequire } from 'node:module';
      import { parseDocument } from ${JSON.stringify(pathToFileURL(path.join(ROOT, 'dist/sources/index.js')).href)};
      const cache = createRequire(import.meta.url).cache;
      const loaded = () => Object.keys(cache).some((k) => k.includes('@mozilla'));
      const steps = [];
      const [post] = parseDocument(${JSON.stringify(newsPage())}, { source: 'news.html' });
      steps.push(post.bodySelector, loaded());
      parseDocument(${JSON.stringify(newsPage(undefined, '<p>Thanks for reading.</p>'))}, { source: 'thanks.html' });
      steps.push(loaded());
      console.log(JSON.stringify(steps));`;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    // Readability removes the sidebar by its class, so the story climbs to the layout it fills.
    expect(JSON.parse(out)).toEqual(['body > div.layout', false, true]);
  });
});
