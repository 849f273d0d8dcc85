import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { parseHtmlTree, type DomNode } from '../../src/sources/html-tree.js';

/**
 * parseHtmlTree builds its tree with a handler of its own (lighter nodes, children arrays of
 * their exact size): it must be the tree htmlparser2's parseDocument (domhandler) builds, in
 * every field citecheck reads.
 */

/** The fields of DomNode, recursively, without the parent links (checked apart). */
function shape(node: DomNode): unknown {
  const out: Record<string, unknown> = { type: node.type };
  if (node.name !== undefined) out.name = node.name;
  if (node.attribs !== undefined) out.attribs = { ...node.attribs };
  if (node.data !== undefined) out.data = node.data;
  out.startIndex = node.startIndex ?? null;
  out.endIndex = node.endIndex ?? null;
  if (node.children !== undefined) out.children = node.children.map(shape);
  return out;
}

/** Every node's parent is the node whose children hold it. */
function parentsHold(root: DomNode): boolean {
  const stack = [root];
  while (stack.length > 0) {
    const node = stack.pop() as DomNode;
    for (const child of node.children ?? []) {
      if (child.parent !== node) return false;
      stack.push(child);
    }
  }
  return root.parent === null;
}

const SNIPPETS = [
  '',
  'plain text &amp; an entity &copy; and &#x41;',
  '<p>one<p>two<div>three</p>four',
  '<article><p>x</p><p>y <a href="/a" rel="nofollow">link</a> z</p></article>',
  '<ul><li>a<li>b</ul><table><tr><td>c<td>d</table>',
  '<br><br/><img src=x alt="an &quot;alt&quot;"><hr>',
  '<!doctype html><html><head><title>T &lt; U</title></head><body>b</body></html>',
  '<!-- a comment --><p>x<!-- another -->y</p><!-- unclosed',
  '<svg><![CDATA[ raw <text> ]]><title>t</title></svg><math><mi>x</mi></math>',
  '<?xml version="1.0"?><p>after a processing instruction</p>',
  '<script>if (a < b) { x = "</p>" }</script><style>p > a { }</style><p>after</p>',
  '<p>unclosed <b>bold <i>both</b> italic',
  '</a></p>orphans<a href="#">open',
  '<div>'.repeat(50) + 'deep',
  '<p>x</p>'.repeat(200),
  '<textarea><p>not a tag</p></textarea><noscript><p>n</p></noscript>',
];

const FIXTURE_DIRS = ['test/fixtures/pages', 'test/fixtures/credits', 'test/fixtures/inputs'];

const fixtures = FIXTURE_DIRS.flatMap((dir) =>
  readdirSync(dir)
    .filter((name) => name.endsWith('.html'))
    .map((name) => [path.join(dir, name), readFileSync(path.join(dir, name), 'utf8')] as const),
);

describe('parseHtmlTree builds the tree htmlparser2 builds', () => {
  const cases = [...SNIPPETS.map((html, i) => [`snippet ${i}`, html] as const), ...fixtures];
  it.each(cases)('%s', (_name, html) => {
    for (const indices of [false, true]) {
      const ours = parseHtmlTree(html, { indices });
      const theirs = parseDocument(html, {
        decodeEntities: true,
        withStartIndices: indices,
        withEndIndices: indices,
      }) as unknown as DomNode;
      expect(shape(ours)).toEqual(shape(theirs));
      expect(parentsHold(ours)).toBe(true);
    }
  });
});
