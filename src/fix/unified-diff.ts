/**
 * A unified diff (`diff -u`, what `git apply` and `patch` read) of a text before and after a
 * fix. A fix only replaces spans inside lines and never adds or removes a line break, so lines
 * correspond one to one and the changed ones are known: no diff algorithm is needed, and the
 * diff is exact however long the lines (a WordPress export keeps a post on one line).
 */

const CONTEXT = 3;

function splitLines(text: string): string[] {
  const lines = text.split('\n');
  // "a\nb\n" is two lines, not three.
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** The diff, or '' when nothing changed. Labels are the paths after `a/` and `b/`. */
export function unifiedDiff(before: string, after: string, label: string): string {
  if (before === after) return '';
  const old = splitLines(before);
  const next = splitLines(after);
  const header = `--- a/${label}\n+++ b/${label}\n`;
  const endsOld = before.endsWith('\n') || before === '';
  const endsNew = after.endsWith('\n') || after === '';
  if (old.length !== next.length) return header + hunk(old, next, 0, old.length, endsOld, endsNew);
  const changed: number[] = [];
  for (let i = 0; i < old.length; i++)
    if (old[i] !== next[i] || (i === old.length - 1 && endsOld !== endsNew)) changed.push(i);
  // Changes closer than twice the context share a hunk.
  const groups: Array<[number, number]> = [];
  for (const line of changed) {
    const last = groups[groups.length - 1];
    if (last && line - last[1] <= 2 * CONTEXT) last[1] = line;
    else groups.push([line, line]);
  }
  let out = header;
  for (const [first, last] of groups) {
    const from = Math.max(0, first - CONTEXT);
    const to = Math.min(old.length, last + CONTEXT + 1);
    out += hunk(old, next, from, to, endsOld, endsNew, changed);
  }
  return out;
}

function hunk(
  old: string[],
  next: string[],
  from: number,
  to: number,
  endsOld: boolean,
  endsNew: boolean,
  changed?: number[],
): string {
  const changedSet = new Set(changed);
  const toNew = changed ? to : next.length;
  const range = (start: number, count: number) => `${count === 0 ? start : start + 1},${count}`;
  let out = `@@ -${range(from, to - from)} +${range(from, toNew - from)} @@\n`;
  const noEol = '\\ No newline at end of file\n';
  if (!changed) {
    for (let i = from; i < to; i++) out += `-${old[i]}\n${i === old.length - 1 && !endsOld ? noEol : ''}`;
    for (let i = from; i < toNew; i++) out += `+${next[i]}\n${i === next.length - 1 && !endsNew ? noEol : ''}`;
    return out;
  }
  for (let i = from; i < to;) {
    if (!changedSet.has(i)) {
      out += ` ${old[i]}\n${i === old.length - 1 && !endsOld ? noEol : ''}`;
      i += 1;
      continue;
    }
    // A run of changed lines: the old ones, then the new ones, as diff -u writes them.
    let end = i;
    while (end < to && changedSet.has(end)) end += 1;
    for (let j = i; j < end; j++) out += `-${old[j]}\n${j === old.length - 1 && !endsOld ? noEol : ''}`;
    for (let j = i; j < end; j++) out += `+${next[j]}\n${j === next.length - 1 && !endsNew ? noEol : ''}`;
    i = end;
  }
  return out;
}
