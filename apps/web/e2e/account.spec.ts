import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { simpleParser } from 'mailparser';
import { documentPage, seriousViolations, SignInPage, words } from './pages';

/** The messages in the server's local mailbox (no SMTP under `npm start`) to one address, as raw text. */
function mailTo(address: string): string[] {
  const dir = join(process.env.WEB_E2E_DATA_DIR!, 'mailbox');
  let files: string[] = [];
  try {
    files = readdirSync(dir).filter((file) => file.endsWith('.eml')).sort();
  } catch {
    return [];
  }
  return files.map((file) => readFileSync(join(dir, file), 'utf8')).filter((raw) => new RegExp(`^To: ${address.replace(/[.+]/g, '\\$&')}$`, 'mi').test(raw));
}

test('a forgotten password is reset through the emailed link, which works once (Korean)', async ({ page: first }, info) => {
  let page = first;
  const w = words('ko');
  const email = `reset.${info.project.name}.${Date.now()}@hue-software.vn`;
  await page.goto('/sign-up');
  await new SignInPage(page, 'ko').chooseLanguage('en');
  await page.getByLabel(w.auth.companyName).fill(`Hue Reset ${info.project.name}`);
  await page.getByLabel(w.auth.yourName).fill('Tran Thi D');
  await page.getByLabel(w.auth.email).fill(email);
  await page.getByRole('textbox', { name: w.auth.password, exact: true }).fill('the first password');
  await page.getByRole('button', { name: w.auth.signUp }).click();
  await expect(page).not.toHaveURL(/sign-up/);
  // This device stays signed in with the old password; the reset happens on another one, and signs this one out.
  const device = page;
  const other = await page.context().browser()!.newContext({ timezoneId: 'Asia/Seoul' });
  page = await other.newPage();
  await page.goto('/sign-in');
  await new SignInPage(page, 'ko').chooseLanguage('en');
  await page.getByRole('link', { name: w.auth.forgot.link }).click();
  await expect(page.getByRole('heading', { level: 1, name: w.auth.forgot.title })).toBeVisible();
  await page.getByLabel(w.auth.email).fill(email);
  await page.getByRole('button', { name: w.auth.forgot.send }).click();
  await expect(page.getByTestId('reset-requested')).toBeVisible();

  // The message arrives in the local mailbox, in Korean (the account's language, chosen on this device).
  await expect.poll(() => mailTo(email).length, { timeout: 15_000 }).toBe(1);
  const mail = await simpleParser(mailTo(email)[0]);
  expect(mail.subject).toBe('Forum Matchmaker 비밀번호 재설정');
  const link = mail.text!.match(/https?:\/\/\S+\/reset-password\?token=[\w%-]+/)![0];
  const path = new URL(link).pathname + new URL(link).search;
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1, name: w.auth.reset.title })).toBeVisible();
  await page.getByLabel(w.auth.reset.newPassword).fill('short');
  await page.getByRole('button', { name: w.auth.reset.save }).click();
  await expect(page.getByText(w.auth.reset.tooShort)).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await documentPage(page, `reset-password-ko-${info.project.name}`);
  await page.getByLabel(w.auth.reset.newPassword).fill('a second, longer password');
  await page.getByRole('button', { name: w.auth.reset.save }).click();
  await expect(page.getByTestId('password-reset')).toHaveText(w.auth.reset.done);

  // The link is used up.
  await page.goto(path);
  await page.getByLabel(w.auth.reset.newPassword).fill('a third password here');
  await page.getByRole('button', { name: w.auth.reset.save }).click();
  await expect(page.getByRole('link', { name: w.auth.reset.askAgain })).toBeVisible();

  // The new password signs in; the other device's session is over.
  await page.goto('/sign-in');
  await new SignInPage(page, 'ko').signIn(email, 'a second, longer password');
  await expect(page).not.toHaveURL(/sign-in/);
  await device.reload();
  await expect(device).toHaveURL(/sign-in/);
  await other.close();
});
