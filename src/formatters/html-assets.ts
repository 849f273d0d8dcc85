import { sha256Of } from '../hash.js';

/** Inline stylesheet of the HTML report: responsive, light/dark, no external assets. */
export const HTML_STYLE = `
:root{--bg:#fff;--fg:#1b1f24;--muted:#5b636e;--line:#d8dee4;--card:#f6f8fa;--err:#b42318;--err-bg:#fde8e7;--warn:#8a5a00;--warn-bg:#fff3cd;--ok:#137333;--ok-bg:#e6f4ea;--note:#1a56b0;--note-bg:#e8f0fe;--neutral-bg:#eceff1}
@media (prefers-color-scheme:dark){:root{--bg:#0f1419;--fg:#e6e8eb;--muted:#9aa4ae;--line:#2d333b;--card:#161b22;--err:#ff8a80;--err-bg:#3d1614;--warn:#ffd166;--warn-bg:#3a2c05;--ok:#81c995;--ok-bg:#10301b;--note:#8ab4f8;--note-bg:#132a4d;--neutral-bg:#252a31}}
*{box-sizing:border-box}
[hidden]{display:none!important}
body{margin:0;background:var(--bg);color:var(--fg);font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
.wrap{max-width:70rem;margin:0 auto;padding:1rem}
h1{font-size:1.5rem;margin:.2rem 0}h2{font-size:1.25rem;margin:0 0 .25rem}h3{font-size:.85rem;font-weight:600;color:var(--muted);margin:0 0 .3rem;text-transform:uppercase;letter-spacing:.03em}
.meta{color:var(--muted);font-size:.9rem;margin:.2rem 0;overflow-wrap:anywhere}
a{color:var(--note)}
.banner{padding:.6rem .8rem;border-radius:.4rem;margin:.6rem 0;font-weight:600}
.banner.interrupted,.banner.warn{background:var(--warn-bg);color:var(--warn)}
.banner.lost{background:var(--err-bg);color:var(--err)}
.cards{display:flex;flex-wrap:wrap;gap:.5rem;margin:.8rem 0;padding:0;list-style:none}
.cards li{background:var(--card);border:1px solid var(--line);border-radius:.4rem;padding:.4rem .7rem;min-width:6.5rem}
.cards b{display:block;font-size:1.3rem}
.cards .sev-error b{color:var(--err)}.cards .sev-warning b{color:var(--warn)}.cards .sev-note b{color:var(--note)}
#status-filter{position:sticky;top:0;z-index:1;background:var(--bg);border-bottom:1px solid var(--line);padding:.5rem 0;margin-bottom:1rem}
#status-filter fieldset{border:0;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.35rem;align-items:center}
#status-filter legend{float:left;margin-right:.4rem;font-weight:600}
#status-filter label{border:1px solid var(--line);border-radius:1rem;padding:.15rem .6rem;cursor:pointer;white-space:nowrap;font-size:.9rem}
#status-filter button{border:1px solid var(--line);background:var(--card);color:var(--fg);border-radius:1rem;padding:.15rem .6rem;font:inherit;font-size:.9rem;cursor:pointer}
.post{border:1px solid var(--line);border-radius:.5rem;padding:1rem;margin:0 0 .8rem}
.post>summary{cursor:pointer;list-style-position:outside;margin-left:1rem}
.post>summary h2{display:inline;overflow-wrap:anywhere}
.post>summary .meta{display:block}
.post:not([open]){padding:.6rem 1rem}.post:not([open])>summary .post-summary{margin-bottom:0}
.post-list{list-style:none;margin:0;padding:0}
.post-list .post-title{font-weight:600;font-size:1.05rem;overflow-wrap:anywhere}
#status-filter .search{margin:.5rem 0 0;display:flex;flex-wrap:wrap;gap:.4rem;align-items:center}
#status-filter .search label{border:0;padding:0;font-weight:600;cursor:auto}
#post-search{flex:1 1 14rem;max-width:32rem;font:inherit;padding:.2rem .5rem;border:1px solid var(--line);border-radius:.3rem;background:var(--bg);color:var(--fg)}
#post-count{color:var(--muted);font-size:.9rem}
#more-posts{font:inherit;padding:.3rem .9rem;border:1px solid var(--line);border-radius:1rem;background:var(--card);color:var(--fg);cursor:pointer}
.post-summary{display:flex;flex-wrap:wrap;gap:.3rem;list-style:none;padding:0;margin:.5rem 0}
.post-findings{margin:.4rem 0;padding-left:1.2rem}
.block{border-top:1px solid var(--line);padding:.8rem 0 .4rem}
.block.filtered-out{display:none}
.block-text{margin:.2rem 0 .6rem;font-size:1.02rem}
.block-text mark{background:none;color:inherit;border-bottom:3px solid;padding:0 .1rem}
.block-text sup{font-size:.7rem;font-weight:700;margin-left:.1rem}
.badge{display:inline-block;border-radius:.3rem;padding:0 .4rem;font-size:.75rem;font-weight:700;letter-spacing:.02em;white-space:nowrap}
.s-broken,.s-unreachable,.s-soft-404,.s-invalid,.s-damaged{--c:var(--err);--cb:var(--err-bg)}
.s-timeout,.s-blocked,.s-attention{--c:var(--warn);--cb:var(--warn-bg)}
.s-ok{--c:var(--ok);--cb:var(--ok-bg)}
.s-excluded,.s-skipped,.s-unchecked{--c:var(--muted);--cb:var(--neutral-bg)}
.badge,.chip{color:var(--c);background:var(--cb)}
.chip{border-radius:1rem;padding:0 .55rem;font-size:.85rem}
mark.s-damaged{background:var(--err-bg)}
.block-text mark{border-color:var(--c)}
table.citations{width:100%;border-collapse:collapse;font-size:.92rem}
table.citations th{text-align:left;color:var(--muted);font-weight:600;border-bottom:1px solid var(--line);padding:.25rem .4rem}
table.citations td{vertical-align:top;border-bottom:1px solid var(--line);padding:.35rem .4rem}
td.url{overflow-wrap:anywhere}
.anchor{font-weight:600}
.findings{margin:.2rem 0 0;padding-left:1rem;font-size:.88rem}
.sev-error{color:var(--err)}.sev-warning{color:var(--warn)}.sev-note{color:var(--note)}
.uncited{background:var(--note-bg);color:var(--note);border-radius:.3rem;padding:.3rem .6rem;font-size:.92rem}
.code{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:.8rem}
details.other{color:var(--muted);font-size:.9rem;margin-top:.6rem}
footer{color:var(--muted);font-size:.85rem;margin:2rem 0}
@media (max-width:640px){.wrap{padding:.6rem}.post{padding:.7rem}table.citations thead{display:none}table.citations tr{display:block;border-bottom:1px solid var(--line);padding:.3rem 0}table.citations td{display:block;border:0;padding:.1rem 0}.cards li{min-width:45%}}
`;

