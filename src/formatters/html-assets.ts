import { createHash } from 'node:crypto';

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
.post{border:1px solid var(--line);border-radius:.5rem;padding:1rem;margin:0 0 1.2rem}
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
 * The status filter. Static text so the CSP can allow it by hash and nothing else; it reads
 * stable hooks only: `#status-filter input[value=…]`, `tr[data-filter]`, `article.block`.
 */
export const HTML_SCRIPT = `(function () {
  var form = document.getElementById('status-filter');
  if (!form) return;
  function apply() {
    var on = {};
    var boxes = form.querySelectorAll('input[type=checkbox]');
    for (var i = 0; i < boxes.length; i++) on[boxes[i].value] = boxes[i].checked;
    var rows = document.querySelectorAll('tr[data-filter]');
    for (var j = 0; j < rows.length; j++) rows[j].hidden = on[rows[j].getAttribute('data-filter')] === false;
    var blocks = document.querySelectorAll('article.block');
    for (var k = 0; k < blocks.length; k++) {
      var own = blocks[k].querySelectorAll('tr[data-filter]');
      if (!own.length) continue;
      var visible = false;
      for (var m = 0; m < own.length; m++) if (!own[m].hidden) { visible = true; break; }
      blocks[k].classList.toggle('filtered-out', !visible);
    }
  }
  form.addEventListener('change', apply);
  form.addEventListener('click', function (event) {
    var preset = event.target && event.target.getAttribute && event.target.getAttribute('data-preset');
    if (!preset) return;
    var boxes = form.querySelectorAll('input[type=checkbox]');
    for (var i = 0; i < boxes.length; i++) boxes[i].checked = preset === 'all' || boxes[i].getAttribute('data-failing') === 'true';
    apply();
  });
  apply();
})();`;

/** CSP source for the inline script: its SHA-256, so injected markup could not run a script even if it slipped through. */
const HTML_SCRIPT_HASH = `'sha256-${createHash('sha256').update(HTML_SCRIPT, 'utf8').digest('base64')}'`;

/** The Content-Security-Policy of the report: nothing loads, only our stylesheet and hashed script run. */
export const HTML_CSP = `default-src 'none'; style-src 'unsafe-inline'; script-src ${HTML_SCRIPT_HASH}; img-src data:; base-uri 'none'; form-action 'none'`;
