import type { FindingCode } from '../types.js';

/** Arguments a finding message is built from (see each case for the keys it reads). */
export type MessageArgs = Record<string, string | number>;

// Why one function: findings are data (code + args) everywhere else, so wording can change
// (or be translated) here without touching the report builder or any formatter.

/**
 * The one place findings are worded. Reads only the args it needs and tolerates missing
 * ones, so a hand-built or older report still gets a sensible one-line message.
 */
export function formatFindingMessage(code: FindingCode, args: MessageArgs): string {
  // The cap's summary finding (derive-findings): it stands for the rest of its code's findings.
  if (args.omitted !== undefined) {
    return `${str(args.omitted)} more ${code} findings in this ${str(args.scope) || 'block'} are not listed (at most ${str(args.listed)} per ${str(args.scope) || 'block'}); the JSON report's posts list every link and warning, and a block's first ${str(args.listed)} lost anchors with the count of the rest.`;
  }
  const url = str(args.url);
  const anchor = args.anchorText !== undefined && args.anchorText !== '' ? ` "${str(args.anchorText)}"` : '';
  // A link on a name in the prose (role entity) is checked like a source but is not one.
  const noun = args.role === undefined ? 'Source' : 'Link';
  switch (code) {
    case 'LINK_BROKEN':
      // A redirect that loops, never ends or leaves http(s) is broken whatever its last status.
      if (args.errorCode !== undefined && args.errorCode !== 'HTTP_ERROR')
        return `${noun}${anchor} is broken: ${url}${detail(args)}.${archived(args)}`;
      return `${noun}${anchor} is broken: ${url}${args.finalUrl ? ` (redirected to ${str(args.finalUrl)})` : ''} answered ${httpOr(args, 'with an error')}.${archived(args)}`;
    case 'LINK_UNREACHABLE':
      return `${noun}${anchor} is unreachable: ${url}${detail(args)}.${archived(args)}`;
    case 'LINK_SOFT_404':
      return args.finalUrl
        ? `${noun}${anchor} is gone: ${url} lands on ${str(args.finalUrl)}, a "not found" or home page.${archived(args)}`
        : `${noun}${anchor} is gone: ${url} shows a "not found" page with status 200.${archived(args)}`;
    case 'LINK_TIMEOUT':
      return `${noun}${anchor} timed out: ${url}${detail(args)}.${archived(args)}`;
    case 'LINK_BLOCKED':
      // A host that kept refusing (429/503) was given up or waited out: say that, not "a bot challenge".
      if (args.errorCode === 'RATE_LIMITED')
        return `${noun}${anchor} was not checked: ${url} is rate-limited${args.reason ? ` (${str(args.reason)})` : ''}; check it by hand.`;
      return `${noun}${anchor} refused the automated check: ${url} answered ${httpOr(args, 'with a bot challenge')}; check it by hand.`;
    case 'LINK_INVALID':
      return `Citation${anchor} has a malformed URL: ${url}${args.reason ? ` (${str(args.reason)})` : ''}.`;
    case 'ANCHOR_DAMAGED':
      return `Anchor${anchor} lost its URL (${damageWording(str(args.reason))}); the claim has no source.`;
    case 'LINK_REDIRECT_PERMANENT':
      return `${noun}${anchor} moved permanently: ${url} now redirects to ${str(args.newUrl)}; update the link.`;
    case 'FRAGMENT_MISSING':
      return `${noun}${anchor} has no #${str(args.fragment)} on the page: ${url}.`;
    case 'QUOTE_NOT_FOUND':
      return `${noun}${anchor} no longer contains the quoted text "${str(args.quote)}": ${url}.`;
    case 'INPUT_REPAIRED':
      return `Input was repaired: ${str(args.repair) || 'damaged input'}${args.where ? ` at ${str(args.where)}` : ''}.`;
    case 'CLAIM_UNCITED':
      // Evidence names the words ("number “62%”"); reports built before it carry only the signals.
      if (args.evidence) return `Claim has no link to a source (${str(args.evidence)})${nameLinks(args)}.`;
      return `Claim has no source (${str(args.signals) || 'claim signals'} but no link).`;
    case 'LINK_INSECURE_HTTP':
      return `${noun}${anchor} uses plain http: ${url}.`;
    case 'ARCHIVE_AVAILABLE':
      if (args.linked === 'yes')
        return `${noun}${anchor} is gone (${url}); the post links its archived copy: ${str(args.archiveUrl)}.`;
      return `An archived copy of ${url}${args.archivedAt ? ` from ${str(args.archivedAt)}` : ''} is available: ${str(args.archiveUrl)}.`;
    case 'ARCHIVE_MISSING':
      return `No archived copy of ${url} exists: the ${noun.toLowerCase()}${anchor} is lost unless someone kept a copy.`;
    case 'SOURCE_CHANGED':
      if (args.quote !== undefined)
        return `${noun}${anchor} changed: on ${str(args.archivedAt)} this page said "${str(args.quote)}"; it no longer does: ${url} (archived copy: ${str(args.archiveUrl)}).`;
      return `${noun}${anchor} changed since ${str(args.archivedAt)}: its text and the archived copy's have ${str(args.similarity)} in common (below ${str(args.threshold)}): ${url} (archived copy: ${str(args.archiveUrl)}).`;
    case 'LINK_FAILING':
      return `${noun}${anchor} is failing: ${url}${detail(args)}; failing since ${str(args.failingSince)}, ${failedChecks(args)} so far (dead after ${str(args.confirmChecks)} over ${str(args.confirmSpan)}).${archived(args)}`;
  }
}

/** "; its link on a name, "Reuters" (…), goes to that name's own page, not to a source". */
function nameLinks(args: MessageArgs): string {
  if (args.nameLinks === undefined) return '';
  return Number(args.nameLinkCount) > 1
    ? `; its links on names, ${str(args.nameLinks)}, go to those names' own pages, not to sources`
    : `; its link on a name, ${str(args.nameLinks)}, goes to that name's own page, not to a source`;
}

function str(value: string | number | undefined): string {
  return value === undefined ? '' : String(value);
}

function httpOr(args: MessageArgs, fallback: string): string {
  return args.httpStatus !== undefined ? `HTTP ${str(args.httpStatus)}` : fallback;
}

/** " An archived copy from 2024-04-30: <url>." after a failing source's message, when one was found. */
function archived(args: MessageArgs): string {
  if (args.archiveUrl === undefined || args.archiveUrl === '') return '';
  return ` An archived copy${args.archivedAt ? ` from ${str(args.archivedAt)}` : ''}: ${str(args.archiveUrl)}.`;
}

function failedChecks(args: MessageArgs): string {
  const n = Number(args.failedChecks ?? 1);
  return `${n} failed ${n === 1 ? 'check' : 'checks'}`;
}

function detail(args: MessageArgs): string {
  const parts = [args.errorCode, args.reason].filter((p) => p !== undefined && p !== '').map(str);
  return parts.length > 0 ? ` (${parts.join(': ')})` : '';
}

function damageWording(reason: string): string {
  switch (reason) {
    case 'orphan-close-tag':
      return 'the opening <a> tag is gone';
    case 'missing-href':
      return 'the link has no href';
    case 'empty-href':
      return 'the href is empty or "#"';
    case 'undefined-reference':
      return 'its Markdown reference has no definition';
    default:
      return 'the URL is missing';
  }
}
