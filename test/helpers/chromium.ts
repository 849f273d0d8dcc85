/**
 * Whether the browser tests of the HTML report can run, and what to say when they cannot.
 * Kept free of playwright so the summary reporter can ask too.
 */
import { existsSync } from 'node:fs';

/** Where Debian installs Chromium (package `chromium`); CITECHECK_CHROMIUM names another binary. */
export const CHROMIUM_PATH = process.env.CITECHECK_CHROMIUM || '/usr/bin/chromium';

/** True when the Chromium binary is installed. */
export const hasChromium: boolean = existsSync(CHROMIUM_PATH);

/** CITECHECK_REQUIRE_BROWSER=1 (set by .ci/run): a missing Chromium fails the browser tests instead of skipping them. */
export const browserRequired = process.env.CITECHECK_REQUIRE_BROWSER === '1';

/** Browser tests skip only when Chromium is missing and nobody required them. */
export const skipBrowserTests = !hasChromium && !browserRequired;

/** Every browser test's name contains this, so the summary can count the ones that were skipped. */
export const BROWSER_TEST_MARK = 'in a real browser';

/** The one line `npm test` prints when browser tests were skipped (or fail for want of Chromium). */
export const CHROMIUM_MISSING = `Chromium not found at ${CHROMIUM_PATH}: install it (apt-get install chromium) to run the browser tests of the HTML report`;
