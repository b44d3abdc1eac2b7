/**
 * The stages' order, true in the imports (house rules, issue #13): the Finding model sits below the
 * stages that make it, the report gets the rule catalogue handed in, and one run function serves
 * both entry points. Reads every import of src/ and names each one that breaks a rule.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { PROJECT_ROOT } from '../../helpers/run-action.js';

const SRC = join(PROJECT_ROOT, 'src');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []
  );
}

/** Every `from '…'` and `import('…')` of src/, as src-relative paths without extension. */
const IMPORTS: { from: string; to: string }[] = sources(SRC).flatMap((file) => {
  const text = readFileSync(file, 'utf8');
  const from = relative(SRC, file).replace(/\.ts$/, '');
  return [...text.matchAll(/(?:from |import\()'(\.[^']+)'/g)].map((m) => ({
    from,
    to: relative(SRC, resolve(dirname(file), m[1])).replace(/\.(js|json)$/, '')
  }));
});

function importsOf(fromPrefix: string, toPrefixes: string[]): string[] {
  return IMPORTS.filter((i) => i.from.startsWith(fromPrefix) && toPrefixes.some((p) => i.to.startsWith(p))).map(
    (i) => `${i.from} → ${i.to}`
  );
}

const ENTRY_POINTS = ['main', 'cli', 'index', 'run', 'action/', 'cli/'];

describe('import layering', () => {
  it('reads the imports (the check below is not vacuous)', () => {
    expect(IMPORTS.length).toBeGreaterThan(500);
    expect(IMPORTS).toContainEqual({ from: 'rules/engine', to: 'findings/finding' });
  });

  it('keeps the pedigree below the report and the stages: pedigree/ imports no other module', () => {
    expect(IMPORTS.filter((i) => i.from.startsWith('pedigree/') && !i.to.startsWith('pedigree/'))).toEqual([]);
    expect(IMPORTS).toContainEqual({ from: 'report/summarise', to: 'pedigree/pedigree' });
  });

  it('keeps the Finding model and rule metadata below every stage: findings/ imports no other module', () => {
    expect(IMPORTS.filter((i) => i.from.startsWith('findings/') && !i.to.startsWith('findings/'))).toEqual([]);
  });

  it('hands the report its rule catalogue: report/ imports neither rules/, policy/ nor anything above it', () => {
    expect(importsOf('report/', ['rules/', 'policy/', 'pipeline', 'github/', ...ENTRY_POINTS])).toEqual([]);
  });

  it('lets no stage import the report it feeds', () => {
    for (const stage of ['rules/', 'policy/', 'lineage/', 'formats/', 'discover/', 'hub/', 'licenses/'])
      expect(importsOf(stage, ['report/'])).toEqual([]);
  });

  it('lets no stage import an entry point', () => {
    const stages = ['changes/', 'discover/', 'formats/', 'source/', 'lineage/', 'rules/', 'policy/', 'report/', 'hub/'];
    for (const stage of stages) expect(importsOf(stage, ENTRY_POINTS)).toEqual([]);
  });

  it('runs the pipeline from one function: only run.ts imports pipeline.ts for more than a type', () => {
    const runners = sources(SRC)
      .filter((file) => /import \{[^}]*\brunGate\b/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(SRC, file));
    expect(runners).toEqual(['run.ts']);
    for (const entry of ['main.ts', 'cli.ts'])
      expect(readFileSync(join(SRC, entry), 'utf8')).toMatch(/import \{ runLineageGate[^}]*\} from '\.\/run\.js'/);
  });

  it('turns a report format into its renderer in one place (report/render/format.ts) for the CLI and Action', () => {
    const fileRenderers = ['json', 'sarif', 'cyclonedx'].map((f) => `report/render/${f}`);
    const dispatchers = IMPORTS.filter((i) => fileRenderers.includes(i.to)).map((i) => i.from);
    expect([...new Set(dispatchers)]).toEqual(['report/render/format']);
  });
});
