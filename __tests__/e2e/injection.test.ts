/**
 * End-to-end: manifest values crafted to inject workflow commands, HTML, mentions and Markdown
 * reach every surface (step log, job summary, sticky comment, review, check run) as inert text.
 */
import { describe, expect, it } from '@jest/globals';
import MarkdownIt from 'markdown-it';
import { tempDir } from '../helpers/git-repo.js';
import { pullRequestPayload, standInsClosedAfterEach, writeFiles } from '../helpers/pull-request-stand-in.js';
import { runAction } from '../helpers/run-action.js';

const EVIL = [
  '::error::injected',
  '%0A::set-output name=result::pass',
  '\n::warning file=x::forged',
  '<img src=x onerror=alert(1)>',
  '@everyone @acme/admins',
  '```js',
  '`code` ``fence``',
  '[click](javascript:alert(1))'
].join(' ');

/** Workflow commands the Action itself may print; anything else at a line start is an injection. */
const OWN_COMMANDS = /^::(error|warning|notice|debug|add-mask|group|endgroup)( [^:]*)?::/;
/** Elements the renderers themselves produce; anything else came from PR content. */
const OWN_ELEMENTS = new Set([
  'p',
  'br',
  'h2',
  'h3',
  'h4',
  'ul',
  'ol',
  'li',
  'strong',
  'em',
  'a',
  'code',
  'pre',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'details',
  'summary',
  'sub',
  'blockquote',
  'hr',
  's'
]);
// CommonMark + GFM tables and strikethrough, raw HTML passed through as GitHub does.
const markdownIt = new MarkdownIt({ html: true });

/** Renders the Markdown and checks the HTML a reader's browser would get. */
function expectInertMarkdown(what: string, markdown: string): void {
  const html = markdownIt.render(markdown);
  // Code spans and blocks show text verbatim: GitHub neither runs HTML nor mentions anyone there.
  const outsideCode = html.replace(/<code[^>]*>[\s\S]*?<\/code>/g, '<code></code>');
  const elements = [...outsideCode.matchAll(/<([a-z][a-z0-9-]*)/gi)].map((m) => m[1].toLowerCase());
  expect({ what, foreign: [...new Set(elements)].filter((e) => !OWN_ELEMENTS.has(e)) }).toEqual({ what, foreign: [] });
  const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
  expect({ what, hrefs: hrefs.filter((h) => !h.startsWith('https://')) }).toEqual({ what, hrefs: [] });
  const text = outsideCode.replace(/<[^>]*>/g, '');
  expect({ what, mentions: text.match(/@(everyone|acme\/admins)/g) }).toEqual({ what, mentions: null });
  // The value's fence opener stays inline: it never starts a code block.
  expect({ what, fence: html.includes('language-js') }).toEqual({ what, fence: false });
}

const standIn = standInsClosedAfterEach();

describe('PR content is inert on every surface', () => {
  it('forms no workflow command, HTML, mention, fence or link', async () => {
    const dir = tempDir('lg-inject-');
    const path = 'adapters/@everyone/adapter_config.json';
    writeFiles(dir, {
      [path]: JSON.stringify(
        { peft_type: 'LORA', base_model_name_or_path: `/content/${EVIL}`, revision: EVIL, r: 8 },
        null,
        2
      )
    });
    const gh = await standIn();
    gh.files.push({ path, status: 'added' });
    const payload = pullRequestPayload('opened', 'e'.repeat(40));
    const run = await runAction({
      workspace: dir,
      eventName: 'pull_request',
      payload,
      apiUrl: gh.server.url,
      inputs: { comment: 'always', 'review-comments': 'true', 'check-run': 'true' }
    });

    // The gate judged the manifest (so the values did reach every surface) and kept its verdict.
    expect(run.code).toBe(1);
    expect(run.outputs.result).toBe('fail');
    expect(run.stdout).toContain('onerror');
    const commandLines = run.stdout.split('\n').filter((l) => l.startsWith('::'));
    expect(commandLines.length).toBeGreaterThan(1);
    for (const line of commandLines) expect(line).toMatch(OWN_COMMANDS);
    expect(run.stdout).not.toMatch(/^::set-output/m);
    expect(run.stdout).not.toMatch(/^::warning file=x::forged/m);
    expect(run.stderr).toBe('');

    expect(run.summary).toContain('onerror');
    expectInertMarkdown('job summary', run.summary);
    expect(gh.issueComments).toHaveLength(1);
    expectInertMarkdown('sticky comment', gh.issueComments[0].body);
    expect(gh.reviews).toHaveLength(1);
    expectInertMarkdown('review body', gh.reviews[0].body);
    expect(gh.reviewComments.length).toBeGreaterThan(0);
    for (const c of gh.reviewComments) expectInertMarkdown('review comment', c.body);
    const checkSummaries = gh.checkRunBodies.map((b) => (b.output as { summary: string }).summary);
    expect(checkSummaries.length).toBeGreaterThan(1);
    for (const summary of checkSummaries) expectInertMarkdown('check run summary', summary);
  }, 30000);
});
