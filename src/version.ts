import { readFileSync } from 'node:fs';

/** Tool name as it appears in reports and the default User-Agent. */
export const TOOL_NAME = 'citecheck';

// Read once from package.json so the version has a single source of truth.
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

/** Tool version from package.json. */
export const TOOL_VERSION: string = pkg.version;
