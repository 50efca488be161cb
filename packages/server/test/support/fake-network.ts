import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type Recorded = { method: string; path: string; headers: http.IncomingHttpHeaders; body: string; json: any };
export type FakeAnswer = { status: number; body: unknown; contentType?: string };

// A local stand-in for a network's send API: records every request and answers what the test says.
export async function startFakeNetwork(answer: (req: Recorded, index: number) => FakeAnswer) {
  const requests: Recorded[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      let json: unknown = null;
      try {
        json = JSON.parse(body);
      } catch {
        // form or empty body
      }
      const recorded: Recorded = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body, json };
      requests.push(recorded);
      const a = answer(recorded, requests.length - 1);
      // A Buffer is a file (media downloads); anything else is JSON.
      if (Buffer.isBuffer(a.body)) {
        res.writeHead(a.status, { 'content-type': a.contentType ?? 'application/octet-stream', 'content-length': a.body.length });
        res.end(a.body);
        return;
      }
      res.writeHead(a.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(a.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export const CHANNEL_TEST_ENV = {
  VINCULO_SMTP_PORT: 'off',
  VINCULO_PUBLIC_URL: 'https://vinculo.example.com',
  VINCULO_CHANNEL_RETRY_MS: '20',
  VINCULO_CHANNEL_MAX_ATTEMPTS: '3',
  VINCULO_CHANNEL_POLL_MS: '50',
};

export const fixturesDir = new URL('../../../../../shared/fixtures/channels/', import.meta.url);
