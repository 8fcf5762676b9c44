import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ImportFileError } from './errors.ts';

// Elements that may repeat, always read as arrays (GPX tracks/segments/points, TCX activities/laps/points).
const REPEATED = new Set(['trk', 'trkseg', 'trkpt', 'Activity', 'Lap', 'Track', 'Trackpoint']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  parseTagValue: true,
  parseAttributeValue: true,
  // No DOCTYPE entity expansion: activity files need none, and it closes the entity-expansion bombs.
  processEntities: false,
  isArray: (name) => REPEATED.has(name),
});

export type XmlNode = Record<string, unknown>;

/** Well-formed XML or a FILE_TRUNCATED / FILE_CORRUPT error giving the line and column of the fault. */
export function parseXml(bytes: Uint8Array, kind: 'GPX' | 'TCX', root: string): XmlNode {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new ImportFileError('FILE_CORRUPT', `${kind} file is not valid UTF-8 text`);
  }
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    const { msg, line, col } = valid.err;
    // A document that does not end with its root's closing tag was cut short.
    const truncated = !new RegExp(`</([\\w.-]+:)?${root}>\\s*$`).test(text);
    throw new ImportFileError(
      truncated ? 'FILE_TRUNCATED' : 'FILE_CORRUPT',
      `${kind} file is ${truncated ? 'truncated' : 'not well-formed XML'} (line ${line}, column ${col}: ${msg})`,
    );
  }
  return parser.parse(text) as XmlNode;
}

export const node = (v: unknown): XmlNode | undefined =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as XmlNode) : undefined;
export const nodes = (v: unknown): XmlNode[] =>
  Array.isArray(v) ? v.map(node).filter((x): x is XmlNode => x !== undefined) : [];
export const number = (v: unknown): number | undefined => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  return Number.isFinite(n) ? n : undefined;
};
/** An xsd:dateTime as epoch ms (a value without an offset is UTC, as GPX and TCX specify). */
export const instant = (v: unknown): number | undefined => {
  if (typeof v !== 'string') return undefined;
  const s = /[zZ]|[+-]\d\d:?\d\d$/.test(v) ? v : `${v}Z`;
  const ms = Date.parse(s);
  return Number.isFinite(ms) ? ms : undefined;
};
