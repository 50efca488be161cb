// The floor for bench/realtime: a bare `ws` fan-out server speaking the same frames as Vínculo's
// realtime endpoints but doing nothing else (no auth, no database, no validation), so the
// Vínculo/floor ratio shows what the product adds on top of moving bytes through sockets.
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';

const port = Number(process.env.PORT);
const host = process.env.HOST ?? '127.0.0.1';
const stream = 'workspace:00000000-0000-4000-8000-000000000000';

const employees = new Set<WebSocket>();
let seq = 0;

const server = http.createServer((_req, res) => res.writeHead(404).end());
const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });

type SendFrame = { type: 'send'; conversationId: string; text: string; idempotencyKey: string };

function asSendFrame(raw: RawData): SendFrame | null {
  try {
    const body: unknown = JSON.parse(raw.toString());
    if (typeof body !== 'object' || body === null) return null;
    const f = body as Record<string, unknown>;
    if (f.type !== 'send' || typeof f.conversationId !== 'string' || typeof f.text !== 'string' || typeof f.idempotencyKey !== 'string') return null;
    return { type: 'send', conversationId: f.conversationId, text: f.text, idempotencyKey: f.idempotencyKey };
  } catch {
    return null;
  }
}

function onVisitorFrame(socket: WebSocket, raw: RawData): void {
  const frame = asSendFrame(raw);
  if (!frame) {
    socket.send(JSON.stringify({ type: 'error', error: { code: 'bad_request', message: 'not a send frame' } }));
    return;
  }
  const now = new Date().toISOString();
  // Same fields as Vínculo's message and conversation views, so frames are about as large.
  const message = {
    id: randomUUID(),
    conversationId: frame.conversationId,
    direction: 'inbound',
    authorType: 'customer',
    authorId: randomUUID(),
    authorName: null,
    text: frame.text,
    attachments: [],
    createdAt: now,
  };
  const conversation = {
    id: frame.conversationId,
    customerId: message.authorId,
    channel: 'web',
    status: 'open',
    assigneeId: null,
    teamId: null,
    subject: null,
    createdAt: now,
    updatedAt: now,
    lastMessageAt: now,
    resolvedAt: null,
  };
  seq += 1;
  const event = JSON.stringify({ type: 'event', stream, seq, event: { type: 'message.created', data: { message, conversation } } });
  for (const employee of employees) employee.send(event);
  socket.send(JSON.stringify({ type: 'ack', ref: frame.idempotencyKey, duplicate: false, message }));
}

server.on('upgrade', (req, socket, head) => {
  const path = new URL(req.url ?? '/', 'http://floor').pathname;
  if (path !== '/api/realtime' && path !== '/api/widget/realtime') {
    socket.destroy();
    return;
  }
  wss.handleUpgrade(req, socket, head, (ws) => {
    if (path === '/api/realtime') {
      employees.add(ws);
      ws.on('close', () => employees.delete(ws));
      ws.send(JSON.stringify({ type: 'ready', stream, seq }));
    } else {
      ws.on('message', (raw) => onVisitorFrame(ws, raw));
      ws.send(JSON.stringify({ type: 'ready', stream: 'conversation:floor', seq: 0 }));
    }
  });
});

server.listen(port, host, () => console.log(`floor listening on ${host}:${port}`));
process.once('SIGTERM', () => {
  for (const client of wss.clients) client.terminate();
  server.close(() => process.exit(0));
});
