import { fileURLToPath } from 'node:url';

// The app is an npm workspace: its packages (including @latch/*, symlinked) live in the repository
// root's node_modules, so the bundler and the output tracer must look there.
const root = fileURLToPath(new URL('../..', import.meta.url));

/** @type {import('next').NextConfig} */
export default {
  turbopack: { root },
  outputFileTracingRoot: root,
  poweredByHeader: false,
  devIndicators: false,
};
