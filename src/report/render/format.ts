/**
 * The report in one of its formats, for every surface that writes one (the CLI's stdout or
 * `--output`, the Action's `report-file`, `sarif-file`, `bom-file` and `attestation-file`). Each
 * renderer is loaded only when its format is chosen: a run that writes no SARIF never loads its code.
 */
import { DOCS_BASE, TOOL_URI, type RuleCatalogue } from '../../findings/rule-meta.js';
import type { OutputContent } from '../../files/write-output.js';
import type { Report } from '../report.js';

export const REPORT_FORMATS = ['text', 'json', 'markdown', 'sarif', 'cyclonedx', 'in-toto'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface FormatOptions {
  /** The rule catalogue SARIF describes its rules from. */
  rules: RuleCatalogue;
  /** Colour for the text format (a terminal, not a file). */
  color?: boolean;
}

/** A string, or pieces for the formats that grow with the findings (all but a size-limited Markdown document). */
export async function renderFormat(
  report: Report,
  format: ReportFormat,
  options: FormatOptions
): Promise<OutputContent> {
  const toolVersion = report.tool.version;
  switch (format) {
    case 'json':
      return (await import('./json.js')).renderJsonChunks(report);
    case 'sarif': {
      const { renderSarifChunks } = await import('./sarif.js');
      const sarifOptions = { rules: options.rules, toolVersion, informationUri: TOOL_URI, docsBase: DOCS_BASE };
      return renderSarifChunks(report, sarifOptions);
    }
    case 'markdown': {
      const { renderMarkdownChunks } = await import('./markdown.js');
      const { isOwnUrl } = await import('../../licenses/own-urls.js');
      return renderMarkdownChunks(report, { docsBase: DOCS_BASE, isOwnUrl });
    }
    case 'cyclonedx':
      return (await import('./cyclonedx.js')).renderCycloneDxChunks(report, { toolVersion });
    case 'in-toto':
      return (await import('./in-toto.js')).renderInTotoChunks(report);
    case 'text':
      return (await import('./text.js')).renderTextChunks(report, { color: options.color === true });
  }
}
