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

describe('WordPress posts with nothing in content.rendered', () => {
  it.each([[''], ['  \n\t'], ['<!-- wp:paragraph -->\n<p></p>\n<!-- /wp:paragraph -->']])(
    'warn instead of reporting 0 blocks in silence: %j',
    (body) => {
      const [post] = parseDocument(JSON.stringify({ id: 4, content: { rendered: body } }), { source: 'p.json' });
      expect(post.warnings).toEqual([
        { code: 'INPUT_REPAIRED', repair: 'content.rendered is empty: nothing to check' },
      ]);
    },
  );

  it('say nothing when the body holds only a link or an image: there is something to check', () => {
    const [post] = parseDocument(
      JSON.stringify({ id: 4, content: { rendered: '<p><img src="https://img.test/a.png"></p>' } }),
      { source: 'p.json' },
    );
    expect(post.warnings).toEqual([]);
  });
});

describe('WordPress posts without a link', () => {
  it('resolve root-relative links against the site named by guid', async () => {
    const { extractPost } = await import('../../src/extract/index.js');
    const json = JSON.stringify({
      id: 1,
      guid: { rendered: 'https://site.test/?p=1' },
      content: { rendered: '<p>See <a href="/about/">this</a>.</p>' },
    });
    const [post] = parseDocument(json, { source: 'p.json' });
    expect(post.url).toBeUndefined();
    const [citation] = extractPost(post).blocks[0].citations;
    expect([citation.url, citation.isInternal]).toEqual(['https://site.test/about/', true]);
  });
});

describe('WordPress REST error bodies', () => {
  const body = '{"code":"rest_post_invalid_id","message":"Invalid post ID.","data":{"status":404}}';

  it('a saved error body is refused with the API code and message, not "no content.rendered"', () => {
    expect(() => parseDocument(body, { source: 'post.json' })).toThrow(
      'post.json: WordPress API error rest_post_invalid_id: Invalid post ID. (HTTP 404)',
    );
  });

  it('an error without data.status, with markup in the message, stays one line', () => {
    const json = JSON.stringify({ code: 'rest_forbidden', message: 'Sorry, you are <b>not allowed</b>\nto do that.' });
    expect(() => parseDocument(json, { source: '-' })).toThrow(
      /^-: WordPress API error rest_forbidden: Sorry, you are not allowed to do that\.$/,
    );
  });
});
