import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import packageJSON from '../package.json' with { type: 'json' };

const SOURCE = join(import.meta.dirname, '../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(dir, entry.name)]
        : [],
  );
}

/** Edge runtimes (Next's middleware, Cloudflare workers) have Web APIs only: no Node built-ins. */
describe('@latch/backend stays edge-safe', () => {
  const files = sourceFiles(SOURCE).map((file) => ({
    file,
    // Comments may mention `process.env` in examples; only code counts.
    code: readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, ''),
  }));

  it('imports nothing but its own files and jose', () => {
    for (const { file, code } of files) {
      for (const [, specifier] of code.matchAll(/from\s+'([^']+)'/g)) {
        expect(specifier === 'jose' || specifier?.startsWith('.'), `${file} imports ${specifier}`).toBe(true);
      }
      expect(code, file).not.toMatch(/\brequire\(|import\(/);
    }
    expect(Object.keys(packageJSON.dependencies)).toEqual(['jose']);
  });

  it('uses no Node globals (Buffer, process) outside a guarded lookup', () => {
    for (const { file, code } of files) {
      expect(code, file).not.toMatch(
        /\bBuffer\.|\bnew Buffer\b|(?<!\.)\bprocess\.env\b|\b__dirname\b|\bsetImmediate\b/,
      );
    }
  });
});
