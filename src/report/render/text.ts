import { waivedPrefix } from './annotations.js';
import { compareStrings } from '../../text/compare.js';
import type { Finding, Severity } from '../../findings/finding.js';
import { SEVERITY_RANK } from '../../findings/finding.js';
import type { Report } from '../report.js';
import { revealInvisible } from './escape.js';
import { counted } from '../../text/plural.js';
import { thousands } from '../../text/thousands.js';
import { SortedSpill } from '../../collections/spill.js';
import { runsOf } from '../../collections/sequence.js';
import { spillLimits } from '../build.js';

export interface TextOptions {
  /** ANSI colours; decide with `shouldColor`. */
  color: boolean;
}

/** What `shouldColor` needs to know about the output stream. */
export interface ColorStream {
  isTTY?: boolean;
}

/**
 * Colour when the stream is a terminal, unless NO_COLOR (non-empty) or NODE_DISABLE_COLORS says
 * otherwise; FORCE_COLOR overrides both ways (`0`/`false` off, anything else on), as in Node.
 */
export function shouldColor(stream: ColorStream, env: Record<string, string | undefined>): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  if (env.NO_COLOR || env.NODE_DISABLE_COLORS) return false;
  return stream.isTTY === true && env.TERM !== 'dumb';
}

type Style = 'red' | 'yellow' | 'cyan' | 'green' | 'dim' | 'bold' | 'underline';
const SGR: Record<Style, [number, number]> = {
  red: [31, 39],
  yellow: [33, 39],
  cyan: [36, 39],
  green: [32, 39],
  dim: [2, 22],
  bold: [1, 22],
  underline: [4, 24]
};
const SEVERITY_STYLE: Record<Severity, Style> = { error: 'red', warning: 'yellow', notice: 'cyan' };

const ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * One terminal-safe line from PR text: control characters (ANSI escapes included) and line breaks
 * are shown escaped, bidi controls revealed, and `##[` broken so a runner reading this output
 * cannot take it for a legacy workflow command.
 */
export function terminalSafe(text: string): string {
  const escaped = text.replace(
    // eslint-disable-next-line no-control-regex -- matching control characters is the point
    /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/g,
    (c) => ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`
  );
  return revealInvisible(escaped).replace(/##\[/g, '##\u200B[');
}

/** A line that starts with PR text must not start with `::` (a workflow command, after leading blanks). */
function lineStartSafe(text: string): string {
  return text.replace(/^(\s*):(?=:)/, '$1:\u200B');
}

function compareInFile(a: Finding, b: Finding): number {
  return (
    a.line - b.line ||
    a.column - b.column ||
    SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
    compareStrings(a.ruleId, b.ruleId)
  );
}

/** Files in path order, each with its findings by position: sorted through a spill, so no run holds them all. */
function* byFile(findings: Iterable<Finding>): Generator<[string, Finding[]]> {
  const sorted = new SortedSpill<Finding>(
    (a, b) => compareStrings(a.path, b.path) || compareInFile(a, b),
    spillLimits().findings
  );
  for (const f of findings) sorted.push(f);
  try {
    for (const group of runsOf(sorted, (a, b) => a.path === b.path)) yield [group[0].path, group];
  } finally {
    sorted.dispose();
  }
}

function totals(report: Report): string {
  const { counts } = report;
  const artifacts = counted(counts.artifacts, 'artifact');
  const waived = counts.waived ? ` (${thousands(counts.waived)} waived)` : '';
  if (counts.errors + counts.warnings + counts.notices === 0) return `✔ no lineage problems in ${artifacts}${waived}`;
  const symbol = report.result === 'fail' ? '✖' : '⚠';
  const tally =
    `${counted(counts.errors, 'error')}, ` +
    `${counted(counts.warnings, 'warning')}, ${counted(counts.notices, 'notice')}`;
  return (
    `${symbol} ${tally} in ${artifacts}${waived} — gate ` +
    `${report.result === 'fail' ? 'fails' : 'passes'} (fail-on: ${report.failOn})`
  );
}

/** Human output for the CLI: findings grouped by file, each with its fix, then the tally. */
export function renderText(report: Report, opts: TextOptions): string {
  return [...renderTextChunks(report, opts)].join('');
}

/** renderText a file at a time: a scan of a million manifests prints more text than one string may hold. */
export function* renderTextChunks(report: Report, opts: TextOptions): Generator<string> {
  const paint = (style: Style, text: string) =>
    opts.color ? `\u001b[${SGR[style][0]}m${text}\u001b[${SGR[style][1]}m` : text;

  for (const [path, findings] of byFile(report.findings)) {
    const rows = findings.map((f) => ({
      f,
      position: `${f.line}:${f.column}`,
      severity: f.severity,
      message: terminalSafe(`${waivedPrefix(f)}${f.message}`)
    }));
    // A loop, not Math.max(...list): one file may hold more findings than a call takes arguments.
    const posWidth = rows.reduce((w, r) => Math.max(w, r.position.length), 0);
    const sevWidth = rows.reduce((w, r) => Math.max(w, r.severity.length), 0);
    const indent = ' '.repeat(2 + posWidth + 2 + sevWidth + 2);

    const lines = [paint('underline', lineStartSafe(terminalSafe(path)))];
    for (const r of rows) {
      const severity = paint(r.f.waived ? 'dim' : SEVERITY_STYLE[r.severity], r.severity.padEnd(sevWidth));
      const message = r.f.waived ? paint('dim', r.message) : r.message;
      lines.push(
        `  ${paint('dim', r.position.padEnd(posWidth))}  ${severity}  ` +
          `${message}  ${paint('dim', terminalSafe(r.f.ruleId))}`
      );
      lines.push(`${indent}${paint('dim', 'fix:')} ${terminalSafe(r.f.fix)}`);
    }
    yield `${lines.join('\n')}\n\n`;
  }

  const notes = report.run.notes.map((note) => `note: ${terminalSafe(note)}\n`);
  if (notes.length) yield `${notes.join('')}\n`;

  const summary = totals(report);
  const clean = report.counts.errors + report.counts.warnings + report.counts.notices === 0;
  yield `${paint('bold', paint(report.result === 'fail' ? 'red' : clean ? 'green' : 'yellow', summary))}\n`;
}
