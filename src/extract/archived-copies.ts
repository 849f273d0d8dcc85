import type { RawLink } from './block-builder.js';

/** The words a writer (and `citecheck fix --dead-link annotate`) puts on a link to a source's archived copy. */
const ARCHIVED_LABEL = /^\s*archived( copy)?\s*$/i;

/**
 * Gives each link of a block the archived copy written right after it, as "source (archived)"
 * with "archived" a link: the Markdown `[x](url) ([archived](copy))` that `citecheck fix
 * --dead-link annotate` writes, or the same in HTML. A Robust Links `data-versionurl` on the
 * link itself (read by the walker) wins. Linear in the links; the gap between two links is
 * looked at only when it is a few characters long.
 */
export function pairArchivedCopies(text: string, links: RawLink[]): void {
  for (let i = 0; i + 1 < links.length; i++) {
    const link = links[i];
    const next = links[i + 1];
    if (link.versionUrl !== undefined || !ARCHIVED_LABEL.test(next.anchorText)) continue;
    if (next.start < link.end || next.start - link.end > 4) continue;
    if (/^\s*\(\s*$/.test(text.slice(link.end, next.start))) link.versionUrl = next.href;
  }
}
