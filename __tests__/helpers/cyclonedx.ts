/**
 * CycloneDX 1.6 validation for tests: the CycloneDX library's own strict JSON validator (the official
 * schema, SPDX id list included, unknown properties refused) plus a URI check of every `url`, which
 * that validator leaves unchecked (it accepts any `iri-reference`, for want of an implementation).
 */
import { Version } from '@cyclonedx/cyclonedx-library/Spec';
import { JsonStrictValidator } from '@cyclonedx/cyclonedx-library/Validation';
import { isAbsoluteUri } from '../fixtures/sarif/validate.js';

const validator = new JsonStrictValidator(Version.v1dot6);

/** The validator's errors, or null when the document is valid. */
export async function cycloneDxErrors(text: string): Promise<unknown> {
  return validator.validate(text);
}

/** Every `url` in the document that is not an absolute URI. */
export function badUrls(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(badUrls);
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, v]) =>
    key === 'url' && typeof v === 'string' ? (isAbsoluteUri(v) ? [] : [v]) : badUrls(v)
  );
}

/** Fails the calling test (through `expect`) when the BOM is not valid CycloneDX 1.6 JSON. */
export async function expectValidBom(text: string): Promise<void> {
  expect(await cycloneDxErrors(text)).toBeNull();
  expect(badUrls(JSON.parse(text))).toEqual([]);
}

/** The parts of a CycloneDX 1.6 BOM the tests read. */
export interface CdxProperty {
  name: string;
  value: string;
}
export interface Cdx {
  type: string;
  name: string;
  version?: string;
  'bom-ref'?: string;
  purl?: string;
  hashes?: { alg: string; content: string }[];
  licenses?: {
    license?: { id?: string; name?: string; url?: string; acknowledgement?: string; properties?: CdxProperty[] };
    expression?: string;
  }[];
  externalReferences?: { type: string; url: string }[];
  properties?: CdxProperty[];
  components?: Cdx[];
  pedigree?: { ancestors: Cdx[] };
  modelCard?: { modelParameters: { datasets: { ref: string }[] } };
  data?: { type: string; name: string }[];
}
export interface Bom {
  bomFormat: string;
  specVersion: string;
  serialNumber: string;
  version: number;
  metadata: { timestamp: string; tools: { components: Cdx[] }; properties: CdxProperty[] };
  components: Cdx[];
  dependencies?: unknown;
}
