import { expect, test } from '@playwright/test';
import { freshApp } from './fixtures.ts';

test('time plays at the chosen speed, pauses, and one Undo returns to where play began', async ({ page }) => {
  await freshApp(page);
  const clock = page.getByTestId('clock');
  await expect(clock).toHaveText('Time: 2026-01-01 00:00:00 UTC');
  await page.getByLabel('Speed').selectOption({ label: '1 s = 1 day' });
  await page.getByTestId('play').click();
  await expect(page.getByTestId('play')).toHaveAttribute('aria-pressed', 'true');
  await expect(clock).not.toHaveText('Time: 2026-01-01 00:00:00 UTC');
  await expect.poll(async () => (await clock.textContent()) ?? '').toMatch(/2026-01-0[2-9]/);
  await page.getByTestId('play').click();
  await expect(page.getByTestId('play')).toHaveText(/Play/);
  const paused = await clock.textContent();
  await page.waitForTimeout(600);
  await expect(clock).toHaveText(paused!);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(clock).toHaveText('Time: 2026-01-01 00:00:00 UTC');
});
