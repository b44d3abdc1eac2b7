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

export function renderTables(actionYml) {
  const action = load(actionYml);
  const inputs = Object.entries(action.inputs ?? {}).map(
    ([name, spec]) =>
      `| \`${name}\` | ${spec.default === undefined || spec.default === '' ? '' : `\`${cell(spec.default)}\``} ` +
      `| ${cell(spec.description)} |`
  );
  const outputs = Object.entries(action.outputs ?? {}).map(
    ([name, spec]) => `| \`${name}\` | ${cell(spec.description)} |`
  );
  return {
    inputs: ['| input | default | description |', '|---|---|---|', ...inputs].join('\n'),
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
