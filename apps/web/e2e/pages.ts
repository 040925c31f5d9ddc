import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { catalogues, type Language } from '../src/locales';

/** The words a user sees, from the same catalogues the app uses. */
export function words(language: Language) {
  return catalogues[language];
}

/** Serious or critical accessibility violations on the current page (none expected). */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

/** Saves a screenshot for the docs when SCREENSHOT_DIR is set (npm run web:screenshots). */
export async function documentPage(page: Page, name: string) {
  const dir = process.env.SCREENSHOT_DIR;
  if (!dir) return;
  // From the top: a page scrolled to a field would draw its sticky header midway.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${dir}/${name}.png`, fullPage: true });
}

export class SignInPage {
  constructor(
    private readonly page: Page,
    private readonly language: Language,
  ) {}

  async chooseLanguage(from: Language) {
    await this.page.getByLabel(words(from).common.language).selectOption(this.language);
    await expect(this.page.locator('html')).toHaveAttribute('lang', this.language);
  }

  async signIn(email: string, password: string) {
    const w = words(this.language).auth;
    await this.page.getByLabel(w.email).fill(email);
    await this.page.getByRole('textbox', { name: w.password, exact: true }).fill(password);
    await this.page.getByRole('button', { name: w.signIn }).click();
  }
}

export class AgendaPage {
  constructor(
    private readonly page: Page,
    private readonly language: Language,
  ) {}

  meetings() {
    return this.page.getByTestId('meeting');
  }

  async open() {
    const w = words(this.language);
    await expect(this.page.getByRole('heading', { name: w.forums.title })).toBeVisible();
    // The demo forum (the ICT Investment Forum in Da Nang) has the published schedule.
    await this.page.locator('.mantine-Card-root', { hasText: 'ICT Investment Forum' }).getByRole('link', { name: w.forums.openAgenda }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: w.agenda.title })).toBeVisible();
    await expect(this.meetings().first()).toBeVisible();
  }
}
