import { ImportFileError } from './errors.ts';

export type FileFormat = 'fit' | 'gpx' | 'tcx';

/** FIT: a 12- or 14-byte header whose bytes 8-11 are ".FIT" (FIT protocol, file header). */
function isFitHeader(b: Uint8Array): boolean {
  return (
    b.length >= 12 &&
    (b[0] === 12 || b[0] === 14) &&
    b[8] === 0x2e &&
    b[9] === 0x46 &&
    b[10] === 0x49 &&
    b[11] === 0x54
  );
}

/** The first element's local name of an XML document, past the BOM, declaration, comments and doctype. */
function xmlRootName(b: Uint8Array): string | null {
  const head = new TextDecoder('utf-8', { fatal: false }).decode(b.subarray(0, 4096)).replace(/^\uFEFF/, '');
  const rest = head.replace(/^(\s+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>)*/i, '');
  const m = /^<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)/.exec(rest);
  return m ? m[2]! : null;
}

/** The file's format from its content (never its name): FIT header, else the XML root element. */
export function detectFormat(bytes: Uint8Array): FileFormat {
  if (bytes.length === 0) throw new ImportFileError('FILE_EMPTY', 'is empty (0 bytes)');
  if (isFitHeader(bytes)) return 'fit';
  const root = xmlRootName(bytes);
  if (root === 'gpx') return 'gpx';
  if (root === 'TrainingCenterDatabase') return 'tcx';
  if (root) {
    throw new ImportFileError(
      'UNSUPPORTED_FILE_TYPE',
      `is XML with root <${root}>, not a GPX (<gpx>) or TCX (<TrainingCenterDatabase>) file`,
    );
  }
  if (bytes.length < 12 && bytes[0] !== undefined && (bytes[0] === 12 || bytes[0] === 14)) {
    throw new ImportFileError('FILE_TRUNCATED', `is ${bytes.length} bytes: too short for a FIT header`);
  }
  throw new ImportFileError(
    'UNSUPPORTED_FILE_TYPE',
    'is not a FIT file (no ".FIT" header) nor GPX/TCX XML; only FIT, GPX and TCX can be imported',
  );
}
