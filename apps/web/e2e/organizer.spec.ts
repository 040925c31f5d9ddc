import { stat } from 'node:fs/promises';
import { expect, test, type Locator, type Page } from '@playwright/test';
import type { Language } from '../src/locales';
import { documentPage, seriousViolations, SignInPage, words } from './pages';

const ORGANIZER = { email: 'organizer@demo.forum', password: 'demo-organizer' };

async function signInAsOrganizer(page: Page, language: Language) {
  await page.goto('/sign-in');
  const signIn = new SignInPage(page, language);
  await signIn.chooseLanguage('en');
  await signIn.signIn(ORGANIZER.email, ORGANIZER.password);
  await expect(page.getByRole('heading', { level: 1, name: words(language).organizer.forums.title })).toBeVisible();
}

const escape = (text: string) => text.replace(/[.*+?^$()|[\]\\]/g, '\\$&');

/** A message with its placeholders: the given values exactly, the others anything. */
function like(template: string, values: Record<string, string | number> = {}): RegExp {
  const parts = template.split(/\{\{(\w+)\}\}/);
  return new RegExp(parts.map((part, i) => (i % 2 ? (part in values ? escape(String(values[part])) : '.+?') : escape(part))).join(''));
}

/** "{{a}} x {{b}}" with the values filled in, as i18next would. */
function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key]));
}

/** A cell of the chosen state that the pointer can reach: inside the viewport and the grid's scrolled box. */
async function reachableCell(page: Page, state: 'ok' | 'no') {
  const found = await page.evaluate((wanted) => {
    for (const cell of document.querySelectorAll<HTMLElement>(`td[data-state="${wanted}"]`)) {
      const box = cell.closest('table')!.parentElement!.getBoundingClientRect();
      const r = cell.getBoundingClientRect();
      // Below the box's sticky header row, inside the box and the window.
      const inside = (b: { left: number; right: number; top: number; bottom: number }) => r.left >= b.left && r.right <= b.right && r.top >= b.top + 30 && r.bottom <= b.bottom;
      if (inside(box) && inside({ left: 0, top: 0, right: innerWidth, bottom: innerHeight })) return { slot: cell.dataset.slot!, table: cell.dataset.table!, title: cell.title };
    }
    return null;
  }, state);
  return found && { ...found, cell: page.locator(`td[data-slot="${found.slot}"][data-table="${found.table}"]`) };
}

/** Drags with the mouse as a person does: press, a few small moves (browsers start a drag after some), over the target, release. */
async function drag(page: Page, card: Locator, target: Locator, beforeDrop?: () => Promise<void>) {
  const from = (await card.boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 8, from.y + from.height / 2 + 8, { steps: 4 });
  const to = (await target.boundingBox())!;
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 8 });
  await beforeDrop?.();
  await page.mouse.up();
}

