import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { freshApp } from './fixtures.ts';

const T0 = new Date('2026-11-28T09:00:00Z');
const MINUTE = 60_000;

async function openQuiz(page: Page, tab = 'practice') {
  await page.goto(`/#/quiz/${tab}`);
  await expect(page.getByRole('heading', { name: 'Exam practice', level: 1 })).toBeVisible();
}

const remaining = async (page: Page) => Number(await page.getByTestId('exam-timer').getAttribute('data-remaining-ms'));

test('a short practice set: each answer is checked at once with the reason for every option', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
  });
  await freshApp(page);
  // The quiz (and its bank) is not in the initial page.
  expect(scripts.some((path) => /QuizView/.test(path))).toBe(false);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Exam practice' }).click();
  await expect(page.getByRole('heading', { name: 'Exam practice', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'Start practice' }).click();

  for (let n = 1; n <= 3; n++) {
    await expect(page.getByText(`Question ${n} of`)).toBeVisible();
    const question = page.getByTestId('question');
    const options = question.locator('input');
    const count = await options.count();
    const multi = (await options.first().getAttribute('type')) === 'checkbox';
    await options.nth(0).check();
    if (multi) await options.nth(1).check();
    await page.getByLabel('Certain').check();
    await page.getByRole('button', { name: 'Check answer' }).click();
    await expect(page.getByTestId('verdict')).toBeVisible();
    // Every option now says whether it is right and why, and the choice can no longer change.
    await expect(question.getByTestId('rationale')).toHaveCount(count);
    await expect(question.getByTestId('rationale').filter({ hasText: 'Correct.' })).not.toHaveCount(0);
    await expect(options.first()).toBeDisabled();
    if (n === 1) {
      const results = await new AxeBuilder({ page }).include('main').analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((node) => node.target).join(' ')}`)).toEqual([]);
      await page.screenshot({ path: test.info().outputPath('quiz-practice.png'), fullPage: true });
    }
    await page.getByRole('button', { name: /Next question|Finish/ }).click();
  }
  // The answers were saved: the due-today queue and readiness know about them after a reload.
  await page.reload();
  await openQuiz(page, 'readiness');
  await expect(page.getByTestId('readiness-withheld')).toContainText('Not enough evidence yet');
  await expect(page.getByTestId('readiness')).toContainText('Estimated from 3 answers');
});

test('an exam simulation: flag and return, reload mid-exam with the timer right, submit, see the scaled score and the domain breakdown', async ({ page }) => {
  await page.clock.install({ time: T0 });
  await freshApp(page);
  await openQuiz(page, 'exam');
  await page.getByRole('button', { name: 'Start exam simulation' }).click();
  await expect(page.getByTestId('exam-timer')).toHaveText('Time left 130:00');
  const total = Number((await page.getByText(/^Question 1 of \d+$/).textContent())!.match(/of (\d+)/)![1]);
  expect(total).toBeGreaterThanOrEqual(10);

  // Answer question 1 and flag it; no feedback appears.
  const first = await page.getByTestId('question').getAttribute('data-question-id');
  await page.getByTestId('question').locator('input').first().check();
  await page.getByTestId('flag').click();
  await expect(page.getByTestId('flag')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('rationale')).toHaveCount(0);
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await expect(page.getByText(`Question 2 of ${total}`)).toBeVisible();
  await page.getByTestId('question').locator('input').first().check();

  // Back to the flagged question from the answer sheet: it keeps its answer and its flag.
  await page.getByRole('button', { name: 'Question 1, answered, flagged' }).click();
  await expect(page.getByTestId('question')).toHaveAttribute('data-question-id', first!);
  await expect(page.getByTestId('question').locator('input').first()).toBeChecked();
  await expect(page.getByTestId('flag')).toHaveAttribute('aria-pressed', 'true');
  await page.screenshot({ path: test.info().outputPath('quiz-exam.png'), fullPage: true });

  // Twelve minutes pass, then the page reloads: the exam continues where it was, with 118 minutes left.
  await page.clock.fastForward(12 * MINUTE);
  await expect.poll(() => remaining(page)).toBeLessThanOrEqual(118 * MINUTE);
  await page.reload();
  await expect(page.getByTestId('exam-timer')).toBeVisible();
  await expect(page.getByTestId('question')).toHaveAttribute('data-question-id', first!);
  const afterReload = await remaining(page);
  expect(afterReload).toBeLessThanOrEqual(118 * MINUTE);
  expect(afterReload).toBeGreaterThan(118 * MINUTE - 5_000);
  await expect(page.getByTestId('exam-timer')).toHaveText(/Time left 11[78]:\d\d/);
  await expect(page.getByRole('button', { name: 'Question 2, answered, not flagged' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Question 2, answered' })).toBeVisible();

  await page.getByRole('button', { name: 'Submit exam' }).click();
  await expect(page.getByRole('alertdialog')).toContainText(`${total - 2} questions are unanswered`);
  await page.getByRole('button', { name: 'Submit now' }).click();
  const result = page.getByTestId('exam-result');
  await expect(result).toBeVisible();
  const scaled = Number(await page.getByTestId('scaled-score').textContent());
  expect(scaled).toBeGreaterThanOrEqual(100);
  expect(scaled).toBeLessThan(720);
  await expect(result).toContainText('Result: fail');
  await expect(result).toContainText('estimated scaled score');
  const rows = page.getByTestId('domain-breakdown').locator('tbody tr');
  await expect(rows).toHaveCount(4);
  await expect(rows.first()).toContainText('Design Secure Architectures');
  // After submitting, each question can be reviewed with its explanations.
  await page.getByRole('button', { name: /^Question 1: / }).click();
  await expect(result.getByTestId('rationale').first()).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('quiz-exam-result.png'), fullPage: true });
  const results = await new AxeBuilder({ page }).include('main').analyze();
  expect(results.violations.map((v) => v.id)).toEqual([]);

  // The attempt is kept in the history.
  await page.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByTestId('attempts').locator('tbody tr')).toHaveCount(1);
});

test('readiness appears with enough evidence, with its uncertainty, weakest concepts and next steps; due reviews are queued', async ({ page }) => {
  // 48 first attempts, 12 per domain, two thirds right, written into the saved progress as the app would.
  const folder = resolve(import.meta.dirname, '../../content/quiz');
  const questions = readdirSync(folder)
    .filter((name) => name.endsWith('.json'))
    .map((name) => JSON.parse(readFileSync(join(folder, name), 'utf8')) as { id: string; task: string; status: string })
    .filter((q) => q.status !== 'retired');
  const byDomain = ['1', '2', '3', '4'].map((d) => questions.filter((q) => q.task.startsWith(`${d}.`)).slice(0, 12));
  // Readiness needs 5 answers in every domain: the bank must hold them (a bank that cannot is a failure, not a skip).
  expect(byDomain.map((list) => list.length >= 5)).toEqual([true, true, true, true]);
  const at = T0.getTime();
  const responses = byDomain.flat().map((q, i) => ({ questionId: q.id, correct: i % 3 !== 0, at: at + i, source: 'practice', firstAttempt: true }));
  await page.clock.install({ time: new Date(at + 60 * MINUTE) });
  await freshApp(page);
  await page.evaluate(
    (progress) =>
      new Promise<void>((done, fail) => {
        const open = indexedDB.open('secretslab');
        open.onupgradeneeded = () => open.result.createObjectStore('saved-work');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('saved-work', 'readwrite');
          tx.objectStore('saved-work').put(progress, 'quiz:progress');
          tx.oncomplete = () => done();
          tx.onerror = () => fail(tx.error);
        };
      }),
    { version: 1, responses, cards: {}, attempts: [] },
  );
  await openQuiz(page, 'readiness');
  const panel = page.getByTestId('readiness');
  await expect(panel).toContainText(`Estimated from ${responses.length} answers`);
  await expect(page.getByTestId('pass-probability')).toContainText(/Probability of passing: \d+ %/);
  await expect(page.getByTestId('pass-probability')).toContainText(/80 % of plausible abilities give \d+ %–\d+ %/);
  await expect(panel.getByRole('heading', { name: 'Weakest concepts' })).toBeVisible();
  await expect(page.getByTestId('next-steps').locator('li')).not.toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('quiz-readiness.png'), fullPage: true });

  // A review in practice schedules its concept: a wrong answer comes back due today.
  await openQuiz(page, 'practice');
  await page.getByRole('button', { name: 'Start practice' }).click();
  const question = page.getByTestId('question');
  const wrong = question.locator('[data-testid^="option-"]').filter({ has: page.locator('input') });
  // Pick a wrong option from the question's own file, so the answer is known to be wrong.
  const id = await question.getAttribute('data-question-id');
  const file = questions.find((q) => q.id === id) as unknown as { options: { id: string; correct: boolean }[]; type: string } | undefined;
  const wrongOption = file ? file.options.find((o) => !o.correct)!.id : (await wrong.first().getAttribute('data-testid'))!.replace('option-', '');
  await question.getByTestId(`option-${wrongOption}`).locator('input').check();
  await page.getByRole('button', { name: 'Check answer' }).click();
  await expect(page.getByTestId('verdict')).toBeVisible();
  await openQuiz(page, 'due');
  await expect(page.getByTestId('due-queue').locator('li')).not.toHaveCount(0);
  await page.getByRole('button', { name: /Start today's \d+ review/ }).click();
  await expect(page.getByText(/Question 1 of \d+/)).toBeVisible();
});

test('an exam whose time runs out is submitted as it stands, unanswered questions counting as wrong', async ({ page }) => {
  await page.clock.install({ time: T0 });
  await freshApp(page);
  await openQuiz(page, 'exam');
  await page.getByRole('button', { name: 'Start exam simulation' }).click();
  await page.getByTestId('question').locator('input').first().check();
  await page.clock.fastForward(131 * MINUTE);
  const result = page.getByTestId('exam-result');
  await expect(result).toBeVisible();
  await expect(result).toContainText(/\d+ of 50 scored questions right/);
  await expect(page.getByRole('button', { name: /^Question 2: unanswered/ })).toBeVisible();
});

test('a hands-on item: write the policy, and the authorizer grades it request by request', async ({ page }) => {
  await freshApp(page);
  await openQuiz(page, 'hands-on');
  await page.getByTestId('live-task').selectOption({ label: 'Every payments secret, none of payroll' });
  const policy = (resource: string) =>
    JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'], Resource: resource }] }, null, 2);
  // The classic trap first: prod/pay* also matches prod/payroll/.
  await page.getByTestId('live-policy').fill(policy('arn:aws:secretsmanager:us-east-1:111111111111:secret:prod/pay*'));
  await page.getByRole('button', { name: 'Check with the authorizer' }).click();
  await expect(page.getByTestId('live-verdict')).toContainText('Not yet: 1 of 6 requests');
  await expect(page.getByTestId('live-checks').locator('tr.miss')).toContainText('read prod/payroll/bank-api');
  await page.getByTestId('live-policy').fill(policy('arn:aws:secretsmanager:us-east-1:111111111111:secret:prod/payments/*'));
  await page.getByRole('button', { name: 'Check with the authorizer' }).click();
  await expect(page.getByTestId('live-verdict')).toContainText('Solved');
  await page.screenshot({ path: test.info().outputPath('quiz-hands-on.png'), fullPage: true });
  const results = await new AxeBuilder({ page }).include('main').analyze();
  expect(results.violations.map((v) => v.id)).toEqual([]);
});
