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
