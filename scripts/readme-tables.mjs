// Renders the README's inputs/outputs tables from action.yml (the single source of truth).
// `node scripts/readme-tables.mjs` rewrites README.md; a test fails when they drift apart.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { load } from 'js-yaml';

const root = fileURLToPath(new URL('..', import.meta.url));

function cell(text) {
  return String(text ?? '')
    .replace(/\|/g, '\\|')
    .replace(/\n/g, ' ')
    .trim();
}

/**
 * What each input takes, for the table's "values" column (action.yml has no place for it). An input
 * missing here is an error: a new input must say what it accepts.
 */
export const INPUT_VALUES = {
  token: 'a GitHub token',
  policy: 'a path in the workspace, or `owner/repo/path@ref`',
  'policy-token': 'a GitHub token',
  'policy-ref': '`head`, `base`',
  paths: 'globs, one per line or comma-separated; `!` excludes',
  scope: '`changed`, `all`',
  'fail-on': '`error`, `warning`, `never`',
  'hub-verify': '`true`, `false`',
  'hub-endpoint': 'a URL',
  'hub-token': 'a Hugging Face token',
  comment: '`on-failure`, `always`, `never`',
  'review-comments': '`true`, `false`',
  'check-run': '`true`, `false`',
  'sarif-file': 'a path: relative to the workspace, or absolute',
  'report-file': 'a path: relative to the workspace, or absolute',
  'bom-file': 'a path: relative to the workspace, or absolute',
  'attestation-file': 'a path: relative to the workspace, or absolute',
  'hub-cache': 'a path',
  'hub-max-depth': '0–20',
  'base-ref': 'a ref or commit sha',
  'head-ref': 'a ref or commit sha'
};

export function renderTables(actionYml) {
  const action = load(actionYml);
  const inputs = Object.entries(action.inputs ?? {}).map(([name, spec]) => {
    const values = INPUT_VALUES[name];
    if (!values) throw new Error(`scripts/readme-tables.mjs: say what \`${name}\` takes in INPUT_VALUES`);
    const fallback = spec.default === undefined || spec.default === '' ? '—' : `\`${cell(spec.default)}\``;
    return `| \`${name}\` | ${values} | ${fallback} | ${cell(spec.description)} |`;
  });
  const outputs = Object.entries(action.outputs ?? {}).map(
    ([name, spec]) => `| \`${name}\` | ${cell(spec.description)} |`
  );
  return {
    inputs: ['| input | values | default | description |', '|---|---|---|---|', ...inputs].join('\n'),
    outputs: ['| output | description |', '|---|---|', ...outputs].join('\n')
  };
}

export function updateReadme(readme, tables) {
  let out = readme;
  for (const [name, table] of Object.entries(tables)) {
    const pattern = new RegExp(`(<!-- ${name}:start -->)[\\s\\S]*?(<!-- ${name}:end -->)`);
    if (!pattern.test(out)) throw new Error(`README.md lacks the <!-- ${name}:start/end --> markers`);
    out = out.replace(pattern, (_m, a, b) => `${a}\n${table}\n${b}`);
  }
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const readmePath = `${root}/README.md`;
  const tables = renderTables(readFileSync(`${root}/action.yml`, 'utf8'));
  writeFileSync(readmePath, updateReadme(readFileSync(readmePath, 'utf8'), tables));
}
