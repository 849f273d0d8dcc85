import { sanitizeText } from '../formatters/escape.js';
import type { CheckProgress } from '../types.js';

/** Pages and posts read from a site (`wp`), for the line before and beside the links. */
export interface ReadProgress {
  /** API pages read. */
  pages: number;
  /** API pages known to be there. */
  totalPages: number;
  /** Posts read. */
  posts: number;
}

/** A one-line progress bar for a TTY stream; redraws at most every `intervalMs`. */
export class ProgressBar {
  private last = 0;
  /** When the first link event came: reading a site before it is not checking time. */
  private started: number | undefined;
  private latest: CheckProgress | undefined;
  private drawn = false;
  private read: ReadProgress | undefined;

  constructor(
    private readonly stream: NodeJS.WriteStream,
    private readonly intervalMs = 100,
  ) {}

  /** Takes an engine event; draws when enough time has passed (or at the end). */
  update(progress: CheckProgress): void {
    this.latest = progress;
    const now = Date.now();
    this.started ??= now;
    if (now - this.last < this.intervalMs && progress.done < progress.total) return;
    this.last = now;
    this.draw(now);
  }

  /** Replaces the bar with a one-line note of what the run does now (e.g. the archive lookups). */
  note(text: string): void {
    this.write(text);
  }

  /** Takes a site-reading event (`wp`): drawn alone while reading, then beside the links. */
  reading(progress: ReadProgress): void {
    this.read = progress;
    const now = Date.now();
    if (now - this.last < this.intervalMs && progress.pages < progress.totalPages) return;
    this.last = now;
    this.write(`reading the site: ${this.readText()}`);
  }

  private readText(): string {
    const r = this.read;
    if (!r) return '';
    const pages = r.pages < r.totalPages ? `page ${r.pages}/${r.totalPages}` : `${r.pages} pages`;
    return `${pages}, ${r.posts} posts read`;
  }

  private write(line: string): void {
    const columns = this.stream.columns || 100;
    this.stream.write(`\r\x1b[2K${line.slice(0, columns - 1)}`);
    this.drawn = true;
  }

  /** Erases the bar so the report starts on a clean line. */
  clear(): void {
    if (this.drawn) this.stream.write('\r\x1b[2K');
    this.drawn = false;
  }

  private draw(now: number): void {
    const p = this.latest;
    if (!p || p.total === 0) return;
    const width = 24;
    const filled = Math.round((p.done / p.total) * width);
    const seconds = (now - (this.started ?? now)) / 1000;
    const rate = seconds > 0 ? p.done / seconds : 0;
    const eta = rate > 0 ? Math.ceil((p.total - p.done) / rate) : undefined;
    const parts = [
      this.read ? `${this.readText()} ·` : '',
      `[${'='.repeat(filled)}${' '.repeat(width - filled)}]`,
      `${p.done}/${p.total} links`,
      `${rate.toFixed(1)}/s`,
      `${p.failures} failing`,
      p.inFlight ? `${p.inFlight} in flight` : '',
      p.backingOff.length ? `backing off: ${sanitizeText(p.backingOff.slice(0, 3).join(', '))}` : '',
      eta !== undefined && p.done < p.total ? `ETA ${eta}s` : '',
    ].filter(Boolean);
    this.write(parts.join('  '));
  }
}
