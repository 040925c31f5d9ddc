import { defineConfig } from 'vitest/config';

// A zone that is neither the demo forum's nor a round hour (rallly's trick): code that forgets the zone fails.
process.env.TZ = 'Asia/Kathmandu';

export default defineConfig({
  test: { root: new URL('.', import.meta.url).pathname, include: ['src/**/*.test.{ts,tsx}'], environment: 'node' },
});
