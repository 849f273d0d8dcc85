import type { Finding, Report, ReportCitation, ReportPost } from '../types.js';
import { isAtOrAbove } from '../report/codes.js';
import { escapeXmlAttr, escapeXmlText, guardMarkupText } from './escape.js';
import { FAILING_STATUSES, indexFindings, postName, shorten, type FindingIndex } from './report-view.js';
import { findingMessages, postNotes } from './note-view.js';

/** One JUnit test case before serialisation. */
interface TestCase {
  name: string;
  classname: string;
  findings: Finding[];
  /** Why the case was not run (excluded, skipped, unchecked links). */
  skipped?: string;
  /** Extra lines for system-out. */
  out: string[];
}

/**
 * JUnit XML: a `<testsuite>` per post; a `<testcase>` per citation, per damaged anchor, per
 * uncited claim and one for the input itself. Findings at warning or above become
 * `<failure type="CODE">` (the most severe first; one failure element per case, the others
 * listed in its body, since many CI readers show only one). Notes never fail a case: they go
 * to `<system-out>`. Links not requested (excluded, skipped, unchecked) are `<skipped>`.
 */
export function renderJunit(report: Report): string {
  const index = indexFindings(report);
  const messageOf = findingMessages(report);
  const suites = report.posts.map((post, i) => suiteOf(post, i, index, report, messageOf));
  const tests = suites.reduce((n, s) => n + s.cases.length, 0);
  const failures = suites.reduce((n, s) => n + s.failures, 0);
  const skipped = suites.reduce((n, s) => n + s.skipped, 0);
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  out.push(
    `<testsuites name="citecheck" tests="${tests}" failures="${failures}" errors="0" skipped="${skipped}" time="${seconds(report.durationMs)}" timestamp="${escapeXmlAttr(report.startedAt)}">`,
  );
  for (const s of suites) out.push(s.xml);
  out.push('</testsuites>');
  return guardMarkupText(`${out.join('\n')}\n`, 'xml');
}

function suiteOf(
  post: ReportPost,
  postIndex: number,
  index: FindingIndex,
  report: Report,
  messageOf: (f: Finding) => string,
) {
  const classname = post.source;
  const notes = postNotes(post);
  const cases: TestCase[] = [];
  const claimed = new Set<Finding>();
  const take = (findings: Finding[]) => {
    for (const f of findings) claimed.add(f);
    return findings;
  };

  cases.push({ name: 'input is read without repair', classname, findings: take(index.ofPost(postIndex)), out: [] });
  for (const block of post.blocks) {
    // A note's cases say which claims it credits: "¶5 footnote 1 of ¶2 (line 13)".
    const note = notes.context(block.index);
    const where = `¶${block.index + 1}${note !== undefined ? ` ${note}` : ''}${block.line !== undefined ? ` (line ${block.line})` : ''}`;
    const capped = index.omittedOf(postIndex, block.index).length > 0;
    for (const c of block.citations) {
      // A link that is not a source is no test; a credited source is tested where it is written (its note).
      if (c.role !== undefined || c.via !== undefined) continue;
      const findings = index.ofCitation(postIndex, block.index, c);
      // Past the findings cap a failing link may have no finding of its own: it must not pass
      // as a test; the cap's summary finding is its case (below).
      if (capped && findings.length === 0 && (FAILING_STATUSES.has(c.status) || c.invalid !== undefined)) continue;
      cases.push({
        name: `${where} “${shorten(c.anchorText, 60)}” ${c.url}`,
        classname,
        findings: take(findings),
        skipped: skipReason(c),
        out: [
          `status: ${c.status}${c.httpStatus !== undefined ? ` (HTTP ${c.httpStatus})` : ''}${c.errorCode ? ` ${c.errorCode}` : ''}`,
        ],
      });
    }
    const damaged = index.damagedOf(postIndex, block.index);
    // Past the findings cap, the anchors not listed are the summary finding's case (below).
    const anchorsCapped = index.omittedOf(postIndex, block.index).some((f) => f.code === 'ANCHOR_DAMAGED');
    (anchorsCapped ? block.damagedAnchors.slice(0, damaged.length) : block.damagedAnchors).forEach((d, i) => {
      cases.push({
        name: `${where} anchor “${shorten(d.anchorText, 60)}” keeps its URL`,
        classname,
        findings: take(damaged[i] ? [damaged[i]] : []),
        out: [],
      });
    });
    const uncited = index.uncitedOf(postIndex, block.index);
    if (uncited !== undefined) {
      cases.push({
        name: `${where} claim cites a source`,
        classname,
        findings: take([uncited]),
        out: [`“${shorten(block.text, 200)}”`],
      });
    }
  }
  // Anything not matched above (hand-made reports, future codes) still shows up.
  const rest = index.allOfPost(postIndex).filter((f) => !claimed.has(f));
  for (const f of rest)
    cases.push({
      name: `${f.block !== undefined ? `¶${f.block + 1} ` : ''}${f.code}`,
      classname,
      findings: [f],
      out: [],
    });

  let failures = 0;
  let skipped = 0;
  const body = cases.map((tc) => {
    const failing = tc.findings.filter((f) => isAtOrAbove(f.severity, 'warning'));
    const noteFindings = tc.findings.filter((f) => !isAtOrAbove(f.severity, 'warning'));
    const parts: string[] = [];
    if (failing.length > 0) {
      failures += 1;
      const [first] = failing;
      const text = failing.map((f) => `${f.code} (${f.severity}): ${messageOf(f)}`).join('\n');
      parts.push(
        `<failure type="${first.code}" message="${escapeXmlAttr(messageOf(first))}">${escapeXmlText(text)}</failure>`,
      );
    } else if (tc.skipped !== undefined) {
      skipped += 1;
      parts.push(`<skipped message="${escapeXmlAttr(tc.skipped)}"/>`);
    }
    const outLines = [...tc.out, ...noteFindings.map((f) => `${f.code} (note): ${messageOf(f)}`)];
    if (outLines.length > 0) parts.push(`<system-out>${escapeXmlText(outLines.join('\n'))}</system-out>`);
    const open = `<testcase name="${escapeXmlAttr(tc.name)}" classname="${escapeXmlAttr(tc.classname)}" time="0"`;
    return parts.length === 0 ? `    ${open}/>` : `    ${open}>\n      ${parts.join('\n      ')}\n    </testcase>`;
  });
  const props = [
    ['source', post.source],
    ['kind', post.kind],
    ...(post.id !== undefined ? [['id', String(post.id)]] : []),
    ...(post.url !== undefined ? [['url', post.url]] : []),
  ].map(([k, v]) => `      <property name="${k}" value="${escapeXmlAttr(v)}"/>`);
  const xml = [
    `  <testsuite name="${escapeXmlAttr(postName(post))}" tests="${cases.length}" failures="${failures}" errors="0" skipped="${skipped}" time="0" timestamp="${escapeXmlAttr(report.startedAt)}">`,
    '    <properties>',
    ...props,
    '    </properties>',
    ...body,
    '  </testsuite>',
  ].join('\n');
  return { xml, cases, failures, skipped };
}

function skipReason(c: ReportCitation): string | undefined {
  if (c.status === 'excluded' || c.status === 'skipped' || c.status === 'unchecked') {
    return `${c.status}${c.errorCode ? `: ${c.errorCode}` : ''}${c.reason ? ` (${c.reason})` : ''}`;
  }
  return undefined;
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}
