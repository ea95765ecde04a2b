import { createSignal, For, Show } from 'solid-js';
import type { AdminWard } from '../../../shared/ward-admin.ts';
import type { ImportRowError, WardImportResult } from '../../../shared/ward-import.ts';
import { MAX_IMPORT_BYTES, MAX_IMPORT_CELL_CHARS, MAX_IMPORT_CELLS, MAX_IMPORT_ROWS, MAX_XLSX_UNPACKED_BYTES } from '../../../shared/ward-import-limits.ts';
import { language, t } from '../i18n/index.ts';
import { adminApi, ImportError } from './admin-api.ts';
import { errorText } from '../net/error-message.ts';
import { ADMIN_ERRORS } from './admin-errors.ts';

/** A file past one of the server's limits: the limit's own words, not the server's English. */
const LIMIT_CODES = ['file_too_large', 'too_many_rows', 'too_many_cells', 'cell_too_long', 'unpacked_too_large', 'too_many_files'];
const IMPORT_ERRORS = { ...ADMIN_ERRORS, byCode: Object.fromEntries(LIMIT_CODES.map((code) => [code, `wardAdmin.import.limits.${code}`])) };

function limitParams(): Record<string, string> {
  const n = (v: number) => v.toLocaleString(language() === 'vi' ? 'vi-VN' : 'en-GB');
  return { kb: n(MAX_IMPORT_BYTES / 1024), rows: n(MAX_IMPORT_ROWS), cells: n(MAX_IMPORT_CELLS), chars: n(MAX_IMPORT_CELL_CHARS), mb: n(MAX_XLSX_UNPACKED_BYTES / 1024 / 1024) };
}

/** Import groups from the office's CSV/XLSX: check first (dry run, nothing
 * changes), then import everything in one go; bad rows are listed by row
 * number and column and nothing is imported. */
export function ImportPanel(props: { onImported: (w: AdminWard) => void }) {
  const [file, setFile] = createSignal<File | null>(null);
  const [preview, setPreview] = createSignal<WardImportResult | null>(null);
  const [rows, setRows] = createSignal<ImportRowError[]>([]);
  const [message, setMessage] = createSignal('');
  const [busy, setBusy] = createSignal(false);

  async function run(dryRun: boolean) {
    const f = file();
    if (!f) return;
    setBusy(true);
    setMessage('');
    setRows([]);
    try {
      const result = await adminApi.importFile(f, dryRun);
      if (dryRun) setPreview(result);
      else {
        setPreview(null);
        props.onImported(result.ward);
        setMessage(t('wardAdmin.import.done', { count: result.groups.length }));
      }
    } catch (err) {
      setPreview(null);
      if (err instanceof ImportError) setRows(err.rows);
      else setMessage(errorText(err, IMPORT_ERRORS, limitParams()));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="admin-card" data-testid="ward-import">
      <h2>{t('wardAdmin.import.legend')}</h2>
      <p class="hint">{t('wardAdmin.import.help')}</p>
      <label>
        {t('wardAdmin.import.file')}
        <input
          type="file"
          name="ward-file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(e) => {
            setFile(e.currentTarget.files?.[0] ?? null);
            setPreview(null);
            setRows([]);
            setMessage('');
          }}
        />
      </label>
      <button type="button" class="button secondary" disabled={!file() || busy()} onClick={() => void run(true)}>
        {t('wardAdmin.import.preview')}
      </button>
      <Show when={rows().length > 0}>
        <div role="alert">
          <p>{t('wardAdmin.import.rowsTitle')}</p>
          <div class="table-scroll">
            <table data-testid="import-errors">
              <thead>
                <tr>
                  <th scope="col">{t('wardAdmin.import.row')}</th>
                  <th scope="col">{t('wardAdmin.import.column')}</th>
                  <th scope="col">{t('wardAdmin.import.problem')}</th>
                </tr>
              </thead>
              <tbody>
                <For each={rows()}>{(r) => <tr><td class="num">{r.row}</td><td>{r.column}</td><td>{r.message}</td></tr>}</For>
              </tbody>
            </table>
          </div>
        </div>
      </Show>
      <Show when={preview()}>
        {(p) => (
          <div data-testid="import-preview">
            <h3>{t('wardAdmin.import.previewTitle')}</h3>
            <div class="table-scroll">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('wardAdmin.groups.id')}</th>
                    <th scope="col">{t('wardAdmin.groups.name')}</th>
                    <th scope="col">{t('wardAdmin.groups.adultPopulation')}</th>
                    <th scope="col">{t('wardAdmin.groups.households')}</th>
                    <th scope="col">{t('wardAdmin.import.action')}</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={p().groups}>
                    {(g) => (
                      <tr>
                        <td>{g.id}</td>
                        <td>{g.name}</td>
                        <td class="num">{g.adultPopulation ?? '—'}</td>
                        <td class="num">{g.households ?? '—'}</td>
                        <td>{t(`wardAdmin.import.actions.${g.action}`)}</td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </div>
            <Show when={p().kept.length > 0}><p>{t('wardAdmin.import.kept', { ids: p().kept.join(', ') })}</p></Show>
            <Show when={p().ignoredColumns.length > 0}><p>{t('wardAdmin.import.ignored', { columns: p().ignoredColumns.join(', ') })}</p></Show>
            <button type="button" class="button" disabled={busy()} onClick={() => void run(false)}>
              {t('wardAdmin.import.confirm', { count: p().groups.length })}
            </button>
          </div>
        )}
      </Show>
      <p role="status" class="admin-message">{message()}</p>
    </section>
  );
}
