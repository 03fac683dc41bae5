import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // Two at once even on two cores: most test time waits on child processes, workers and loopback HTTP.
    maxWorkers: 2,
    // Bundles the CLI once, for the tests that run it in a child process (tests/helpers/cli-bundle.ts).
    globalSetup: ['tests/helpers/global-setup.ts'],
  },
});
