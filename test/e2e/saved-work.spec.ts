import { expect, test, type Page } from '@playwright/test';
import { freshApp } from './fixtures.ts';
import { readFileSync } from 'node:fs';

async function storeSecret(page: Page, name: string) {
  await page.goto('/#/secrets/new');
  await page.getByLabel('Other type of secret').check();
  await page.getByTestId('kv-value-0').fill('value-of-' + name);
  for (let step = 0; step < 2; step++) await page.getByRole('button', { name: 'Next', exact: true }).click();
  await page.getByTestId('secret-name').fill(name);
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await page.getByRole('button', { name: 'Store' }).click();
  await expect(page.getByRole('heading', { name })).toBeVisible();
}

test('an exported world re-imports exactly, over a world that has changed since', async ({ page }) => {
  await freshApp(page);
  await storeSecret(page, 'export/me');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export' }).click();
  const file = await (await downloading).path();
  const exported = readFileSync(file!, 'utf8');
  expect(JSON.parse(exported).schemaVersion).toBe(2);

  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Reset' }).click();
  await page.goto('/#/secrets');
  await expect(page.getByRole('link', { name: 'export/me' })).toHaveCount(0);

  await page.getByTestId('import-file').setInputFiles({ name: 'world.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
  await expect(page.getByTestId('import-message')).toHaveText('Imported world.json.');
  await expect(page.getByRole('link', { name: 'export/me' })).toBeVisible();
});

test('a corrupt saved world is kept aside, the learner is told, and the previous save comes back', async ({ page: first, context }) => {
  await freshApp(first);
  await storeSecret(first, 'first/save');
  await storeSecret(first, 'second/save');
  await first.waitForTimeout(500);
  // Close the app without its last save, then damage the save from a page of the same origin that is not the app,
  // as a crash or a bad upgrade might.
  await first.close();
  const page = await context.newPage();
  await page.goto('/robots.txt');
  await page.evaluate(() => new Promise<void>((resolve, reject) => {
    const open = indexedDB.open('secretslab');
    open.onsuccess = () => {
      const tx = open.result.transaction('saved-work', 'readwrite');
      tx.objectStore('saved-work').put({ savedAt: 'now', snapshot: { schemaVersion: 1, seed: 'broken' } }, 'world');
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    };
    open.onerror = () => reject(open.error);
  }));
  await page.goto('/#/secrets');
  await expect(page.getByTestId('notice')).toContainText('Your saved world could not be loaded');
  await expect(page.getByTestId('notice')).toContainText('kept aside unchanged');
  // The backup is the save before the damaged one: the first secret is there.
  await expect(page.getByRole('link', { name: 'first/save' })).toBeVisible();
  const kept = await page.evaluate(() => new Promise<string[]>((resolve) => {
    const open = indexedDB.open('secretslab');
    open.onsuccess = () => {
      const request = open.result.transaction('saved-work').objectStore('saved-work').getAllKeys();
      request.onsuccess = () => resolve(request.result.map(String));
    };
  }));
  expect(kept.some((key) => key.startsWith('world:corrupt:'))).toBe(true);
});
