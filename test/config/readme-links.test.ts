import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { OptionDecl } from '../../src/config/option-decl.js';
import { HOST_OPTION_TABLE, OPTION_TABLE } from '../../src/config/option-table.js';
import { ROOT } from '../cli/run-cli.js';

/** The README's lines outside fenced code blocks. */
function proseLines(readme: string): string[] {
  const lines: string[] = [];
  let fence: string | undefined;
  for (const line of readme.split('\n')) {
    const mark = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (mark !== undefined && (fence === undefined || mark.startsWith(fence))) {
      fence = fence === undefined ? mark : undefined;
      continue;
    }
    if (fence === undefined) lines.push(line);
  }
  return lines;
}

/** Heading texts and their anchors as GitHub makes them (lower case, punctuation dropped, spaces to -, -1 for a repeat). */
function headings(readme: string): { titles: Set<string>; anchors: Set<string> } {
  const titles = new Set<string>();
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const line of proseLines(readme)) {
    const title = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line)?.[1];
    if (title === undefined) continue;
    titles.add(title);
    const slug = title
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
      .replace(/ /g, '-');
    const n = seen.get(slug) ?? 0;
    seen.set(slug, n + 1);
    anchors.add(n === 0 ? slug : `${slug}-${n}`);
  }
  return { titles, anchors };
}

describe("the README's references to its own sections", () => {
  it('every [text](#anchor) link names a heading', async () => {
    const readme = await readFile(path.join(ROOT, 'README.md'), 'utf8');
    const { anchors } = headings(readme);
    const links = proseLines(readme).flatMap((line) => [...line.matchAll(/\]\(#([^)\s]+)\)/g)].map((m) => m[1]!));
    expect(links.length).toBeGreaterThan(0);
    expect(links.filter((anchor) => !anchors.has(decodeURIComponent(anchor)))).toEqual([]);
  });

  it('every "see <Section>" in an option note names a heading (the notes are the option table)', async () => {
    const readme = await readFile(path.join(ROOT, 'README.md'), 'utf8');
    const { titles } = headings(readme);
    const notes = [...(OPTION_TABLE as readonly OptionDecl[]), ...(HOST_OPTION_TABLE as readonly OptionDecl[])]
      .map((decl) => `${decl.help}; ${decl.note ?? ''}`)
      .join('\n');
    // A section is named with a capital: "see Safety", "see \"What counts as a source\"".
    const named = [...notes.matchAll(/\bsee "?([A-Z][^;:,)"\n]*)/g)].map((m) => m[1]!.trim());
    expect(named).toContain('Safety');
    expect(named.filter((title) => !titles.has(title))).toEqual([]);
  });
});
