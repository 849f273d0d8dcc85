import { describe, expect, it } from 'vitest';
import { postVoice, statements } from '../../src/extract/statements.js';
import { buildReport } from '../../src/report/build.js';
import { markdownPost as post, uncited } from '../helpers/claim-posts.js';
import { growthRatio } from '../helpers/linear-time.js';

// A wire story: third person throughout, facts about named parties, few reporting verbs.
const WIRE = [
  'Port Elwood has approved a second container terminal, ending a dispute with Calder Shipping that lasted three years.',
  'The harbour board rejected the first plan in 2021 after Marrow County objected to the dredging of the bay.',
  'Calder Shipping is expected to sign the lease in the spring, and Westbrook Rail will extend its freight line to the quay.',
  'Opponents of the terminal had argued that the money should go to the passenger ferry instead.',
];

describe('the statement signal (news paragraphs without a reporting verb or a figure)', () => {
  it('flags statements about named parties in a post written in the reporting voice, and says why', () => {
    const p = post(...WIRE);
    expect(p.blocks.map((b) => b.signals.includes('statement'))).toEqual([true, true, true, false]);
    expect(p.blocks[0].evidence).toContainEqual({ signal: 'statement', text: 'Port Elwood … has approved' });
    expect(p.blocks[2].evidence).toContainEqual({ signal: 'statement', text: 'Calder Shipping … is expected to' });
    const report = buildReport({
      posts: [p],
      results: new Map(),
      startedAt: new Date(0),
      durationMs: 0,
      offline: true,
    });
    const finding = report.findings.find((f) => f.code === 'CLAIM_UNCITED' && f.block === 1);
    expect(finding?.args?.evidence).toContain('statement “Marrow County … rejected”');
  });

  it('a statement with a link to its source is cited', () => {
    const p = post(
      WIRE[0],
      'The harbour board rejected the first plan in 2021 after [Marrow County objected](https://marrow.example.gov/minutes) to the dredging.',
      ...WIRE.slice(2),
    );
    expect(p.blocks[1].signals).toContain('statement');
    expect(uncited(p)).not.toContain(1);
  });

  it('no statement in a post in the personal voice: the writer’s own account or advice', () => {
    const p = post(
      'I joined Calder Shipping in 2019, and we moved the whole fleet to Port Elwood within a year.',
      'Our captains still argue about the old quay, and I do not blame them for it at all.',
      'If you run a small fleet, keep your leases short and talk to the harbour board early.',
      ...WIRE.slice(0, 2),
    );
    expect(postVoice(p.blocks)).toBe('personal');
    expect(p.blocks.some((b) => b.signals.includes('statement'))).toBe(false);
  });

  it('quoted speech saying "I" does not make a story personal', () => {
    const p = post(
      ...WIRE,
      '“I have waited for this terminal my whole career,” the harbour master told the board on Friday.',
    );
    expect(postVoice(p.blocks)).toBe('reporting');
  });

  it.each([
    ['one name only', 'The harbour board rejected the first plan in 2021 after residents objected to the noise.'],
    ['the writer’s speculation', 'Calder Shipping could have signed the lease sooner if Marrow County had agreed.'],
    ['a question', 'Has Calder Shipping signed the lease with Port Elwood yet?'],
    ['a present passive', 'Berths at Port Elwood are allocated by the Calder Shipping office each season.'],
    ['a present description', 'Port Elwood is a deep harbour, and Calder Shipping runs most of its cranes.'],
    ['a sentence in the first person', 'We visited Port Elwood and Calder Shipping showed us the new cranes.'],
  ])('no statement in %s', (_name, text) => {
    expect(statements(text)).toEqual([]);
  });

  it.each([
    ['a past event', 'Calder Shipping bought the old ferry from Port Elwood last year.', 'Calder Shipping … bought'],
    [
      'a perfect',
      'Westbrook Rail has strongly objected to the plan of Marrow County.',
      'Westbrook Rail … has strongly objected',
    ],
    [
      'a prediction',
      'Marrow County is likely to lose its seat on the Port Elwood board.',
      'Marrow County … is likely to',
    ],
    ['a past passive', 'The lease was signed by Calder Shipping and Port Elwood in May.', 'Calder Shipping … signed'],
  ])('a statement: %s', (_name, text, evidence) => {
    expect(statements(text)).toEqual([evidence]);
  });

  it('keeps a name with "of" whole in its evidence', () => {
    expect(statements('The Bank of England raised its rate after Marrow County objected.')).toEqual([
      'Bank of England … raised',
    ]);
    expect(statements('The University of the Arts has closed its campus in Port Elwood.')).toEqual([
      'University of the Arts … has closed',
    ]);
  });

  it.each([
    ['after a determiner', 'Westbrook Rail runs the talented engineers programme of Port Elwood.'],
    ['after a possessive', 'Calder Shipping’s updated timetable reaches Port Elwood.'],
    ['after a determiner and a degree word', 'Swimming remains the top funded sport at Port Elwood Calder Club.'],
    ['in a compound', 'The recently-released Calder Shipping app lists Port Elwood berths.'],
    ['a feeling', 'Calder Shipping and Port Elwood were thrilled to welcome the new ferry.'],
  ])('an -ed adjective is no past event: %s', (_name, text) => {
    expect(statements(text)).toEqual([]);
  });

  it('a perfect of an irregular verb is an event ("has cut")', () => {
    expect(statements('The Marrow County Council has cut the Port Elwood ferry budget.')).toEqual([
      'Marrow County Council … has cut',
    ]);
  });

  it('no statement in changelog entries: a verb with no subject opens them', () => {
    const p = post(
      'Version 4.2 of Harbourmaster ships today for Windows and Linux.',
      '- Fixed a crash when Firefox opened PDF files from Google Drive.\n- Added support for Windows ARM builds from GitHub Actions.\n- Bumped Node from 18 to 20 in the Docker image of Alpine Linux.',
      'Fixed: Calder Shipping imports failed when Port Elwood sent empty files to the server.',
    );
    expect(postVoice(p.blocks)).toBe('reporting');
    expect(p.blocks.filter((b) => b.kind === 'list-item')).toHaveLength(3);
    expect(p.blocks.some((b) => b.signals.includes('statement'))).toBe(false);
  });

  it('a list item that names its subject is still a statement', () => {
    const p = post(
      ...WIRE.slice(0, 2),
      '- Calder Shipping bought the old ferry from Port Elwood last year for the island route.',
    );
    expect(p.blocks[2].kind).toBe('list-item');
    expect(p.blocks[2].signals).toContain('statement');
  });
});

