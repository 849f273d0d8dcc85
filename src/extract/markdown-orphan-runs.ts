import type { MarkdownIt, StateInline, Token } from 'markdown-it';
import type { TemplatesEnv } from './markdown-templates.js';

/**
 * A run of orphan `</a>` with plain words between (`word</a> word</a> …`, what a damaged export
 * leaves of its links) is one `html_inline` token, not two tokens a link: a 30 MB paragraph of
 * them made 6.7 million tokens, ~1.3 GB at the peak of its parse. The token's content is the
 * run's source, which renders to the very HTML the separate tokens render to: its words hold no
 * character markdown-it's text rule stops at (nor `"`, which its renderer escapes), so no
 * other rule would have read them, and the run starts and ends with a `</a>`. Rules that count
 * `</a>` read the token's `meta.closes`.
 */

const CLOSE = '</a>';

/** Characters markdown-it's text rule stops at (its isTerminatorChar), `"`, `\r` and `\n`. */
function plain(c: number): boolean {
  switch (c) {
    case 0x0a /* \n */:
    case 0x0d /* \r */:
    case 0x21 /* ! */:
    case 0x22 /* " */:
    case 0x23 /* # */:
    case 0x24 /* $ */:
    case 0x25 /* % */:
    case 0x26 /* & */:
    case 0x2a /* * */:
    case 0x2b /* + */:
    case 0x2d /* - */:
    case 0x3a /* : */:
    case 0x3c /* < */:
    case 0x3d /* = */:
    case 0x3e /* > */:
    case 0x40 /* @ */:
    case 0x5b /* [ */:
    case 0x5c /* \ */:
    case 0x5d /* ] */:
    case 0x5e /* ^ */:
    case 0x5f /* _ */:
    case 0x60 /* ` */:
    case 0x7b /* { */:
    case 0x7d /* } */:
    case 0x7e /* ~ */:
      return false;
    default:
      return true;
  }
}

/** The `</a>` a token stands for: a run's count, else one for a lone `</a>`-led tag, else 0. */
export function linkCloses(token: Token, isLinkClose: (html: string) => boolean): number {
  const closes = (token.meta as { closes?: number } | null)?.closes;
  if (closes !== undefined) return closes;
  return isLinkClose(token.content) ? 1 : 0;
}

/** The inline rule: two `</a>` or more with plain words between, as one token. */
function orphanRun(state: StateInline, silent: boolean): boolean {
  const src = state.src;
  const start = state.pos;
  const max = state.posMax;
  if (!state.md.options.html || !src.startsWith(CLOSE, start)) return false;
  let end = start + CLOSE.length;
  let closes = 1;
  for (;;) {
    let i = end;
    while (i < max && plain(src.charCodeAt(i))) i++;
    if (i + CLOSE.length > max || !src.startsWith(CLOSE, i)) break;
    end = i + CLOSE.length;
    closes++;
  }
  // One alone is markdown-it's html_inline rule's; a template's placeholder is restored in text
  // tokens only (markdown-templates.ts).
  if (closes < 2) return false;
  const templates = (state.env as TemplatesEnv | undefined)?.templates;
  if (templates !== undefined && src.slice(start, end).includes(templates.prefix)) return false;
  if (!silent) {
    const token = state.push('html_inline', '', 0);
    token.content = src.slice(start, end);
    token.meta = { closes };
    // As markdown-it's rule does for each `</a>` (its linkify rule reads the level).
    (state as StateInline & { linkLevel: number }).linkLevel -= closes;
  }
  state.pos = end;
  return true;
}

/** markdown-it plugin: the rule, before markdown-it's own for raw HTML. */
export function orphanRuns(md: MarkdownIt): void {
  md.inline.ruler.before('html_inline', 'citecheck_orphan_runs', orphanRun);
}
