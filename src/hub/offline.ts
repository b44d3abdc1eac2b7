/**
 * Whether to ask the Hub at all, and where. Follows `huggingface_hub`'s conventions:
 * `HF_HUB_OFFLINE` (or the older `TRANSFORMERS_OFFLINE`) counts as set for `1`, `ON`, `YES`,
 * `TRUE` in any case (constants.py `_is_true`), and `HF_ENDPOINT` replaces the base URL.
 */
import { ConfigError } from '../config-error.js';

export type Env = Record<string, string | undefined>;

export interface HubModeInputs {
  /** The `hub-verify` input (Action) — a boolean, or the input's text. */
  hubVerify?: boolean | string;
  /** The CLI's `--offline` flag. */
  offline?: boolean;
}

export interface HubMode {
  enabled: boolean;
  /** Why the Hub is not asked: said once in the summary. */
  reason?: string;
}

export const DEFAULT_HUB_ENDPOINT = 'https://huggingface.co';

const TRUE_VALUES = ['1', 'ON', 'YES', 'TRUE'];

function isTrue(value: string | undefined): boolean {
  return value !== undefined && TRUE_VALUES.includes(value.trim().toUpperCase());
}

function verifyFlag(value: boolean | string | undefined): boolean {
  if (value === undefined || typeof value === 'boolean') return value ?? true;
  const text = value.trim().toLowerCase();
  if (text === '' || text === 'true') return true;
  if (text === 'false') return false;
  throw new ConfigError(`Input \`hub-verify\` must be \`true\` or \`false\`; got ${JSON.stringify(value)}.`);
}

export function hubMode(env: Env, inputs: HubModeInputs = {}): HubMode {
  if (!verifyFlag(inputs.hubVerify)) {
    return { enabled: false, reason: 'Hub verification is off (`hub-verify: false`): Hub checks were skipped.' };
  }
  if (inputs.offline) return { enabled: false, reason: 'Offline (`--offline`): Hub checks were skipped.' };
  for (const name of ['HF_HUB_OFFLINE', 'TRANSFORMERS_OFFLINE']) {
    if (isTrue(env[name]))
      return { enabled: false, reason: `Offline (\`${name}=${env[name]!.trim()}\`): Hub checks were skipped.` };
  }
  return { enabled: true };
}

/**
 * The endpoint to ask: the input/flag, else `HF_ENDPOINT`, else huggingface.co. Must be an
 * http(s) URL without credentials, query or fragment; returned without trailing `/`.
 */
export function hubEndpoint(input: string | undefined, env: Env): string {
  const fromInput = input?.trim();
  const fromEnv = env.HF_ENDPOINT?.trim();
  const [value, source] = fromInput
    ? [fromInput, 'Input `hub-endpoint`']
    : fromEnv
      ? [fromEnv, '`HF_ENDPOINT`']
      : [DEFAULT_HUB_ENDPOINT, 'default'];
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`${source} must be an http(s) URL; got ${JSON.stringify(value)}.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ConfigError(`${source} must be an http(s) URL; got the scheme ${JSON.stringify(url.protocol)}.`);
  }
  // Credentials in the URL would end up in logs; the token has its own input.
  if (url.username || url.password)
    throw new ConfigError(`${source} must not contain credentials; use hub-token (HF_TOKEN) instead.`);
  if (url.search || url.hash)
    throw new ConfigError(`${source} must not have a query or fragment; got ${JSON.stringify(value)}.`);
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}
