import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

export type SecretBox = {
  seal(values: Record<string, string>): string;
  open(sealed: string): Record<string, string>;
};

// AES-256-GCM; the stored text is "v1.<iv>.<tag>.<ciphertext>" in base64url, so a later key or
// algorithm can be told apart. The key is VINCULO_SECRETS_KEY, or derived from the instance secret.
export function createSecretBox(keyMaterial: string): SecretBox {
  const key = createHash('sha256').update(`vinculo-channel-secrets:${keyMaterial}`).digest();
  return {
    seal(values) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(JSON.stringify(values), 'utf8'), cipher.final()]);
      return ['v1', iv, cipher.getAuthTag(), body].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
    },
    open(sealed) {
      const [version, iv, tag, body] = sealed.split('.');
      if (version !== 'v1' || !iv || !tag || body === undefined) throw new Error('unreadable channel secrets');
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      const text = Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
      return JSON.parse(text) as Record<string, string>;
    },
  };
}
