/**
 * `citecheck merge`: the shards of a run (`--shard k/n`) joined into the report of the whole
 * run. Every shard extracted every post, so the posts line up; each citation takes its verdict
 * from the shard that checked its URL, each shard contributes the findings it reports (see
 * shard.ts), and the totals are counted again. Reports are added one at a time, so a merge
 * holds the joined report and one shard's, not all of them.
 */
import { InputError } from '../errors.js';
import type { HostStats, Report } from '../types.js';
import { sortFindings } from './derive-findings.js';
import { citationShard } from './shard.js';
import { computeTotals } from './totals.js';

/** Joins shard reports; `add` each (any order), then take `result()`. */
export class ShardMerger {
  private base: Report | undefined;
  private baseLabel = '';
  private readonly seen = new Map<number, string>();
  private readonly hosts = new Map<string, HostStats>();
  private findings: Report['findings'] = [];
  private startedAt = '';
  private durationMs = 0;
  private interrupted = false;
  private offline = true;
  private incomplete: string[] = [];

  /** Adds the report read from `label` (a file name, for the one-line errors). */
  add(report: Report, label: string): void {
    const shard = report.shard;
    if (shard === undefined)
      throw new InputError(`${label}: not a shard report (run citecheck check with --shard k/n to write one)`);
    const base = this.base;
    if (base?.shard !== undefined) {
      if (report.schemaVersion !== base.schemaVersion || report.tool.version !== base.tool.version)
        throw new InputError(
          `${label} was written by ${report.tool.name} ${report.tool.version}, ${this.baseLabel} by ${base.tool.version}: merge the shards of one run, written by one version`,
        );
      if (shard.count !== base.shard.count)
        throw new InputError(
          `${label} is shard ${shard.index}/${shard.count}, ${this.baseLabel} is shard ${base.shard.index}/${base.shard.count}: merge the shards of one run`,
        );
      if (shard.inputs !== base.shard.inputs || report.posts.length !== base.posts.length)
        throw new InputError(
          `${label} is a shard of other inputs than ${this.baseLabel} (its posts differ): merge the shards of one run`,
        );
    }
    const twice = this.seen.get(shard.index);
    if (twice !== undefined)
      throw new InputError(`${label} and ${twice} are both shard ${shard.index}/${shard.count}: give each shard once`);
    this.seen.set(shard.index, label);

    if (base === undefined) {
      this.base = report;
      this.baseLabel = label;
      this.startedAt = report.startedAt;
    } else {
      this.takeVerdicts(report, label);
    }
    for (const f of report.findings) this.findings.push(f);
    for (const h of report.hosts) {
      const known = this.hosts.get(h.host);
      if (!known) this.hosts.set(h.host, { ...h });
      else {
        known.requests += h.requests;
        known.retries += h.retries;
        known.backoffs += h.backoffs;
        known.maxInFlight = Math.max(known.maxInFlight, h.maxInFlight);
      }
    }
    if (report.startedAt < this.startedAt) this.startedAt = report.startedAt;
    // The shards run side by side: the whole took as long as the slowest.
    this.durationMs = Math.max(this.durationMs, report.durationMs);
    this.interrupted ||= report.interrupted === true;
    this.offline &&= report.offline === true;
    if (report.incomplete) this.incomplete.push(`shard ${shard.index}/${shard.count}: ${report.incomplete}`);
  }

  /** The citations of `report`'s shard replace the base's at the same place. */
  private takeVerdicts(report: Report, label: string): void {
    const base = this.base as Report;
    const { index, count } = report.shard as NonNullable<Report['shard']>;
    report.posts.forEach((post, p) => {
      const into = base.posts[p];
      if (into.blocks.length !== post.blocks.length)
        throw new InputError(
          `${label} is a shard of other inputs than ${this.baseLabel} (its posts differ): merge the shards of one run`,
        );
      post.blocks.forEach((block, b) => {
        const target = into.blocks[b].citations;
        if (target.length !== block.citations.length)
          throw new InputError(
            `${label} is a shard of other inputs than ${this.baseLabel} (its posts differ): merge the shards of one run`,
          );
        block.citations.forEach((citation, c) => {
          if (citationShard(citation, count) === index) target[c] = citation;
        });
      });
    });
  }

  /** The whole run's report; throws when a shard is missing. */
  result(): Report {
    const base = this.base;
    if (base?.shard === undefined) throw new InputError('merge: no shard report given');
    const { count } = base.shard;
    const missing: string[] = [];
    for (let k = 1; k <= count; k++) if (!this.seen.has(k)) missing.push(`${k}/${count}`);
    if (missing.length > 0)
      throw new InputError(
        `merge: shard ${missing.join(', ')} missing (give the JSON reports of all ${count} shards of the run)`,
      );
    const findings = sortFindings(this.findings);
    const merged: Report = {
      schemaVersion: base.schemaVersion,
      tool: base.tool,
      startedAt: this.startedAt,
      durationMs: this.durationMs,
      interrupted: this.interrupted,
      offline: this.offline,
      totals: computeTotals(base.posts, findings),
      posts: base.posts,
      findings,
      hosts: [...this.hosts.values()].sort((a, b) => (a.host < b.host ? -1 : a.host > b.host ? 1 : 0)),
    };
    if (this.incomplete.length > 0) merged.incomplete = this.incomplete.join('; ');
    return merged;
  }
}
