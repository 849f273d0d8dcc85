import path from 'node:path';

// File names as bytes. Linux names are bytes, not text: one that is not UTF-8 (`caf\xe9.md`,
// written in Latin-1) comes to Node decoded with U+FFFD for each such byte, and the decoded
// name names no file. Such a name is opened by its bytes (Node's fs takes a Buffer path) and
// shown with each stray byte written `\xHH`.

// Over a latin1 reading of a name's bytes: a run of ASCII, one well-formed UTF-8 sequence of
// more bytes (Unicode table 3-7), or (group 1) a byte that starts none.
const UTF8_OR_STRAY =
  /[\x00-\x7f]+|[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}|\xf4[\x80-\x8f][\x80-\xbf]{2}|([\x80-\xff])/g;

/** A name's bytes as text, each byte that is not part of UTF-8 written `<escape>xHH`. */
function bytesText(bytes: Buffer, escape: string): string {
  return bytes
    .toString('latin1')
    .replace(UTF8_OR_STRAY, (run: string, stray: string | undefined) =>
      stray === undefined
        ? Buffer.from(run, 'latin1').toString('utf8')
        : `${escape}x${stray.charCodeAt(0).toString(16)}`,
    );
}

/**
 * A file name's bytes as text: UTF-8 decoded, each byte that is not part of UTF-8 written
 * `\xHH` (as Python's backslashreplace does), so two such names stay two names and
 * nothing undecodable reaches a report. Control characters stay: printing sanitises them.
 */
export function fileNameText(bytes: Buffer): string {
  return bytesText(bytes, '\\');
}

/**
 * A glob pattern's bytes as a pattern for the names fileNameText shows: a stray byte matches
 * its `\xHH` (the backslash escaped, as picomatch reads one).
 */
export function globPatternText(bytes: Buffer): string {
  return bytesText(bytes, '\\\\');
}

/** True when these bytes are other than the text Node decodes them to (they are not UTF-8). */
export function notUtf8(bytes: Buffer, text = bytes.toString('utf8')): boolean {
  // Only bytes that decode to U+FFFD can be other than their text (or hold U+FFFD themselves).
  return text.includes('\ufffd') && !Buffer.from(text, 'utf8').equals(bytes);
}

/** One name in a path: its text, and its bytes when the text is not them (not UTF-8). */
export interface NameSegment {
  text: string;
  bytes?: Buffer;
}

/** A name found in a folder, by its bytes. */
export function segmentOf(bytes: Buffer): NameSegment {
  const text = bytes.toString('utf8');
  return notUtf8(bytes, text) ? { text: fileNameText(bytes), bytes } : { text };
}

/**
 * A path's bytes made absolute and normal (`..`, `.` and doubled separators resolved against
 * `cwd`), as path.resolve does for text: read as latin1, one character per byte, a separator
 * is still a separator and every other byte stays itself.
 */
export function resolveBytes(bytes: Buffer, cwd = process.cwd()): Buffer {
  return Buffer.from(path.resolve(Buffer.from(cwd).toString('latin1'), bytes.toString('latin1')), 'latin1');
}
