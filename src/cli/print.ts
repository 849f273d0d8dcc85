import type { Writable } from 'node:stream';
import { guardLines, sanitizeText } from '../formatters/escape.js';
import { wholeEnd } from '../sources/text-slice.js';

/**
 * The CLI's stderr lines. Messages often quote an input (a file name found in a folder, a
 * WordPress API error, a config value), so each goes through the one sanitiser: one line,
 * no escape sequences, no bidi controls, no CI runner command.
 */

/** Prints `citecheck: <message>` as one line on stderr. */
export function printLine(message: string, stream: NodeJS.WritableStream = process.stderr): void {
  stream.write(`citecheck: ${sanitizeText(message.replace(/\s*[\r\n]\s*/g, ' ').trim())}\n`);
}

/** Prints a run-level warning as one stderr line (stdout stays the report alone). */
export function printWarning(message: string, stream: NodeJS.WritableStream = process.stderr): void {
  printLine(`warning: ${message}`, stream);
}

/** Sanitises text of several lines (a stack trace) line by line, keeping its line breaks. */
export function sanitizeLines(text: string): string {
  return guardLines(
    text
      .split(/\r\n|\r|\n/)
      .map((line) => sanitizeText(line))
      .join('\n'),
  );
}

// Slices of a large report written one at a time: the whole string converted to one Buffer (and
// a copy with "\n" appended) cost twice the report's size at once (stdout to a file or a pipe is
// synchronous on Linux, so each slice is gone before the next).
const SLICE = 1 << 20;
// Small pieces (a block's few lines of JSON) encoded into a buffer of this size before a write:
// one system call per piece was a fifth of `check --offline` on a page of 100,000 paragraphs.
// Encoded straight into the buffer: gathered into a string first, each batch was copied twice
// more (the joined string flattened, then encoded), ~30% of writing a 40 MB report.
const BATCH = 1 << 16;

/**
 * Writes a rendered report (whole or in pieces) to stdout, ending it with one newline. Waits
 * whenever the stream asks to (`write` returned false): stdout into a pipe (`| jq`, a CI
 * runner's log) is asynchronous, and a 250 MB report rendered faster than the reader read it
 * was held in the stream's buffer, 1.6 GB peak against 0.6 GB into a file.
 */
export async function writeReport(
  pieces: Iterable<string>,
  stream: NodeJS.WritableStream = process.stdout,
): Promise<void> {
  let last = '';
  let batch = Buffer.allocUnsafe(BATCH);
  let used = 0;
  // A reader that went away (`| head`) ends the writing; bin.ts exits quietly on its EPIPE.
  const gone = (): boolean => (stream as Partial<Writable>).destroyed === true;
  const write = async (data: string | Buffer): Promise<void> => {
    if (!gone() && !stream.write(data) && !gone()) await drained(stream);
  };
  const flush = async (): Promise<void> => {
    if (used === 0) return;
    const full = batch.subarray(0, used);
    used = 0;
    await write(full);
    // The same buffer takes the next batch only when stdout wrote this one at once: into a
    // file, a pipe or a terminal it is written synchronously on Linux, and then nothing holds
    // it (a fresh 64 KB buffer per write touched ~2 MB of new memory writing the 2 MB report
    // of a 2,000-link page: ~160 page faults of its ~7,700). A stream still holding bytes may
    // hold these, and any other stream may keep what it was given (a PassThrough does): a
    // fresh buffer then.
    if (stream !== process.stdout || (stream as Partial<Writable>).writableLength !== 0)
      batch = Buffer.allocUnsafe(BATCH);
  };
  for (const text of pieces) {
    if (text === '') continue;
    last = text;
    // A UTF-16 code unit is at most 3 bytes of UTF-8 (a pair of them 4).
    if (text.length * 3 > BATCH - used) await flush();
    if (text.length * 3 <= BATCH) used += batch.write(text, used);
    else for (let at = 0; at < text.length;) at = await writeSlice(text, at, write);
  }
  if (!last.endsWith('\n')) {
    if (used === BATCH) await flush();
    used += batch.write('\n', used);
  }
  await flush();
}

/** Writes one slice of `text` from `at`, never between the two halves of a surrogate pair; returns where it ended. */
async function writeSlice(text: string, at: number, write: (data: string) => Promise<void>): Promise<number> {
  const end = wholeEnd(text, at + SLICE);
  await write(text.slice(at, end));
  return end;
}

/** Resolves when `stream` can take more, or will never (closed, failed: its owner reports that). */
function drained(stream: NodeJS.WritableStream): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      stream.off('drain', done);
      stream.off('close', done);
      stream.off('error', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('close', done);
    stream.on('error', done);
  });
}
