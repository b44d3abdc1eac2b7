// Bundles the Action (dist/index.js) and the CLI (dist/cli/index.js) with ncc, so both run with
// plain `node` and no node_modules. dist/ is committed; CI checks it equals a fresh bundle.
import { execFileSync } from 'node:child_process';
import { rmSync, chmodSync } from 'node:fs';

const ncc = ['node_modules/@vercel/ncc/dist/ncc/cli.js', 'build'];
// Source maps ship beside the bundle, but no register is loaded at start (it cost ~50 ms of every
// cold start): run with NODE_OPTIONS=--enable-source-maps to see TypeScript positions in a stack trace.
const common = ['--source-map', '--no-source-map-register', '--license', 'licenses.txt', '--quiet'];

rmSync('dist', { recursive: true, force: true });
execFileSync(process.execPath, [...ncc, 'src/index.ts', '-o', 'dist', ...common], { stdio: 'inherit' });
execFileSync(process.execPath, [...ncc, 'src/cli.ts', '-o', 'dist/cli', ...common], { stdio: 'inherit' });
chmodSync('dist/cli/index.js', 0o755);
