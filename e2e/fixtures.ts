import { test as base, expect, type Page } from '@playwright/test';

/**
 * Every e2e test runs with two guards: no request may leave 127.0.0.1 (the app never
 * uses a CDN or any other network), and the page may not log an error.
 */
export const test = base.extend<{ guarded: Page }>({
  guarded: async ({ page }, use) => {
    const external: string[] = [];
    const errors: string[] = [];
    page.on('request', (r) => {
      const url = new URL(r.url());
      if (!['http:', 'https:', 'ws:', 'wss:'].includes(url.protocol)) return; // blob:, data:
      if (url.hostname !== '127.0.0.1') external.push(r.url());
    });
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    await use(page);
    expect(external, 'requests that left 127.0.0.1').toEqual([]);
    expect(errors, 'errors logged by the page').toEqual([]);
  },
});
export { expect };
