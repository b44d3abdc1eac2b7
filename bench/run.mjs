// Issue #13's comparison: `npm run bench [-- options]`. See --help.
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { cold } from './cold.mjs';
import { HAS_TIME } from './measure.mjs';
import { pullRequest } from './pr.mjs';
import { machine, record, tables } from './report.mjs';
import { ajvInstalled, scan } from './scan.mjs';

const HELP = `npm run bench -- [options]
  --sizes 1000,10000   manifests per scan tree (100000 only when asked: it takes minutes)
  --runs 3             rounds per scan size (cold start: at least 5)
  --only scan,cold,pr  which parts to run
  --pr-files 20000     files changed by the pull request of the "pr" part
  --record             append the tables to bench/RESULTS.md ("Issue #13 comparison")
  --smoke              N=200, 1 run, a 2,000-file PR: fails only if something crashes`;

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000' },
    runs: { type: 'string', default: '3' },
    only: { type: 'string', default: 'scan,cold,pr' },
    'pr-files': { type: 'string', default: '20000' },
    record: { type: 'boolean', default: false },
    smoke: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false }
  }
});
if (values.help) {
  console.log(HELP);
  process.exit(0);
}
const smoke = values.smoke;
const sizes = smoke ? [200] : values.sizes.split(',').map(Number);
const runs = smoke ? 1 : Number(values.runs);
const parts = new Set(values.only.split(','));
const prFiles = smoke ? 2000 : Number(values['pr-files']);
const unknown = [...parts].filter((p) => !['scan', 'cold', 'pr'].includes(p));
if (unknown.length || sizes.some((n) => !Number.isInteger(n) || n < 1) || !(runs >= 1) || !(prFiles >= 2)) {
  console.error(HELP);
  process.exit(2);
}
const log = (line) => console.error(line);
const before = machine();
if (!HAS_TIME) log('peak RSS: skipped, /usr/bin/time (GNU time) is not installed');
const ajvNote = ajvInstalled() ? '' : 'ajv-cli: skipped, ajv-cli not installed (node_modules/.bin/ajv)';
if (ajvNote && parts.has('scan')) log(ajvNote);

const scans = [];
if (parts.has('scan')) for (const n of sizes) scans.push(await scan(n, runs, log));
const coldResult = parts.has('cold') ? await cold(smoke ? 1 : Math.max(5, runs), log) : undefined;
const prResult = parts.has('pr') ? await pullRequest(prFiles, log) : undefined;
const body = tables({ scans, cold: coldResult, pr: prResult, ajvNote });
console.log(body);

if (values.record) {
  const after = machine();
  const date = new Date().toISOString().slice(0, 16).replace('T', ' ');
  const args = process.argv.slice(2).join(' ');
  const heading =
    `${date} UTC — ${before.cpus} CPUs, Node ${before.node.slice(1)}, commit ${before.sha}, ` +
    `load average ${before.load} → ${after.load}`;
  record(fileURLToPath(new URL('RESULTS.md', import.meta.url)), heading, `\`npm run bench -- ${args}\`\n\n${body}`);
  log('recorded in bench/RESULTS.md');
}
if (prResult && prResult.code !== 0) process.exit(1);
