import { expect, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { createDatabaseSecret, freshApp } from './fixtures.ts';

test('the event history: filter to one secret from its page, open an event, read its record without the value', async ({ page }, testInfo) => {
  await freshApp(page);
  await createDatabaseSecret(page, 'other/db');
  const password = await createDatabaseSecret(page, 'prod/app/db');
  expect(password.length).toBeGreaterThanOrEqual(32);
  await page.getByRole('button', { name: 'Retrieve secret value' }).click();
  await expect(page.getByTestId('secret-value')).toContainText('"engine": "mysql"');

  // From the secret's page to its events: only this secret's, newest first.
  await page.getByTestId('secret-events').click();
  await expect(page.getByRole('heading', { name: 'Event history' })).toBeVisible();
  await expect(page).toHaveURL(/#\/audit\/arn%3Aaws%3Asecretsmanager/);
  await expect(page.getByLabel('Resource')).toHaveValue(/^arn:aws:secretsmanager:us-east-1:111122223333:secret:prod\/app\/db-/);
  const rows = page.getByTestId('event-row');
  // The page reads the secret back after the retrieval (DescribeSecret, ListSecretVersionIds...): the read is among them.
  await expect(rows.filter({ hasText: 'GetSecretValue' })).toHaveCount(1);
  await expect(rows.filter({ hasText: 'other/db' })).toHaveCount(0);
  const names = await rows.locator('td:nth-child(2) button').allTextContents();
  expect(names).toContain('CreateSecret');
  expect(names).toContain('DescribeSecret');
  expect(names).not.toContain('GenerateDataKey');

  // Open the read: its record names the secret and the caller, and holds no value.
  await page.getByRole('button', { name: 'GetSecretValue' }).first().click();
  const record = page.getByTestId('event-json');
  await expect(record).toContainText('"eventName": "GetSecretValue"');
  await expect(record).toContainText('"eventSource": "secretsmanager.amazonaws.com"');
  await expect(record).toContainText('"responseElements": null');
  await expect(record).toContainText('"arn": "arn:aws:iam::111122223333:user/admin"');
  await expect(record).not.toContainText(password);
  await page.screenshot({ path: testInfo.outputPath('audit-secret-event.png'), fullPage: true });

  // The whole history, then only failures: a denied call by another account's admin is there with its error code.
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(rows.filter({ hasText: 'GenerateDataKey' }).first()).toBeVisible();
  await page.getByTestId('acting-as').selectOption('arn:aws:iam::444455556666:user/admin');
  await page.goto('/#/secrets');
  await page.getByTestId('acting-as').selectOption('arn:aws:iam::111122223333:user/admin');
  await page.goto('/#/audit');
  await page.getByLabel('Event name').fill('ListSecrets');
  await expect(rows.first()).toContainText('ListSecrets');
  await expect(rows.filter({ hasNotText: 'ListSecrets' })).toHaveCount(0);
  await page.getByLabel('Event name').fill('');
  await page.getByLabel('Outcome').selectOption('failed');
  await expect(page.getByText('No events match these filters.')).toBeVisible();

  const accessibility = await new AxeBuilder({ page }).include('main').analyze();
  expect(accessibility.violations.map((v) => v.id)).toEqual([]);
});

test("another account's denied read of the owner's secret is in its own history, with its error code and a sharedEventID", async ({ page }) => {
  await freshApp(page);
  await createDatabaseSecret(page, 'prod/app/db');
  const url = page.url();
  await page.getByTestId('acting-as').selectOption('arn:aws:iam::444455556666:user/admin');
  await page.goto(url);
  await expect(page.getByTestId('error')).toContainText('AccessDeniedException');
  await page.goto('/#/audit');
  await page.getByLabel('Outcome').selectOption('failed');
  const denied = page.getByTestId('event-row').filter({ hasText: 'DescribeSecret' }).first();
  await expect(denied).toContainText('AccessDeniedException');
  await denied.getByRole('button', { name: 'DescribeSecret' }).click();
  await expect(page.getByTestId('event-json')).toContainText('"recipientAccountId": "444455556666"');
  await expect(page.getByTestId('event-json')).toContainText('"sharedEventID"');
});
