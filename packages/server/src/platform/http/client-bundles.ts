import { fileURLToPath } from 'node:url';

// Where the browser bundles built by `npm run build` live (packages/web/dist, packages/widget/dist).
export const webDistDir = fileURLToPath(new URL('../../../../web/dist/', import.meta.url));
export const widgetDistDir = fileURLToPath(new URL('../../../../widget/dist/', import.meta.url));

export const notBuiltPage = (what: string) =>
  `<!doctype html><meta charset="utf-8"><title>Vínculo</title><p>The ${what} is not built yet. Run <code>npm run build</code> (npm start does it for you), then reload.</p>`;
