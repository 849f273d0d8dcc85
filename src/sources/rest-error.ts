import { htmlToPlainText } from './html-text.js';

/** Longest API message quoted in an error line (they are one sentence; a page is not). */
const MAX_MESSAGE = 200;

/**
 * "WordPress API error rest_post_invalid_id: Invalid post ID." for a WordPress REST error body
 * (`{"code","message","data":{"status"}}`), undefined for anything else. The API's own code and
 * message say what went wrong (wrong id, not allowed…); "no content.rendered" did not.
 */
export function wordPressRestError(value: unknown): { text: string; status?: number } | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const { code, message, data, content } = value as Record<string, unknown>;
  if (typeof code !== 'string' || typeof message !== 'string' || content !== undefined) return undefined;
  let said = htmlToPlainText(message);
  if (said.length > MAX_MESSAGE) said = `${said.slice(0, MAX_MESSAGE - 1)}…`;
  const status = (data as { status?: unknown } | null | undefined)?.status;
  return { text: `WordPress API error ${code}: ${said}`, status: typeof status === 'number' ? status : undefined };
}

/** The REST error in a response body, if the body is one (not JSON or not an error → undefined). */
export function wordPressRestErrorIn(body: Buffer): string | undefined {
  try {
    return wordPressRestError(JSON.parse(body.toString('utf8').replace(/^\uFEFF/, '')))?.text;
  } catch {
    return undefined;
  }
}
