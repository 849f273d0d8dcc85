import { createReadStream } from 'node:fs';
import { readFile, stat } from '../fs-calls.js';
import { InputError } from '../errors.js';

/** An input over --max-input-bytes: stops the run (exit 2), even for a file found in a folder. */
export class InputTooLargeError extends InputError {
  constructor(name: string, maxBytes: number) {
    super(
      `${name}: larger than --max-input-bytes (${maxBytes} bytes); raise the cap (maxInputBytes in the config) to read it`,
    );
    this.name = 'InputTooLargeError';
  }
}

/** The one-line error for an input over the cap. */
export function inputTooLarge(name: string, maxBytes: number): InputTooLargeError {
  return new InputTooLargeError(name, maxBytes);
}

/**
 * Reads a file's bytes (`name` is what an error calls it), never more than `maxBytes` + 1: a regular file over the cap is refused
 * before any read (its size is known); anything else (a FIFO, /dev/zero, a file still growing)
 * is read up to one byte past the cap. Throws the InputError of {@link inputTooLarge}, or the
 * file system's error for the caller to word.
 */
export async function readFileBounded(file: string | Buffer, maxBytes: number, name = String(file)): Promise<Buffer> {
  const info = await stat(file);
  if (info.isFile()) {
    if (info.size > maxBytes) throw inputTooLarge(name, maxBytes);
    const data = await readFile(file);
    // On from a turn of the event loop of its own: continued from the read's callback, the rest
    // of the run (an offline check's whole extraction, synchronous) ran inside it, and the
    // read's request, which holds the file's bytes, stayed alive as long (18 MB of the 18 MB
    // Markdown bench's peak, beside the text decoded from them).
    await new Promise((resolve) => setImmediate(resolve));
    if (data.length > maxBytes) throw inputTooLarge(name, maxBytes);
    return data;
  }
  // `end` is inclusive: at most maxBytes + 1 bytes, enough to tell "at the cap" from "over it".
  return readStreamBounded(createReadStream(file, { start: 0, end: maxBytes }), name, maxBytes);
}

/** Reads a stream to its end, stopping with {@link inputTooLarge} once it passes `maxBytes`. */
export async function readStreamBounded(
  stream: AsyncIterable<Buffer | string>,
  name: string,
  maxBytes: number,
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
    total += bytes.length;
    if (total > maxBytes) {
      (stream as { destroy?: () => void }).destroy?.();
      throw inputTooLarge(name, maxBytes);
    }
    chunks.push(bytes);
  }
  return Buffer.concat(chunks, total);
}
