import type { Finding, ReportCitation, ReportPost } from '../types.js';

// "scheme://user:password@host": the userinfo is a credential and must not reach a report
// that gets uploaded as a CI artifact or posted as a PR comment.
const USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@]+@/gi;

/** Replaces the user name and password of every URL in `text` with "***". */
export function redactCredentials(text: string): string {
  return text.includes('@') ? text.replace(USERINFO, '$1***@') : text;
}

function redactCitation(c: ReportCitation): void {
  c.url = redactCredentials(c.url);
  c.rawHref = redactCredentials(c.rawHref);
  if (c.checkUrl !== undefined) c.checkUrl = redactCredentials(c.checkUrl);
  if (c.finalUrl !== undefined) c.finalUrl = redactCredentials(c.finalUrl);
  // The chain is shared with the check result and other citations: replaced when it holds a
  // credential, never edited in place.
  if (c.redirects.some((hop) => hop.url.includes('@') || hop.location.includes('@'))) {
    c.redirects = c.redirects.map((hop) => ({
      ...hop,
      url: redactCredentials(hop.url),
      location: redactCredentials(hop.location),
    }));
  }
  if (c.archive?.url !== undefined) c.archive.url = redactCredentials(c.archive.url);
  if (c.archive?.originalUrl !== undefined) c.archive.originalUrl = redactCredentials(c.archive.originalUrl);
}

/**
 * Redacts URL credentials in the report's posts and findings, in place. Runs after findings
 * are derived, because deriving them looks check results up by the unredacted URL.
 */
export function redactReport(posts: ReportPost[], findings: Finding[]): void {
  for (const post of posts) {
    if (post.url !== undefined) post.url = redactCredentials(post.url);
    if (post.baseUrl !== undefined) post.baseUrl = redactCredentials(post.baseUrl);
    // Index loops: once over every block, where for…of made an iterator per block (see totals.ts).
    const blocks = post.blocks;
    for (let b = 0; b < blocks.length; b++) {
      const citations = blocks[b].citations;
      for (let i = 0; i < citations.length; i++) redactCitation(citations[i]);
    }
  }
  for (const finding of findings) {
    finding.message = redactCredentials(finding.message);
    if (finding.url !== undefined) finding.url = redactCredentials(finding.url);
    // for…in, not Object.entries: no arrays made per finding (millions in a hostile post).
    const args = finding.args;
    for (const key in args) {
      const value = args[key];
      if (typeof value === 'string' && value.includes('@')) args[key] = redactCredentials(value);
    }
  }
}
