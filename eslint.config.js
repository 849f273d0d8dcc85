// Lint rules: the recommended sets of ESLint and typescript-eslint (type-unaware, so the lint
// stays a few seconds on a 2-core CI machine); formatting is Prettier's job, not ESLint's.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// The pipeline, in order (DESIGN.md). A stage imports types.ts, the shared modules (config/,
// errors.ts, version.ts, make-dirs.ts, hash.ts, fs-calls.ts) and the stages before it, never one after it: when a later
// stage needs something an earlier one computed, the earlier stage puts it on the data. The
// per-host lanes come before the checker because the checker runs its requests through them.
const PIPELINE = ['sources', 'extract', 'links', 'ratelimit', 'check', 'report', 'formatters'];
// What sits on top of the pipeline (the CLI, the run orchestrators, the public API): any root
// module but the shared ones.
const TOP = [
  '../cli/*',
  '../*.js',
  '!../types.js',
  '!../errors.js',
  '!../version.js',
  '!../make-dirs.js',
  '!../hash.js',
  '!../fs-calls.js',
];

/** One lint block per folder: the folders it may not import. */
function importsRunDownOnly() {
  const stageBlocks = PIPELINE.map((stage, i) => ({
    files: [`src/${stage}/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [...PIPELINE.slice(i + 1).map((later) => `../${later}/*`), ...TOP],
              message: `${stage}/ is stage ${i + 1} of ${PIPELINE.join(' → ')}: it may import only earlier stages (put what a later stage needs on the data).`,
            },
          ],
        },
      ],
    },
  }));
  const foundation = {
    files: ['src/config/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [...PIPELINE.map((stage) => `../${stage}/*`), ...TOP],
              message: 'config/ is shared by every stage: it imports none of them.',
            },
          ],
        },
      ],
    },
  };
  const shared = {
    files: ['src/types.ts', 'src/errors.ts', 'src/version.ts', 'src/make-dirs.ts', 'src/hash.ts', 'src/fs-calls.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                './*/*',
                './*.js',
                '!./types.js',
                '!./errors.js',
                '!./version.js',
                '!./make-dirs.js',
                '!./hash.js',
                '!./fs-calls.js',
              ],
              message: 'the shared modules import no stage.',
            },
          ],
        },
      ],
    },
  };
  return [...stageBlocks, foundation, shared];
}

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'reports/', 'coverage/', 'test/fixtures/inputs/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        setImmediate: 'readonly',
        performance: 'readonly',
        AbortController: 'readonly',
        AbortSignal: 'readonly',
        TextDecoder: 'readonly',
        TextEncoder: 'readonly',
        structuredClone: 'readonly',
        queueMicrotask: 'readonly',
        fetch: 'readonly',
        document: 'readonly',
        window: 'readonly',
      },
    },
    rules: {
      // A tool that strips control characters from untrusted text has to name them in regexes.
      'no-control-regex': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
  ...importsRunDownOnly(),
  {
    // The bin is CommonJS (bin/package.json), so that a run never sets up Node's ES module loader.
    files: ['bin/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', __dirname: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
