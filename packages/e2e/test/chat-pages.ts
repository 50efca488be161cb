import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';

// Page helpers for the end-to-end tests: the visitor's widget (inside its shadow root, which
// Playwright's locators pierce) and the employee's web app.

export const MEDIA_FLAGS = ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', '--allow-loopback-in-peer-connection'];

export type Visitor = { context: BrowserContext; page: Page; dialogs: string[] };
export type Employee = { context: BrowserContext; page: Page; dialogs: string[] };

function watch(page: Page, dialogs: string[], errors: string[]) {
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('pageerror', (err) => errors.push(err.message));
}

export async function openVisitor(browser: Browser, demoUrl: string, errors: string[], locale = 'es-ES'): Promise<Visitor> {
  const context = await browser.newContext({ locale, viewport: { width: 1280, height: 800 }, permissions: ['microphone'] });
  const page = await context.newPage();
  const dialogs: string[] = [];
  watch(page, dialogs, errors);
  await page.goto(demoUrl);
  return { context, page, dialogs };
}

export async function openWidget(page: Page): Promise<void> {
  await page.getByTestId('vinculo-launcher').click();
  await page.getByTestId('vinculo-panel').waitFor();
}

export async function widgetSend(page: Page, text: string): Promise<void> {
  await page.getByTestId('vinculo-input').fill(text);
  await page.getByTestId('vinculo-send').click();
}

export const widgetMessages = (page: Page): Locator => page.getByTestId('vinculo-message');
// Messages the widget holds in its outbox, not yet acknowledged by the server.
export const pendingIn = (page: Page): Locator => page.locator('[data-testid="vinculo-message"][data-pending="true"]');

export async function loginEmployee(browser: Browser, base: string, email: string, password: string, errors: string[]): Promise<Employee> {
  const context = await browser.newContext({ locale: 'es-ES', viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const dialogs: string[] = [];
  watch(page, dialogs, errors);
  await page.goto(base + '/');
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('connection-status').and(page.locator('[data-state="online"]')).waitFor();
  return { context, page, dialogs };
}

export const inboxItems = (page: Page): Locator => page.getByTestId('conversation-item');
export const appMessages = (page: Page): Locator => page.getByTestId('message');

export async function openFirstConversation(page: Page): Promise<void> {
  await inboxItems(page).first().click();
  await appMessages(page).first().waitFor();
}

export async function replyFromApp(page: Page, text: string): Promise<void> {
  await page.getByTestId('reply-input').fill(text);
  await page.getByTestId('reply-send').click();
}

// A real PNG made by the browser itself, so no binary fixture has to live in the repository.
export async function makePng(browser: Browser): Promise<Buffer> {
  const page = await browser.newPage({ viewport: { width: 96, height: 64 } });
  await page.setContent('<body style="margin:0"><div style="width:96px;height:64px;background:linear-gradient(90deg,#c0563c,#1f7a6d)"></div></body>');
  const png = await page.screenshot({ type: 'png' });
  await page.close();
  return png;
}
