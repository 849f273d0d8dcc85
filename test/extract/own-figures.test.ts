import { describe, expect, it } from 'vitest';
import { extractPost } from '../../src/extract/index.js';
import { parseDocument } from '../../src/sources/index.js';
import type { ExtractedPost } from '../../src/types.js';
import { firsthandWords as firsthand, uncited } from '../helpers/claim-posts.js';

// An organisation's engineering blog describing its own systems in the first person plural: the
// figures of its own service are its own measurement (bench/claims-labelling.md, `firsthand`),
// not claims an editor asks a link for (issue 8: a blind set's engineering post was eight false
// positives, all its own requirements, usage and availability figures).

/** A page of `host` (its canonical URL names the organisation), its paragraphs in an article. */
const page = (host: string, ...paragraphs: string[]): ExtractedPost =>
  extractPost(
    parseDocument(
      `<!doctype html><html><head><title>Scheduling tasks at scale</title><link rel="canonical" href="https://${host}/infrastructure/task-scheduling"></head><body><article>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`,
      { source: 'page.html' },
    )[0],
  );

const WE_BUILT =
  'When I joined the team, we had five separate queue systems, and our engineers spent weeks keeping them alive.';
const WE_WANTED = 'We wanted one service that every team could use, so we designed Quaymaster from scratch.';
const REQUIREMENTS =
  'Quaymaster had to be a building block of Harbourline infrastructure. It would need to handle 12,000 jobs per second from day one. It would need to support nearly 80 job types.';
const OWN_NAME =
  'Now that Harbourline Quaymaster is live, the service runs 9,500 jobs per second for 31 teams internally.';
const AVAILABILITY = 'The Quaymaster service is 99.95% available to accept new jobs.';
const WORLD_STAT = 'About 70% of companies still run batch jobs overnight, and our service replaces that.';
const NO_SUBJECT = 'Latency: 95% of jobs start within four seconds of their scheduled time.';

describe('an organisation’s own figures on its own site', () => {
  it('figures of its own service, named by the organisation or a name of its own, are firsthand', () => {
    const p = page('harbourline.example', WE_BUILT, WE_WANTED, REQUIREMENTS, OWN_NAME, AVAILABILITY);
    expect(firsthand(p).slice(2)).toEqual([['Harbourline'], ['Harbourline'], ['Quaymaster']]);
    expect(uncited(p)).toEqual([]);
  });

  it('a figure before anything of the organisation’s, and one with no subject, stay claims', () => {
    const p = page('harbourline.example', WE_BUILT, WE_WANTED, OWN_NAME, WORLD_STAT, NO_SUBJECT);
    expect(firsthand(p).slice(3)).toEqual([undefined, undefined]);
    expect(uncited(p)).toEqual([3, 4]);
  });

  it('the same figures on another site (a news story about the company) stay claims', () => {
    const p = page('coastaltimes.example', WE_BUILT, WE_WANTED, REQUIREMENTS, OWN_NAME, AVAILABILITY);
    expect(firsthand(p)).toEqual([undefined, undefined, undefined, undefined, undefined]);
    expect(uncited(p)).toEqual([2, 3, 4]);
  });

  it('a post that does not speak as "we" has no own figures', () => {
    const p = page(
      'harbourline.example',
      'Harbourline runs a job scheduler called Quaymaster for its engineering teams.',
      REQUIREMENTS,
      OWN_NAME,
    );
    expect(firsthand(p)).toEqual([undefined, undefined, undefined]);
    // (The first is a statement of the news voice's: a named party doing something.)
    expect(uncited(p)).toEqual([0, 1, 2]);
  });

  it('"our" before a third party’s name makes no name of the organisation’s', () => {
    const p = page(
      'harbourline.example',
      WE_BUILT,
      WE_WANTED,
      'We moved our Python services first. Python 3.12 made startup 40% faster for them.',
    );
    expect(firsthand(p)[2]).toBeUndefined();
    expect(uncited(p)).toEqual([2]);
  });
});
