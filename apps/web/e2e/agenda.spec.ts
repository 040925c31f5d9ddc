import { expect, test } from '@playwright/test';
import type { Language } from '../src/locales';
import { AgendaPage, documentPage, seriousViolations, SignInPage, words } from './pages';

const COMPANY = { email: 'ceo@vinatech.vn', password: 'demo-company' };
const DELEGATE = { email: 'delegate@vinatech.vn', password: 'demo-delegate' };

/** hh:mm plus two hours: Seoul's clock beside Da Nang's. */
function plusTwoHours(clock: string): string {
  const [h, m] = clock.split(':').map(Number);
  return `${String((h + 2) % 24).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

for (const language of ['en', 'ko', 'vi'] as Language[]) {
  test(`a company signs in and reads its agenda on the forum's clock and its own (${language})`, async ({ page }, info) => {
    const w = words(language);
    await page.goto('/');
    await expect(page).toHaveURL(/\/sign-in/);
    const signIn = new SignInPage(page, language);
    await signIn.chooseLanguage('en');
    await expect(page.getByRole('heading', { name: w.auth.signInTitle })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await documentPage(page, `sign-in-${language}-${info.project.name}`);

    await signIn.signIn(COMPANY.email, COMPANY.password);
    const agenda = new AgendaPage(page, language);
    expect(await seriousViolations(page)).toEqual([]);
    await agenda.open();
    await expect(page.locator('html')).toHaveAttribute('lang', language);
    expect(await seriousViolations(page)).toEqual([]);

    // Da Nang's clock (the demo forum runs 09:00–12:00 and 13:30–17:00), and Seoul's two hours later.
    const first = agenda.meetings().first();
    const forumTime = (await first.getByTestId('forum-time').innerText()).trim();
    expect(forumTime).toMatch(/^(0[89]|1[0-6]):[0-5]\d–(0[89]|1[0-7]):[0-5]\d$/);
    await expect(first.getByTestId('viewer-time')).toContainText(`${plusTwoHours(forumTime.slice(0, 5))}–`);
    await expect(page.getByText(w.agenda.forumClock.replace('{{timeZone}}', 'Asia/Ho_Chi_Minh'), { exact: false })).toBeVisible();

    // Nothing wider than the phone.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await documentPage(page, `agenda-${language}-${info.project.name}`);

    // The printable agenda, in this language.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: w.agenda.downloadPdf }).click()]);
    expect(download.suggestedFilename()).toBe('agenda.pdf');

    // A calendar link that works until revoked.
    await page.getByRole('button', { name: w.agenda.createFeed }).click();
    const link = page.getByLabel(w.agenda.feedLabel);
    await expect(link).toHaveValue(new RegExp(`/agenda\\.ics\\?token=[^&]+&lang=${language}$`));
    const url = await link.inputValue();
    const feed = await page.request.get(url);
    expect(feed.status()).toBe(200);
    expect(await feed.text()).toContain('BEGIN:VEVENT');
    await page.getByRole('button', { name: w.agenda.revoke }).click();
    await expect(page.getByText(w.agenda.revoked)).toBeVisible();
    expect((await page.request.get(url)).status()).toBe(401);
  });
}

test('a delegate reads the same agenda with their own account (한국어)', async ({ page }) => {
  const w = words('ko');
  await page.goto('/sign-in');
  const signIn = new SignInPage(page, 'ko');
  await signIn.chooseLanguage('en');
  await signIn.signIn(DELEGATE.email, DELEGATE.password);
  const agenda = new AgendaPage(page, 'ko');
  await agenda.open();
  expect(await agenda.meetings().count()).toBeGreaterThan(0);
  await expect(page.getByRole('button', { name: w.agenda.downloadPdf })).toBeVisible();
});

test('a wrong password is explained in the chosen language, and an ended session comes back to where it was', async ({ page }) => {
  const w = words('vi');
  await page.goto('/sign-in');
  const signIn = new SignInPage(page, 'vi');
  await signIn.chooseLanguage('en');
  await signIn.signIn(COMPANY.email, 'not the password');
  await expect(page.getByRole('alert')).toHaveText(w.errors.UNAUTHENTICATED);

  await signIn.signIn(COMPANY.email, COMPANY.password);
  const agenda = new AgendaPage(page, 'vi');
  await agenda.open();
  const here = new URL(page.url()).pathname;
  // The token stops working (signed out elsewhere, expired): the next load asks to sign in, then returns here.
  await page.evaluate(() => localStorage.setItem('fm.token', 'expired.token.value'));
  await page.reload();
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByText(w.auth.expired)).toBeVisible();
  await signIn.signIn(COMPANY.email, COMPANY.password);
  await expect(page).toHaveURL(new RegExp(`${here}$`));
  await expect(agenda.meetings().first()).toBeVisible();
});

