import assert from 'node:assert/strict';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { call, createTenant, PASSWORD, startConversation, visitor as apiVisitor, type Tenant } from '../../server/test/support/api-client.ts';
import { launchBrowser } from '../../server/test/support/browser.ts';
import { backends, createTestApp, type TestApp } from '../../server/test/support/test-app.ts';
import { waitFor } from '../../server/test/support/wait-for.ts';
import { axeViolations } from './axe.ts';
import { appMessages, inboxItems, loginEmployee, MEDIA_FLAGS, openWidget, pendingIn, widgetSend, type Employee } from './chat-pages.ts';

// Screenshots for the README are refreshed with VINCULO_SCREENSHOTS_DIR=docs (see README).
const screenshotDir = process.env.VINCULO_SCREENSHOTS_DIR;

// PostgreSQL when the run has one (it is what production uses), else PGlite.
const backend = backends().includes('postgres') ? 'postgres' : 'pglite';

// Every RTCPeerConnection a page makes, so the test can read getStats() as the page's own code would.
const PEER_SPY = `(() => {
  const Original = window.RTCPeerConnection;
  if (!Original || window.__pcs) return;
  window.__pcs = [];
  window.RTCPeerConnection = class extends Original {
    constructor(...args) { super(...args); window.__pcs.push(this); }
  };
})();`;

// The browser refuses the camera (as a person clicking "Block" would); the microphone still works.
const DENY_CAMERA = `(() => {
  const md = navigator.mediaDevices;
  const original = md.getUserMedia.bind(md);
  md.getUserMedia = (constraints) => constraints && constraints.video
    ? Promise.reject(new DOMException('Permission denied', 'NotAllowedError'))
    : original(constraints);
})();`;

type PeerStats = { state: string; framesDecoded: number; audioPackets: number; count: number };

// The newest peer connection of the page: its state, the video frames it decoded, the audio packets it received.
const peerStats = (page: Page): Promise<PeerStats | null> =>
  page.evaluate(async () => {
    const pcs = (window as unknown as { __pcs?: RTCPeerConnection[] }).__pcs ?? [];
    const pc = pcs[pcs.length - 1];
    if (!pc) return null;
    let framesDecoded = 0;
    let audioPackets = 0;
    (await pc.getStats()).forEach((s: { type: string; kind?: string; framesDecoded?: number; packetsReceived?: number }) => {
      if (s.type !== 'inbound-rtp') return;
      if (s.kind === 'video') framesDecoded += s.framesDecoded ?? 0;
      if (s.kind === 'audio') audioPackets += s.packetsReceived ?? 0;
    });
    return { state: pc.connectionState, framesDecoded, audioPackets, count: pcs.length };
  });

// Waits until the newest peer connection is connected and receiving: audio always, video frames when asked.
async function flowing(page: Page, video: boolean, ms: number): Promise<PeerStats> {
  const end = Date.now() + ms;
  let last: PeerStats | null = null;
  while (Date.now() < end) {
    last = await peerStats(page);
    if (last && last.state === 'connected' && last.audioPackets > 0 && (!video || last.framesDecoded > 0)) return last;
    await page.waitForTimeout(100);
  }
  throw new Error(`media not flowing within ${ms} ms: ${JSON.stringify(last)}`);
}

