import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

export default defineConfig({
  plugins: [
    react(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src',
      filename: 'sw.ts',
      // The page registers the worker itself through workbox-window.
      injectRegister: false,
      injectManifest: {
        // Vite 8 would emit an ES module, which a classic service worker
        // registration cannot load; IIFE works in every browser.
        rollupFormat: 'iife',
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest,woff2}'],
      },
      includeAssets: ['favicon.svg'],
      manifest: {
        name: 'Kindling',
        short_name: 'Kindling',
        description: 'Your customers in a grid you know, on your own machine, online or not.',
        lang: 'en',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: '#fffdf8',
        theme_color: '#b45309',
        icons: [
          { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icon-512-maskable.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
    }),
  ],
  build: {
    target: 'es2022',
    // The grid library is one large chunk on purpose; the budget is tracked by the benchmark.
    chunkSizeWarningLimit: 1500,
  },
  worker: { format: 'es' },
});
