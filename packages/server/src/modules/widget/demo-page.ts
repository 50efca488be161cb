const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export const noWorkspacePage =
  '<!doctype html><meta charset="utf-8"><title>Vínculo demo</title><p>No workspace has that widget key. Open <a href="/demo">/demo</a> for the first workspace.</p>';

type DemoPageInput = { workspaceKey: string; workspaceName: string; lang: 'es' | 'en' };

const copy = {
  es: {
    title: 'Tienda Aurora — cerámica hecha a mano',
    lead: 'Esta es una web de ejemplo. El botón de chat abajo a la derecha es el widget de Vínculo, añadido con una sola etiqueta <script>.',
    products: ['Taza esmaltada', 'Jarrón de gres', 'Plato hondo'],
    hint: 'Escribe algo: la conversación aparece al instante en la bandeja de entrada de los empleados.',
    other: 'English',
  },
  en: {
    title: 'Aurora Store — handmade ceramics',
    lead: 'This is a sample website. The chat button at the bottom right is the Vínculo widget, added with a single <script> tag.',
    products: ['Glazed mug', 'Stoneware vase', 'Deep plate'],
    hint: 'Write something: the conversation appears at once in the employees’ inbox.',
    other: 'Español',
  },
};

// Deliberately loud host-page CSS: the widget lives in a shadow root and must not inherit any of it.
export function demoPage({ workspaceKey, workspaceName, lang }: DemoPageInput): string {
  const t = copy[lang];
  const other = lang === 'es' ? 'en' : 'es';
  const key = escapeHtml(workspaceKey);
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(t.title)}</title>
<style>
  body { font: 17px/1.6 Georgia, serif; margin: 0; background: #fbf7f2; color: #2b2320; }
  header { padding: 2.5rem 3rem 1rem; max-width: 52rem; }
  main { padding: 0 3rem 6rem; max-width: 60rem; }
  button, textarea, input { font-family: "Comic Sans MS", cursive; color: red; border: 3px dashed purple; }
  .products { display: grid; grid-template-columns: repeat(3, 1fr); gap: 1.5rem; }
  .product { background: #fff; border-radius: 12px; padding: 1.25rem; box-shadow: 0 2px 8px #0001; }
  .swatch { height: 120px; border-radius: 8px; background: linear-gradient(135deg, #d9b99b, #a9746e); }
  small { color: #6b5d57; }
</style>
</head>
<body>
<header>
  <h1>${escapeHtml(t.title)}</h1>
  <p>${escapeHtml(t.lead)}</p>
  <p><small>Vínculo · ${escapeHtml(workspaceName)} · <a href="?workspace=${encodeURIComponent(workspaceKey)}&amp;lang=${other}">${t.other}</a></small></p>
</header>
<main>
  <div class="products">
    ${t.products.map((p) => `<div class="product"><div class="swatch"></div><h2>${escapeHtml(p)}</h2><button type="button">${lang === 'es' ? 'Añadir' : 'Add'}</button></div>`).join('\n    ')}
  </div>
  <p>${escapeHtml(t.hint)}</p>
</main>
<script src="/widget.js" data-workspace="${key}" async></script>
</body>
</html>
`;
}
