import { CHECKING_COMMANDS, flagSpec, type OptionDecl } from './option-decl.js';
import { KINDS } from './option-kinds.js';
import { HOST_OPTION_TABLE, OPTION_TABLE } from './option-table.js';

/** Marks around the generated option table in README.md. */
const README_MARKERS = { start: '<!-- options:start -->', end: '<!-- options:end -->' } as const;

/** Escapes a cell: `|` everywhere, `<` outside code spans (it would open an HTML tag). */
function cell(text: string): string {
  return text
    .split('`')
    .map((part, i) => (i % 2 === 1 ? part : part.replaceAll('<', '&lt;')).replaceAll('|', '\\|'))
    .join('`');
}

const code = (text: string | undefined): string => (text ? `\`${text}\`` : '');

function shownDefault(decl: OptionDecl): string {
  if (decl.default === undefined) return '';
  const show = KINDS[decl.kind].show;
  if (show) return code(show(decl.default));
  return decl.kind === 'switch' && decl.file !== false ? code(String(decl.default)) : '';
}

function meaning(decl: OptionDecl): string {
  const help = decl.keyHelp && decl.negate ? `${decl.help}; in the file: ${decl.keyHelp}` : decl.help;
  const commands = decl.commands ?? CHECKING_COMMANDS;
  const isDefault = CHECKING_COMMANDS.every((c) => commands.includes(c));
  const extras = (['extract', 'merge'] as const).filter((c) => commands.includes(c));
  const also = isDefault
    ? extras.length > 0
      ? ` (also for ${extras.map((c) => `\`${c}\``).join(' and ')})`
      : ''
    : ` (${commands.map((c) => `\`${c}\``).join(' and ')} only)`;
  return `${help}${decl.note ? `; ${decl.note}` : ''}${also}`;
}

/**
 * The README's option table, generated from the option table (`npm run gen`): flag, config
 * key, default and meaning of every option, the keys of a `hosts` entry after `hosts`.
 */
export function renderOptionsMarkdown(): string {
  const rows = ['| flag | config key | default | meaning |', '| --- | --- | --- | --- |'];
  for (const decl of OPTION_TABLE as readonly OptionDecl[]) {
    if (decl.key === '$schema') continue;
    const key = decl.file === false ? '' : code(decl.key);
    rows.push(`| ${code(flagSpec(decl))} | ${key} | ${shownDefault(decl)} | ${cell(meaning(decl))} |`);
    if (decl.kind !== 'hosts') continue;
    for (const hostDecl of HOST_OPTION_TABLE as readonly OptionDecl[]) {
      rows.push(`|  | \`hosts.<host>.${hostDecl.key}\` |  | ${cell(meaning(hostDecl))} |`);
    }
  }
  return rows.join('\n');
}

/** `readme` with the text between the option-table markers replaced by `table`. */
export function withOptionsTable(readme: string, table: string): string {
  const start = readme.indexOf(README_MARKERS.start);
  const end = readme.indexOf(README_MARKERS.end);
  if (start < 0 || end < start) throw new Error(`README.md has no ${README_MARKERS.start} … ${README_MARKERS.end}`);
  return `${readme.slice(0, start + README_MARKERS.start.length)}\n${table}\n${readme.slice(end)}`;
}
