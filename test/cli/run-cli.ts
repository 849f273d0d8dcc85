import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The bin users run. */
export const BIN = path.join(ROOT, 'bin', 'citecheck.js');
/** The real seed export, vendored under test/fixtures so every clone has it. */
export const SEED = path.resolve(ROOT, 'test/fixtures/seed/000_0bf8e4b995a91d7d.txt');

/** What a CLI run produced. */
export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Options of a CLI run. */
export interface CliRunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  stdin?: string | Buffer;
  /** Called once with the child, e.g. to send SIGINT at a known moment. */
  onSpawn?: (child: ReturnType<typeof spawn>) => void;
}

/** Runs `node bin/citecheck.js ...args` as a process (needs `npm run build` first). */
export function runCli(args: string[], options: CliRunOptions = {}): Promise<CliResult> {
  if (!existsSync(path.join(ROOT, 'dist', 'cli', 'bin.js'))) {
    throw new Error('dist/ is missing: run `npm run build` (npm test does it) before the CLI tests');
  }
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', ...options.env };
    delete env.GITHUB_ACTIONS;
    if (options.env?.GITHUB_ACTIONS) env.GITHUB_ACTIONS = options.env.GITHUB_ACTIONS;
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: options.cwd ?? ROOT,
      env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
    child.stdin.end(options.stdin ?? '');
    options.onSpawn?.(child);
  });
}
