import { defineConfig } from 'vite';

// One self-contained IIFE (CSS lives in a string inside the bundle), served as /widget.js.
export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    target: 'es2020',
    outDir: 'dist',
    emptyOutDir: true,
    minify: true,
    sourcemap: false,
    copyPublicDir: false,
    lib: {
      entry: 'src/main.ts',
      formats: ['iife'],
      name: 'VinculoWidget',
      fileName: () => 'widget.js',
    },
  },
});
