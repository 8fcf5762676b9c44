/** Why a file cannot be imported; each code has one HTTP status (API.md: 400/413/415/422 where they fit). */
export const IMPORT_ERROR_STATUS = {
  FILE_EMPTY: 400,
  FILE_TOO_LARGE: 413,
  UNSUPPORTED_FILE_TYPE: 415,
  FILE_TRUNCATED: 422,
  FILE_CORRUPT: 422,
  NO_ACTIVITY: 422,
} as const;
export type ImportErrorCode = keyof typeof IMPORT_ERROR_STATUS;

/** A file we will not import. The message starts with `file: ` and says what is wrong with it. */
export class ImportFileError extends Error {
  readonly status: number;
  constructor(
    readonly code: ImportErrorCode,
    detail: string,
  ) {
    super(`file: ${detail}`);
    this.name = 'ImportFileError';
    this.status = IMPORT_ERROR_STATUS[code];
  }
}
