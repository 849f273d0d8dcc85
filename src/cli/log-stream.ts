import { fstatSync } from 'node:fs';

/**
 * True when what is written to `stream` is read as it is printed: a terminal, or a CI job's
 * log (CI runners execute the commands they read in it: `##[…]`, `::…::`, `##vso[…]`). Output
 * redirected to a file is not: `citecheck fix > fix.diff` in CI writes the exact diff. A pipe
 * in CI counts as the log: the runner reads the job's output through one.
 */
export function isLogStream(stream: { isTTY?: boolean; fd?: number }, env: NodeJS.ProcessEnv = process.env): boolean {
  if (stream.isTTY === true) return true;
  if (!isCi(env)) return false;
  if (stream.fd === undefined) return true;
  try {
    return !fstatSync(stream.fd).isFile();
  } catch {
    return true;
  }
}

/** True in a CI job: the common `CI` variable, or the runners whose log takes commands. */
function isCi(env: NodeJS.ProcessEnv): boolean {
  const ci = env.CI;
  if (ci !== undefined && ci !== '' && ci !== '0' && ci.toLowerCase() !== 'false') return true;
  return env.GITHUB_ACTIONS === 'true' || Boolean(env.TF_BUILD) || Boolean(env.TEAMCITY_VERSION);
}
