import { defineConfig } from "vitest/config";
import react from "@vitejs/plugin-react";

// The app loads only its own bundled files: no CDN, no remote fonts (the CSP forbids them anyway).
export default defineConfig({
  plugins: [react()],
  clearScreen: false,
  server: { port: 1420, strictPort: true },
  build: { target: "safari15", outDir: "dist", emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  test: {
    environment: "happy-dom",
    setupFiles: ["./src/test/setup.ts"],
    include: ["src/**/*.test.{ts,tsx}"],
    testTimeout: 20000,
  },
});
