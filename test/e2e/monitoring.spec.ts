import { expect, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { createDatabaseSecret, freshApp } from './fixtures.ts';

test('filter the event history to one secret, open an event, see a finding, follow its fix link, fix it, see it pass', async ({ page }, testInfo) => {
  await freshApp(page);
  await createDatabaseSecret(page, 'other/db');
  await createDatabaseSecret(page, 'prod/app/db');

  // The event history, filtered to this secret from its page (engine/audit), and one event opened.
  await page.getByTestId('secret-events').click();
  await expect(page.getByRole('heading', { name: 'Event history' })).toBeVisible();
  const rows = page.getByTestId('event-row');
  await expect(rows.filter({ hasText: 'other/db' })).toHaveCount(0);
  await page.getByRole('button', { name: 'CreateSecret' }).first().click();
  await expect(page.getByTestId('event-json')).toContainText('"eventName": "CreateSecret"');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Monitoring' }).click();
  await expect(page.getByRole('heading', { name: 'Monitoring', level: 1 })).toBeVisible();
  const tagged = page.locator('[data-testid="finding"][data-control="SecretsManager.5"]').filter({ hasText: 'prod/app/db' });
  await expect(tagged).toHaveCount(1);
  await expect(tagged).toHaveAttribute('data-status', 'FAILED');
  await expect(tagged).toContainText('The secret has no tags.');
  await expect(tagged).toContainText('prod/app/db');
  await page.screenshot({ path: testInfo.outputPath('monitoring-findings-failed.png'), fullPage: true });
  expect((await new AxeBuilder({ page }).include('main').analyze()).violations).toEqual([]);

  // The fix link opens the secret's own page, where the learner adds a tag.
  await tagged.getByTestId('fix-link').click();
  await expect(page.getByRole('heading', { name: 'prod/app/db' })).toBeVisible();
  await expect(page).toHaveURL(/#\/secrets\/arn%3Aaws%3Asecretsmanager/);
  await page.getByLabel('Key', { exact: true }).fill('team');
  await page.getByLabel('Value', { exact: true }).fill('payments');
  await page.getByRole('button', { name: 'Add tag' }).click();
  await expect(page.getByText('team', { exact: true })).toBeVisible();

  // Back to the findings: the change-triggered check has already run, and the finding is resolved.
  await page.goBack();
  await expect(page.getByRole('heading', { name: 'Monitoring', level: 1 })).toBeVisible();
  await expect(tagged).toHaveAttribute('data-status', 'PASSED');
  await expect(tagged).toContainText('Resolved');
  await page.getByTestId('finding-status-filter').selectOption('FAILED');
  // Only the other, untagged secret still fails the tagging control.
  await expect(page.locator('[data-testid="finding"][data-control="SecretsManager.5"]')).toHaveCount(1);
  await expect(page.locator('[data-testid="finding"][data-control="SecretsManager.5"]')).toContainText('other/db');
  await expect(page.locator('[data-testid="finding"][data-control="SecretsManager.1"]').first()).toHaveAttribute('data-status', 'FAILED');
  await page.screenshot({ path: testInfo.outputPath('monitoring-findings-passed.png'), fullPage: true });
});

test('an alarm from a preset, drawn with its threshold; a periodic finding appears after time moves; a rule delivers to the inbox', async ({ page }, testInfo) => {
  await freshApp(page);
  await createDatabaseSecret(page, 'idle/db');
  await page.goto('/#/monitoring');
  await page.getByRole('tab', { name: 'Alarms' }).click();
  await page.getByRole('button', { name: 'Alarm on failed rotations' }).click();
  const row = page.getByTestId('alarm');
  await expect(row).toHaveAttribute('data-state', 'INSUFFICIENT_DATA');
  await expect(page.getByTestId('alarm-reason')).toHaveText('Unchecked: Initial alarm creation');
  await expect(page.getByTestId('metric-chart').locator('canvas')).toHaveCount(1);
  await expect(page.getByText('threshold 1', { exact: false }).first()).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('monitoring-alarm.png'), fullPage: true });

  await page.getByRole('tab', { name: 'Rules and inbox' }).click();
  await page.getByRole('button', { name: 'Notify on DeleteSecret' }).click();
  await expect(page.getByText('secret-deleted', { exact: true })).toBeVisible();

  // 91 days on: the secret was never read, so the periodic SecretsManager.3 check fails it.
  await page.getByTestId('advance-days').fill('91');
  await page.getByRole('button', { name: 'Advance', exact: true }).click();
  await page.getByRole('tab', { name: 'Findings' }).click();
  await expect(page.locator('[data-testid="finding"][data-control="SecretsManager.3"]')).toHaveAttribute('data-status', 'FAILED');
  await expect(page.locator('[data-testid="finding"][data-control="SecretsManager.3"]')).toContainText('Not accessed for 91 days (limit 90).');

  await page.getByRole('tab', { name: 'Metrics' }).click();
  await expect(page.getByTestId('metric-chart')).toHaveCount(2);
  await page.screenshot({ path: testInfo.outputPath('monitoring-metrics.png'), fullPage: true });

  // Delete the secret from its page; the rule's delivery shows in the inbox.
  await page.getByRole('tab', { name: 'Findings' }).click();
  await page.locator('[data-testid="finding"][data-control="SecretsManager.3"]').getByTestId('fix-link').click();
  await expect(page.getByRole('heading', { name: 'idle/db' })).toBeVisible();
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: /Delete secret|Schedule deletion/ }).first().click();
  await page.goto('/#/monitoring');
  await page.getByRole('tab', { name: 'Rules and inbox' }).click();
  await expect(page.getByTestId('inbox')).toContainText('DeleteSecret by arn:aws:iam::111122223333:user/admin');
  await page.screenshot({ path: testInfo.outputPath('monitoring-inbox.png'), fullPage: true });
});
