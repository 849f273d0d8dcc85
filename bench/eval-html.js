#!/usr/bin/env node
/**
 * How right citecheck's HTML extraction is on real pages (issue 8), measured against what a
 * reader-mode extractor takes as the article. Not part of `npm test`; needs a corpus on disk:
 *
 *   npm run bench -- eval-html --corpus DIR [--base OTHER/dist] [--split FILE --set dev|held]
 *                              [--labels FILE] [--pages a,b] [--verbose]
 *   node bench/eval-html.js DIR [same options]     (after `npm run build`)
 *
 * DIR holds one folder per page with `source.html` (the saved page) and `expected.html` (the
 * article a reader mode extracted: Mozilla Readability's test pages have this shape). For each
 * page, citecheck reads `source.html` as an HTML input fetched from Readability's test address
 * (the page's canonical or og:url wins, as for any page), and the links it reports as sources
 * (no `role`, written in the page: not credit copies, not fragment-only jumps) are compared with
 * the links of `expected.html`. Both sides are resolved against the same base and normalised
 * the same way (host without "www.", links to the site itself as "site:" + path, no fragment,
 * no trailing "/"; links to the page itself and non-http links left out), then compared as sets.
 *
 * Prints per page and overall: precision and recall (micro over all links, and the mean over
 * pages), pages whose article was lost (no block, or recall 0 where the article has links),
 * pages read whole with a warning, and ANCHOR_DAMAGED counts with a sample. `--base` measures a
 * second build (e.g. an older commit's dist/) on the same pages, side by side.
 *
 * `--labels FILE` (JSON lines: {"page", "text" (the paragraph's first words), "needsSource",
 * "cited"}) measures CLAIM_UNCITED: a paragraph should be flagged when it needs a source and
 * cites none; precision and recall of the flags citecheck raised on those paragraphs.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
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
    else if (!a.startsWith('--') && opts.corpus === undefined) opts.corpus = a;
    else throw new Error(`unknown argument: ${a}`);
  }
  return opts;
}

/** One build of citecheck: its HTML reader, extraction and findings. */
async function loadBuild(dist) {
  const load = (file) => import(pathToFileURL(path.join(dist, file)).href);
  const [{ parseHtmlDocument }, { extractPost }, { deriveFindings }] = await Promise.all([
    load('sources/html.js'),
    load('extract/index.js'),
    load('report/derive-findings.js'),
  ]);
  return { dist, parseHtmlDocument, extractPost, deriveFindings };
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

/** The `href` of every `<a>` of an HTML document, in order. */
function anchorsOf(html) {
  const out = [];
  const stack = [parseHtml(html)];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node.type === 'tag' && node.name === 'a' && node.attribs?.href !== undefined) out.push(node.attribs.href);
    const kids = node.children ?? [];
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
  return out;
}

/** What one build reports on one page. */
function runPage(build, source) {
  const post = build.parseHtmlDocument(source, { source: 'source.html', url: PAGE_URL });
  const extracted = build.extractPost(post);
  const findings = build.deriveFindings([extracted], new Map());
  return { post, extracted, findings };
}

/** The links a build reports as sources, as keys. */
function sourceKeys(extracted, base, site, self) {
  const keys = new Set();
  for (const block of extracted.blocks)
    for (const c of block.citations) {
      if (c.role !== undefined || c.via !== undefined || c.invalid !== undefined) continue;
      if (c.origin !== undefined && c.origin !== 'a') continue;
      const key = keyOf(c.rawHref ?? c.url, base, site);
      if (key !== undefined && key !== self) keys.add(key);
    }
  return keys;
}

