// The fault-injection suite's own vitest config (`npm run test:faults`): no shared global setup, because
// each run starts, stops and kills its own Postgres, Temporal, api and worker; long timeouts, one file at
// a time, and FAULT_TESTS=1 so the root `npm test` (which also matches *.test.ts) skips this suite.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const here = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  test: {
    root: path.resolve(here, '..'),
    include: ['fault-tests/src/**/*.test.ts'],
    env: { FAULT_TESTS: '1' },
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 240_000,
    hookTimeout: 180_000,
    // The ledger lines are the evidence: show them even when everything passes.
    reporters: ['verbose'],
  },
});
