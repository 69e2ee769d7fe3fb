// `npm run test:browser`: builds the extension (unless SKIP_BUILD=1), checks that Chromium is there, then runs every
// tests/browser/*.test.ts file with Node's test runner, one at a time (each launches its own browser).
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { chromiumPath, ROOT } from './harness';

try {
  chromiumPath();
} catch (error) {
  console.error(`Browser tests cannot run: ${(error as Error).message}`);
  process.exit(1);
}
if (process.env.SKIP_BUILD !== '1') execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });

const only = process.argv.slice(2);
const dir = path.join(ROOT, 'tests/browser');
const files = readdirSync(dir)
  .filter((name) => name.endsWith('.test.ts'))
  .filter((name) => only.length === 0 || only.some((wanted) => name.includes(wanted)))
  .sort()
  .map((name) => path.join(dir, name));
if (files.length === 0) {
  console.error('No browser test files found');
  process.exit(1);
}
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=1', ...files], {
  cwd: ROOT,
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
