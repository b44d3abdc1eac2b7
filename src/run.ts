/**
 * The one run the Action and the CLI share: set up the Hub (never trusting a cache the change could
 * have forged), run the pipeline, mask every secret in the report, then hand that one report to
 * each surface (sink) in turn. The entry points only turn their inputs into a RunRequest and choose
 * their sinks.
 */
import { cacheDistrust } from './hub/cache-trust.js';
import { redactJson } from './hub/safe-text.js';
import { setUpHub, type HubSetupInput } from './hub/setup.js';
import { runGate, type GateOptions } from './pipeline.js';
import type { Report } from './report/report.js';

/** A surface the report goes to: annotations, summary, files, stdout, the pull request. */
export type Sink = (report: Report) => Promise<void> | void;

/** What the pipeline needs (workspace, change set, filter, threshold, policy, clock), plus the run's own settings. */
export interface RunRequest extends Pick<
  GateOptions,
  'workspace' | 'changeSet' | 'include' | 'failOn' | 'policy' | 'now' | 'onProgress'
> {
  /** The Hub's settings (mode, endpoint, token, cache, depth) as the entry point read them. */
  hub: Omit<HubSetupInput, 'workspace' | 'cacheDistrust' | 'log'>;
  /** The event that started the run (`pull_request` …; empty for the CLI): a PR's checkout is not trusted. */
  eventName: string;
  /** Secrets known before the run (GitHub tokens): masked in the report with the Hub token. */
  secrets: readonly string[];
  /** Told each secret the run learns (the Hub token) before anything could print it. */
  onSecret: (secret: string) => void;
  /** One line for the log (already masked by the caller's logger). */
  log: (message: string) => void;
  /** Told why the Hub is not asked, when it is not (the report's notes say it too). */
  onHubOff?: (reason: string) => void;
}

/** Hub → pipeline → masked report → every sink, in order (a sink that throws ends the run). */
export async function runLineageGate(request: RunRequest, sinks: readonly Sink[]): Promise<Report> {
  const { workspace, changeSet } = request;
  const cachePath = request.hub.cachePath;
  const hub = await setUpHub({
    ...request.hub,
    workspace,
    cacheDistrust: cachePath
      ? cacheDistrust({
          workspace,
          cachePath,
          eventName: request.eventName,
          changedPaths: changeSet.changes.flatMap((c) => (c.previousPath ? [c.path, c.previousPath] : [c.path]))
        })
      : undefined,
    log: request.log
  });
  if (hub.token) request.onSecret(hub.token);
  if ('off' in hub.hub) request.onHubOff?.(hub.hub.off);
  // Findings quote remote text the Hub client already masked; every item the report keeps is masked again.
  const secrets = [...request.secrets, hub.token];
  const report = await runGate({
    workspace,
    changeSet,
    include: request.include,
    failOn: request.failOn,
    policy: request.policy,
    now: request.now,
    hub: hub.hub,
    onProgress: request.onProgress,
    redact: (value) => redactJson(value, secrets)
  });
  await hub.finish();
  // Every surface renders this one report.
  for (const sink of sinks) await sink(report);
  return report;
}
