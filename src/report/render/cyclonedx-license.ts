/**
 * A license as the report states it (a Hub or SPDX id, a name, a link) → one CycloneDX license choice.
 * CycloneDX only accepts `license.id` from its own copy of the SPDX list, spelled as the list spells
 * it, while the Hub writes SPDX ids in lower case (`apache-2.0`) and has ids of its own (`llama3.1`).
 */
import { LicenseAcknowledgement } from '@cyclonedx/cyclonedx-library/Enums';
import {
  LicenseExpression,
  NamedLicense,
  Property,
  SpdxLicense,
  type License
} from '@cyclonedx/cyclonedx-library/Models';
import { fixupSpdxId } from '@cyclonedx/cyclonedx-library/SPDX';
import parseSpdx from 'spdx-expression-parse';

export interface LicenseFacts {
  id: string | null;
  name?: string | null;
  link?: string | null;
}

/** `declared`: the artifact or the Hub card says so; `concluded`: the gate inferred it (policy, built-in table). */
export type Acknowledgement = 'declared' | 'concluded';

/** Undefined when `text` is not an SPDX expression (spdx-expression-parse throws on anything else). */
function parsed(text: string): ReturnType<typeof parseSpdx> | undefined {
  try {
    return parseSpdx(text);
  } catch {
    return undefined;
  }
}

/** The SPDX list's spelling of `id` when it names exactly one license of the list (no `+`, no exception). */
export function spdxLicenseId(id: string): string | undefined {
  const canonical = fixupSpdxId(id.trim());
  const tree = canonical ? parsed(canonical) : undefined;
  return tree && 'license' in tree && tree.license === canonical && !tree.plus && !tree.exception
    ? canonical
    : undefined;
}

/**
 * A link from a manifest is untrusted: only an http(s) URL becomes `url`, which BOM viewers render as
 * a link, written as a valid URI (WHATWG-parsed, then percent-encoding what RFC 3986 does not allow);
 * the library's own check accepts any non-empty string. Anything else stays readable as a property.
 */
export function httpUrl(text: string): string | undefined {
  let parsedUrl: URL;
  try {
    parsedUrl = new URL(text);
  } catch {
    return undefined;
  }
  if (parsedUrl.protocol !== 'http:' && parsedUrl.protocol !== 'https:') return undefined;
  return parsedUrl.href
    .replace(/%(?![0-9A-Fa-f]{2})/g, '%25')
    .replace(/[^A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]/g, (c) => encodeURIComponent(c));
}

/** Zero or one license: a list id, else a valid SPDX expression, else a named license with its link. */
export function licenseChoice(facts: LicenseFacts | null, acknowledgement: Acknowledgement): License[] {
  const id = facts?.id?.trim() || undefined;
  const name = facts?.name?.trim() || undefined;
  const ack = acknowledgement === 'declared' ? LicenseAcknowledgement.Declared : LicenseAcknowledgement.Concluded;
  const link = facts?.link?.trim() || undefined;
  const url = link ? httpUrl(link) : undefined;
  const keep = (license: SpdxLicense | NamedLicense): License[] => {
    if (link && !url) license.properties.add(new Property('lineage-gate:license-link', link));
    return [license];
  };
  if (id) {
    const spdx = spdxLicenseId(id);
    if (spdx) return keep(new SpdxLicense(spdx, { url, acknowledgement: ack }));
    // `MIT OR Apache-2.0`, `GPL-2.0+`, `LicenseRef-…`: already SPDX, written as an expression.
    if (parsed(id)) {
      const expression = new LicenseExpression(id);
      expression.acknowledgement = ack;
      return [expression];
    }
  }
  const label = name ?? id;
  if (!label) return [];
  const named = new NamedLicense(label, { url, acknowledgement: ack });
  // A human name replaces the id as the label; the id (`other`, `llama3.1`) stays machine-readable.
  if (id && name && id !== name) named.properties.add(new Property('lineage-gate:license-id', id));
  return keep(named);
}
