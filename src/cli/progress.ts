import { sanitizeText } from '../formatters/escape.js';
import type { CheckProgress } from '../types.js';

/** A one-line progress bar for a TTY stream; redraws at most every `intervalMs`. */
export class ProgressBar {
  private last = 0;
  private readonly started = Date.now();
  private latest: CheckProgress | undefined;
  private drawn = false;

  constructor(
    private readonly stream: NodeJS.WriteStream,
    private readonly intervalMs = 100,
  ) {}

  /** Takes an engine event; draws when enough time has passed (or at the end). */
  update(progress: CheckProgress): void {
    this.latest = progress;
    const now = Date.now();
    if (now - this.last < this.intervalMs && progress.done < progress.total) return;
    this.last = now;
    this.draw(now);
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
    const seconds = (now - this.started) / 1000;
    const rate = seconds > 0 ? p.done / seconds : 0;
    const eta = rate > 0 ? Math.ceil((p.total - p.done) / rate) : undefined;
    const parts = [
      `[${'='.repeat(filled)}${' '.repeat(width - filled)}]`,
      `${p.done}/${p.total} links`,
      `${rate.toFixed(1)}/s`,
      `${p.failures} failing`,
      p.inFlight ? `${p.inFlight} in flight` : '',
      p.backingOff.length ? `backing off: ${sanitizeText(p.backingOff.slice(0, 3).join(', '))}` : '',
      eta !== undefined && p.done < p.total ? `ETA ${eta}s` : '',
    ].filter(Boolean);
    const columns = this.stream.columns || 100;
    this.stream.write(`\r\x1b[2K${parts.join('  ').slice(0, columns - 1)}`);
    this.drawn = true;
  }
}
