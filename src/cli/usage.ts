/** The CLI's usage texts: one per command (`<command> --help`), and the overview (`--help`). */

export const CHECK_USAGE = `Usage: lineage-gate check [PATH…] [options]

Judges the artifacts under each PATH (default: the whole repository of the current directory).
A PATH may be any directory or file, inside or outside the current repository; a file is judged
with the rest of its artifact directory. Paths in findings are relative to the PATH's repository
root; outside git, to the current directory, or to the PATH's directory when it is not under it.

Options:
  --policy FILE            policy file (default: .github/lineage-policy.yml of the repository, if any)
  --changed-since REF      check only what changed between REF and HEAD (git diff REF...HEAD)
  --format FORMAT          text (default), json, markdown, sarif, cyclonedx or in-toto (an in-toto Statement v1
                           of the artifacts' weights and lineage records, docs/attestation.md)
  -o, --output FILE        write the report to FILE instead of standard output
  --fail-on LEVEL          error (default), warning or never
  -q, --quiet              text output: errors only (no warnings, notices or notes; exit status unchanged)
  --allow-empty            pass, instead of exit 2, when a PATH has nothing to check (pre-commit)
  --offline                do not ask the Hub
  --hub-endpoint URL       Hub endpoint (default: HF_ENDPOINT or https://huggingface.co)
  --cache FILE             keep the Hub's answers in FILE between runs
  --hub-max-depth N        how far to follow base_model on the Hub
  -h, --help               print this help

HF_TOKEN is the Hub token; HF_HUB_OFFLINE=1 turns the Hub off.
Exit status: 0 pass · 1 gate failed · 2 usage or configuration error, or a PATH with nothing to
check (no manifest, model card or weights; with --changed-since, nothing changed is a pass).`;

export const INIT_USAGE = `Usage: lineage-gate init [DIR…] [--force]

Writes a lineage.yaml into each artifact directory under DIR (default: .), drafted from what its
files say, with TODO(lineage-gate) marks for what nothing says.

Options:
  --force                  overwrite an existing lineage.yaml
  -h, --help               print this help

Exit status: 0 written · 1 a file exists and --force was not given · 2 usage error.`;

export const EXPLAIN_USAGE = `Usage: lineage-gate explain RULE-ID

Prints the rule's documentation page.

Options:
  -h, --help               print this help

Exit status: 0 · 2 unknown rule.`;

export const VERIFY_USAGE = `Usage: lineage-gate verify STATEMENT [DIR…] [--format text|json]

Checks, offline, that the checkout still holds what an in-toto statement of lineage-gate attests
(--format in-toto of check, attestation-file of the Action; docs/attestation.md): the sha256 of
each weight file (a Git LFS pointer's oid counts as its content's), and each artifact's pedigree id
recomputed from its manifests and weights, with the Hub's answers taken from the statement. Prints
file by file what matches and what no longer does. DIR limits the check to those artifacts.

Options:
  --format FORMAT          text (default) or json
  -h, --help               print this help

Exit status: 0 everything matches · 1 something no longer matches · 2 usage error or a file that
is not a lineage-gate statement.`;

export const USAGE = `Usage:
  lineage-gate check [PATH…] [--policy FILE] [--changed-since REF]
                     [--format text|json|markdown|sarif|cyclonedx|in-toto] [--output FILE]
                     [--fail-on error|warning|never]
                     [--quiet] [--allow-empty] [--offline] [--hub-endpoint URL] [--cache FILE] [--hub-max-depth N]
  (HF_TOKEN is the Hub token; HF_ENDPOINT the default endpoint; HF_HUB_OFFLINE=1 turns the Hub off)
  lineage-gate init [DIR…] [--force]
                     write a lineage.yaml into each artifact directory under DIR (default: .), drafted
                     from what its files say, with TODO(lineage-gate) marks for what nothing says;
                     exit 1 when a file exists and --force was not given
  lineage-gate explain RULE-ID
  lineage-gate verify STATEMENT [DIR…] [--format text|json]
                     check offline that the files still match an in-toto statement of lineage-gate
                     (weight digests, pedigree ids); exit 1 when something no longer matches
  lineage-gate --version | --help
  lineage-gate <command> --help   one command's usage

Exit status: 0 pass · 1 gate failed · 2 usage or configuration error.`;
