import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/content/**/*.test.ts', 'test/build/**/*.test.ts'],
    testTimeout: 20_000,
  },
});
