/** Masks what changes between runs or releases (version, times, durations) before snapshotting. */
import { TOOL_VERSION } from '../../src/version.js';

/** Replaces the tool version and ISO timestamps with placeholders. */
export function mask(text: string): string {
  return text
    .split(TOOL_VERSION)
    .join('<version>')
    .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z/g, '<time>');
}
