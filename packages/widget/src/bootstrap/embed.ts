export type Embed = { origin: string; workspace: string };

// The widget runs on someone else's site: the API lives where the script came from, not where the page is.
export function embedFromScript(script: { src: string; getAttribute(name: string): string | null } | null, baseUrl: string): Embed | null {
  const workspace = script?.getAttribute('data-workspace')?.trim();
  if (!script || !workspace || !script.src) return null;
  try {
    return { origin: new URL(script.src, baseUrl).origin, workspace };
  } catch {
    return null;
  }
}

export function findEmbed(doc: Document): Embed | null {
  const current = doc.currentScript instanceof HTMLScriptElement ? doc.currentScript : null;
  const script = current?.hasAttribute('data-workspace') ? current : doc.querySelector<HTMLScriptElement>('script[data-workspace][src]');
  return embedFromScript(script, doc.baseURI);
}
