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
  /** The working directory; Buffer: its exact bytes (a name that is not UTF-8). */
  cwd?: string | Buffer;
  env?: NodeJS.ProcessEnv;
  stdin?: string | Buffer;
  /** Called once with the child, e.g. to send SIGINT at a known moment. */
  onSpawn?: (child: ReturnType<typeof spawn>) => void;
  /** Node's own flags, before the script. */
  nodeFlags?: string[];
}

/**
 * A /bin/sh script that runs `command` with its arguments, a Buffer one made by printf from its
 * bytes (\ooo each): spawn passes only strings, encoded as UTF-8, so it cannot give an argument
 * that is not UTF-8. The strings are the script's positional parameters ($1…), never its text.
 */
function shellCommand(command: (string | Buffer)[], cwd?: Buffer): { script: string; params: string[] } {
  const params: string[] = [];
  const words = [...(cwd === undefined ? [] : [cwd]), ...command].map((arg) => {
    if (typeof arg === 'string') {
      params.push(arg);
      return `"\${${params.length}}"`;
    }
    if (arg.includes(0) || arg[arg.length - 1] === 0x0a) throw new Error('no NUL, nor a final newline');
    return `"$(printf '${[...arg].map((b) => `\\${b.toString(8).padStart(3, '0')}`).join('')}')"`;
  });
  // A working directory given as bytes is entered by the shell: spawn takes only a string.
  return {
    script: cwd === undefined ? `exec ${words.join(' ')}` : `cd ${words[0]} && exec ${words.slice(1).join(' ')}`,
    params,
  };
}

/**
 * Runs `node bin/citecheck.js ...args` as a process (needs `npm run build` first); a Buffer
 * argument is given as its exact bytes (through /bin/sh).
 */
export function runCli(args: (string | Buffer)[], options: CliRunOptions = {}): Promise<CliResult> {
  if (!existsSync(path.join(ROOT, 'dist', 'cli', 'bin.js'))) {
    throw new Error('dist/ is missing: run `npm run build` (npm test does it) before the CLI tests');
  }
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', ...options.env };
    delete env.GITHUB_ACTIONS;
    if (options.env?.GITHUB_ACTIONS) env.GITHUB_ACTIONS = options.env.GITHUB_ACTIONS;
    const argv = [...(options.nodeFlags ?? []), BIN, ...args];
    const strings = argv.filter((arg) => typeof arg === 'string');
    let command: [string, string[]] = [process.execPath, strings];
    const byteCwd = Buffer.isBuffer(options.cwd) ? options.cwd : undefined;
    if (strings.length < argv.length || byteCwd !== undefined) {
      const { script, params } = shellCommand([process.execPath, ...argv], byteCwd);
      command = ['/bin/sh', ['-c', script, 'sh', ...params]];
    }
    const child = spawn(...command, {
      cwd: typeof options.cwd === 'string' ? options.cwd : ROOT,
      env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
    // A CLI that exits before reading its stdin closes the pipe: the write then fails with EPIPE,
    // which says nothing about the run (its exit code and output do) and must not be unhandled.
    child.stdin.on('error', () => {});
    child.stdin.end(options.stdin ?? '');
    options.onSpawn?.(child);
  });
}