/** Scores one build on one page against the expected links. */
function scorePage(build, page, expectedHrefs) {
  const t0 = performance.now();
  const { post, extracted, findings } = runPage(build, page.source);
  const ms = performance.now() - t0;
  const base = post.baseUrl ?? post.url ?? PAGE_URL;
  const site = new Set(['fakehost', bareHost(post.url ?? PAGE_URL), bareHost(base)].filter(Boolean));
  const self = keyOf(post.url ?? PAGE_URL, base, site);
  const expected = new Set(expectedHrefs.map((h) => keyOf(h, base, site)).filter((k) => k !== undefined && k !== self));
  const got = sourceKeys(extracted, base, site, self);
  let tp = 0;
  for (const k of got) if (expected.has(k)) tp++;
  const damaged = findings.filter((f) => f.code === 'ANCHOR_DAMAGED');
  const uncited = findings.filter((f) => f.code === 'CLAIM_UNCITED');
  const wholePage = post.warnings.some((w) => /no article body found/.test(w.repair ?? ''));
  const lost = extracted.blocks.length === 0 || (expected.size > 0 && tp === 0);
  return {
    page: page.name,
    expected,
    got,
    tp,
    damaged,
    uncited,
    wholePage,
    lost,
    extracted,
    selector: post.bodySelector,
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
  for (const r of results) {
    tp += r.tp;
    got += r.got.size;
    exp += r.expected.size;
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
    lost: results.filter((r) => r.lost).map((r) => r.page),
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

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (!opts.corpus || !existsSync(opts.corpus)) {
    console.error(
      'usage: node bench/eval-html.js CORPUS_DIR [--base OTHER/dist] [--split FILE --set dev|held] [--labels FILE] [--pages a,b] [--verbose]',
    );
    process.exit(2);
  }
  const inSet = new Map();
  if (opts.split) {
    for (const line of readFileSync(opts.split, 'utf8').split('\n')) {
      const [name, set] = line.trim().split(/\s+/);
      if (name) inSet.set(name, set);
    }
  }
  const pages = readdirSync(opts.corpus, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .filter(
      (name) =>
        existsSync(path.join(opts.corpus, name, 'source.html')) &&
        existsSync(path.join(opts.corpus, name, 'expected.html')),
    )
    .filter((name) => opts.set === 'all' || inSet.get(name) === opts.set)
    .filter((name) => !opts.pages || opts.pages.has(name))
    .sort()
    .map((name) => {
      const dir = path.join(opts.corpus, name);
      return {
        name,
        source: readFileSync(path.join(dir, 'source.html'), 'utf8'),
        expectedHrefs: anchorsOf(readFileSync(path.join(dir, 'expected.html'), 'utf8')),
      };
    });
  if (pages.length === 0) {
    console.error(
      `no page (a folder with source.html and expected.html) in ${opts.corpus}${opts.set !== 'all' ? ` for set ${opts.set}` : ''}`,
    );
    process.exit(2);
  }

  const builds = [await loadBuild(path.join(HERE, '..', 'dist'))];
  if (opts.base) builds.push(await loadBuild(path.resolve(opts.base)));
  const names = builds.map((b, i) => (i === 0 ? 'this build' : `base (${b.dist})`));
  const results = builds.map((b) => pages.map((p) => scorePage(b, p, p.expectedHrefs)));

  console.log(
    `HTML citation extraction against reader-mode articles: ${pages.length} pages (${opts.set}) in ${opts.corpus}`,
  );
  console.log(`columns per build: expected links, reported sources, precision, recall, lost?, ANCHOR_DAMAGED`);
  const head = ['page'.padEnd(30), 'exp'.padStart(4)];
  for (let i = 0; i < builds.length; i++)
    head.push(i === 0 ? '| this: got   P    R  lost dmg' : '| base: got   P    R  lost dmg');
  console.log(head.join(' '));
  pages.forEach((p, k) => {
    const cols = [p.name.slice(0, 30).padEnd(30), String(results[0][k].expected.size).padStart(4)];
    for (const rs of results) {
      const r = rs[k];
      cols.push(
        `|       ${String(r.got.size).padStart(3)} ${pct(r.tp, r.got.size)} ${pct(r.tp, r.expected.size)} ${r.lost ? 'LOST' : r.wholePage ? 'whol' : '    '} ${String(r.damaged.length).padStart(3)}`,
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
    console.log(`  articles lost: ${t.lost.length}/${rs.length}${t.lost.length ? ` (${t.lost.join(', ')})` : ''}`);
    console.log(
      `  read whole with a warning: ${t.wholePage.length}${t.wholePage.length ? ` (${t.wholePage.join(', ')})` : ''}`,
    );
    console.log(
      `  ANCHOR_DAMAGED: ${t.damaged} on ${rs.filter((r) => r.damaged.length > 0).length} pages; extraction ${t.ms.toFixed(0)} ms in all`,
    );
    const sample = rs.flatMap((r) =>
      r.damaged.map((f) => `${r.page}: "${f.args.anchorText ?? ''}" (${f.args.reason ?? ''})`),
    );
    for (const line of sample.slice(0, 12)) console.log(`    ${line}`);
  });

  if (opts.verbose) {
    results.forEach((rs, i) => {
      console.log(`\n${names[i]}: per-page differences`);
      for (const r of rs) {
        const extra = [...r.got].filter((k) => !r.expected.has(k));
        const missed = [...r.expected].filter((k) => !r.got.has(k));
        if (extra.length + missed.length === 0) continue;
        console.log(`  ${r.page} (body ${r.selector})`);
        for (const k of extra.slice(0, 15)) console.log(`    + ${k}`);
        if (extra.length > 15) console.log(`    + … ${extra.length - 15} more`);
        for (const k of missed.slice(0, 15)) console.log(`    - ${k}`);
        if (missed.length > 15) console.log(`    - … ${missed.length - 15} more`);
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
