import { expect, test } from '@playwright/test';
import { AgendaPage, documentPage, seriousViolations, SignInPage, words } from './pages';

test('a company shows the check-in code on its agenda; the desk takes it once and says so on a second scan (Tiếng Việt, English)', async ({ page, browser }, info) => {
  const c = words('vi');
  await page.goto('/sign-in');
  const signIn = new SignInPage(page, 'vi');
  await signIn.chooseLanguage('en');
  await signIn.signIn('ceo@vinatech.vn', 'demo-company');
  await new AgendaPage(page, 'vi').open();
  const card = page.getByTestId('check-in');
  await expect(card.getByRole('img', { name: c.agenda.checkIn.qr })).toBeVisible();
  const code = (await page.getByTestId('check-in-code').innerText()).trim();
  expect(code).toMatch(/^[0-9A-F]{8}$/);
  // (The desktop run of this test checks the demo company in first; the phone run finds it checked in.)
  const cameBefore = (await card.innerText()).includes(c.agenda.checkIn.done.replace(' {{time}}', '').replace('{{time}}', '').trim());
  expect(await seriousViolations(page)).toEqual([]);

  const deskContext = await browser.newContext({ viewport: page.viewportSize()!, timezoneId: 'Asia/Seoul' });
  const desk = await deskContext.newPage();
  const w = words('en').organizer;
  await desk.goto('/sign-in');
  // English chosen on this device (the organiser's account may prefer another language from earlier tests).
  await new SignInPage(desk, 'vi').chooseLanguage('en');
  await new SignInPage(desk, 'en').chooseLanguage('vi');
  await new SignInPage(desk, 'en').signIn('organizer@demo.forum', 'demo-organizer');
  await desk.getByTestId('organizer-forum').filter({ hasText: 'ICT' }).getByRole('link').first().click();
  await desk.getByRole('navigation', { name: w.nav.label }).getByRole('link', { name: w.nav.checkIn }).click();
  await expect(desk.getByRole('heading', { level: 1, name: w.checkIn.title })).toBeVisible();
  // Typed in lower case, as people do.
  await desk.getByLabel(w.checkIn.code).fill(code.toLowerCase());
  await desk.getByRole('button', { name: w.checkIn.submit, exact: true }).click();
  const result = desk.getByTestId('checked-in');
  await expect(result).toContainText('VinaTech Software');
  await expect(result.getByRole('status')).toHaveText(cameBefore ? /^Already checked in at \d{2}:\d{2}$/ : /^Checked in at \d{2}:\d{2}$/);
  const firstTime = (await result.getByRole('status').innerText()).slice(-5);
  expect(await seriousViolations(desk)).toEqual([]);
  await documentPage(desk, `check-in-en-${info.project.name}`);
  // A code that is not one says so; a second scan says when the company came.
  await desk.getByLabel(w.checkIn.code).fill('ZZZZ9999');
  await desk.getByRole('button', { name: w.checkIn.submit, exact: true }).click();
  await expect(desk.getByText(words('en').errors.NOT_FOUND)).toBeVisible();
  await new Promise((resolve) => setTimeout(resolve, 5_500));
  await desk.getByLabel(w.checkIn.code).fill(code);
  await desk.getByRole('button', { name: w.checkIn.submit, exact: true }).click();
  await expect(result.getByRole('status')).toHaveText(`Already checked in at ${firstTime}`);
  await deskContext.close();

  await page.reload();
  await expect(card).toContainText(c.agenda.checkIn.done.replace('{{time}}', ''));

  // One tap on a meeting (the demo's day is past): the counterpart did not come; the agenda keeps it.
  const first = page.getByTestId('meeting').first();
  await first.getByRole('button', { name: c.agenda.attendance.markNoShow }).click();
  await expect(first.getByRole('button', { name: c.agenda.attendance.markNoShow })).toHaveAttribute('aria-pressed', 'true');
  await page.reload();
  await expect(page.getByTestId('meeting').first().getByTestId('attendance')).toContainText(c.agenda.attendance.NO_SHOW);
  expect(await seriousViolations(page)).toEqual([]);
});