test('a company browses the participants and its requests; the forum refuses changes once scheduled, in the reader language (한국어)', async ({ page }) => {
  const w = words('ko');
  await page.goto('/sign-in');
  const signIn = new SignInPage(page, 'ko');
  await signIn.chooseLanguage('en');
  await signIn.signIn(COMPANY.email, COMPANY.password);
  await new AgendaPage(page, 'ko').open();

  await page.getByRole('link', { name: w.forums.nav.participants }).click();
  await expect(page.getByRole('heading', { level: 1, name: w.participants.title })).toBeVisible();
  await expect(page.getByTestId('participant').first()).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  const all = await page.getByTestId('participant').count();
  await page.getByLabel(w.participants.search).fill('Busan');
  await expect(page.getByTestId('participant').first()).toContainText('Busan');
  expect(await page.getByTestId('participant').count()).toBeLessThan(all);
  await documentPage(page, 'participants-ko');
  // The demo's schedule is published: a new request is refused, and the reason is given in Korean.
  await page.getByTestId('participant').first().getByRole('button', { name: w.participants.request }).click();
  await page.getByRole('button', { name: w.participants.send }).click();
  await expect(page.getByRole('alert')).toHaveText(w.errors.CONFLICT);

  await page.getByRole('link', { name: w.forums.nav.requests }).click();
  await expect(page.getByRole('heading', { level: 1, name: w.requests.title })).toBeVisible();
  await expect(page.getByTestId('meeting-request').first()).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  // The navigation counts the received requests still waiting for an answer.
  const waiting = await page.getByTestId('meeting-request').filter({ hasText: w.requests.status.PENDING }).count();
  if (waiting > 0) await expect(page.getByTestId('pending-count')).toHaveText(new RegExp(`^${waiting}`));
  else await expect(page.getByTestId('pending-count')).toHaveCount(0);
  await page.getByText(w.requests.sent, { exact: true }).click();
  await expect(page.getByTestId('meeting-request').first()).toBeVisible();
  await documentPage(page, 'requests-ko');
});

