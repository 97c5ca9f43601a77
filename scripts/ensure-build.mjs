// `npm start` builds the SPA only when dist/ is missing or older than its sources.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const SOURCES = ['src', 'public', 'index.html', 'vite.config.ts', 'package.json'];

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

const built = existsSync('dist/index.html') ? statSync('dist/index.html').mtimeMs : 0;
const changed = Math.max(...SOURCES.map(newestMtime));
if (built === 0 || changed > built) {
  console.info(built === 0 ? 'wallboard: building the app (first start)…' : 'wallboard: sources changed, rebuilding the app…');
  execSync('npx vite build', { stdio: 'inherit' });
}
