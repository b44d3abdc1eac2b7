import { LICENSE_DATA } from './knowledge-data.generated.js';

/** Every https URL the built-in license knowledge cites (license texts, family tables): the gate's own. */
const OWN_URLS: ReadonlySet<string> = new Set(JSON.stringify(LICENSE_DATA).match(/https:\/\/[^\s"\\]+/g) ?? []);

/**
 * Whether a URL in a message is one the gate ships (and so may be rendered as a link). A URL from
 * a manifest or a policy file is PR content: renderers show it as inert text.
 */
export function isOwnUrl(url: string): boolean {
  return OWN_URLS.has(url);
}
