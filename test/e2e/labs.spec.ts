import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { freshApp } from './fixtures.ts';

const DEV_ADMIN = 'arn:aws:iam::444455556666:user/admin';
const PROD_ADMIN = 'arn:aws:iam::111122223333:user/admin';

const KEY_POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    { Sid: 'EnableRootPermissions', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'kms:*', Resource: '*' },
    { Sid: 'ReportingDevDecrypt', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::444455556666:role/reporting-dev' }, Action: 'kms:Decrypt', Resource: '*' },
  ],
});
const RESOURCE_POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::444455556666:role/reporting-dev' }, Action: 'secretsmanager:GetSecretValue', Resource: '*' }],
});
const CALLER_POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: 'arn:aws:secretsmanager:us-east-1:111122223333:secret:prod/reporting/db-*' },
    { Effect: 'Allow', Action: 'kms:Decrypt', Resource: 'arn:aws:kms:us-east-1:111122223333:key/*' },
  ],
});

async function goalStates(page: Page): Promise<string[]> {
  return page.getByTestId('lab-goals').locator('li').evaluateAll((items) => items.map((li) => li.getAttribute('data-passed') ?? ''));
}

test('lab 5 played in the console: every goal passes, the debrief appears, progress survives a reload', async ({ page }) => {
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await freshApp(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Labs', exact: true }).click();
  await expect(page.getByTestId('lab-card-01-first-secret')).toBeVisible();
  // The index shows all sixteen labs of the issue, the custom rotation lab (08) among them.
  await expect(page.getByTestId('lab-index').locator('li')).toHaveCount(16);
  await expect(page.getByTestId('lab-card-08-custom-rotation')).toBeVisible();
  await page.getByRole('link', { name: /Cross-account/ }).click();
  await expect(page.getByTestId('lab-task')).toContainText('Task statement 1.1: Design secure access to AWS resources');
  await page.getByTestId('lab-start').click();
  await expect(page.getByTestId('lab-goals').locator('li')).toHaveCount(4);
  // Only "nothing else" holds at the start (the payments secret is not shared); the rest wait for the learner.
  expect(await goalStates(page)).toEqual(['false', 'false', 'false', 'true']);
  await page.getByTestId('hint-0').click();
  await expect(page.getByRole('list', { name: /Hints for Why the first attempt fails/ })).toContainText('full ARN');

  // Why the legacy share fails: the development admin reads it by ARN and gets AWS's answer about the default key.
  await page.goto('/#/secrets');
  await page.getByRole('link', { name: 'prod/reporting/legacy' }).click();
  const legacyArn = (await page.locator('dt:text-is("Secret ARN") + dd code').textContent()) ?? '';
  await page.getByTestId('acting-as').selectOption(DEV_ADMIN);
  await page.goto(`/#/secrets/${encodeURIComponent(legacyArn)}`);
  await page.getByRole('button', { name: 'Retrieve secret value' }).click();
  await expect(page.getByTestId('error')).toContainText("You can't access a secret from a different AWS account if you encrypt the secret with the default KMS service key.");
  await page.getByTestId('acting-as').selectOption(PROD_ADMIN);

  // A customer managed key whose policy lets reporting-dev decrypt.
  await page.goto('/#/kms');
  await page.getByTestId('new-alias').fill('alias/reporting-share');
  await page.getByRole('button', { name: 'Create key' }).click();
  const keyHref = (await page.getByTestId('keys-table').getByRole('row', { name: /alias\/reporting-share/ }).getByRole('link').first().getAttribute('href')) ?? '';
  const keyId = decodeURIComponent(keyHref.split('/').pop() ?? '');
  // The key policy is put with the terminal: the KMS console's key page cannot save an edited policy today (its
  // effect reruns on every keystroke, resetting the box, until Svelte stops it with effect_update_depth_exceeded;
  // reported in the labs note, not fixed here: not this lab's code).
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Terminal' }).click();
  await expect(page.locator('.xterm-rows')).toContainText('SecretsLab terminal');
  await page.getByTestId('terminal').click();
  await page.keyboard.type(`aws kms put-key-policy --key-id ${keyId} --policy-name default --policy '${KEY_POLICY}'`);
  await page.keyboard.press('Enter');
  await page.keyboard.type(`aws kms get-key-policy --key-id ${keyId} --policy-name default --query Policy --output text`);
  await page.keyboard.press('Enter');
  await expect(page.locator('.xterm-rows')).toContainText('ReportingDevDecrypt');

  // The secret, stored under that key, with a resource policy for the role.
  await page.goto('/#/secrets/new');
  await page.getByLabel('User name').fill('reporting_ro');
  await page.getByTestId('password').fill('Pz4mVb8nKc2sQw6e');
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await page.getByTestId('kms-key').selectOption('alias/reporting-share');
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await page.getByTestId('secret-name').fill('prod/reporting/db');
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await page.getByRole('button', { name: 'Store' }).click();
  await expect(page.getByRole('heading', { name: 'prod/reporting/db' })).toBeVisible();
  await page.getByTestId('resource-policy').fill(RESOURCE_POLICY);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByTestId('status')).toContainText('Saved the resource policy');

  // The caller's side: the development account's admin gives the role its own policy.
  await page.getByTestId('acting-as').selectOption(DEV_ADMIN);
  await page.goto('/#/iam');
  await page.getByTestId('policy-target').selectOption('role:reporting-dev');
  await page.getByLabel('Inline policy name').fill('read-prod-reporting-secret');
  await page.getByTestId('inline-document').fill(CALLER_POLICY);
  await page.getByRole('button', { name: 'Put inline policy' }).click();
  await expect(page.getByTestId('status')).toContainText('Put inline policy read-prod-reporting-secret');

  // The Policy Lab is where the learner would study the decision; it never changes the world.
  await page.getByRole('link', { name: 'Policy Lab' }).click();
  await expect(page.getByRole('heading', { name: 'Policy Lab', level: 1 })).toBeVisible();

  await page.goto('/#/labs/05-cross-account');
  for (const goal of ['dev-reads-secret', 'customer-managed-key', 'read-only', 'nothing-else']) {
    await expect(page.getByTestId(`goal-${goal}`)).toHaveAttribute('data-passed', 'true');
  }
  await expect(page.getByTestId('lab-debrief')).toContainText('Four policies now agree');
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => v.id)).toEqual([]);
  await page.screenshot({ path: 'test-results/lab-05-done.png', fullPage: true });

  await page.reload();
  await page.goto('/#/labs');
  await expect(page.getByTestId('lab-card-05-cross-account').getByTestId('lab-progress')).toHaveText('Completed');
  await page.screenshot({ path: 'test-results/labs-index.png', fullPage: true });
  expect(pageErrors).toEqual([]);
});

test('show me applies a lab solution through the app: the calls land in the call log and the goals pass; return to my world', async ({ page }) => {
  await freshApp(page);
  await page.goto('/#/labs/10-recover-deleted');
  await page.getByTestId('lab-start').click();
  await expect(page.getByTestId('goal-restored')).toHaveAttribute('data-passed', 'false');
  await page.getByTestId('lab-show-me').click();
  await expect(page.getByTestId('lab-show-me-log').locator('li')).toHaveCount(2);
  for (const goal of ['restored', 'readable', 'copy-gone']) await expect(page.getByTestId(`goal-${goal}`)).toHaveAttribute('data-passed', 'true');
  await page.goto('/#/log');
  await expect(page.locator('main')).toContainText('RestoreSecret');
  await page.goto('/#/labs/10-recover-deleted');
  await page.getByTestId('lab-return').click();
  await page.goto('/#/secrets');
  await page.getByLabel('Show secrets scheduled for deletion').check();
  await expect(page.locator('main')).not.toContainText('prod/legacy/ldap-bind');
});
