// Renders the README's license knowledge-base table from data/licenses.yaml (the single source of
// truth). `node scripts/license-table.mjs` rewrites README.md between the
// <!-- licenses:start --> and <!-- licenses:end --> markers; a test fails when they drift apart.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { load } from 'js-yaml';
import { updateReadme } from './readme-tables.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

function cell(text) {
  return String(text ?? '')
    .replace(/\|/g, '\\|')
    .replace(/\s*\n\s*/g, ' ')
    .trim();
}

function idCell(entry) {
  const aliases = (entry.aliases ?? []).filter((a) => !/\s/.test(a)).map((a) => `\`${a}\``);
  const as = entry['written-as'] === 'license-name' ? ' (`other` + `license_name`)' : '';
  return `\`${entry.id}\`${as}${aliases.length ? `, also ${aliases.join(', ')}` : ''}`;
}

function attributionCell(attribution) {
  if (!attribution) return '—';
  const what = attribution.text ? `"${attribution.text}"` : attribution.duty;
  return attribution.condition ? `${what} — only when ${attribution.condition}` : what;
}

function sourceCell(url) {
  let host = url;
  try {
    host = new URL(url).hostname.replace(/^www\./, '');
  } catch {
    // Not a URL (a policy may cite a file): print it as it is.
  }
  return `[${cell(host)}](${url})`;
}

/** The Markdown table of the knowledge base's licenses. */
export function renderLicenseTable(data) {
  const rows = data.licenses.map((e) =>
    [
      cell(idCell(e)),
      cell(e.family),
      cell(attributionCell(e.attribution)),
      e['naming-prefix'] ? `"${cell(e['naming-prefix'])}"` : '—',
      e['non-commercial'] ? 'yes' : 'no',
      e['flow-down'] ? 'yes' : 'no',
      sourceCell(e.source)
    ].join(' | ')
  );
  return [
    '| license | family | attribution to carry | name prefix | non-commercial | terms flow down | source |',
    '|---|---|---|---|---|---|---|',
    ...rows.map((r) => `| ${r} |`)
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const readmePath = `${root}/README.md`;
  const table = renderLicenseTable(load(readFileSync(`${root}/data/licenses.yaml`, 'utf8')));
  writeFileSync(readmePath, updateReadme(readFileSync(readmePath, 'utf8'), { licenses: table }));
}