describe('"the company" stands for the party a paragraph names (issue 8)', () => {
  it('"the company is offering …", "the firm moved …" state what the named party did', () => {
    expect(
      statements(
        'Harbour Labs sells tide sensors to ports. Since the spring the company is offering its app free to all users.',
      ),
    ).toEqual(['the company … is offering']);
    expect(statements('Calder Shipping runs ferries to the islands. The firm moved its fleet to the islands.')).toEqual(
      ['The firm … moved'],
    );
  });

  it('not when the paragraph names no party, nor "the company of …" or "the company\'s"', () => {
    expect(statements('It is interesting to see that the company is offering its app free to all users.')).toEqual([]);
    expect(statements('Harbour Labs sells tide sensors. The company of sailors is gathering on the quay.')).toEqual([]);
  });
});

describe('statements() of a long text grows linearly (review34 F4b)', () => {
  it('"the bank" in every sentence: the kinds a text names are worked out once, not per sentence', () => {
    // Each sentence's "the bank" asked whether the whole text names a bank: quadratic in the text.
    const make = (n: number): string =>
      'Since the spring the bank is offering its loans free. Bankside is quiet. '.repeat(n);
    const small = make(2_000);
    const large = make(8_000);
    expect(statements(small)).toEqual([]);
    expect(
      growthRatio(
        () => void statements(small),
        () => void statements(large),
        8,
        5,
      ),
    ).toBeLessThan(8);
  });
});
