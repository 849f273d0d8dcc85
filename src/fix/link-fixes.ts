import type { LinkStatus, Report } from '../types.js';

/** What `citecheck fix` may write. */
export interface FixOptions {
  /**
   * A dead source with a capture: `archive` links the capture instead (Markdown: the URL is
   * replaced; HTML: `href` becomes the capture), `annotate` keeps the original link and adds
   * the capture beside it (Markdown: "([archived](…))"; HTML: Robust Links attributes only).
   */
  deadLink: 'archive' | 'annotate';
  /** Robust Links for failing citations only, or for every citation with a capture (`all`). */
  robust: 'failing' | 'all';
}

/** The change one cited URL gets. */
export interface LinkFix {
  /** moved: a permanent redirect's target; archived: a dead source's capture; robust: a live source's capture. */
  reason: 'moved' | 'archived' | 'robust';
  /** moved: the new URL (the cited #fragment kept). */
  newUrl?: string;
  /**
   * archived/robust: the capture, the original and the date to write (Robust Links); moved,
   * with `robust: 'all'`: the new URL's capture, to decorate the updated link with.
   */
  capture?: {
    /** The capture's URL (the cited #fragment kept). */
    versionUrl: string;
    /** The URL it is a capture of. */
    originalUrl: string;
    /** The post's date (YYYY-MM-DD), else the capture's. */
    versionDate: string;
  };
}

const GONE: ReadonlySet<LinkStatus> = new Set<LinkStatus>(['broken', 'unreachable', 'soft-404', 'timeout']);

function withFragment(url: string, fragment: string | undefined): string {
  return fragment === undefined || url.includes('#') ? url : `${url}#${fragment}`;
}

/**
 * What the report recommends for one post's citations, keyed by the cited URL (normalised,
 * fragment included): a permanently moved source (LINK_REDIRECT_PERMANENT) gets its new URL;
 * a failing source with a capture near the post date gets the capture, unless --confirm does
 * not yet call it dead (LINK_FAILING); with `robust: 'all'`, a live source with a capture gets
 * the capture as Robust Links decoration. Archive links are left alone.
 */
export function planLinkFixes(report: Report, postIndex: number, options: FixOptions): Map<string, LinkFix> {
  const post = report.posts[postIndex];
  const fixes = new Map<string, LinkFix>();
  const moved = new Map<string, string>();
  for (const f of report.findings) {
    if (
      f.post === postIndex &&
      f.code === 'LINK_REDIRECT_PERMANENT' &&
      f.url !== undefined &&
      typeof f.args.newUrl === 'string'
    )
      moved.set(f.url, f.args.newUrl);
  }
  const postDay = post.published?.slice(0, 10);
  for (const block of post.blocks) {
    for (const c of block.citations) {
      if (fixes.has(c.url) || c.archive?.status === 'archive-link') continue;
      const newUrl = moved.get(c.url);
      const archive = c.archive?.status === 'found' && c.archive.url !== undefined ? c.archive : undefined;
      const capture = archive && {
        versionUrl: withFragment(archive.url ?? '', c.fragment),
        originalUrl: withFragment(newUrl ?? c.url, c.fragment),
        versionDate: postDay ?? archive.capturedAt?.slice(0, 10) ?? '',
      };
      if (newUrl !== undefined) {
        // A live source's capture is the new URL's (archive stage): the updated link gets it.
        const fix: LinkFix = { reason: 'moved', newUrl: withFragment(newUrl, c.fragment) };
        if (capture && options.robust === 'all') fix.capture = capture;
        fixes.set(c.url, fix);
        continue;
      }
      if (!capture) continue;
      if (GONE.has(c.status) && !c.unconfirmed) fixes.set(c.url, { reason: 'archived', capture });
      else if (options.robust === 'all' && c.status === 'ok') fixes.set(c.url, { reason: 'robust', capture });
    }
  }
  return fixes;
}
