// Exponential backoff capped at 3 s: a widget should come back quickly once the network does.
// `random` (0..1) spreads reconnects so a server restart is not hit by every tab at once.
export function backoffDelay(attempt: number, random: number = Math.random(), baseMs = 250, capMs = 3000): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt));
  return Math.round(ceiling / 2 + (ceiling / 2) * random);
}