for (const language of ['en', 'ko'] as Language[]) {
  test(`an organiser sets up a forum with the wizard, the grid previewed as they type, and opens it; a company waits for approval (${language})`, async ({ page, browser }, info) => {
    test.setTimeout(90_000);
    const w = words(language).organizer;
    await signInAsOrganizer(page, language);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('link', { name: w.forums.new }).click();
    await expect(page.getByRole('heading', { level: 1, name: w.wizard.title })).toBeVisible();

    // Step 1: nothing goes on without a name.
    await page.getByRole('button', { name: w.wizard.next }).click();
    await expect(page.getByLabel(w.wizard.name)).toHaveAttribute('aria-invalid', 'true');
    await page.getByLabel(w.wizard.name).fill(`Quang Nam Smart City Forum ${language} ${info.project.name}`);
    await page.getByLabel(w.wizard.venue).fill('Ariyana Convention Centre');
    await page.getByRole('button', { name: w.wizard.next }).click();

    // Step 2: two sessions on one day; the preview follows each keystroke.
    const sessions = page.getByRole('group', { name: /.+/ }).filter({ has: page.getByLabel(w.wizard.date) });
    await sessions.nth(0).getByLabel(w.wizard.date).fill('2026-12-08');
    await sessions.nth(1).getByLabel(w.wizard.date).fill('2026-12-08');
    const summary = page.getByTestId('plan-summary');
    // 09:00–12:00 and 13:30–17:00 with 25-minute meetings and 5 minutes between: 6 + 7 slots, 20 tables.
    await expect(summary).toHaveText(fill(w.wizard.summary, { sessions: 2, slots: 13, tables: 20, places: 260 }));
    await page.getByLabel(w.wizard.slotMinutes).fill('20');
    // 20 + 5: 09:00, 09:25 … 11:30 (7) and 13:30 … 16:25 (8).
    await expect(summary).toHaveText(fill(w.wizard.summary, { sessions: 2, slots: 15, tables: 20, places: 300 }));
    expect(await seriousViolations(page)).toEqual([]);
    await documentPage(page, `wizard-${language}-${info.project.name}`);
    await page.getByRole('button', { name: w.wizard.next }).click();

    // Step 3: tables; more interpreter tables than tables is refused on the field.
    await page.getByLabel(w.wizard.tableCount, { exact: true }).fill('12');
    await page.getByLabel(w.wizard.interpreterTableCount).fill('14');
    await page.getByRole('button', { name: w.wizard.create }).click();
    await expect(page.getByLabel(w.wizard.interpreterTableCount)).toHaveAttribute('aria-invalid', 'true');
    await page.getByLabel(w.wizard.interpreterTableCount).fill('4');
    await page.getByLabel(w.wizard.requireApproval).check();
    await expect(summary).toHaveText(fill(w.wizard.summary, { sessions: 2, slots: 15, tables: 12, places: 180 }));
    await page.getByRole('button', { name: w.wizard.create }).click();

    // The forum as the server made it: the same 15 slots × 12 tables.
    await expect(page.getByRole('heading', { level: 1, name: `Quang Nam Smart City Forum ${language} ${info.project.name}` })).toBeVisible();
    await expect(page.getByTestId('forum-status')).toHaveText(words(language).forums.status.DRAFT);
    await expect(page.getByText(fill(w.wizard.summary, { sessions: 2, slots: 15, tables: 12, places: 180 }))).toBeVisible();
    await page.getByRole('button', { name: w.status.to.OPEN }).click();
    await expect(page.getByTestId('forum-status')).toHaveText(words(language).forums.status.OPEN);
    expect(await seriousViolations(page)).toEqual([]);
    await documentPage(page, `organizer-forum-${language}-${info.project.name}`);

    // A company registers: it waits for approval; once the organiser approves it, it is registered.
    const forumName = `Quang Nam Smart City Forum ${language} ${info.project.name}`;
    const company = await browser.newPage({ viewport: page.viewportSize()!, timezoneId: 'Asia/Seoul' });
    const c = words(language);
    await company.goto('/sign-up');
    await new SignInPage(company, language).chooseLanguage('en');
    await company.getByLabel(c.auth.companyName).fill(`Hoi An Robotics ${language} ${info.project.name}`);
    await company.getByLabel(c.auth.yourName).fill('Le Van C');
    await company.getByLabel(c.auth.email).fill(`ceo.${Date.now()}@hoian-robotics.vn`);
    await company.getByRole('textbox', { name: c.auth.password, exact: true }).fill('a long enough password');
    await company.getByRole('button', { name: c.auth.signUp }).click();
    await company.locator('.mantine-Card-root', { hasText: forumName }).getByRole('link', { name: c.registration.open }).click();
    await company.getByLabel(c.registration.side).selectOption('VN');
    await company.getByLabel(c.registration.delegateName).fill('Le Van C');
    await company.getByLabel(c.registration.delegateEmail).fill(`le.${Date.now()}@hoian-robotics.vn`);
    await company.getByLabel(c.registration.delegateLanguages).fill('vi, en');
    await company.getByRole('button', { name: c.registration.register }).click();
    await expect(company.getByTestId('registration-status')).toHaveText(c.registration.status.PENDING);

    await page.getByRole('navigation', { name: w.nav.label }).getByRole('link', { name: w.nav.registrations }).click();
    await page.getByRole('radiogroup', { name: w.registrations.show }).getByText(w.registrations.chase.pending, { exact: true }).click();
    await page.getByRole('button', { name: `${w.registrations.approve}: Hoi An Robotics ${language} ${info.project.name}` }).click();
    await expect(page.getByRole('button', { name: `${w.registrations.approve}: Hoi An Robotics ${language} ${info.project.name}` })).toHaveCount(0);
    await company.reload();
    await expect(company.getByText(c.registration.registered)).toBeVisible();

    // Requests close: the forum is ready to be scheduled.
    await page.getByRole('navigation', { name: w.nav.label }).getByRole('link', { name: w.nav.overview }).click();
    // The overview as loaded (its figures and charts), before pressing anything on it.
    await expect(page.getByTestId('dashboard')).toBeVisible();
    await expect(page.getByTestId('forum-status')).toHaveText(words(language).forums.status.OPEN);
    await page.waitForLoadState('networkidle');
    await page.getByRole('button', { name: w.status.to.REQUESTS_CLOSED, exact: true }).click();
    await expect(page.getByTestId('forum-status')).toHaveText(words(language).forums.status.REQUESTS_CLOSED);
    await company.close();
  });
}

