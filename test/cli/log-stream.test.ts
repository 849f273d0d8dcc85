import { execFileSync } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isLogStream } from '../../src/cli/log-stream.js';
import { tempDirSync } from '../helpers/temp-dir.js';

describe('isLogStream: is stdout read as it is printed?', () => {
  const dir = tempDirSync('citecheck-log-');
  const file = openSync(path.join(dir, 'out.diff'), 'w');

  it('a terminal is, anywhere', () => {
    expect(isLogStream({ isTTY: true, fd: file }, {})).toBe(true);
  });

  it('outside CI a pipe or a file is not', () => {
    expect(isLogStream({ fd: file }, {})).toBe(false);
    expect(isLogStream({}, { CI: 'false' })).toBe(false);
    expect(isLogStream({}, { CI: '' })).toBe(false);
  });

  it('in CI a file is not (fix > fix.diff), anything else is the job log', () => {
    for (const env of [
      { GITHUB_ACTIONS: 'true' },
      { CI: 'true' },
      { TF_BUILD: 'True' },
      { TEAMCITY_VERSION: '2024.1' },
    ]) {
      expect(isLogStream({ fd: file }, env), JSON.stringify(env)).toBe(false);
      expect(isLogStream({}, env), JSON.stringify(env)).toBe(true);
    }
    // A named pipe stands for the runner's pipe (Linux opens a FIFO read-write without waiting).
    execFileSync('mkfifo', [path.join(dir, 'log')]);
    const fifo = openSync(path.join(dir, 'log'), 'r+');
    expect(isLogStream({ fd: fifo }, { GITHUB_ACTIONS: 'true' })).toBe(true);
    expect(isLogStream({ fd: fifo }, {})).toBe(false);
    closeSync(fifo);
  });
});
