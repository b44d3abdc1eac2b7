/**
 * In a real browser: the job summary, the sticky PR comment and the review body of a run of the
 * bundled Action over examples/ (a loopback GitHub API and Hub), rendered as GitHub renders GFM and
 * Mermaid, inside a box the width of a PR comment. Skipped, with a note, where no Chromium is installed.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { cpSync, mkdirSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { chromiumPath, INSTALL_HINT } from '../helpers/chromium.js';
import { renderLikeGitHub, type RenderedComment } from '../helpers/github-page.js';
import { tempDir } from '../helpers/git-repo.js';
import { pullRequestPayload, standInsClosedAfterEach } from '../helpers/pull-request-stand-in.js';
import { PROJECT_ROOT, runAction } from '../helpers/run-action.js';

const executablePath = chromiumPath();
if (!executablePath) console.warn(`Browser tests skipped: ${INSTALL_HINT}.`);
const describeInBrowser = executablePath ? describe : describe.skip;

/** Screenshots go to docs/images (committed, shown in the README) only when asked: UPDATE_SCREENSHOTS=1. */
const SCREENSHOTS = process.env.UPDATE_SCREENSHOTS === '1' ? join(PROJECT_ROOT, 'docs/images') : tmpdir();
/** Enough of a long document to show the verdict, the table and the diagram; keeps the PNGs small. */
const SCREENSHOT_MAX_HEIGHT = 1200;

function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? listFiles(dir, `${prefix}${d.name}/`) : [`${prefix}${d.name}`]
  );
}

interface Surfaces {
  summary: string;
  comment: string;
  review: string;
}

interface DemoHub {
  url: string;
  close(): Promise<void>;
}

const standIn = standInsClosedAfterEach();

/** One run of dist/index.js on a pull request adding examples/, with every PR surface switched on. */
async function runOnExamples(): Promise<Surfaces> {
  const workspace = tempDir('lg-browser-');
  cpSync(join(PROJECT_ROOT, 'examples'), join(workspace, 'examples'), { recursive: true });
  const gh = await standIn();
  for (const path of listFiles(workspace)) gh.files.push({ path, status: 'added' });
  // The demo's Hub answers for the examples' upstreams, so the diagram has the Hub's base_model chains.
  const hubModule = pathToFileURL(join(PROJECT_ROOT, 'scripts/demo-hub.mjs')).href;
  const { startDemoHub } = (await import(hubModule)) as { startDemoHub(): Promise<DemoHub> };
  const hub = await startDemoHub();
  try {
    const run = await runAction({
      workspace,
      eventName: 'pull_request',
      payload: pullRequestPayload('opened', 'd'.repeat(40)),
      apiUrl: gh.server.url,
      inputs: { comment: 'always', 'review-comments': 'true', policy: 'examples/lineage-policy.yml' },
      env: { HF_HUB_OFFLINE: '0', HF_ENDPOINT: hub.url }
    });
    expect(run.outputs.result).toBe('fail');
    return { summary: run.summary, comment: gh.issueComments[0].body, review: gh.reviews[0].body };
  } finally {
    await hub.close();
  }
}

function expectReadable(what: string, shown: RenderedComment): void {
  const { box, client, tables } = shown.overflow;
  expect({ what, box }).toEqual({ what, box: client });
  for (const t of tables) expect({ what, table: t.scroll }).toEqual({ what, table: t.client });
  const broken = shown.hrefs.filter((h) => !/^(https:\/\/|#)/.test(h) || /%5C|\\/i.test(h));
  expect({ what, broken }).toEqual({ what, broken: [] });
  const backticks = shown.proseText.split('\n').filter((line) => line.includes('`'));
  expect({ what, backticks }).toEqual({ what, backticks: [] });
}

describeInBrowser('PR surfaces in a browser, at the width of a PR comment', () => {
  let browser: Browser;
  let page: Page;
  let surfaces: Surfaces;

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
    page = await browser.newPage();
  });
  afterAll(async () => browser?.close());

  it('shows comment, summary and review body with no overflow, broken link or stray backtick', async () => {
    surfaces = await runOnExamples();
    mkdirSync(SCREENSHOTS, { recursive: true });
    for (const [what, markdown, png] of [
      ['sticky comment', surfaces.comment, 'pr-comment.png'],
      ['job summary', surfaces.summary, 'job-summary.png'],
      ['review body', surfaces.review, undefined]
    ] as const) {
      const shown = await renderLikeGitHub(page, markdown);
      expectReadable(what, shown);
      if (what !== 'review body') expect({ what, diagrams: shown.diagrams }).toEqual({ what, diagrams: [null] });
      if (png) {
        // The comment as it first shows (details closed); the summary with the details open.
        const open = png === 'job-summary.png';
        await page
          .locator('details')
          .evaluateAll((all, o) => all.forEach((d) => ((d as HTMLDetailsElement).open = o)), open);
        const box = (await page.locator('#comment').boundingBox())!;
        await page.screenshot({
          path: join(SCREENSHOTS, png),
          clip: { ...box, height: Math.min(box.height, SCREENSHOT_MAX_HEIGHT) },
          fullPage: true
        });
      }
    }
    // The license sources the gate cites are links, whole.
    expect(surfaces.summary).toContain('<https://www.llama.com/llama3_1/license/>');
  }, 60000);
});
