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
    if (known && code !== 'UND_ERR_SOCKET' && code !== 'UND_ERR_CLOSED') return { ...known, reason: code };
    if (TLS_CODE.test(code)) return { status: 'unreachable', errorCode: 'TLS_INVALID', reason: code, retryable: false };
  }
  for (const code of codes) {
    const known = BY_CODE[code];
    if (known) return { ...known, reason: code };
  }
  const message = error instanceof Error ? error.message : String(error);
  if (/certificate|ssl|tls/i.test(message))
    return { status: 'unreachable', errorCode: 'TLS_INVALID', reason: message, retryable: false };
  return { status: 'unreachable', errorCode: 'UNKNOWN', reason: codes[0] ?? message, retryable: false };
}
