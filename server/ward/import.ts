// Imports residential groups from an office's file: every row is checked
// first; if any row is wrong nothing changes and the answer lists each bad
// row (row number, column, message). Otherwise all groups are written in one
// transaction. Groups the file does not mention are kept (deleting is a
// separate, deliberate act with its own 409 rule).
import { parseGroupTable, type WardImportResult } from '../../shared/ward-import.ts';
import type { Engine } from '../db/engine/engine.ts';
import { ApiError } from '../http/errors.ts';
import type { WardProfileStore } from './profile.ts';
import { readTable } from './import-file.ts';

export class ImportRowsError extends ApiError {
  constructor(readonly rows: Array<{ row: number; column: string; message: string }>) {
    super(422, 'invalid_rows', `${rows.length} problem(s) in the file; nothing was imported`);
  }
}

export function createWardImport(engine: Engine, ward: WardProfileStore) {
  const apply = (groups: WardImportResult['groups']) =>
    engine.transaction(async () => {
      for (const g of groups) if (g.action !== 'unchanged') await ward.upsertGroup(g.id, g.name, g.adultPopulation, g.households);
    });

  return async function importGroups(fileName: string, bytes: Uint8Array, dryRun: boolean): Promise<WardImportResult> {
    const table = await readTable(fileName, bytes);
    const before = (await ward.admin()).groups;
    const parsed = parseGroupTable(table, before);
    if (parsed.errors.length) throw new ImportRowsError(parsed.errors);
    const current = new Map(before.map((g) => [g.id, g]));
    const groups = parsed.groups.map((g) => {
      const old = current.get(g.id);
      const same = old && old.name === g.name && old.adultPopulation === g.adultPopulation && old.households === g.households && !old.figuresAreSample;
      return { ...g, action: !old ? ('add' as const) : same ? ('unchanged' as const) : ('update' as const) };
    });
    const named = new Set(groups.map((g) => g.id));
    if (!dryRun) await apply(groups);
    return { dryRun, groups, kept: before.filter((g) => !named.has(g.id)).map((g) => g.id), ignoredColumns: parsed.ignoredColumns };
  };
}
