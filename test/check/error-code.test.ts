import { describe, expect, it } from 'vitest';
import { PrivateAddressError } from '../../src/check/address-policy.js';
import { classifyNetworkError } from '../../src/check/error-code.js';

const withCode = (code: string, cause?: unknown) => Object.assign(new Error(code), { code, cause });

describe('classifyNetworkError', () => {
  it.each([
    ['ENOTFOUND', 'unreachable', 'DNS_NOT_FOUND'],
    ['EAI_AGAIN', 'unreachable', 'DNS_FAILURE'],
    ['ECONNREFUSED', 'unreachable', 'CONNECTION_REFUSED'],
    ['ECONNRESET', 'unreachable', 'CONNECTION_RESET'],
    ['UND_ERR_SOCKET', 'unreachable', 'CONNECTION_RESET'],
    ['UND_ERR_CONNECT_TIMEOUT', 'timeout', 'CONNECT_TIMEOUT'],
    ['UND_ERR_HEADERS_TIMEOUT', 'timeout', 'HEADERS_TIMEOUT'],
    ['UND_ERR_BODY_TIMEOUT', 'timeout', 'BODY_TIMEOUT'],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'unreachable', 'TLS_INVALID'],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'unreachable', 'TLS_INVALID'],
    ['CERT_HAS_EXPIRED', 'unreachable', 'TLS_INVALID'],
  ])('%s → %s/%s', (code, status, errorCode) => {
    const verdict = classifyNetworkError(withCode(code));
    expect(verdict.status).toBe(status);
    expect(verdict.errorCode).toBe(errorCode);
  });

  it('walks the cause chain to the innermost known code', () => {
    const wrapped = new TypeError('fetch failed', { cause: withCode('UND_ERR_SOCKET', withCode('ECONNRESET')) });
    expect(classifyNetworkError(wrapped).errorCode).toBe('CONNECTION_RESET');
    const dns = new TypeError('fetch failed', { cause: withCode('ENOTFOUND') });
    expect(classifyNetworkError(dns).errorCode).toBe('DNS_NOT_FOUND');
  });

  it('looks inside AggregateError (happy eyeballs)', () => {
    const aggregate = Object.assign(new AggregateError([withCode('ECONNREFUSED')], 'all failed'), {});
    expect(classifyNetworkError(aggregate).errorCode).toBe('CONNECTION_REFUSED');
  });

  it('maps the private-address refusal to excluded', () => {
    const refusal = new PrivateAddressError('inward.test', {
      address: '10.0.0.1',
      range: 'private',
      reason: 'resolves to 10.0.0.1',
    });
    const verdict = classifyNetworkError(withCode('UND_ERR_CONNECT', refusal));
    expect(verdict.status).toBe('excluded');
    expect(verdict.errorCode).toBe('PRIVATE_ADDRESS');
  });

  it('marks transient failures retryable and permanent ones not', () => {
    expect(classifyNetworkError(withCode('ECONNRESET')).retryable).toBe(true);
    expect(classifyNetworkError(withCode('ENOTFOUND')).retryable).toBe(false);
    expect(classifyNetworkError(new Error('weird')).errorCode).toBe('UNKNOWN');
  });

  it('words the reason for a reader, keeping the code in brackets', () => {
    expect(classifyNetworkError(withCode('UND_ERR_HEADERS_TIMEOUT')).reason).toBe(
      'no answer within the timeout (UND_ERR_HEADERS_TIMEOUT)',
    );
    expect(classifyNetworkError(withCode('ECONNREFUSED')).reason).toBe(
      'the server refused the connection (ECONNREFUSED)',
    );
    const gzip = new TypeError('terminated', { cause: withCode('Z_DATA_ERROR') });
    expect(classifyNetworkError(gzip)).toMatchObject({
      errorCode: 'UNKNOWN',
      reason: 'the compressed body is corrupt (Z_DATA_ERROR)',
    });
    expect(classifyNetworkError(new Error('weird')).reason).toBe('weird');
  });
});
