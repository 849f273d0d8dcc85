import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/sources/index.js';

describe('WordPress posts', () => {
  it('warns when a password-protected post has no content to check', () => {
    const json = JSON.stringify({ id: 9, content: { rendered: '', protected: true } });
    const [post] = parseDocument(json, { source: 'p.json' });
    expect(post.warnings.map((w) => w.code)).toEqual(['INPUT_REPAIRED']);
    expect(post.warnings[0].repair).toMatch(/password-protected/);
  });
});

describe('WordPress posts without a link', () => {
  it('resolve root-relative links against the site named by guid', async () => {
    const { extractPost } = await import('../../src/extract/index.js');
    const json = JSON.stringify({ id: 1, guid: { rendered: 'https://site.test/?p=1' }, content: { rendered: '<p>See <a href="/about/">this</a>.</p>' } });
    const [post] = parseDocument(json, { source: 'p.json' });
    expect(post.url).toBeUndefined();
    const [citation] = extractPost(post).blocks[0].citations;
    expect([citation.url, citation.isInternal]).toEqual(['https://site.test/about/', true]);
  });
});
