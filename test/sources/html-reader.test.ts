import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractPost } from '../../src/extract/index.js';
import { chooseBody } from '../../src/sources/html-body.js';
import { READER_MAX_DEPTH, READER_MAX_ELEMENTS, readerArticle } from '../../src/sources/html-reader.js';
import { parseHtmlTree } from '../../src/sources/html-tree.js';
import { parseHtmlDocument } from '../../src/sources/html.js';
import { ROOT } from '../cli/run-cli.js';

// Mozilla Readability chooses the body of a full HTML page (issue 8), on a copy of our tree.

const PAGES = path.join(ROOT, 'test/fixtures/pages');
const PARAGRAPH =
  'The regional fund will cut its grants to small orchards by a third next year, the second cut in three years, growers said.';

function sources(html: string): string[] {
  const post = extractPost(parseHtmlDocument(html, { source: 'page.html' }));
  return post.blocks.flatMap((b) => b.citations.filter((c) => c.role === undefined).map((c) => c.url));
}

describe("Readability's article mapped back to our elements", () => {
  it('reads what it kept through the wrappers it unwraps, and leaves out the link box it drops', () => {
    const html = readFileSync(path.join(PAGES, 'reader-wrappers.html'), 'utf8');
    const post = parseHtmlDocument(html, { source: 'reader-wrappers.html' });
    // Readability replaces a div holding one div by that div, copying its attributes over: the
    // inner element is still found as kept (each element is named by an attribute of its own).
    expect(post.bodySelector).toBe('div#outer');
    expect(sources(html)).toEqual(['https://fund.example.org/budget-2026', 'https://stats.example.gov/orchards/2025']);
    expect(post.warnings).toEqual([]);
  });

  it('leaves loose text beside the elements it joined out, as Readability keeps elements only', () => {
    const html = `<html><body><div id="page">Menu: <a href="https://valley.example/">Home</a>
      <div class="story"><p>${PARAGRAPH} <a href="https://fund.example.org/a">the budget</a>, ${PARAGRAPH}</p><p>${PARAGRAPH}</p><p>${PARAGRAPH}</p></div>
      <p>${PARAGRAPH} As <a href="https://fund.example.org/b">the fund said</a>, it had no choice.</p>
      </div></body></html>`;
    const root = parseHtmlTree(html, { indices: true });
    const choice = chooseBody(root);
    expect(choice.selector).toBe('div#page');
    expect(sources(html)).toEqual(['https://fund.example.org/a', 'https://fund.example.org/b']);
  });

  it('gives no article for a page over its size or depth bounds: our own scoring chooses, in linear time', () => {
    const wide = `<html><body><article>${`<p>${PARAGRAPH} <a href="https://x.example/">x</a></p>`.repeat(READER_MAX_ELEMENTS / 2)}</article></body></html>`;
    expect(readerArticle(parseHtmlTree(wide))).toBeUndefined();
    const wideChoice = chooseBody(parseHtmlTree(wide, { indices: true }));
    expect([wideChoice.selector, wideChoice.confident]).toEqual(['body > article', true]);
    const depth = READER_MAX_DEPTH + 2;
    const deep = `<html><body>${'<div>'.repeat(depth)}<p>${PARAGRAPH}</p><p>${PARAGRAPH}</p>${'</div>'.repeat(depth)}</body></html>`;
    expect(readerArticle(parseHtmlTree(deep))).toBeUndefined();
    expect(chooseBody(parseHtmlTree(deep, { indices: true })).confident).toBe(true);
    // Just under both bounds, Readability reads it.
    const shallow = `<html><body>${'<div>'.repeat(10)}<p>${PARAGRAPH}</p><p>${PARAGRAPH}</p>${'</div>'.repeat(10)}</body></html>`;
    expect(readerArticle(parseHtmlTree(shallow))?.length).toBeGreaterThan(200);
  });

  it('reads a news page of 5,000 elements, and bounds its work by elements times depth', () => {
    // A story beside menus and 1,200 headline boxes: a real news page's size, past the old bound of 3,000.
    const box = '<div class="teaser"><a href="/news/x">A headline of the day</a> <span>2h</span></div>';
    const wide = `<html><body><nav><a href="/">Home</a></nav><div id="story"><p>${PARAGRAPH} <a href="https://fund.example.org/a">the budget</a>.</p><p>${PARAGRAPH}</p><p>${PARAGRAPH}</p></div><div class="more">${box.repeat(1_600)}</div></body></html>`;
    const root = parseHtmlTree(wide, { indices: true });
    const article = readerArticle(root);
    expect(article?.els.length).toBeGreaterThan(4_800);
    expect(chooseBody(root).selector).toBe('div#story');
    // 2,800 elements 44 levels deep: under the element and depth bounds, over the work bound.
    const deep = `<html><body>${'<div class="x">'.repeat(44)}${`<div><a href="https://x.example/">a link</a> and words</div>`.repeat(1_400)}${'</div>'.repeat(44)}</body></html>`;
    expect(readerArticle(parseHtmlTree(deep))).toBeUndefined();
  });

  it("does not see the content of a <template> (an inert fragment in a browser's DOM) as the page's text", () => {
    const card = `<div class="card-body"><p>${PARAGRAPH} ${PARAGRAPH}</p><p>${PARAGRAPH} ${PARAGRAPH}</p><p>${PARAGRAPH} <a href="https://ads.example/">offer</a></p></div>`;
    const html = `<html><body><nav><a href="/">Home</a> <a href="/news/">News</a></nav>
      <div id="story"><p>${PARAGRAPH} <a href="https://fund.example.org/a">the budget</a>.</p><p>${PARAGRAPH}</p><p>${PARAGRAPH}</p></div>
      <div id="app"><template id="card">${card}</template></div></body></html>`;
    const post = parseHtmlDocument(html, { source: 'page.html' });
    expect([post.bodySelector, post.warnings]).toEqual(['div#story', []]);
  });

  it('is loaded by the first HTML page with furniture to choose from: not by Markdown, REST posts or a lone article', () => {
    // A fresh process (the module cache of this one holds it already): each step says whether
    // Readability was loaded so far.
    const script = `
      import { createRequire } from 'node:module';
      import { parseDocument } from ${JSON.stringify(pathToFileURL(path.join(ROOT, 'dist/sources/index.js')).href)};
      const cache = createRequire(import.meta.url).cache;
      const loaded = () => Object.keys(cache).some((k) => k.includes('@mozilla'));
      const P = ${JSON.stringify(PARAGRAPH)};
      const steps = [];
      parseDocument('# Title\\n\\n' + P + ' [the budget](https://fund.example.org/a).\\n', { source: 'post.md' });
      parseDocument(JSON.stringify({ id: 1, link: 'https://blog.example/p/', content: { rendered: '<p>' + P + '</p>' } }), { source: 'post.json' });
      steps.push(loaded());
      parseDocument('<html><body><article><p>' + P + '</p><p>' + P + '</p></article></body></html>', { source: 'lone.html' });
      steps.push(loaded());
      parseDocument('<html><body><nav><a href="/">Home</a> <a href="/news/">News</a></nav><article><p>' + P + '</p><p>' + P + '</p></article><aside><p>' + P + '</p></aside></body></html>', { source: 'page.html' });
      steps.push(loaded());
      console.log(JSON.stringify(steps));`;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual([false, false, true]);
  });

  it('a lone article (no furniture, nearly all the text in one element) is chosen without it, as it would choose', () => {
    const lone = `<html><body><article><h1>Grants</h1><p>${PARAGRAPH} <a href="https://fund.example.org/a">the budget</a>.</p><p>${PARAGRAPH}</p></article></body></html>`;
    const choice = chooseBody(parseHtmlTree(lone, { indices: true }));
    expect([choice.selector, choice.confident, choice.skip]).toEqual(['body > article', true, []]);
    expect(readerArticle(parseHtmlTree(lone))?.kept.some((k) => k === 1)).toBe(true);
  });

  it('never takes a modal dialog the page hides until a script opens it, and takes the short status Readability finds', () => {
    // A status page: one short post, menus, and a direct-messages dialog holding more text
    // than the post (the page's CSS hides it; Readability, reading markup, took it).
    const html = readFileSync(path.join(PAGES, 'status-with-dialog.html'), 'utf8');
    const post = parseHtmlDocument(html, { source: 'status-with-dialog.html' });
    expect(post.bodySelector).toBe('div#doc');
    expect(post.warnings).toEqual([]);
    expect(post.body).not.toContain('Direct messages');
    expect(sources(html)).toContain('http://t.co/abc123');
  });

  it('never takes a dialog by element or ARIA (an open <dialog>, role dialog/alertdialog, aria-modal) over the story after it', () => {
    // A newsletter box over the page, with more text than the story: a reviewer's shapes.
    const box = `<p>${PARAGRAPH} <a href="https://news.example/subscribe">Join us</a>.</p><p>${PARAGRAPH}</p><p>${PARAGRAPH}</p>`;
    const story = '<article><p>The mayor said the budget grew 8% this year.</p></article>';
    for (const [open, close] of [
      ['<dialog open>', '</dialog>'],
      ['<div role="dialog">', '</div>'],
      ['<div role="alertdialog">', '</div>'],
      ['<div aria-modal="true" id="nl">', '</div>'],
    ]) {
      const post = parseHtmlDocument(`<html><body>${open}${box}${close}${story}</body></html>`, {
        source: 'page.html',
      });
      expect([open, post.bodySelector, post.body]).toEqual([
        open,
        'body > article',
        expect.stringContaining('The mayor said'),
      ]);
      expect(post.body).not.toContain('Join us');
    }
  });

  it('leaves a dialog inside the chosen body out of it, by class or id (Bootstrap, jQuery UI, a site of its own)', () => {
    const dialogs = [
      '<div class="modal fade" id="signup">',
      '<div class="ui-dialog ui-widget">',
      '<div id="share_dialog">',
      '<div class="modal-container">',
    ];
    for (const open of dialogs) {
      const html = `<html><body><nav><a href="/">Home</a></nav><div id="story"><p>${PARAGRAPH} <a href="https://fund.example.org/a">the budget</a>.</p><p>${PARAGRAPH}</p>
        ${open}<p>${PARAGRAPH} <a href="https://valley.example/signup">Sign up</a>.</p><p>${PARAGRAPH}</p><p>${PARAGRAPH}</p></div></div></body></html>`;
      expect([open, sources(html)]).toEqual([open, ['https://fund.example.org/a']]);
    }
    // A story about dialogue, or a "modality" class, is no dialog.
    const story = `<html><body><nav><a href="/">Home</a></nav><div class="dialogue modality"><p>${PARAGRAPH} <a href="https://fund.example.org/a">the budget</a>.</p><p>${PARAGRAPH}</p><p>${PARAGRAPH}</p></div></body></html>`;
    expect(parseHtmlDocument(story, { source: 'page.html' }).bodySelector).toBe('body > div.dialogue.modality');
  });
});
