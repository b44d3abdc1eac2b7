/**
 * Whether a Hub cache file may be believed. A cache is a record of what the Hub answered; one that
 * a pull request can write would let it forge those answers ("this repo exists, Apache-2.0"). The
 * rule: a cache inside the workspace is ignored on events whose checkout holds pull-request content,
 * and whenever the change set touches it. Outside the workspace (RUNNER_TEMP, restored by
 * actions/cache) it is the workflow's own file.
 */
import { relative, resolve, sep } from 'node:path';
import { isInside, realWorkspace } from '../files/open-chosen.js';

/** Events whose checkout is (or merges) a pull request's head. */
export const PULL_REQUEST_EVENTS: readonly string[] = ['pull_request', 'pull_request_target', 'merge_group'];

export interface CacheTrustInput {
  workspace: string;
  /** Absolute path of the cache file. */
  cachePath: string;
  eventName: string;
  /** Repository-relative paths the change set touches (current and previous names). */
  changedPaths: readonly string[];
}

/** Why the cache must be ignored, or undefined when it may be read. */
export function cacheDistrust(input: CacheTrustInput): string | undefined {
  const lexical = resolve(input.workspace);
  const real = realWorkspace(input.workspace);
  const root = isInside(lexical, input.cachePath) ? lexical : isInside(real, input.cachePath) ? real : undefined;
  if (root === undefined) return undefined;
  if (PULL_REQUEST_EVENTS.includes(input.eventName))
    return (
      'it is inside the checkout of a pull request, which could have forged it ' +
      '(keep the cache outside the workspace, e.g. under RUNNER_TEMP)'
    );
  const rel = relative(root, input.cachePath).split(sep).join('/');
  if (input.changedPaths.includes(rel)) return 'the change set touches it, so it may not be what the Hub answered';
  return undefined;
}
