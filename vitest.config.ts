import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // Bundles the CLI once, for the tests that run it in a child process (tests/helpers/cli-bundle.ts).
    globalSetup: ['tests/helpers/global-setup.ts'],
  },
});