test('a company reads its recommended partners with the reasons in Vietnamese, opens one, and filters the participants by country and language', async ({ page }, info) => {
  const w = words('vi');
  await page.goto('/sign-in');
  const signIn = new SignInPage(page, 'vi');
  await signIn.chooseLanguage('en');
  await signIn.signIn(COMPANY.email, COMPANY.password);
  await new AgendaPage(page, 'vi').open();

  await page.getByRole('link', { name: w.forums.nav.recommended }).click();
  await expect(page.getByRole('heading', { level: 1, name: w.participants.recommended })).toBeVisible();
  const first = page.getByTestId('recommendation').first();
  await expect(first).toBeVisible();
  // Every reason is one of the Vietnamese sentences, with the companies' own phrases in it.
  const sentence = (template: string) => new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{\{\w+\}\}/g, '.+')}$`);
  const patterns = Object.values(w.participants.why).map(sentence);
  const reasons = await first.getByRole('listitem').allInnerTexts();
  expect(reasons.length).toBeGreaterThan(0);
  for (const reason of reasons) expect(patterns.some((pattern) => pattern.test(reason.trim())), reason).toBe(true);
  expect(await seriousViolations(page)).toEqual([]);
  await documentPage(page, `recommendations-vi-${info.project.name}`);

  // The company's page: profile and delegates, no one's email.
  const name = (await first.getByRole('link').first().innerText()).trim();
  await first.getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByRole('heading', { name: w.participants.delegates })).toBeVisible();
  await expect(page.locator('main')).not.toContainText('@');
  expect(await seriousViolations(page)).toEqual([]);
  await documentPage(page, `company-vi-${info.project.name}`);

  // Filters: the Korean side, speaking Korean.
  await page.getByRole('link', { name: w.forums.nav.participants }).click();
  await expect(page.getByTestId('participant').first()).toBeVisible();
  const all = await page.getByText(new RegExp(`^${w.participants.count_other.replace('{{count}}', '(\\d+)')}$`)).innerText();
  const filters = page.getByRole('search', { name: w.participants.filters });
  await filters.getByLabel(w.participants.side).selectOption('KR');
  await filters.getByLabel(w.participants.speaks).selectOption('ko');
  await expect(page.getByText(new RegExp(`^${w.participants.count_other.replace('{{count}}', '\\d+')}$`))).not.toHaveText(all);
  const cards = page.getByTestId('participant');
  for (const card of await cards.all()) {
    await expect(card).toContainText('Hàn Quốc');
    await expect(card).toContainText('tiếng Hàn', { ignoreCase: true });
  }
  await page.getByRole('button', { name: w.participants.clearFilters }).click();
  await expect(page.getByText(all, { exact: true })).toBeVisible();
});

test('a delegate sees the requests without the buttons that act for the company', async ({ page }) => {
  const w = words('en');
  await page.goto('/sign-in');
  // Chosen on this device: it wins over the language the account kept from the Korean test.
  const signIn = new SignInPage(page, 'en');
  await signIn.chooseLanguage('en');
  await signIn.signIn(DELEGATE.email, DELEGATE.password);
  await new AgendaPage(page, 'en').open();
  await page.getByRole('link', { name: w.forums.nav.requests }).click();
  await expect(page.getByTestId('meeting-request').first()).toBeVisible();
  await expect(page.getByRole('button', { name: w.requests.accept })).toHaveCount(0);
  await page.getByRole('link', { name: w.forums.nav.participants }).click();
  await expect(page.getByTestId('participant').first()).toBeVisible();
  await expect(page.getByRole('button', { name: w.participants.request })).toHaveCount(0);
});

test('a new company registers in Vietnamese, changes its password and signs out on every device', async ({ page, browser }) => {
  const w = words('vi');
  await page.goto('/sign-in');
  await new SignInPage(page, 'vi').chooseLanguage('en');
  await page.getByRole('link', { name: w.auth.noAccount }).click();
  await expect(page.getByRole('heading', { level: 1, name: w.auth.signUpTitle })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  const email = `owner.${Date.now()}@phanmem-hue.vn`;
  await page.getByLabel(w.auth.companyName).fill('Công ty TNHH Phần mềm Huế');
  await page.getByLabel(w.auth.yourName).fill('Lê Văn Hùng');
  await page.getByLabel(w.auth.email).fill(email);
  await page.getByRole('textbox', { name: w.auth.password, exact: true }).fill('short');
  await page.getByRole('button', { name: w.auth.signUp }).click();
  // Told on the field, before anything is sent.
  await expect(page.getByRole('textbox', { name: w.auth.password, exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText(w.errors.field.password)).toBeVisible();
  await page.getByRole('textbox', { name: w.auth.password, exact: true }).fill('mật khẩu đủ dài');
  await page.getByRole('button', { name: w.auth.signUp }).click();
  await expect(page.getByRole('heading', { name: w.forums.title })).toBeVisible();

  // A second device with the same account.
  const other = await browser.newPage();
  await other.goto(page.url().replace(/\/forums.*$/, '/sign-in'));
  const otherSignIn = new SignInPage(other, 'vi');
  await otherSignIn.chooseLanguage('en');
  await otherSignIn.signIn(email, 'mật khẩu đủ dài');
  await expect(other.getByRole('heading', { name: w.forums.title })).toBeVisible();

  await page.getByRole('link', { name: w.auth.account }).click();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('textbox', { name: w.auth.currentPassword, exact: true }).fill('mật khẩu đủ dài');
  await page.getByRole('textbox', { name: w.auth.newPassword, exact: true }).fill('một mật khẩu mới hơn');
  await page.getByRole('button', { name: w.auth.changePassword }).click();
  await expect(page.getByRole('status').filter({ hasText: w.auth.passwordChanged })).toBeVisible();
  // This device goes on; the other one is asked to sign in again.
  await page.goto('/forums');
  await expect(page.getByRole('heading', { name: w.forums.title })).toBeVisible();
  await other.reload();
  await expect(other.getByText(w.auth.expired)).toBeVisible();

  await page.getByRole('link', { name: w.auth.account }).click();
  await page.getByRole('button', { name: w.auth.signOutEverywhere }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await other.close();
});

test('a company is told on the field what is wrong, by the browser and by the server, in Korean; nothing is saved until it is right', async ({ page }) => {
  const w = words('ko');
  await page.goto('/sign-in');
  const signIn = new SignInPage(page, 'ko');
  await signIn.chooseLanguage('en');
  await signIn.signIn(COMPANY.email, COMPANY.password);
  await page.getByRole('link', { name: w.auth.profile }).click();
  const website = page.getByLabel(w.profile.website);
  const languages = page.getByLabel(w.profile.languages);
  const before = await website.inputValue();
  // Caught in the browser: language names instead of codes.
  await languages.fill('Korean, English');
  await page.getByRole('button', { name: w.profile.save }).click();
  await expect(languages).toHaveAttribute('aria-invalid', 'true');
  await expect(languages).toHaveAccessibleDescription(w.errors.field.languages);
  // Caught by the server only: an address without a domain; its rule comes back named, on the field.
  await languages.fill('ko, en');
  await website.fill('https://localhost');
  await page.getByRole('button', { name: w.profile.save }).click();
  await expect(website).toHaveAttribute('aria-invalid', 'true');
  await expect(website).toHaveAccessibleDescription(w.errors.field.isUrl);
  await expect(languages).not.toHaveAttribute('aria-invalid', 'true');
  expect(await seriousViolations(page)).toEqual([]);
  await documentPage(page, 'profile-field-error-ko');
  await page.reload();
  await expect(page.getByLabel(w.profile.website)).toHaveValue(before);
});

test("a company edits its profile (what others browse); a delegate reads it without saving", async ({ page }) => {
  const w = words('en');
  await page.goto('/sign-in');
  const signIn = new SignInPage(page, 'en');
  await signIn.chooseLanguage('en');
  await signIn.signIn(COMPANY.email, COMPANY.password);
  await page.getByRole('link', { name: w.auth.profile }).click();
  await expect(page.getByRole('heading', { level: 1, name: w.profile.title })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  const offers = page.getByLabel(w.profile.offers);
  await offers.fill(`${await offers.inputValue()}\nSmart tourism platforms`);
  await page.getByRole('button', { name: w.profile.save }).click();
  await expect(page.getByRole('status').filter({ hasText: w.profile.saved })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel(w.profile.offers)).toHaveValue(/Smart tourism platforms$/);
  await documentPage(page, 'profile-en');

  await page.getByRole('button', { name: w.common.signOut }).click();
  await signIn.signIn(DELEGATE.email, DELEGATE.password);
  await page.getByRole('link', { name: w.auth.profile }).click();
  await expect(page.getByText(w.profile.readOnly)).toBeVisible();
  await expect(page.getByRole('button', { name: w.profile.save })).toHaveCount(0);
  await expect(page.getByLabel(w.profile.offers)).toBeDisabled();
});

test('a new Korean company registers for an open forum with its delegate and the times it cannot meet, on the forum clock and its own (한국어)', async ({ page }) => {
  const w = words('ko');
  await page.goto('/sign-up');
  await new SignInPage(page, 'ko').chooseLanguage('en');
  await page.getByLabel(w.auth.companyName).fill('주식회사 스마트시티랩');
  await page.getByLabel(w.auth.country).selectOption('KR');
  await page.getByLabel(w.auth.yourName).fill('박지훈');
  await page.getByLabel(w.auth.email).fill(`ceo.${Date.now()}@smartcitylab.kr`);
  await page.getByRole('textbox', { name: w.auth.password, exact: true }).fill('충분히 긴 비밀번호');
  await page.getByRole('button', { name: w.auth.signUp }).click();
  const card = page.locator('.mantine-Card-root', { hasText: 'Hanoi Smart City' });
  await card.getByRole('link', { name: w.registration.open }).click();
  await expect(page.getByRole('heading', { level: 2, name: w.registration.title })).toBeVisible();
  const slots = page.getByTestId('slot');
  await expect(slots).toHaveCount(4);
  // 09:00 in Hanoi, 11:00 for this browser in Seoul.
  await expect(slots.first()).toHaveAccessibleName(/^09:00 \(11:00\)/);
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByLabel(w.registration.side).selectOption('KR');
  await page.getByLabel(w.registration.delegateName).fill('박지훈');
  await page.getByLabel(w.registration.delegateEmail).fill('jihoon@smartcitylab.kr');
  await page.getByLabel(w.registration.delegateLanguages).fill('ko, en');
  await slots.nth(1).click();
  await slots.nth(3).click();
  await expect(slots.nth(1)).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByText(w.registration.unavailableCount_other.replace('{{count}}', '2'))).toBeVisible();
  await documentPage(page, 'registration-ko');
  await page.getByRole('button', { name: w.registration.register }).click();
  await expect(page.getByText(w.registration.registered)).toBeVisible();

  // While the forum is open, the company changes its mind: 09:30 becomes free, 09:00 does not.
  await page.getByRole('button', { name: w.registration.changeAvailability }).click();
  await expect(slots.nth(1)).toHaveAttribute('aria-pressed', 'true');
  await slots.nth(1).click();
  await slots.nth(0).click();
  await page.getByRole('button', { name: w.registration.saveAvailability }).click();
  await expect(page.getByRole('status').filter({ hasText: w.registration.availabilitySaved })).toBeVisible();
  await page.reload();
  await page.getByRole('button', { name: w.registration.changeAvailability }).click();
  await expect(slots.nth(0)).toHaveAttribute('aria-pressed', 'true');
  await expect(slots.nth(1)).toHaveAttribute('aria-pressed', 'false');
  await expect(slots.nth(3)).toHaveAttribute('aria-pressed', 'true');
});
