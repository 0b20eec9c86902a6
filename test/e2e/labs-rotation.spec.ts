import { expect, test, type Page } from '@playwright/test';
import { freshApp } from './fixtures.ts';

async function goalStates(page: Page): Promise<string[]> {
  return page.getByTestId('lab-goals').locator('li').evaluateAll((items) => items.map((li) => li.getAttribute('data-passed') ?? ''));
}

async function terminal(page: Page, command: string): Promise<void> {
  await page.keyboard.type(command);
  await page.keyboard.press('Enter');
}

test('lab 7 played through the terminal, with the application change made outside AWS: every goal passes', async ({ page }) => {
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await freshApp(page);
  await page.goto('/#/labs/07-rds-rotation');
  await expect(page.getByTestId('lab-task')).toContainText('Task statement 2.2');
  // The "outside AWS" step is listed before the lab starts, and can only be made once it has.
  await expect(page.getByTestId('lab-outside-aws')).toContainText('caching client');
  await expect(page.getByTestId('outside-change-0')).toBeDisabled();
  await page.getByTestId('lab-start').click();
  await expect(page.getByTestId('lab-goals').locator('li')).toHaveCount(2);
  expect(await goalStates(page)).toEqual(['false', 'true']);
  await expect(page.getByTestId('goal-no-dropped-connections')).toContainText(/failed connections/);

  // What went wrong, read from the terminal: the single-user function is configured.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Terminal' }).click();
  await expect(page.locator('.xterm-rows')).toContainText('SecretsLab terminal');
  await page.getByTestId('terminal').click();
  await terminal(page, 'aws secretsmanager describe-secret --secret-id prod/orders/app --query RotationLambdaARN --output text');
  await expect(page.locator('.xterm-rows')).toContainText('function:rotate-orders-single');
  // The fix on the AWS side: alternating users, same weekly schedule (RotateImmediately defaults to true).
  await terminal(
    page,
    `aws secretsmanager rotate-secret --secret-id prod/orders/app --rotation-lambda-arn arn:aws:lambda:us-east-1:111122223333:function:rotate-orders-multi --rotation-rules '{"ScheduleExpression":"rate(7 days)"}'`,
  );
  await expect(page.locator('.xterm-rows')).toContainText('"VersionId"');
  await terminal(page, 'aws secretsmanager list-secret-version-ids --secret-id prod/orders/app --query "Versions[].VersionStages" --output text');
  await expect(page.locator('.xterm-rows')).toContainText('AWSPREVIOUS');

  // The fix outside AWS: the service reads through the caching client.
  await page.goto('/#/labs/07-rds-rotation');
  await page.getByTestId('outside-change-0').click();
  await expect(page.getByTestId('outside-status')).toContainText('Done (outside AWS)');

  // The Rotation page shows the new way of reading and the connections.
  await page.goto('/#/secrets');
  await page.getByRole('link', { name: 'prod/orders/app' }).click();
  await page.getByTestId('secret-rotation').click();
  await expect(page.getByRole('heading', { name: /orders-api — 20 clients, caching client \(TTL 60 min\)/ })).toBeVisible();

  // Three weekly rotations.
  await page.getByTestId('advance-days').fill('22');
  await page.getByRole('button', { name: 'Advance', exact: true }).click();
  await page.goto('/#/labs/07-rds-rotation');
  await expect.poll(() => goalStates(page)).toEqual(['true', 'true']);
  await expect(page.getByTestId('goal-no-dropped-connections')).toContainText('0 failed connections in the last 22d');
  await expect(page.getByTestId('lab-debrief')).toBeVisible();
  await page.screenshot({ path: 'test-results/lab-07-done.png', fullPage: true });
  expect(pageErrors).toEqual([]);
});

test('lab 9: the endpoint made with the Rotation page control, the alarm from the Monitoring view; the retry rotates and the alarm is OK', async ({ page }) => {
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await freshApp(page);
  await page.goto('/#/labs/09-rotation-timeout');
  await page.getByTestId('lab-start').click();
  expect(await goalStates(page)).toEqual(['false', 'true', 'false']);

  // The Rotation page says why the run failed, and has the network control.
  await page.goto('/#/secrets');
  await page.getByRole('link', { name: 'prod/payments/db' }).click();
  await page.getByTestId('secret-rotation').click();
  await expect(page.getByText('no route from the function to Secrets Manager').first()).toBeVisible();
  await page.getByRole('button', { name: 'VPC endpoint' }).click();
  await expect(page.getByTestId('rotation-status')).toContainText('now: endpoint');

  // The alarm from the Monitoring view's preset (the terminal has no cloudwatch commands).
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Monitoring' }).click();
  await page.getByRole('tab', { name: 'Alarms' }).click();
  await page.getByRole('button', { name: 'Alarm on failed rotations' }).click();
  await expect(page.getByTestId('alarm')).toHaveCount(1);

  // The failed rotation is reattempted at the next window.
  await page.getByTestId('advance-days').fill('1');
  await page.getByRole('button', { name: 'Advance', exact: true }).click();
  await page.goto('/#/labs/09-rotation-timeout');
  await expect.poll(() => goalStates(page)).toEqual(['true', 'true', 'true']);
  expect(pageErrors).toEqual([]);
});

test('lab 15: show me makes the change outside AWS, says so in its log, and every goal passes', async ({ page }) => {
  await freshApp(page);
  await page.goto('/#/labs/15-throughput');
  await page.getByTestId('lab-start').click();
  expect(await goalStates(page)).toEqual(['false', 'true', 'false']);
  await expect(page.getByTestId('goal-not-throttled')).toContainText('20% are throttled');
  await page.getByTestId('lab-show-me').click();
  await expect(page.getByTestId('lab-show-me-log')).toContainText("Outside AWS: a change to the function's code");
  await expect.poll(() => goalStates(page), { timeout: 15_000 }).toEqual(['true', 'true', 'true']);
  await expect(page.getByTestId('goal-monthly-cost')).toContainText(/projected to cost \$\d\.\d\d a month/);
});
