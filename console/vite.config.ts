import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Two pages: the console (index.html) and GraphiQL (graphiql.html, served by the gateway on GET /graphql in demo
// mode). Heavy screens are split off by dynamic import() in the code; hashed names under assets/ are cached for a year.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    // GraphiQL's page is one large chunk (its editor); it is never part of the console's own load.
    chunkSizeWarningLimit: 800,
    rollupOptions: { input: { index: 'index.html', graphiql: 'graphiql.html' } },
  },
  server: { proxy: { '/graphql': 'http://localhost:4000', '/console-config.json': 'http://localhost:4000' } },
});
