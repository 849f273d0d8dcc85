import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseLenientJson } from '../../src/sources/json-repair.js';

/** The value of a successful read, failing the test otherwise. */
function valueOf(text: string): { value: unknown; repairs: string[] } {
  const r = parseLenientJson(text);
  if ('error' in r) throw new Error(`unexpected error: ${r.error}`);
  return { value: r.value, repairs: r.repairs.map((x) => x.repair) };
}

describe('parseLenientJson', () => {
  it('reads valid JSON exactly, with no repairs', () => {
    const text = '{"a":[1,-2.5e3,true,false,null,"x\\u00e9\\n\\/"],"b":{"c":""}}';
    expect(valueOf(text)).toEqual({ value: JSON.parse(text), repairs: [] });
  });

  it('keeps a raw newline inside a string and says where it was', () => {
    const r = parseLenientJson('{"id":1,\n"body":"line one\nline two"}');
    if ('error' in r) throw new Error(r.error);
    expect(r.value).toEqual({ id: 1, body: 'line one\nline two' });
    expect(r.repairs).toEqual([{ repair: 'raw newline inside a string', offset: 25, line: 2, column: 17, count: 1 }]);
  });

  it('counts repeated repairs of one kind once, with the first position', () => {
    const r = parseLenientJson('{"a":"x\ty\tz"}');
    if ('error' in r) throw new Error(r.error);
    expect(r.repairs).toHaveLength(1);
    expect(r.repairs[0]).toMatchObject({ repair: 'raw tab inside a string', count: 2, column: 8 });
  });

  it.each([
    ['{"a":"cut', { a: 'cut' }, 'truncated input: closed 1 string, 1 object'],
    ['{"a":{"b":[1,2', { a: { b: [1, 2] } }, 'truncated input: closed 1 array, 2 objects'],
    ['{"a":1,"b', { a: 1 }, 'truncated input: closed 1 object; dropped 1 incomplete field'],
    ['{"a":1,"b":', { a: 1 }, 'truncated input: closed 1 object; dropped 1 incomplete field'],
    ['{"a":tr', { a: true }, 'truncated input: closed 1 object'],
    ['{"a":"x\\u00', { a: 'x' }, 'truncated input: closed 1 string, 1 object'],
    ['[{"a":1},{"b":"two', [{ a: 1 }, { b: 'two' }], 'truncated input: closed 1 string, 1 array, 1 object'],
  ])('closes truncated %j keeping complete fields and the partial string', (text, value, repair) => {
    expect(valueOf(text)).toEqual({ value, repairs: [repair] });
  });

  it('drops trailing garbage after the value and a BOM before it', () => {
    expect(valueOf('\uFEFF{"a":1}\n<!-- cached -->')).toEqual({
      value: { a: 1 },
      repairs: ['byte order mark at the start', 'trailing data after the JSON value'],
    });
  });

  it('reads concatenated values and one-per-line exports as one list', () => {
    expect(valueOf('{"id":1}{"id":2}\n[{"id":3}]\n')).toEqual({
      value: [{ id: 1 }, { id: 2 }, { id: 3 }],
      repairs: ['several JSON values one after another, read as one list'],
    });
    // A truncated second value is closed like any truncation, and nothing after it is lost.
    expect(valueOf('{"id":1}\n{"id":2,"t":"ab').value).toEqual([{ id: 1 }, { id: 2, t: 'ab' }]);
  });

  it('tolerates stray and missing commas', () => {
    expect(valueOf('{"a":1,,"b":2 "c":3,}').value).toEqual({ a: 1, b: 2, c: 3 });
  });

  it('fails, as a value, only on text that is not JSON at all', () => {
    expect(parseLenientJson('hello')).toEqual({ error: expect.stringContaining('not JSON') });
    expect(parseLenientJson('   ')).toEqual({ error: 'empty document' });
    expect('error' in parseLenientJson('['.repeat(100_000))).toBe(true);
  });

  it('never throws on any prefix of valid JSON, and reads every prefix that starts a value (property)', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.array(fc.jsonValue()), fc.dictionary(fc.string(), fc.jsonValue())),
        fc.nat(),
        (value, cut) => {
          const text = JSON.stringify(value, null, cut % 3 === 0 ? 1 : undefined);
          const prefix = text.slice(0, cut % (text.length + 1));
          const result = parseLenientJson(prefix);
          if (prefix.trim() === '') expect('error' in result).toBe(true);
          else expect('value' in result).toBe(true);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('reads complete valid JSON like JSON.parse (property)', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (value) => {
        const text = JSON.stringify(value);
        const result = parseLenientJson(text);
        expect(result).toMatchObject({ value: JSON.parse(text), repairs: [] });
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on arbitrary text (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        parseLenientJson(`{${text}`);
        parseLenientJson(text);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('lineColumn', () => {
  it('matches counting newlines by hand, for every offset, across texts', async () => {
    const { lineColumn } = await import('../../src/sources/json-repair.js');
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', '\n', '"', '\r'), { maxLength: 40 }), fc.nat(45), (chars, at) => {
        const text = chars.join('');
        const offset = Math.min(at, text.length);
        const before = text.slice(0, offset);
        const line = before.split('\n').length;
        const column = offset - (before.lastIndexOf('\n') + 1) + 1;
        expect(lineColumn(text, offset)).toEqual({ line, column });
      }),
    );
  });
});