for (const language of ['en', 'ko'] as Language[]) {
  test(`an organiser generates a schedule with live progress, compares and publishes it, then fixes the grid by hand (${language})`, async ({ page }, info) => {
    test.skip(info.project.name === 'phone', 'dragging cards is a desktop task');
    // The organiser's whole day in one walk: longer than one page's test.
    test.setTimeout(90_000);
    const w = words(language).organizer;
    // The primary buttons' English names, as organisers know them from other tools.
    if (language === 'en') expect([w.schedule.generate, w.schedule.publish]).toEqual(['Generate schedule', 'Publish']);
    await signInAsOrganizer(page, language);
    await page.getByTestId('organizer-forum').filter({ hasText: 'ICT' }).getByRole('link').first().click();
    // The dashboard: registrations over time, requests and their answers, demand against places.
    await expect(page.getByTestId('dashboard')).toBeVisible();
    // The demo: 13 slots × 20 tables, 8 with an interpreter.
    await expect(page.getByTestId('capacity-text')).toHaveText(like(w.dashboard.capacityText, { places: 260, interpreterPlaces: 104 }));
    await expect(page.getByTestId('dashboard').locator('.recharts-surface').first()).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await documentPage(page, `dashboard-${language}-${info.project.name}`);
    // Each export downloads, as a file of the right kind.
    for (const [label, filename] of [
      [w.exports.requests, 'requests.csv'],
      [w.exports.requestsXlsx, 'requests.xlsx'],
      [w.exports.xlsx, 'schedule.xlsx'],
      [w.exports.csv, 'schedule.csv'],
      [w.exports.agendas, 'agendas.pdf'],
    ]) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: label }).click()]);
      expect(download.suggestedFilename()).toBe(filename);
      expect((await stat(await download.path())).size).toBeGreaterThan(100);
    }

    // The registrations: every company with its side, delegates (emails: the organiser's own forum) and availability.
    await page.getByRole('navigation', { name: w.nav.label }).getByRole('link', { name: w.nav.registrations }).click();
    await expect(page.getByRole('heading', { level: 1, name: w.registrations.title })).toBeVisible();
    await expect(page.getByText(fill(w.registrations.count_other, { count: 100 }))).toBeVisible();
    await expect(page.getByTestId('registrations').getByRole('row').nth(1)).toContainText('@');
    await documentPage(page, `registrations-${language}-${info.project.name}`);
    // The ones to chase: with nothing accepted, every row says 0 accepted (the seventh column).
    await page.getByRole('radiogroup', { name: w.registrations.show }).getByText(w.registrations.chase.noAccepted, { exact: true }).click();
    for (const row of (await page.getByTestId('registrations').getByRole('row').all()).slice(1, 6)) await expect(row.getByRole('cell').nth(6)).toHaveText('0');
    await page.getByRole('radiogroup', { name: w.registrations.show }).getByText(w.registrations.chase.all, { exact: true }).click();
    await page.getByLabel(w.registrations.search).fill('VinaTech Software');
    await expect(page.getByTestId('registrations').getByRole('row')).not.toHaveCount(101);
    for (const row of (await page.getByTestId('registrations').getByRole('row').all()).slice(1)) await expect(row).toContainText('VinaTech Software');
    // See as this company: its agenda, read-only.
    await page.getByRole('link', { name: `${w.registrations.seeAs}: VinaTech Software`, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: words(language).agenda.asCompany.replace('{{company}}', 'VinaTech Software') })).toBeVisible();
    await expect(page.getByTestId('meeting').first()).toBeVisible();
    await expect(page.getByRole('button', { name: words(language).agenda.createFeed })).toHaveCount(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('navigation', { name: w.nav.label }).getByRole('link', { name: w.nav.schedule }).click();
    await expect(page.getByRole('heading', { level: 1, name: w.schedule.title })).toBeVisible();
    const runsBefore = await page.getByTestId('schedule-run').count();

    // Generate: the run's progress arrives over the subscription, then the run is ready.
    await page.getByLabel(w.schedule.timeLimit).fill('2');
    await page.getByRole('button', { name: w.schedule.generate }).click();
    await expect(page.getByRole('progressbar', { name: w.schedule.progressLabel })).toBeVisible();
    await expect(page.getByTestId('run-progress')).toHaveAttribute('data-status', 'SUCCEEDED', { timeout: 30_000 });
    await expect(page.getByRole('progressbar', { name: w.schedule.progressLabel })).toHaveAttribute('aria-valuenow', '100');
    await expect(page.getByTestId('schedule-run')).toHaveCount(runsBefore + 1);
    const newest = page.getByTestId('schedule-run').first();
    await expect(newest).toContainText(w.schedule.runStatus.SUCCEEDED);
    await expect(newest).toContainText(like(w.schedule.ofBound));
    // The draft is shown against the published schedule.
    await expect(page.getByTestId('comparison')).toBeVisible();

    // Publish: the confirmation says who will see changes.
    await newest.getByRole('button', { name: w.schedule.publish }).click();
    await expect(page.getByTestId('publish-summary')).toContainText(like(w.schedule.publishChanges));
    await page.getByRole('dialog').getByRole('button', { name: w.schedule.publish }).click();
    await expect(newest).toContainText(w.schedule.isPublished);

    // The grid: choosing a meeting highlights both companies' other meetings and marks every cell
    // (the demo is tight: take the first meeting, from the last rows where places are left, with
    // a green and a red cell in reach of the pointer).
    const cards = page.getByTestId('grid-meeting');
    const total = await cards.count();
    let card = cards.last();
    let no: Awaited<ReturnType<typeof reachableCell>> = null;
    for (let i = 0; i < Math.min(total, 80); i++) {
      card = cards.nth(total - 1 - i);
      await card.scrollIntoViewIfNeeded();
      await card.click();
      await expect(page.getByTestId('selected-meeting')).toBeVisible();
      no = await reachableCell(page, 'no');
      if (no && (await reachableCell(page, 'ok'))) break;
      await page.getByRole('button', { name: w.grid.deselect }).click();
    }
    await expect(page.locator('[data-testid="grid-meeting"][data-highlight]').first()).toBeVisible();
    expect(no!.title).toBeTruthy();
    const label = (await card.getAttribute('aria-label'))!.split(': ')[1].split(' (')[0];

    // Dragging over a red cell says why before the drop; dropping there is refused with the reason, and nothing moves.
    await drag(page, card, no!.cell, async () => {
      await expect(page.getByTestId('drop-hint')).toHaveText(fill(w.grid.cannotMove, { reason: no!.title }));
    });
    await expect(page.getByTestId('refused-drop')).toHaveText(fill(w.grid.cannotMove, { reason: no!.title }));
    await expect(card).toHaveAttribute('aria-label', new RegExp(escape(label)));
    await documentPage(page, `grid-refused-${language}-${info.project.name}`);

    // Dropping on a green cell moves it there, pinned; undo puts it back.
    await card.scrollIntoViewIfNeeded();
    const ok = (await reachableCell(page, 'ok'))!;
    await drag(page, card, ok.cell, async () => {
      await expect(page.getByTestId('drop-hint')).toHaveText(like(w.grid.canMove));
    });
    await expect(ok.cell.getByTestId('grid-meeting')).toHaveAttribute('aria-label', new RegExp(`${escape(label)} \\(${escape(w.grid.pinned)}\\)`));
    await page.getByRole('button', { name: w.grid.undo }).click();
    await expect(ok.cell.getByTestId('grid-meeting')).toHaveCount(0);
    // Tapping a green cell (phones, keyboards) is the same move.
    await card.click();
    const tapped = (await reachableCell(page, 'ok'))!;
    await tapped.cell.click();
    await expect(tapped.cell.getByTestId('grid-meeting')).toHaveAttribute('aria-label', new RegExp(escape(label)));
    expect(await seriousViolations(page)).toEqual([]);

    // Cancel meetings until one was an accepted request: it is then listed to be added back by hand.
    const panel = page.getByTestId('unscheduled');
    for (let i = 0; i < 12 && !(await panel.isVisible()); i++) {
      await cards.nth(i * 7).click();
      await page.getByRole('button', { name: w.grid.cancelMeeting }).click();
      await expect(page.getByTestId('selected-meeting')).toBeHidden();
    }
    await expect(panel).toBeVisible();
    const waiting = await panel.getByRole('button').count();
    // The first request with somewhere to go (a freed place at least for the pair just cancelled).
    let pairName = '';
    for (let i = 0; i < waiting; i++) {
      const request = panel.getByRole('button').nth(i);
      pairName = (await request.innerText()).replace(/ \(\d\)$/, '');
      await request.click();
      if ((await page.locator('td[data-state="ok"]').count()) > 0) break;
      await request.click();
    }
    const place = page.locator('td[data-state="ok"]').first();
    const placeSlot = await place.getAttribute('data-slot');
    const placeTable = await place.getAttribute('data-table');
    await place.click();
    // Added and pinned, the two companies in either order.
    const added = page.locator(`td[data-slot="${placeSlot}"][data-table="${placeTable}"]`).getByTestId('grid-meeting');
    for (const name of pairName.split(' × ')) await expect(added).toHaveAttribute('aria-label', new RegExp(escape(name)));
    await expect(added).toHaveAttribute('aria-label', new RegExp(`\\(${w.grid.pinned}\\)$`));
    if (waiting === 1) await expect(panel).toBeHidden();
    else await expect(panel.getByRole('button')).toHaveCount(waiting - 1);

    // The second view: companies down, slots across, with each counterpart and table.
    await page.getByText(w.grid.byCompany, { exact: true }).click();
    await expect(page.getByTestId('company-row')).toHaveCount(100);
    await page.getByLabel(w.grid.search).fill('VinaTech Software');
    const vinaTech = page.getByTestId('company-row').filter({ has: page.getByRole('rowheader', { name: 'VinaTech Software', exact: true }) });
    await expect(vinaTech.locator('td[data-kind="meeting"]').first()).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await documentPage(page, `companies-grid-${language}-${info.project.name}`);

    // The outbox: the publication told each company's people, in their languages (no SMTP here: the local mailbox).
    await page.getByRole('navigation', { name: w.nav.label }).getByRole('link', { name: w.nav.outbox }).click();
    await expect(page.getByRole('heading', { level: 1, name: w.outbox.title })).toBeVisible();
    await expect(page.getByTestId('outbox-message').filter({ hasText: /상담 일정: 상담 \d+건|Lịch gặp của bạn tại .+: \d+ cuộc gặp/ }).first()).toBeVisible({ timeout: 15_000 });
    await expect(page.getByTestId('outbox-message').filter({ hasText: w.outbox.status.SENT }).first()).toBeVisible({ timeout: 15_000 });
    await page.getByTestId('outbox-message').first().click();
    await expect(page.getByTestId('outbox-text')).toBeVisible();
    // The organiser's own words, previewed as they type; an unknown placeholder is said before anything is saved.
    const subject = page.getByLabel(w.templates.subject);
    await expect(subject).not.toHaveValue('');
    await subject.fill(`[{{forum}}] {{from}} ${language}`);
    await expect(page.getByTestId('preview-subject')).toHaveText(new RegExp(`^\\[.+\\] .+ ${language}$`));
    await subject.fill('{{nmae}}');
    await expect(page.getByTestId('template-unknown')).toHaveText(fill(w.templates.unknown, { names: '{{nmae}}' }));
    await expect(page.getByRole('button', { name: w.templates.save })).toBeDisabled();
    await subject.fill(`[{{forum}}] {{from}} ${language}`);
    await page.getByRole('button', { name: w.templates.save }).click();
    await expect(page.getByTestId('template-state')).toHaveText(w.templates.custom);
    expect(await seriousViolations(page)).toEqual([]);
    await documentPage(page, `outbox-${language}-${info.project.name}`);
  });
}
