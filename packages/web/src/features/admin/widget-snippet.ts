// The one line a site pastes to load the widget for this workspace.
export function widgetSnippet(origin: string, publicKey: string): string {
  const attr = (v: string) => v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<script src="${attr(origin)}/widget.js" data-workspace="${attr(publicKey)}" async></script>`;
}

export const identifyExample = `// On your server (Node.js):
const userHash = crypto.createHmac('sha256', IDENTITY_SECRET).update(userId).digest('hex');

// In the page, once the visitor is signed in:
Vinculo.identify({ userId, userHash });`;
