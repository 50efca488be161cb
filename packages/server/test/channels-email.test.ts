import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { Readable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import nodemailer, { type Transporter } from 'nodemailer';
import { eraseChannelData } from '../src/modules/channels/channel-erasure.service.ts';
import { createSecretBox } from '../src/modules/channels/channel-secrets.ts';
import { splitReply } from '../src/modules/channels/email/email-text.ts';
import { loadConfig } from '../src/platform/config/config.ts';
import { bounceOf, parseEmail, readEmail, sanitiseEmailHtml } from '../src/modules/channels/email/email-parse.ts';
import { storeAttachment } from '../src/modules/attachments/attachment.service.ts';
import { tenantScope } from '../src/platform/db/tenant-scope.ts';
import { call, createTenant, type Tenant } from './support/api-client.ts';
import { fixturesDir } from './support/fake-network.ts';
import { startSmtpSink } from './support/smtp-sink.ts';
import { backends, createTestApp, type TestApp } from './support/test-app.ts';
import { waitFor } from './support/wait-for.ts';

const eml = (name: string) => fs.readFileSync(new URL(`email/${name}`, fixturesDir));

describe('channel settings', () => {
  test('the SMTP port can be off or any free port; a wrong value or transport stops the start with its name', () => {
    assert.equal(loadConfig({}).channels.smtpPort, 2525);
    assert.equal(loadConfig({ VINCULO_SMTP_PORT: 'off' }).channels.smtpPort, null);
    assert.equal(loadConfig({ VINCULO_SMTP_PORT: '0' }).channels.smtpPort, 0);
    assert.throws(() => loadConfig({ VINCULO_SMTP_PORT: 'smtp' }), /VINCULO_SMTP_PORT/);
    assert.throws(() => loadConfig({ VINCULO_MAIL_TRANSPORT: 'http://mail.example' }), /VINCULO_MAIL_TRANSPORT: must be an smtp/);
    assert.throws(() => loadConfig({ VINCULO_SECRETS_KEY: 'short' }), /VINCULO_SECRETS_KEY: must be at least 32/);
  });

  test('sealed secrets open only with the same key, and tampering is detected', () => {
    const box = createSecretBox('k'.repeat(40));
    const sealed = box.seal({ token: 'abc' });
    assert.deepEqual(box.open(sealed), { token: 'abc' });
    assert.notEqual(box.seal({ token: 'abc' }), sealed, 'a fresh IV each time');
    assert.throws(() => createSecretBox('j'.repeat(40)).open(sealed));
    const [v, iv, tag, body] = sealed.split('.');
    // The first character carries the top bits of the first byte: changing it always changes the data.
    assert.throws(() => box.open([v, iv, tag, `${body![0] === 'A' ? 'B' : 'A'}${body!.slice(1)}`].join('.')));
  });
});

describe('e-mail parsing (fixtures)', () => {
  test("a Gmail reply in Spanish shows only the new words; the quoted thread stays in the original", async () => {
    const msg = await parseEmail(eml('reply-gmail-es-quoted-thread.eml'));
    assert.ok(!msg.text.includes('escribió'), msg.text);
    assert.ok(!msg.text.includes('>'), msg.text);
    assert.ok(msg.text.length > 10);
    assert.match(String(msg.original!.text), /escribió/);
    assert.equal(msg.original!.quotedHidden, true);
    assert.deepEqual(msg.threadRefs, ['<CAJx9Lw3kP2q_vN8mYt5rFz0aQ1bH7cD4eG6iK8oM2uW9sX3yZ@mail.gmail.com>', '<20251103090244.4f1c2e8a9b7d@helpdesk.tienda.example>']);
    assert.deepEqual(msg.identity, { channel: 'email', externalId: 'lucia.martin@example.com' });
    assert.equal(msg.profile.name, 'Lucía Martín');
  });

  test('Outlook replies (with and without the "Original Message" line) and an English Gmail reply lose their quotes', async () => {
    for (const name of ['reply-outlook-es-original-message.eml', 'reply-outlook-en-from-sent.talon.eml', 'reply-gmail-en-multipart-alternative.talon.eml']) {
      const msg = await parseEmail(eml(name));
      assert.equal(msg.original!.quotedHidden, true, name);
      assert.ok(!/original message|^(from|de):/im.test(msg.text), `${name}: ${msg.text}`);
      assert.ok(msg.text.trim().length > 0, name);
    }
    const outlook = await parseEmail(eml('reply-outlook-es-original-message.eml'));
    assert.match(outlook.text, /Confirmo que el abono/);
    assert.ok(!outlook.text.includes('Hemos anulado'));
    assert.equal(outlook.subject, (await parseEmail(eml('reply-outlook-es-original-message.eml'))).subject);
  });

  test('an inline forward keeps the forwarded message in view', async () => {
    const fwd = await parseEmail(eml('forwarded-inline-es.eml'));
    assert.match(fwd.text, /Forwarded message/);
    assert.ok(fwd.text.split('Forwarded message')[1]!.trim().length > 50, fwd.text);
    assert.equal(fwd.subject, 'Incidencia en la entrega del envío 0034-7781');
  });

  test('RFC 2231 and encoded file names, ISO-8859-1 quoted-printable and HTML-only mail are read correctly', async () => {
    const withFiles = await parseEmail(eml('attachment-utf8-filename-rfc2231-es.eml'));
    assert.equal(withFiles.files.length, 2);
    assert.ok(withFiles.files.some((f) => f.fileName.startsWith('Factura nº')), withFiles.files.map((f) => f.fileName).join(', '));
    assert.ok(withFiles.files.every((f) => f.contentType === 'application/pdf' && f.content.length > 0));
    const latin = await parseEmail(eml('iso-8859-1-quoted-printable-es.eml'));
    assert.match(latin.text, /[áéíóúñ]/);
    const html = await parseEmail(eml('html-only.chatwoot.eml'));
    assert.ok(html.text.trim().length > 0);
    assert.ok(typeof html.original!.html === 'string');
  });

  test('a delivery failure report names the refused message and why; an auto-reply is marked as such', async () => {
    const bounce = bounceOf(await readEmail(eml('bounce-delivery-status-amazon-ses.mailparser.eml')));
    assert.equal(bounce?.messageId, '<xxxxx@email.amazonses.com>');
    assert.match(bounce!.reason, /^E-mail bounced for xxxx@xxxx\.com \(status 5\.1\.1\): Amazon SES did not send the message .*suppression list/);
    assert.equal(bounceOf(await readEmail(eml('plain-text-es.eml'))), null);
    const auto = await parseEmail(eml('auto-reply-auto-submitted.chatwoot.eml'));
    assert.match(auto.text, /^\[automatic reply\] /);
    assert.equal(auto.original!.automatic, true);
  });

  test('HTML is sanitised: scripts, handlers and javascript: links go, the text stays', () => {
    const clean = sanitiseEmailHtml('<p onclick="steal()">Hola <b>Ana</b><script>alert(1)</script><a href="javascript:alert(1)">x</a><img src="cid:logo" onerror="x()"></p>');
    assert.ok(!/script|onclick|onerror|javascript:/i.test(clean), clean);
    assert.match(clean, /Hola <b>Ana<\/b>/);
    assert.match(clean, /src="cid:logo"/);
  });

  test('a signature after "-- " and a mobile footer are hidden', () => {
    assert.equal(splitReply('Gracias\n\n-- \nAna Ruiz\nTel 600').visible, 'Gracias');
    assert.equal(splitReply('Vale\n\nEnviado desde mi iPhone').visible, 'Vale');
    assert.equal(splitReply('> only a quote').visible, '> only a quote');
  });
});

for (const backend of backends()) {
  describe(`e-mail channel over real SMTP (${backend})`, () => {
    let app: TestApp;
    let acme: Tenant;
    let sink: Awaited<ReturnType<typeof startSmtpSink>>;
    let customerMail: Transporter;
    let conversationId: string;
    let firstMessageId: string;
    const pdf = randomBytes(40_000);

    const messagesOf = async (id: string) => (await call(app, 'GET', `/api/conversations/${id}/messages`, { session: acme.admin })).body.items as any[];
    const emailConversations = async () => (await call(app, 'GET', '/api/conversations?channel=email', { session: acme.admin })).body.items as any[];
    const download = async (id: string) => {
      const res = await app.server.inject({ method: 'GET', url: `/api/attachments/${id}`, headers: { cookie: acme.admin.cookie } });
      assert.equal(res.statusCode, 200);
      return res.rawPayload;
    };

    before(async () => {
      sink = await startSmtpSink();
      app = await createTestApp(backend, {
        VINCULO_SMTP_PORT: '0',
        VINCULO_MAIL_TRANSPORT: `smtp://127.0.0.1:${sink.port}`,
        VINCULO_MAX_UPLOAD_BYTES: '100000',
        VINCULO_CHANNEL_RETRY_MS: '20',
        VINCULO_CHANNEL_MAX_ATTEMPTS: '2',
        VINCULO_CHANNEL_POLL_MS: '50',
      });
      acme = await createTenant(app, 'Tienda');
      const created = await call(app, 'POST', '/api/channels', { session: acme.admin, body: { kind: 'email', name: 'Soporte', addresses: ['Soporte@Tienda.example'], settings: { fromName: 'Soporte Tienda' } } });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      assert.deepEqual(created.body.addresses, ['soporte@tienda.example']);
      assert.equal(created.body.smtpPort, app.channels.smtpPort());
      const port = app.channels.smtpPort();
      assert.ok(port && port > 0);
      customerMail = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
    });
    after(async () => {
      customerMail?.close();
      await app.teardown();
      await sink.close();
    });

    test("a customer's mail over SMTP opens a conversation with the attachment kept byte for byte", async () => {
      const info = await customerMail.sendMail({
        from: 'Lucía Martín <lucia@cliente.example>',
        to: 'soporte@tienda.example',
        subject: 'Pedido 4821 llegó roto',
        text: 'Hola, el pedido llegó roto y estoy muy enfadada. Adjunto la factura.',
        attachments: [{ filename: 'factura nº 4821.pdf', content: pdf, contentType: 'application/pdf' }],
      });
      firstMessageId = info.messageId;
      const convs = await emailConversations();
      assert.equal(convs.length, 1);
      conversationId = convs[0].id;
      assert.equal(convs[0].subject, 'Pedido 4821 llegó roto');
      const [message] = await messagesOf(conversationId);
      assert.match(message.text, /el pedido llegó roto/);
      assert.ok(message.emotion, 'read by the emotion engine like any message');
      assert.equal(message.attachments.length, 1);
      assert.equal(message.attachments[0].fileName, 'factura nº 4821.pdf');
      assert.ok(pdf.equals(await download(message.attachments[0].id)));
      const identity = await app.ctx.db.selectFrom('customer_identities').select('external_id').where('workspace_id', '=', acme.workspaceId).where('channel', '=', 'email').executeTakeFirstOrThrow();
      assert.equal(identity.external_id, 'lucia@cliente.example');
    });

    test('mail for an address that is not a channel is refused (no relaying) and nothing is stored', async () => {
      await assert.rejects(
        customerMail.sendMail({ from: 'spammer@bad.example', to: 'victim@elsewhere.example', subject: 'relay', text: 'relay me' }),
        (err: { responseCode?: number; message: string }) => err.responseCode === 550 && /Relaying denied/.test(err.message),
      );
      assert.equal((await emailConversations()).length, 1);
    });

    test("the employee's reply reaches the customer's server threaded (Message-ID, In-Reply-To, References) with its attachment", async () => {
      const photo = randomBytes(5000);
      const ref = await storeAttachment(tenantScope(app.ctx.db, acme.workspaceId), app.ctx.storage, { type: 'employee', id: acme.admin.employeeId }, { fileName: 'etiqueta devolución.png', contentType: 'image/png', data: Readable.from([photo]) });
      const res = await call(app, 'POST', `/api/conversations/${conversationId}/messages`, { session: acme.admin, body: { text: 'Lo siento mucho, Lucía. Te enviamos otras tazas hoy.', attachmentIds: [ref.id], idempotencyKey: randomUUID() } });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      const mail = await waitFor(async () => sink.mails[0], 'the reply at the sink', 15_000);
      assert.deepEqual(mail.envelopeTo, ['lucia@cliente.example']);
      assert.equal(mail.parsed.from?.value[0]?.address, 'soporte@tienda.example');
      assert.equal(mail.parsed.from?.value[0]?.name, 'Soporte Tienda');
      assert.equal(mail.parsed.subject, 'Re: Pedido 4821 llegó roto');
      assert.equal(mail.parsed.inReplyTo, firstMessageId);
      assert.deepEqual([mail.parsed.references].flat(), [firstMessageId]);
      assert.match(mail.parsed.text ?? '', /Te enviamos otras tazas/);
      assert.equal(mail.parsed.attachments.length, 1);
      assert.equal(mail.parsed.attachments[0]!.filename, 'etiqueta devolución.png');
      assert.ok(photo.equals(mail.parsed.attachments[0]!.content));
      const delivered = await waitFor(async () => (await messagesOf(conversationId)).find((m) => m.id === res.body.message.id && m.delivery?.status === 'sent'), 'sent', 15_000);
      assert.equal(delivered.delivery.error, null);
    });

    test("the customer's answer threads into the same conversation, its quote hidden but kept", async () => {
      const ours = sink.mails[0]!.parsed;
      await customerMail.sendMail({
        from: 'Lucía Martín <lucia@cliente.example>',
        to: 'soporte@tienda.example',
        subject: 'Re: Pedido 4821 llegó roto',
        inReplyTo: ours.messageId,
        references: [firstMessageId, ours.messageId!],
        text: `¡Gracias! Quedo a la espera.\n\nEl mar, 4 nov 2025 a las 9:00, Soporte Tienda <soporte@tienda.example>\nescribió:\n> Lo siento mucho, Lucía. Te enviamos otras tazas hoy.\n`,
      });
      assert.equal((await emailConversations()).length, 1, 'no second conversation');
      const items = await messagesOf(conversationId);
      assert.equal(items.length, 3);
      assert.equal(items[2].text, '¡Gracias! Quedo a la espera.');
      const original = await call(app, 'GET', `/api/messages/${items[2].id}/channel`, { session: acme.admin });
      assert.equal(original.status, 200);
      assert.match(original.body.original.text, /> Lo siento mucho/);
      assert.equal(original.body.original.quotedHidden, true);
    });

    test('the same mail delivered twice is stored once; a new mail without thread opens a new conversation', async () => {
      const raw = eml('plain-text-es.eml');
      const envelope = { from: 'lucia.martin@example.com', to: ['soporte@tienda.example'] };
      await customerMail.sendMail({ envelope, raw });
      await customerMail.sendMail({ envelope, raw });
      const convs = await emailConversations();
      assert.equal(convs.length, 2);
      const fresh = convs.find((c) => c.id !== conversationId)!;
      assert.equal((await messagesOf(fresh.id)).length, 1);
      // The fixture thread: the customer's Gmail reply names that first mail in References.
      await customerMail.sendMail({ envelope, raw: eml('reply-gmail-es-quoted-thread.eml') });
      assert.equal((await emailConversations()).length, 2);
      const thread = await messagesOf(fresh.id);
      assert.equal(thread.length, 2);
      assert.ok(!thread[1].text.includes('escribió'));
    });

    test('an attachment over the size limit is not kept and the message says so', async () => {
      await customerMail.sendMail({
        from: 'otro@cliente.example',
        to: 'soporte@tienda.example',
        subject: 'Vídeo',
        text: 'Os mando el vídeo',
        attachments: [{ filename: 'video.mp4', content: randomBytes(150_000), contentType: 'video/mp4' }],
      });
      const conv = (await emailConversations()).find((c) => c.subject === 'Vídeo')!;
      const [m] = await messagesOf(conv.id);
      assert.equal(m.attachments.length, 0);
      assert.match(m.text, /video\.mp4: \d+ KB, over the \d+ KB limit, not kept/);
    });

    test("a bounce for the employee's reply fails it with the remote server's reason instead of opening a conversation", async () => {
      const res = await call(app, 'POST', `/api/conversations/${conversationId}/messages`, { session: acme.admin, body: { text: 'Va a rebotar', idempotencyKey: randomUUID() } });
      const mail = await waitFor(async () => sink.mails.find((m) => /Va a rebotar/.test(m.parsed.text ?? '')), 'the reply at the sink', 15_000);
      const conversationsBefore = (await emailConversations()).length;
      const report = eml('bounce-delivery-status-amazon-ses.mailparser.eml').toString('latin1').replaceAll('<xxxxx@email.amazonses.com>', mail.parsed.messageId!);
      await customerMail.sendMail({ envelope: { from: '', to: ['soporte@tienda.example'] }, raw: Buffer.from(report, 'latin1') });
      const failed = await waitFor(async () => (await messagesOf(conversationId)).find((m) => m.id === res.body.message.id && m.delivery?.status === 'failed'), 'bounced', 15_000);
      assert.match(failed.delivery.error, /E-mail bounced for xxxx@xxxx\.com \(status 5\.1\.1\)/);
      assert.equal((await emailConversations()).length, conversationsBefore);
    });

    test("the customer's server refusing is retried, then the reply is marked failed with the reason", async () => {
      sink.state.refuse = true;
      const res = await call(app, 'POST', `/api/conversations/${conversationId}/messages`, { session: acme.admin, body: { text: 'Esto no llegará', idempotencyKey: randomUUID() } });
      const failed = await waitFor(async () => (await messagesOf(conversationId)).find((m) => m.id === res.body.message.id && m.delivery?.status === 'failed'), 'failed', 15_000);
      sink.state.refuse = false;
      assert.match(failed.delivery.error, /Gave up after 2 attempts: E-mail: .*451/);
    });

    test("the customer's data export carries the original e-mails; erasing the customer removes them and the address", async () => {
      const before = await app.ctx.db.selectFrom('channel_messages').select(['original', 'peer']).where('conversation_id', '=', conversationId).where('direction', '=', 'inbound').execute();
      assert.ok(before.some((r) => r.original && r.peer === 'lucia@cliente.example'));
      const { customer_id: customerId } = await app.ctx.db.selectFrom('conversations').select('customer_id').where('id', '=', conversationId).executeTakeFirstOrThrow();
      const exported = await call(app, 'GET', `/api/customers/${customerId}/export`, { session: acme.admin });
      assert.equal(exported.status, 200);
      const kept = exported.body.conversations.find((c: { id: string }) => c.id === conversationId).channelMessages as Array<{ kind: string; direction: string; peer: string; original: unknown }>;
      assert.ok(kept.some((m) => m.kind === 'email' && m.direction === 'inbound' && m.peer === 'lucia@cliente.example' && m.original), JSON.stringify(kept).slice(0, 500));

      const erasedRes = await call(app, 'POST', `/api/customers/${customerId}/erase`, { session: acme.admin, body: { confirm: true } });
      assert.equal(erasedRes.status, 200, JSON.stringify(erasedRes.body));
      const after = await app.ctx.db.selectFrom('channel_messages').select(['original', 'peer', 'external_id']).where('conversation_id', '=', conversationId).execute();
      assert.ok(after.length >= 3);
      assert.ok(after.every((r) => r.original === null && r.peer === '' && r.external_id));
      // Another workspace's call cannot reach them: the scope filters by workspace.
      const other = await createTenant(app, 'Otra');
      assert.equal(await eraseChannelData(tenantScope(app.ctx.db, other.workspaceId), [conversationId]), 0);
      // With the address gone a reply has nowhere to go, and says so.
      const res = await call(app, 'POST', `/api/conversations/${conversationId}/messages`, { session: acme.admin, body: { text: '¿Hola?', idempotencyKey: randomUUID() } });
      const failed = await waitFor(async () => (await messagesOf(conversationId)).find((m) => m.id === res.body.message.id && m.delivery?.status === 'failed'), 'failed', 15_000);
      assert.match(failed.delivery.error, /no email address for this customer/);
    });
  });
}
