import { createSignal, For, Show } from 'solid-js';
import type { Plan } from '../../../shared/plans/schema.ts';
import { t } from '../i18n/index.ts';
import { errorText } from '../net/error-message.ts';
import { ADMIN_ERRORS } from './admin-errors.ts';
import { PlanFileError, plansApi, type PlanFileLine } from './plans-api.ts';

/** Most a plan file may weigh; the server refuses larger text anyway. */
const MAX_FILE_BYTES = 200_000;

/** A plan from a YAML file: check first, then add; every problem listed as file:line: message. */
export function PlanImport(props: { onImported: (p: Plan) => void }) {
  const [file, setFile] = createSignal<File | null>(null);
  const [problems, setProblems] = createSignal<PlanFileLine[]>([]);
  const [message, setMessage] = createSignal('');

  async function send(dryRun: boolean) {
    const f = file();
    setProblems([]);
    setMessage('');
    if (!f) return;
    if (f.size > MAX_FILE_BYTES) return void setMessage(t('plans.import.tooLarge'));
    try {
      const result = await plansApi.importFile(f.name, await f.text(), dryRun);
      if (result.plan) props.onImported(result.plan);
      setMessage(dryRun ? t('plans.import.checked') : t('plans.import.done'));
    } catch (err) {
      if (err instanceof PlanFileError) {
        setProblems(err.lines);
        setMessage(t('plans.import.refused', { count: err.lines.length }));
      } else setMessage(errorText(err, ADMIN_ERRORS));
    }
  }

  return (
    <section class="admin-card" data-testid="plan-import">
      <h2>{t('plans.import.title')}</h2>
      <p class="hint">{t('plans.import.help')}</p>
      <label>
        {t('plans.import.file')}
        <input type="file" accept=".yaml,.yml,text/yaml" onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)} />
      </label>
      <div class="row-actions">
        <button type="button" class="button secondary" disabled={!file()} onClick={() => void send(true)}>{t('plans.import.check')}</button>
        <button type="button" class="button" disabled={!file()} onClick={() => void send(false)}>{t('plans.import.add')}</button>
      </div>
      <p role="status" class="admin-message">{message()}</p>
      <Show when={problems().length > 0}>
        <ul class="plan-file-errors" data-testid="plan-file-errors">
          <For each={problems()}>{(p) => <li><code>{p.text}</code></li>}</For>
        </ul>
      </Show>
    </section>
  );
}
