import { SendError, type InboundFile, type MediaRef } from './channel.types.ts';

const EXTENSIONS: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/gif': 'gif',
  'audio/ogg': 'ogg',
  'audio/mpeg': 'mp3',
  'audio/mp4': 'm4a',
  'audio/amr': 'amr',
  'video/mp4': 'mp4',
  'application/pdf': 'pdf',
};

// "image" + "image/jpeg; codecs=…" → "image.jpg", unless the network named the file.
export function mediaFileName(base: string, contentType: string | undefined): string {
  const ext = contentType ? EXTENSIONS[contentType.split(';')[0]!.trim()] : undefined;
  return ext && !base.includes('.') ? `${base}.${ext}` : base;
}

// Downloads a file a network points at, refusing more than `maxBytes` without reading it all.
export async function download(url: string, headers: Record<string, string>, maxBytes: number, media: MediaRef): Promise<InboundFile> {
  let res: Response;
  try {
    res = await fetch(url, { headers, signal: AbortSignal.timeout(20_000), redirect: 'follow' });
  } catch (err) {
    throw new SendError(`could not reach ${new URL(url).host}: ${err instanceof Error ? err.message : String(err)}`, true);
  }
  if (!res.ok || !res.body) throw new SendError(`the network answered ${res.status}`, res.status >= 500);
  const declared = Number(res.headers.get('content-length') ?? 0);
  if (declared > maxBytes) {
    await res.body.cancel();
    throw new SendError(`${Math.ceil(declared / 1024)} KB, over the ${Math.floor(maxBytes / 1024)} KB limit`, false);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of res.body) {
    size += chunk.length;
    if (size > maxBytes) throw new SendError(`over the ${Math.floor(maxBytes / 1024)} KB limit`, false);
    chunks.push(Buffer.from(chunk));
  }
  const contentType = media.contentType ?? res.headers.get('content-type')?.split(';')[0] ?? 'application/octet-stream';
  return { fileName: mediaFileName(media.fileName, contentType), contentType, content: Buffer.concat(chunks) };
}

export async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks);
}
