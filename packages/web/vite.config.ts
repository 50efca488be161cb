import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// In development, /api (including the WebSocket) goes to a running Vínculo server.
const apiTarget = process.env.VINCULO_API_URL ?? 'http://localhost:3000';

export default defineConfig({
  base: '/',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true },
  server: {
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false, ws: true },
    },
  },
});