/**
 * The report's script. Static text so the CSP can allow it by hash and nothing else; it reads
 * stable hooks only: `#status-filter input[value=…]`, `#post-search`, `tr[data-filter]`,
 * `article.block`, `details.post`, and for an archive `#report-data` (see html-archive.ts),
 * from which it lists the posts a page at a time and builds a post's details when it is
 * opened, setting every string from a post as text (never as markup).
 */
export const HTML_SCRIPT = `(function () {
  var form = document.getElementById('status-filter');
  if (!form) return;
  var search = document.getElementById('post-search');
  var count = document.getElementById('post-count');
  var list = document.getElementById('post-list');
  var more = document.getElementById('more-posts');
  var source = document.getElementById('report-data');
  var data = source && list ? JSON.parse(source.textContent) : null;
  var PAGE = 100;
  var shown = 0;
  var matches = [];
  var found = {};
  var items = {};
  var ORDER = ['broken', 'unreachable', 'invalid', 'soft-404', 'timeout', 'blocked', 'ok', 'excluded', 'skipped', 'unchecked'];

  function keysOn() {
    var on = {};
    var boxes = form.querySelectorAll('input[type=checkbox]');
    for (var i = 0; i < boxes.length; i++) on[boxes[i].value] = boxes[i].checked;
    return on;
  }
  function everyOn(on) {
    for (var key in on) if (!on[key]) return false;
    return true;
  }
  function applyRows(root, on) {
    var rows = root.querySelectorAll('tr[data-filter]');
    for (var j = 0; j < rows.length; j++) rows[j].hidden = on[rows[j].getAttribute('data-filter')] === false;
    var blocks = root.querySelectorAll('article.block');
    for (var k = 0; k < blocks.length; k++) {
      var own = blocks[k].querySelectorAll('tr[data-filter]');
      if (!own.length) continue;
      var visible = false;
      for (var m = 0; m < own.length; m++) if (!own[m].hidden) { visible = true; break; }
      blocks[k].classList.toggle('filtered-out', !visible);
    }
  }
  function query() {
    return search ? search.value.trim().toLowerCase() : '';
  }
  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined) node.textContent = text;
    return node;
  }
  function link(url) {
    var ok = false;
    try { var parsed = new URL(url); ok = parsed.protocol === 'http:' || parsed.protocol === 'https:'; } catch (e) { ok = false; }
    if (!ok) return el('span', 'code', url);
    var a = el('a', '', url);
    a.href = url;
    a.rel = 'noopener noreferrer nofollow';
    return a;
  }
  function plural(n, one) {
    return n + ' ' + one + (n === 1 ? '' : 's');
  }
  function findingList(cls, findings) {
    var ul = el('ul', cls);
    for (var i = 0; i < findings.length; i++) {
      var li = el('li', 'sev-' + findings[i][0]);
      li.appendChild(el('span', 'code', findings[i][1]));
      li.appendChild(document.createTextNode(' ' + findings[i][2]));
      ul.appendChild(li);
    }
    return ul;
  }

  // An archive: posts come from #report-data, a page at a time.
  function haystack(p) {
    if (found[p.n] !== undefined) return found[p.n];
    var words = [p.t, p.s, p.u || '', p.m];
    for (var i = 0; i < p.c.length; i++) words.push(p.c[i][1], data.urls[p.c[i][0]][0]);
    for (var j = 0; j < p.d.length; j++) words.push(p.d[j][0]);
    found[p.n] = words.join(' ').toLowerCase();
    return found[p.n];
  }
  function wanted(p, on, all, q) {
    if (!all) {
      var keys = p.k ? p.k.split(' ') : [];
      var any = false;
      for (var i = 0; i < keys.length; i++) if (on[keys[i]]) { any = true; break; }
      if (!any) return false;
    }
    return !q || haystack(p).indexOf(q) >= 0;
  }
  function postItem(p) {
    var item = el('li');
    var post = el('details', 'post');
    post.id = 'post-' + p.n;
    post.setAttribute('data-worst', p.w);
    var summary = el('summary');
    summary.appendChild(el('span', 'post-title', p.t));
    summary.appendChild(el('span', 'meta', p.s + (p.m ? ' · ' + p.m : '')));
    var chips = el('span', 'post-summary');
    chips.appendChild(el('span', 'chip', plural(p.c.length, 'citation')));
    var failing = 0;
    for (var i = 0; i < p.c.length; i++) {
      var cls = data.urls[p.c[i][0]][1];
      if (ORDER.indexOf(cls) < 6) failing++;
    }
    if (failing) chips.appendChild(el('span', 'chip s-broken', failing + ' failing'));
    if (p.d.length) chips.appendChild(el('span', 'chip s-damaged', 'damaged anchors ' + p.d.length));
    chips.appendChild(el('span', 'chip', plural(p.f[0], 'error') + ' · ' + plural(p.f[1], 'warning') + ' · ' + plural(p.f[2], 'note')));
    summary.appendChild(chips);
    post.appendChild(summary);
    post.addEventListener('toggle', function () {
      if (!post.open || post.getAttribute('data-filled')) return;
      post.setAttribute('data-filled', 'true');
      post.appendChild(postBody(p));
      applyRows(post, keysOn());
    });
    item.appendChild(post);
    return item;
  }
  function postBody(p) {
    var body = el('div', 'post-body');
    if (p.u) {
      var where = el('p', 'meta');
      where.appendChild(link(p.u));
      body.appendChild(where);
    }
    if (p.p.length) body.appendChild(findingList('post-findings', p.p));
    for (var b = 0; b < p.b.length; b++) {
      var block = el('article', 'block claim');
      block.appendChild(el('h3', '', '¶' + p.b[b][0] + ' · ' + p.b[b][1] + (p.b[b][3] ? ' · line ' + p.b[b][3] : '')));
      block.appendChild(el('p', 'block-text', p.b[b][2]));
      body.appendChild(block);
    }
    if (p.c.length || p.d.length) {
      var table = el('table', 'citations');
      var head = el('tr');
      var titles = ['¶', 'Status', 'Source', 'Details'];
      for (var t = 0; t < titles.length; t++) head.appendChild(el('th', '', titles[t]));
      table.appendChild(el('thead')).appendChild(head);
      var tbody = el('tbody');
      var rows = p.c.slice().sort(function (x, y) {
        return ORDER.indexOf(data.urls[x[0]][1]) - ORDER.indexOf(data.urls[y[0]][1]);
      });
      for (var r = 0; r < rows.length; r++) {
        var c = rows[r];
        var url = data.urls[c[0]];
        var tr = el('tr', 'citation');
        tr.setAttribute('data-status', url[1]);
        tr.setAttribute('data-filter', c[3] || url[1]);
        tr.appendChild(el('td', '', '¶' + c[2]));
        tr.appendChild(el('td')).appendChild(el('span', 'badge s-' + url[1], url[2]));
        var cell = el('td', 'url');
        if (c[1]) {
          cell.appendChild(el('span', 'anchor', '“' + c[1] + '”'));
          cell.appendChild(el('br'));
        }
        cell.appendChild(link(url[0]));
        tr.appendChild(cell);
        var facts = el('td', '', url[3]);
        if (c[4].length) facts.appendChild(findingList('findings', c[4]));
        tr.appendChild(facts);
        tbody.appendChild(tr);
      }
      for (var d = 0; d < p.d.length; d++) {
        var lost = el('tr', 'citation damaged');
        lost.setAttribute('data-status', 'damaged');
        lost.setAttribute('data-filter', 'damaged');
        lost.appendChild(el('td', '', '¶' + p.d[d][1]));
        lost.appendChild(el('td')).appendChild(el('span', 'badge s-damaged', 'DAMAGED'));
        var anchor = el('td', 'url');
        anchor.appendChild(el('span', 'anchor', '“' + p.d[d][0] + '”'));
        anchor.appendChild(el('br'));
        anchor.appendChild(el('em', '', 'URL lost'));
        lost.appendChild(anchor);
        lost.appendChild(el('td', '', p.d[d][2]));
        tbody.appendChild(lost);
      }
      table.appendChild(tbody);
      body.appendChild(table);
    }
    if (p.o.length) {
      var notes = [];
      for (var o = 0; o < p.o.length; o++)
        notes.push(p.o[o][1] + ' × ' + p.o[o][0] + (p.o[o][2].length ? ' (¶' + p.o[o][2].join(', ¶') + ')' : ''));
      body.appendChild(el('p', 'meta', 'Notes: ' + notes.join(' · ') + '; worded in the JSON report.'));
    }
    return body;
  }
  function showMore() {
    var end = Math.min(shown + PAGE, matches.length);
    var page = document.createDocumentFragment();
    for (; shown < end; shown++) {
      var p = matches[shown];
      // A post keeps its element (opened, filled) when the list is filtered again.
      if (!items[p.n]) items[p.n] = postItem(p);
      page.appendChild(items[p.n]);
    }
    list.appendChild(page);
    more.hidden = shown >= matches.length;
    more.textContent = 'Show ' + Math.min(PAGE, matches.length - shown) + ' more posts';
    count.textContent = 'Showing ' + shown + ' of ' + plural(matches.length, 'post') + (matches.length < data.posts.length ? ' (' + data.posts.length + ' in the report)' : '');
  }
  function listPosts() {
    var on = keysOn();
    var all = everyOn(on);
    var q = query();
    matches = [];
    for (var i = 0; i < data.posts.length; i++) if (wanted(data.posts[i], on, all, q)) matches.push(data.posts[i]);
    list.textContent = '';
    shown = 0;
    showMore();
  }

  // A report of a few posts: they are all in the page; the search hides the others.
  function searchPosts() {
    var q = query();
    var posts = document.querySelectorAll('details.post');
    var hits = 0;
    for (var i = 0; i < posts.length; i++) {
      var hit = !q || posts[i].textContent.toLowerCase().indexOf(q) >= 0;
      posts[i].hidden = !hit;
      if (hit) hits++;
      if (hit && q) posts[i].open = true;
    }
    if (count) count.textContent = q ? hits + ' of ' + plural(posts.length, 'post') + ' match' : '';
  }

  function apply() {
    if (data) listPosts();
    else searchPosts();
    applyRows(document, keysOn());
  }
  var typing = 0;
  if (search) search.addEventListener('input', function () {
    clearTimeout(typing);
    typing = setTimeout(apply, 150);
  });
  if (more) more.addEventListener('click', function () {
    showMore();
    applyRows(list, keysOn());
  });
  form.addEventListener('submit', function (event) { event.preventDefault(); });
  form.addEventListener('change', function (event) {
    // The search box filters as one types; its change event (on blur) would only redo that.
    if (event.target !== search) apply();
  });
  form.addEventListener('click', function (event) {
    var preset = event.target && event.target.getAttribute && event.target.getAttribute('data-preset');
    if (!preset) return;
    var boxes = form.querySelectorAll('input[type=checkbox]');
    for (var i = 0; i < boxes.length; i++) boxes[i].checked = preset === 'all' || boxes[i].getAttribute('data-failing') === 'true';
    apply();
  });
  apply();
})();`;

let csp: string | undefined;

/**
 * The Content-Security-Policy of the report: nothing loads, only our stylesheet and hashed script
 * run (the script's source is its SHA-256, so injected markup could not run a script even if it
 * slipped through). Made on first use: runs without an HTML report hash nothing.
 */
export function htmlCsp(): string {
  csp ??= `default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${sha256Of(HTML_SCRIPT, 'base64')}'; img-src data:; base-uri 'none'; form-action 'none'`;
  return csp;
}
