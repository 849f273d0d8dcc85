/**
 * A scheme that is certainly a slip of the keyboard for http or https ("htps://", "htp://",
 * "hhttp://", "httsp://", "ttps://"). The URL parser takes any letters as a scheme, so such a
 * link would be skipped as "unsupported scheme" and the dead citation would go unreported.
 */

// Real schemes within two edits of http/https: never called typos. hxxp/hxxps are the
// deliberate "defanged" spelling in security writing, not a slip.
const REAL_SCHEMES = new Set([
  'ftp',
  'ftps',
  'sftp',
  'tftp',
  'nntp',
  'smtp',
  'rtp',
  'srtp',
  'rtsp',
  'rtsps',
  'rtmp',
  'rtmps',
  'shttp',
  'chttp',
  'hcp',
  'tip',
  'mtqp',
  'hxxp',
  'hxxps',
]);
const LETTERS_THEN_SLASHES = /^([a-z]+):\/\//i;
const MAX_EDITS = 2;

/** Edit distance with adjacent transpositions counted as one edit ("httsp" is one from "https"). */
function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/**
 * Why `href` has a mistyped web scheme ("mistyped scheme htps: (did you mean https:?)"), or
 * undefined: only letters followed by "//", within two edits of http or https, and not a
 * real scheme of its own.
 */
export function mistypedScheme(href: string): string | undefined {
  const written = LETTERS_THEN_SLASHES.exec(href)?.[1];
  if (written === undefined) return undefined;
  const scheme = written.toLowerCase();
  if (scheme === 'http' || scheme === 'https' || REAL_SCHEMES.has(scheme)) return undefined;
  const toHttp = editDistance(scheme, 'http');
  const toHttps = editDistance(scheme, 'https');
  if (Math.min(toHttp, toHttps) > MAX_EDITS) return undefined;
  // On a tie an "s" in what was typed tips it to https ("htsp" → https, "htt" → http).
  const meant = toHttps < toHttp || (toHttps === toHttp && scheme.includes('s')) ? 'https' : 'http';
  return `mistyped scheme ${written}: (did you mean ${meant}:?)`;
}
