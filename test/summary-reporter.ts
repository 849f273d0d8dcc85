import type { Reporter, TestModule } from 'vitest/node';
import { BROWSER_TEST_MARK, browserRequired, CHROMIUM_MISSING, hasChromium } from './helpers/chromium.js';

/**
 * Prints one plain closing line, "N passed, N failed, N skipped", after vitest's own summary,
 * so CI logs (and tools that read them) get a colour-free count of what ran, and one line
 * saying so when the browser tests did not run for want of Chromium.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const count = { passed: 0, failed: 0, skipped: 0 };
    let browserTests = 0;
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') count.passed++;
        else if (state === 'failed') count.failed++;
        else count.skipped++;
        if (test.fullName.includes(BROWSER_TEST_MARK) && state !== 'passed') browserTests++;
      }
      // A file that failed to load has no tests but must still count as a failure.
      if (module.state() === 'failed' && module.children.size === 0) count.failed++;
    }
    process.stdout.write(`\n${count.passed} passed, ${count.failed} failed, ${count.skipped} skipped\n`);
    if (!hasChromium && browserTests > 0) {
      const what = `${browserTests} browser test${browserTests === 1 ? '' : 's'} ${browserRequired ? 'failed' : 'skipped'}`;
      process.stdout.write(`${what}: ${CHROMIUM_MISSING}\n`);
    }
  }
}
