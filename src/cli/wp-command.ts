import type { Command } from 'commander';
import { runSite } from '../run-site.js';
import { runAndReport } from './check-command.js';

/** `citecheck wp <site-url>`: audits every post of a WordPress site; returns the exit code. */
export async function wpCommand(site: string, opts: Record<string, unknown>, cmd: Command): Promise<number> {
  return runAndReport([], opts, cmd, (options, deps) => runSite(site, options, deps));
}
