// The bounds every imported table is held to, whatever its format, checked
// while the table is read so a hostile file stops at the first cell over a
// limit: rows, filled cells and characters per cell. Each refusal is a 413
// whose code names the limit that was hit.
import { MAX_IMPORT_CELL_CHARS, MAX_IMPORT_CELLS, MAX_IMPORT_ROWS } from '../../shared/ward-import.ts';
import { apiError } from '../http/errors.ts';

/** Columns kept per row; a ward's table has a handful, the rest are ignored. */
export const MAX_IMPORT_COLUMNS = 50;

export function createTableLimits() {
  let cells = 0;
  return {
    /** `row` counts from 1 (the header), as the spreadsheet shows it. */
    row(row: number) {
      if (row > MAX_IMPORT_ROWS + 1) throw apiError(413, 'too_many_rows', `The table has more than ${MAX_IMPORT_ROWS} rows below its header`);
    },
    /** A cell's text, as read; `where` names it in the refusal ("row 3, column 2"). */
    cell(text: string, where: () => string) {
      if (text === '') return;
      if (text.length > MAX_IMPORT_CELL_CHARS) throw apiError(413, 'cell_too_long', `A cell (${where()}) is longer than ${MAX_IMPORT_CELL_CHARS} characters`);
      if (++cells > MAX_IMPORT_CELLS) throw apiError(413, 'too_many_cells', `The table has more than ${MAX_IMPORT_CELLS} filled cells`);
    },
  };
}
export type TableLimits = ReturnType<typeof createTableLimits>;