describe(`Calls between the widget and the web app in Chromium (${backend})`, () => {
  let app: TestApp;
  let browser: Browser;
  let base: string;
  let acme: Tenant;
  let employee: Employee;
  const errors: string[] = [];
  const contexts: BrowserContext[] = [];

  before(async () => {
    app = await createTestApp(backend);
    await app.server.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(app.server.server.address() as AddressInfo).port}`;
    browser = await launchBrowser(MEDIA_FLAGS);
    acme = await createTenant(app, 'Acme Llamadas');
    // The admin is the only employee, so every call rings for them; signed in, they can answer.
    employee = await loginEmployee(browser, base, acme.admin.email, PASSWORD, errors);
    contexts.push(employee.context);
    await employee.context.grantPermissions(['microphone', 'camera'], { origin: base });
    await employee.context.addInitScript(PEER_SPY);
    await employee.page.reload();
    await employee.page.getByTestId('connection-status').and(employee.page.locator('[data-state="online"]')).waitFor();
  });
  after(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await app?.teardown();
  });

  // A visitor on /demo with the widget open, having written once (so the conversation is in the inbox).
  async function openCaller(text: string, opts: { denyCamera?: boolean; name?: string } = {}) {
    const context = await browser.newContext({ locale: 'es-ES', viewport: { width: 1280, height: 800 }, permissions: ['microphone', 'camera'] });
    contexts.push(context);
    await context.addInitScript(PEER_SPY);
    if (opts.denyCamera) await context.addInitScript(DENY_CAMERA);
    const page = await context.newPage();
    page.on('pageerror', (err) => errors.push(err.message));
    await page.goto(`${base}/demo?workspace=${acme.publicKey}`);
    await openWidget(page);
    if (opts.name) {
      await page.getByTestId('vinculo-name').fill(opts.name);
      await page.getByTestId('vinculo-contact-save').click();
    }
    await widgetSend(page, text);
    await pendingIn(page).first().waitFor({ state: 'detached', timeout: 10_000 });
    return page;
  }

  const widgetPanel = (page: Page) => page.getByTestId('call-panel');
  const callWindow = () => employee.page.getByTestId('call-window');
  const inState = (locator: ReturnType<Page['getByTestId']>, state: string) => locator.and(locator.page().locator(`[data-call-state="${state}"]`));

  async function startFromWidget(page: Page, media: 'voice' | 'video') {
    await page.getByTestId(`call-${media}`).click();
    await inState(widgetPanel(page), 'explain').waitFor();
    await page.getByTestId('call-permission-continue').click();
    await inState(widgetPanel(page), 'ringing').waitFor({ timeout: 10_000 });
  }

  async function openConversationOf(text: string) {
    const page = employee.page;
    await page.goto(`${base}/`);
    await inboxItems(page).filter({ hasText: text }).first().click();
    await appMessages(page).filter({ hasText: text }).waitFor();
  }

  test('a video call from the widget rings in the web app, connects with video and sound both ways, hangs up on both sides from either, and lands on the timeline with its duration; no third party can join or listen', async () => {
    const page = employee.page;
    const text = 'Hola, ¿podemos hablar por vídeo?';
    const visitor = await openCaller(text, { name: 'Marta Gil' });
    await openConversationOf(text);
    // The customer is on the website, so the employee could call them too.
    await page.getByTestId('call-back-video').waitFor({ timeout: 10_000 });

    // Third parties, connected before any signal flows: a stranger visitor and an employee of another workspace.
    const beta = await createTenant(app, 'Beta Llamadas');
    const stranger = await apiVisitor(app, acme.publicKey);
    const { conversation: strangerConversation } = await startConversation(app, stranger, 'Hola, soy otra persona');
    const outsider = await loginEmployee(browser, base, beta.admin.email, PASSWORD, errors);
    contexts.push(outsider.context);
    const wsBase = base.replace('http', 'ws');
    const openSpy = (p: Page, url: string) =>
      p.evaluate(
        (u) =>
          new Promise<void>((resolve, reject) => {
            const frames: Array<Record<string, unknown>> = [];
            (window as unknown as { __spy: { ws: WebSocket; frames: typeof frames } }).__spy = { ws: new WebSocket(u), frames };
            const { ws } = (window as unknown as { __spy: { ws: WebSocket } }).__spy;
            ws.onmessage = (m) => {
              const f = JSON.parse(String(m.data)) as Record<string, unknown>;
              frames.push(f);
              if (f.type === 'ready') resolve();
            };
            ws.onerror = () => reject(new Error('socket failed'));
          }),
        url,
      );
    const spySend = (p: Page, frame: unknown) => p.evaluate((f) => (window as unknown as { __spy: { ws: WebSocket } }).__spy.ws.send(JSON.stringify(f)), frame);
    const spyFrames = (p: Page) => p.evaluate(() => (window as unknown as { __spy: { frames: Array<Record<string, unknown>> } }).__spy.frames);
    const strangerPage = await (await browser.newContext()).newPage();
    contexts.push(strangerPage.context());
    await strangerPage.goto(`${base}/demo?workspace=${beta.publicKey}`);
    await openSpy(strangerPage, `${wsBase}/api/widget/realtime?token=${encodeURIComponent(stranger.token)}&conversationId=${strangerConversation.id}`);
    await openSpy(outsider.page, `${wsBase}/api/realtime`);

    await startFromWidget(visitor, 'video');
    const banner = page.getByTestId('incoming-call');
    await banner.waitFor({ timeout: 10_000 });
    assert.equal(await banner.getAttribute('data-call-media'), 'video');
    const callId = (await banner.getAttribute('data-call-id')) as string;
    assert.match(await banner.innerText(), /Marta Gil te está llamando/);
    assert.match(await banner.getByTestId('ring-countdown').innerText(), /\d+ s/);
    assert.deepEqual(await axeViolations(page), [], 'the ringing banner');

    // Neither may join, nor speak on the call's stream.
    for (const p of [strangerPage, outsider.page]) {
      await spySend(p, { type: 'call.join', callId });
      await spySend(p, { type: 'call.signal', callId, signal: { kind: 'ready' } });
    }
    const refusals = async (p: Page) => (await spyFrames(p)).filter((f) => f.type === 'error').map((f) => (f.error as { code: string }).code);
    assert.deepEqual(await waitFor(async () => ((await refusals(strangerPage)).length === 2 ? refusals(strangerPage) : undefined), 'the stranger refused'), ['not_found', 'forbidden']);
    assert.deepEqual(await waitFor(async () => ((await refusals(outsider.page)).length === 2 ? refusals(outsider.page) : undefined), 'the outsider refused'), ['not_found', 'forbidden']);

    const acceptedAt = Date.now();
    await banner.getByTestId('call-accept').click();
    await banner.waitFor({ state: 'detached' });
    const [atEmployee, atVisitor] = await Promise.all([flowing(page, true, 10_000), flowing(visitor, true, 10_000)]);
    const took = Date.now() - acceptedAt;
    assert.ok(took < 10_000, `connected with media both ways in ${took} ms`);
    console.log(`# answer to media flowing both ways: ${took} ms (employee ${JSON.stringify(atEmployee)}, visitor ${JSON.stringify(atVisitor)})`);
    await inState(callWindow(), 'active').waitFor();
    await inState(widgetPanel(visitor), 'active').waitFor();
    assert.equal(await callWindow().getAttribute('data-call-media'), 'video');
    await callWindow().getByTestId('call-remote-video').waitFor();
    await callWindow().getByTestId('call-customer').getByText('Marta Gil').waitFor();
    await callWindow().getByTestId('call-elapsed').waitFor();

    // Mute and camera are toggles the employee can see the state of.
    await callWindow().getByTestId('call-mute').click();
    assert.equal(await callWindow().getByTestId('call-mute').getAttribute('aria-pressed'), 'true');
    await callWindow().getByTestId('call-mute').click();
    await callWindow().getByTestId('call-camera').click();
    assert.equal(await callWindow().getByTestId('call-camera').getAttribute('aria-pressed'), 'true');
    await callWindow().getByTestId('call-camera').click();
    assert.deepEqual(await axeViolations(page), [], 'the call window');

    if (screenshotDir) {
      await page.waitForTimeout(1200);
      await page.screenshot({ path: path.join(screenshotDir, 'web-app-call.png') });
      await visitor.screenshot({ path: path.join(screenshotDir, 'widget-call.png') });
    }
    // Nothing of the call's signalling reached the third parties.
    for (const p of [strangerPage, outsider.page]) {
      const leaked = (await spyFrames(p)).filter((f) => f.type === 'ephemeral' || (f.type === 'event' && JSON.stringify(f).includes(callId)));
      assert.deepEqual(leaked, [], 'no signal or call event reached a third party');
    }

    // The employee hangs up: both sides end.
    await page.waitForTimeout(1500);
    await callWindow().getByTestId('call-hangup').click();
    await inState(callWindow(), 'ended').waitFor();
    await inState(widgetPanel(visitor), 'ended').waitFor({ timeout: 5000 });
    await callWindow().getByTestId('call-quality').waitFor({ timeout: 5000 });
    const timelineCall = page.locator(`[data-testid="timeline-call"][data-call-id="${callId}"]`);
    await timelineCall.and(page.locator('[data-outcome="answered"]')).waitFor({ timeout: 5000 });
    const duration = Number(await timelineCall.getAttribute('data-duration'));
    assert.ok(duration >= 1, `duration ${duration} s`);
    assert.match(await timelineCall.innerText(), /Contestada/);
    const stored = await waitFor(async () => {
      const c = (await call(app, 'GET', `/api/calls/${callId}`, { session: acme.admin })).body;
      return c.quality.employee && c.quality.customer ? c : undefined;
    }, 'both sides reported quality');
    assert.equal(stored.status, 'ended');
    assert.equal(stored.endReason, 'employee_hung_up');
    assert.ok(stored.quality.employee.framesDecoded > 0 && stored.quality.customer.audioPacketsReceived > 0, JSON.stringify(stored.quality));
    await callWindow().getByTestId('call-close').click();
    await callWindow().waitFor({ state: 'detached' });

    // Again, and this time the customer hangs up.
    await startFromWidget(visitor, 'video');
    await banner.waitFor({ timeout: 10_000 });
    const secondId = (await banner.getAttribute('data-call-id')) as string;
    assert.notEqual(secondId, callId);
    await banner.getByTestId('call-accept').click();
    await Promise.all([flowing(page, true, 10_000), flowing(visitor, true, 10_000)]);
    await page.waitForTimeout(1200);
    await visitor.getByTestId('call-hangup').click();
    await inState(widgetPanel(visitor), 'ended').waitFor();
    await inState(callWindow(), 'ended').waitFor({ timeout: 5000 });
    assert.match(await callWindow().getByTestId('call-message').innerText(), /El cliente ha colgado/);
    assert.equal((await peerStats(page))?.state, 'closed', "the employee's peer connection is closed");
    await page.locator(`[data-testid="timeline-call"][data-call-id="${secondId}"][data-outcome="answered"]`).waitFor({ timeout: 5000 });
    assert.equal(await page.getByTestId('timeline-call').count(), 2);
    await callWindow().getByTestId('call-close').click();
    assert.deepEqual(errors, []);
  });

  test('an unanswered call becomes a missed call after the ring time and waits on the team’s list until handled', async () => {
    const page = employee.page;
    assert.equal((await call(app, 'PATCH', '/api/workspace', { session: acme.admin, body: { settings: { callRingSeconds: 2 } } })).status, 200);
    try {
      const visitor = await openCaller('Os llamo y no contestáis');
      await page.goto(`${base}/calls`);
      await page.getByTestId('missed-calls-empty').waitFor();
      await startFromWidget(visitor, 'voice');
      const banner = page.getByTestId('incoming-call');
      await banner.waitFor({ timeout: 10_000 });
      const callId = (await banner.getAttribute('data-call-id')) as string;
      // Nobody answers: the banner goes when the ring time has passed, and the list shows the call live.
      await banner.waitFor({ state: 'detached', timeout: 6000 });
      const row = page.locator(`[data-testid="missed-call"][data-call-id="${callId}"]`);
      await row.waitFor({ timeout: 5000 });
      await page.getByTestId('missed-calls').waitFor();
      assert.equal(await page.getByTestId('missed-calls-count').innerText(), '1');
      assert.deepEqual(await axeViolations(page), [], 'the missed calls');
      await waitFor(async () => ((await widgetPanel(visitor).getAttribute('data-call-state')) === 'ringing' ? undefined : true), 'the widget hears it was not answered');
      const stored = (await call(app, 'GET', `/api/calls/${callId}`, { session: acme.admin })).body;
      assert.equal(stored.status, 'missed');
      // The customer is still on the website: the call back is offered; "handled" takes it off the list.
      await row.getByTestId('missed-call-back').and(page.locator(':enabled')).waitFor({ timeout: 5000 });
      await row.getByTestId('missed-call-handled').click();
      await row.waitFor({ state: 'detached' });
      await page.getByTestId('missed-calls-empty').waitFor();
      assert.ok(!(await call(app, 'GET', '/api/calls?status=missed', { session: acme.admin })).body.items.some((c: { id: string }) => c.id === callId));
    } finally {
      await call(app, 'PATCH', '/api/workspace', { session: acme.admin, body: { settings: { callRingSeconds: 20 } } });
    }
  });

  test('a camera the browser refuses turns a video call into a voice call with a message, and the voice call connects', async () => {
    const page = employee.page;
    const visitor = await openCaller('Quiero videollamada pero mi cámara no va', { denyCamera: true });
    await visitor.getByTestId('call-video').click();
    await visitor.getByTestId('call-permission-continue').click();
    await inState(widgetPanel(visitor), 'ringing').waitFor({ timeout: 10_000 });
    assert.equal(await widgetPanel(visitor).getAttribute('data-call-media'), 'audio');
    await visitor.getByTestId('call-message').waitFor();
    const banner = page.getByTestId('incoming-call');
    await banner.waitFor({ timeout: 10_000 });
    assert.equal(await banner.getAttribute('data-call-media'), 'audio', 'the employee is told it is a voice call');
    await banner.getByTestId('call-accept').click();
    await Promise.all([flowing(page, false, 10_000), flowing(visitor, false, 10_000)]);
    await inState(callWindow(), 'active').waitFor();
    assert.equal(await callWindow().getAttribute('data-call-media'), 'audio');
    await callWindow().getByTestId('call-audio-indicator').waitFor();
    await callWindow().getByTestId('call-hangup').click();
    await inState(widgetPanel(visitor), 'ended').waitFor({ timeout: 5000 });
    await callWindow().getByTestId('call-close').click();
  });

  test('the employee calls back a customer who is on the website; a camera the employee\'s browser refuses makes it a voice call, said in the window', async () => {
    const text = 'Cuando podáis, llamadme';
    const visitor = await openCaller(text, { name: 'Luis Romero' });
    // A second tab of the same employee whose browser blocks the camera.
    const context = await browser.newContext({ locale: 'es-ES', viewport: { width: 1280, height: 800 } });
    contexts.push(context);
    await context.addInitScript(PEER_SPY);
    await context.addInitScript(DENY_CAMERA);
    const page = await context.newPage();
    page.on('pageerror', (err) => errors.push(err.message));
    await page.goto(`${base}/`);
    await page.getByTestId('login-email').fill(acme.admin.email);
    await page.getByTestId('login-password').fill(PASSWORD);
    await page.getByTestId('login-submit').click();
    await inboxItems(page).filter({ hasText: text }).first().click();
    await page.getByTestId('call-back-video').click();
    const window = page.getByTestId('call-window');
    await window.and(page.locator('[data-call-state="ringing"]')).waitFor({ timeout: 10_000 });
    assert.equal(await window.getAttribute('data-call-media'), 'audio');
    assert.match(await window.getByTestId('call-message').innerText(), /cámara no está disponible/);

    await inState(widgetPanel(visitor), 'incoming').waitFor({ timeout: 10_000 });
    assert.equal(await widgetPanel(visitor).getAttribute('data-call-media'), 'audio');
    await visitor.getByTestId('call-accept').click();
    await Promise.all([flowing(page, false, 10_000), flowing(visitor, false, 10_000)]);
    await window.and(page.locator('[data-call-state="active"]')).waitFor();
    await page.waitForTimeout(1200);
    await visitor.getByTestId('call-hangup').click();
    await window.and(page.locator('[data-call-state="ended"]')).waitFor({ timeout: 5000 });
    const timelineCall = page.getByTestId('timeline-call').and(page.locator('[data-outcome="answered"]'));
    await timelineCall.waitFor({ timeout: 5000 });
    assert.match(await timelineCall.innerText(), /Llamada de voz al cliente/);
    assert.deepEqual(errors, []);
  });

  test('a call back placed while the customer is between pages rings in the widget of the page they open next', async () => {
    const text = 'Llamadme cuando podáis, voy mirando la web';
    const first = await openCaller(text, { name: 'Marta Gil' });
    await openConversationOf(text);
    const visitorContext = first.context();
    // The customer leaves the page (to another page of the site): no widget is open when the call starts.
    await first.close();
    await employee.page.getByTestId('call-back-audio').click();
    await inState(callWindow(), 'ringing').waitFor({ timeout: 10_000 });
    const next = await visitorContext.newPage();
    next.on('pageerror', (err) => errors.push(err.message));
    await next.goto(`${base}/demo?workspace=${acme.publicKey}`);
    // Nothing was clicked: the widget learns of the ringing call when its socket connects and opens for it.
    await inState(widgetPanel(next), 'incoming').waitFor({ timeout: 10_000 });
    await next.getByTestId('call-accept').click();
    await Promise.all([flowing(employee.page, false, 10_000), flowing(next, false, 10_000)]);
    await inState(callWindow(), 'active').waitFor();
    await callWindow().getByTestId('call-hangup').click();
    await inState(widgetPanel(next), 'ended').waitFor({ timeout: 5000 });
    await callWindow().getByTestId('call-close').click();
    assert.deepEqual(errors, []);
  });

  test('a proposed personal call (rapid reaction) calls the disappointed customer back from the suggestion itself', async () => {
    const page = employee.page;
    const first = 'Hola, quería preguntaros por mi pedido de tazas';
    const visitor = await openCaller(first, { name: 'Elena Ruiz' });
    const conversation = await waitFor(async () => {
      const items = (await call(app, 'GET', '/api/conversations?limit=50', { session: acme.admin })).body.items as Array<{ id: string; customerId: string; lastMessage?: { text?: string } }>;
      return items.find((c) => c.lastMessage?.text?.includes('tazas'));
    }, 'the conversation');
    // A valuable customer, so the default "disappointed valuable customer" playbook proposes a personal call.
    assert.equal((await call(app, 'PATCH', `/api/customers/${conversation.customerId}`, { session: acme.admin, body: { attributes: { value: 5000 } } })).status, 200);
    await openConversationOf(first);
    await widgetSend(visitor, 'Me decepcionó mucho, esperaba más de vosotros; es la segunda vez que pasa');
    const proposal = page.locator('[data-testid="suggestion-action"][data-type="personal_call"]');
    await proposal.waitFor({ timeout: 10_000 });
    // "Call now" is a voice call, like picking up the phone; the video call is the button beside it.
    // The buttons appear once the customer is known to be on the website.
    await proposal.getByTestId('personal-call-video').waitFor({ timeout: 10_000 });
    await proposal.getByTestId('personal-call-now').click();
    await inState(callWindow(), 'ringing').waitFor({ timeout: 10_000 });
    await inState(widgetPanel(visitor), 'incoming').waitFor({ timeout: 10_000 });
    await visitor.getByTestId('call-accept').click();
    await Promise.all([flowing(page, false, 10_000), flowing(visitor, false, 10_000)]);
    await inState(callWindow(), 'active').waitFor();
    await callWindow().getByTestId('call-hangup').click();
    await inState(widgetPanel(visitor), 'ended').waitFor({ timeout: 5000 });
    const calls = (await call(app, 'GET', `/api/calls?conversationId=${conversation.id}`, { session: acme.admin })).body.items;
    assert.deepEqual(calls.map((c: { direction: string; status: string; media: string }) => `${c.direction}:${c.status}:${c.media}`), ['outbound:ended:audio']);
    await callWindow().getByTestId('call-close').click();
  });
});

if (screenshotDir) fs.mkdirSync(screenshotDir, { recursive: true });
