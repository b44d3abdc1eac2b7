/**
 * Shows gate Markdown the way GitHub would, in a real browser: GFM through markdown-it (raw HTML
 * passed through and bare URLs autolinked, as GitHub does), inside a box styled like a PR comment
 * (760 px wide, 14 px text, 16 px padding, GitHub's table and code styles), with Mermaid blocks
 * drawn by the `mermaid` package's browser bundle. Then reads back what a reader would get.
 */
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { createRequire } from 'node:module';
import MarkdownIt from 'markdown-it';
import type { Page } from 'playwright-core';

export const COMMENT_WIDTH = 760;

const gfm = new MarkdownIt({ html: true, linkify: true });
// GFM autolinks only URLs with a scheme (and `www.`): a bare `README.md` is no link to `http://README.md`.
gfm.linkify.set({ fuzzyLink: false });

// The rules of github-markdown-css that decide widths: tables scroll inside themselves, long words wrap.
const STYLE = `
  body { margin: 0; background: #fff; color: #1f2328; }
  .markdown-body { box-sizing: border-box; width: ${COMMENT_WIDTH}px; padding: 16px; font-size: 14px;
    line-height: 1.5; word-wrap: break-word;
    font-family: -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; }
  .markdown-body table { display: block; width: max-content; max-width: 100%; overflow: auto;
    border-spacing: 0; border-collapse: collapse; }
  .markdown-body td, .markdown-body th { padding: 6px 13px; border: 1px solid #d1d9e0; }
  .markdown-body code { padding: .2em .4em; font-size: 85%; white-space: break-spaces; background: #eff1f3;
    border-radius: 6px; font-family: ui-monospace, "DejaVu Sans Mono", Menlo, monospace; }
  .markdown-body pre { overflow: auto; padding: 16px; background: #f6f8fa; }
  .markdown-body pre code { padding: 0; background: none; white-space: pre; }
`;

export function githubHtml(markdown: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><style>${STYLE}</style></head>
<body><article class="markdown-body" id="comment">${gfm.render(markdown)}</article></body></html>`;
}

const require = createRequire(import.meta.url);
const MERMAID_BUNDLE = require.resolve('mermaid/dist/mermaid.min.js');

/** The part of the Mermaid bundle's global the page uses. */
interface MermaidApi {
  initialize(config: object): void;
  render(id: string, text: string): Promise<{ svg: string }>;
}

/** What the reader's browser shows. */
export interface RenderedComment {
  /** The comment box needs a horizontal scrollbar (or a table in it does). */
  overflow: { box: number; client: number; tables: { scroll: number; client: number }[] };
  hrefs: string[];
  /** Text outside code and pre: a backtick here is Markdown that did not become code. */
  proseText: string;
  /** Per Mermaid block: the error, or null when it drew an <svg>. */
  diagrams: (string | null)[];
}

export async function renderLikeGitHub(page: Page, markdown: string): Promise<RenderedComment> {
  await page.setViewportSize({ width: COMMENT_WIDTH, height: 900 });
  await page.setContent(githubHtml(markdown));
  await page.addScriptTag({ path: MERMAID_BUNDLE });
  // GitHub draws ```mermaid blocks as diagrams; the block is replaced by the SVG or the error.
  const diagrams = await page.evaluate(async () => {
    const mermaid = (window as unknown as { mermaid: MermaidApi }).mermaid;
    mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
    const blocks = [...document.querySelectorAll('pre > code.language-mermaid')];
    const results: (string | null)[] = [];
    for (const [i, block] of blocks.entries()) {
      try {
        const { svg } = await mermaid.render(`diagram${i}`, block.textContent ?? '');
        const host = document.createElement('div');
        host.innerHTML = svg;
        block.parentElement!.replaceWith(host);
        results.push(host.querySelector('svg') ? null : 'no <svg> drawn');
      } catch (err) {
        results.push(String((err as Error).message ?? err));
      }
    }
    return results;
  });
  const read = await page.evaluate(() => {
    const box = document.getElementById('comment')!;
    // Measured as a reader who opened every <details> sees it: closed ones take no width.
    for (const details of box.querySelectorAll('details')) details.open = true;
    const tables = [...box.querySelectorAll('table')].map((t) => ({ scroll: t.scrollWidth, client: t.clientWidth }));
    const hrefs = [...box.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')!);
    const prose = box.cloneNode(true) as HTMLElement;
    for (const code of prose.querySelectorAll('code, pre, svg')) code.remove();
    return {
      overflow: { box: box.scrollWidth, client: box.clientWidth, tables },
      hrefs,
      proseText: prose.textContent ?? ''
    };
  });
  return { ...read, diagrams };
}
