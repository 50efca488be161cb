import { createHmac } from 'node:crypto';

export type IceConfig = { stunUrls: string[]; turnUrls: string[]; turnSecret: string | undefined; turnTtlSeconds: number };
export type IceServer = { urls: string[]; username?: string; credential?: string };

// TURN credentials in the REST-API style coturn accepts with `use-auth-secret`: the username is the
// expiry time (and who it is for), the password the base64 HMAC-SHA1 of that username with the shared
// secret. They expire on their own, so a leaked one is worth little.
export function iceServersFor(config: IceConfig, label: string, now = Date.now()): IceServer[] {
  const servers: IceServer[] = [];
  if (config.stunUrls.length) servers.push({ urls: config.stunUrls });
  if (config.turnUrls.length && config.turnSecret) {
    const username = `${Math.floor(now / 1000) + config.turnTtlSeconds}:${label}`;
    const credential = createHmac('sha1', config.turnSecret).update(username).digest('base64');
    servers.push({ urls: config.turnUrls, username, credential });
  }
  return servers;
}
