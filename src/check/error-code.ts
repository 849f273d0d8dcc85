import type { CheckErrorCode, LinkStatus } from '../types.js';
import { PrivateAddressError } from './address-policy.js';

/** A network failure turned into data: status, code and a short detail. */
export interface FailureVerdict {
  /** Link status the failure implies. */
  status: LinkStatus;
  /** Machine code. */
  errorCode: CheckErrorCode;
  /** The underlying code/message, for humans. */
  reason: string;
  /** True for transient failures worth a retry (timeouts, resets). */
  retryable: boolean;
}

// undici wraps socket/DNS/TLS errors (`TypeError: fetch failed`, `SocketError`,
// `ConnectTimeoutError`); the system code that says what happened sits somewhere down the
// `.cause` chain, so every link is inspected and the most specific known code wins.
const BY_CODE: Record<string, Omit<FailureVerdict, 'reason'>> = {
  ENOTFOUND: { status: 'unreachable', errorCode: 'DNS_NOT_FOUND', retryable: false },
  EAI_NONAME: { status: 'unreachable', errorCode: 'DNS_NOT_FOUND', retryable: false },
  EAI_NODATA: { status: 'unreachable', errorCode: 'DNS_NOT_FOUND', retryable: false },
  EAI_AGAIN: { status: 'unreachable', errorCode: 'DNS_FAILURE', retryable: true },
  EAI_FAIL: { status: 'unreachable', errorCode: 'DNS_FAILURE', retryable: false },
  ECONNREFUSED: { status: 'unreachable', errorCode: 'CONNECTION_REFUSED', retryable: false },
  ECONNRESET: { status: 'unreachable', errorCode: 'CONNECTION_RESET', retryable: true },
  EPIPE: { status: 'unreachable', errorCode: 'CONNECTION_RESET', retryable: true },
  UND_ERR_SOCKET: { status: 'unreachable', errorCode: 'CONNECTION_RESET', retryable: true },
  UND_ERR_CLOSED: { status: 'unreachable', errorCode: 'CONNECTION_RESET', retryable: true },
  EHOSTUNREACH: { status: 'unreachable', errorCode: 'UNKNOWN', retryable: false },
  ENETUNREACH: { status: 'unreachable', errorCode: 'UNKNOWN', retryable: false },
  ETIMEDOUT: { status: 'timeout', errorCode: 'CONNECT_TIMEOUT', retryable: true },
  UND_ERR_CONNECT_TIMEOUT: { status: 'timeout', errorCode: 'CONNECT_TIMEOUT', retryable: true },
  UND_ERR_HEADERS_TIMEOUT: { status: 'timeout', errorCode: 'HEADERS_TIMEOUT', retryable: true },
  UND_ERR_BODY_TIMEOUT: { status: 'timeout', errorCode: 'BODY_TIMEOUT', retryable: true },
  CITECHECK_PRIVATE_ADDRESS: { status: 'excluded', errorCode: 'PRIVATE_ADDRESS', retryable: false },
};

/**
 * What a system or undici code means, for the reason a report shows (the code itself stays in
 * brackets for searching): "UND_ERR_HEADERS_TIMEOUT" alone told a reader nothing.
 */
const MEANING: Partial<Record<CheckErrorCode, string>> = {
  DNS_NOT_FOUND: 'the host name does not resolve',
  DNS_FAILURE: 'the name lookup failed',
  CONNECTION_REFUSED: 'the server refused the connection',
  CONNECTION_RESET: 'the connection was cut',
  CONNECT_TIMEOUT: 'no connection within the timeout',
  HEADERS_TIMEOUT: 'no answer within the timeout',
  BODY_TIMEOUT: 'the page stopped arriving within the timeout',
  TLS_INVALID: 'the TLS certificate or handshake is not valid',
};

/** Zlib's codes for a compressed body that cannot be read (Z_DATA_ERROR, Z_BUF_ERROR…). */
const ZLIB_CODE = /^Z_[A-Z_]+$/;

/** The reason a report shows for a failure with `code`: its meaning, then the code. */
function worded(errorCode: CheckErrorCode, code: string): string {
  const meaning = ZLIB_CODE.test(code) ? 'the compressed body is corrupt' : MEANING[errorCode];
  return meaning === undefined ? code : `${meaning} (${code})`;
}

const TLS_CODE =
  /^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|HOSTNAME_MISMATCH|EPROTO$)/;

/** Codes found along an error's `.cause` chain (and AggregateError members), outermost first. */
function errorCodesOf(error: unknown): string[] {
  const codes: string[] = [];
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0) {
    const current = queue.shift();
    if (!current || typeof current !== 'object' || seen.has(current)) continue;
    seen.add(current);
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') codes.push(code);
    queue.push((current as { cause?: unknown }).cause);
    const inner = (current as { errors?: unknown }).errors;
    if (Array.isArray(inner)) queue.push(...inner);
  }
  return codes;
}

/** Maps a thrown network error to a verdict by walking its cause chain. */
export function classifyNetworkError(error: unknown): FailureVerdict {
  const seen = new Set<unknown>();
  for (let current = error; current && typeof current === 'object' && !seen.has(current);) {
    seen.add(current);
    if (current instanceof PrivateAddressError) {
      return { status: 'excluded', errorCode: 'PRIVATE_ADDRESS', reason: current.verdict.reason, retryable: false };
    }
    current = (current as { cause?: unknown }).cause;
  }
  const codes = errorCodesOf(error);
  // The innermost specific code is the truest (e.g. ECONNRESET under UND_ERR_SOCKET).
  for (const code of [...codes].reverse()) {
    const known = BY_CODE[code];
    if (known && code !== 'UND_ERR_SOCKET' && code !== 'UND_ERR_CLOSED')
      return { ...known, reason: worded(known.errorCode, code) };
    if (TLS_CODE.test(code))
      return { status: 'unreachable', errorCode: 'TLS_INVALID', reason: worded('TLS_INVALID', code), retryable: false };
  }
  for (const code of codes) {
    const known = BY_CODE[code];
    if (known) return { ...known, reason: worded(known.errorCode, code) };
  }
  const message = error instanceof Error ? error.message : String(error);
  if (/certificate|ssl|tls/i.test(message))
    return { status: 'unreachable', errorCode: 'TLS_INVALID', reason: message, retryable: false };
  const code = codes[0];
  return {
    status: 'unreachable',
    errorCode: 'UNKNOWN',
    reason: code === undefined ? message : worded('UNKNOWN', code),
    retryable: false,
  };
}
