// Markdown for `npm run bench`: the tables of one run, and the section of bench/RESULTS.md that
// collects them (created on the first --record, then one subsection appended per run).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';

export const SECTION = '## Issue #13 comparison (npm run bench)';

const INTRO = `
Issue #13's comparison, run by \`npm run bench\` (\`bench/run.mjs\`; \`npm run bench -- --help\`).
Whole processes, each timed from spawn to exit by the parent; peak RSS is GNU time's \`%M\`.
**Scan**: the tree of \`bench/tree.mjs\` (one manifest per directory, PEFT configs, model cards, MENS
training manifests and lineage.yaml in rotation, about 2.7 findings per manifest). *floor* =
\`node bench/floor.mjs DIR\` (walk, read, \`JSON.parse\` / js-yaml); *ajv-cli* = \`ajv validate
--spec=draft2020 -s schemas/<format>.schema.json -d "DIR/**/<file>"\` once per format, times added
(3 of the 4 formats: a model card's schema applies to its front matter, which ajv-cli cannot read); *gate* = \`node
dist/cli/index.js check --offline --format json --fail-on never -o FILE\`; *rules off* = the same
with \`--policy\` naming a policy that sets every rule id of \`src/rules/ids.ts\` to \`off\`. Each
round runs every contender once, order rotated; ratios are per round (paired), then the median.
**Cold start**: \`node -e 0\` against \`node dist/index.js\` on a \`pull_request\` event whose head
changes only README.txt (no token, so the change set comes from git; \`hub-verify: false\`), and
\`node dist/cli/index.js --version\`. **PR**: the Action on a \`pull_request\` whose head commit
changes F files (99 % text, 1 % new manifests), git fallback; *change set* = from spawn to the
\`Files: …\` line on its stdout. Goals (issue #13): scan ≤ 2 × floor at 10k and 100k; peak RSS
< 300 MB at 100k; Action cold start ≤ 3 × \`node -e 0\`; the 20,000-file PR completes.
`;

const ms = (x) => (x === null || x === undefined ? '—' : `${Math.round(x).toLocaleString('en-US')} ms`);
const mib = (x) => (x === null || x === undefined ? '—' : `${Math.round(x)} MiB`);
const times = (x) => (x === null || x === undefined ? '—' : `${x.toFixed(2)} ×`);
const int = (x) => (x === null || x === undefined ? '—' : x.toLocaleString('en-US'));
const row = (cells) => `| ${cells.join(' | ')} |`;

export function machine() {
  let sha = 'unknown';
  try {
    sha = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    // not a checkout
  }
  return { cpus: availableParallelism(), node: process.version, sha, load: loadavg()[0].toFixed(1) };
}

export function tables({ scans, cold, pr, ajvNote }) {
  const out = [];
  if (scans.length) {
    out.push(
      row([
        'N',
        'runs',
        'floor',
        'ajv-cli',
        'gate',
        'gate / floor',
        'gate RSS',
        'rules off',
        'off / floor',
        'findings (off)'
      ]),
      row(Array(10).fill('---'))
    );
    for (const s of scans) {
      out.push(
        row([
          int(s.n),
          s.runs,
          `${ms(s.floor.ms)} (${mib(s.floor.rssMiB)})`,
          s.ajv ? `${ms(s.ajv.ms)} (${times(s.ajv.ratio)}, ${mib(s.ajv.rssMiB)})` : 'skipped',
          ms(s.gate.ms),
          times(s.gate.ratio),
          mib(s.gate.rssMiB),
          `${ms(s.off.ms)} (${mib(s.off.rssMiB)})`,
          times(s.off.ratio),
          `${int(s.gate.findings)} (${int(s.off.findings)})`
        ])
      );
    }
    if (ajvNote) out.push('', ajvNote);
  }
  if (cold) {
    out.push('', row(['runs', 'node -e 0', 'Action, PR without manifests', 'ratio', 'CLI --version', 'ratio']));
    out.push(row(Array(6).fill('---')));
    const c = cold;
    out.push(
      row([
        c.runs,
        `${ms(c.node.ms)} (${mib(c.node.rssMiB)})`,
        `${ms(c.action.ms)} (${mib(c.action.rssMiB)})`,
        times(c.action.ratio),
        `${ms(c.cli.ms)} (${mib(c.cli.rssMiB)})`,
        times(c.cli.ratio)
      ])
    );
  }
  if (pr) {
    out.push('', row(['changed files (manifests)', 'exit code', 'change set', 'total', 'peak RSS', 'Files:']));
    out.push(row(Array(6).fill('---')));
    out.push(
      row([
        `${int(pr.files)} (${int(pr.manifests)})`,
        pr.code,
        ms(pr.changeSetMs),
        ms(pr.ms),
        mib(pr.rssMiB),
        pr.source.replace(/\|/g, '\\|')
      ])
    );
  }
  return out.join('\n');
}

/** Appends one run (its heading line, then its tables) to the section, creating it if needed. */
export function record(file, heading, body) {
  let text = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmark results\n';
  if (!text.includes(SECTION)) text = `${text.trimEnd()}\n\n${SECTION}\n${INTRO}`;
  const start = text.indexOf(SECTION);
  const next = text.indexOf('\n## ', start + SECTION.length);
  const end = next === -1 ? text.length : next;
  const entry = `\n### ${heading}\n\n${body}\n`;
  text = `${text.slice(0, end).trimEnd()}\n${entry}${text.slice(end)}`;
  writeFileSync(file, text.endsWith('\n') ? text : `${text}\n`);
}
