import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../../../../cli/src/bin.ts', import.meta.url));
const REGISTER = fileURLToPath(new URL('./register-typescript.mjs', import.meta.url));

/** Runs the `latch` command (from source) as a child process; resolves with its exit code and output. */
export function runCLI(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', REGISTER, BIN, ...args],
      { env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', ...env }, timeout: 60_000 },
      (error, stdout, stderr) => {
        const code = error && typeof error.code === 'number' ? error.code : error ? 1 : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}
