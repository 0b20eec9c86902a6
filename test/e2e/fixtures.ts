import { expect, type Page } from '@playwright/test';

/** Opens the app on a new world: saved work from an earlier test would otherwise be restored. */
export async function freshApp(page: Page): Promise<void> {
  await page.goto('/');
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const request = indexedDB.deleteDatabase('secretslab');
        request.onsuccess = request.onerror = request.onblocked = () => resolve();
      }),
  );
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Welcome to SecretsLab' })).toBeVisible();
}
