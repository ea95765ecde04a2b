// The bounds of a ward's import file, apart from its schemas (no zod) so the
// admin screen can name them in its messages without loading a validator.
// The server holds every file to them while it reads it.

/** Largest file accepted (a ward has tens of groups; this is thousands of rows). */
export const MAX_IMPORT_BYTES = 512 * 1024;
export const MAX_IMPORT_ROWS = 1000;
/** Filled cells in the whole table (a thousand rows of twenty columns). */
export const MAX_IMPORT_CELLS = 20_000;
/** Characters in one cell: a group's name is at most 120; notes may be longer. */
export const MAX_IMPORT_CELL_CHARS = 1000;
/** An Excel file is a zip: what its parts may unpack to, and how many files it may hold. */
export const MAX_XLSX_UNPACKED_BYTES = 8 * 1024 * 1024;
export const MAX_XLSX_ENTRIES = 200;
