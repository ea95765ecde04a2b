// The activity form of the unit officer's screen: a new activity with its
// evidence photos, or — given the activity — its correction, filled with what
// was recorded and asking for the reason (the server keeps both versions).
// A correction keeps the activity's plan and files.
import { createMemo, createSignal, For, Show } from 'solid-js';
import { AUDIENCES, REACH_MEASURES, type Audience, type ReachMeasure } from '../../../shared/plans/constants.ts';
import { t } from '../i18n/index.ts';
import type { LocalActivity } from './db.ts';
import { EvidencePicker } from './evidence-picker.tsx';
import type { AttachedFile } from './unit-repo.ts';
import type { UnitStore } from './unit-store.ts';

const today = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
const REASON_MAX = 500;

export function ActivityForm(props: { store: UnitStore; correcting?: LocalActivity; onDone?: () => void }) {
  const me = () => props.store.me()!;
  const was = props.correcting;
  const [planId, setPlanId] = createSignal(was?.planId ?? me().plans[0]?.id ?? '');
  const plan = createMemo(() => me().plans.find((p) => p.id === planId()));
  const [formCode, setFormCode] = createSignal(was?.formCode ?? '');
  const form = createMemo(() => plan()?.forms.find((f) => f.code === formCode()));
  const [subFormId, setSubFormId] = createSignal(was?.subFormId ?? '');
  const [items, setItems] = createSignal<string[]>(was?.contentItems ?? []);
  const [audiences, setAudiences] = createSignal<Audience[]>(was?.audiences ?? []);
  const [startsOn, setStartsOn] = createSignal(was?.startsOn ?? today());
  const [endsOn, setEndsOn] = createSignal(was?.endsOn ?? '');
  const [title, setTitle] = createSignal(was?.title ?? '');
  const [place, setPlace] = createSignal(was?.place ?? '');
  const [reach, setReach] = createSignal<Partial<Record<ReachMeasure, string>>>(Object.fromEntries(Object.entries(was?.reach ?? {}).map(([k, v]) => [k, String(v)])));
  const [links, setLinks] = createSignal(was?.links.join('\n') ?? '');
  const [reason, setReason] = createSignal('');
  const [files, setFiles] = createSignal<AttachedFile[]>([]);
  const [message, setMessage] = createSignal('');
  const [problem, setProblem] = createSignal('');
  const toggle = <T,>(list: T[], v: T) => (list.includes(v) ? list.filter((x) => x !== v) : [...list, v]);
  const testId = (name: string) => (was ? `correction-${name}` : `activity-${name}`);

  return (
    <form
      class="unit-card"
      data-testid={was ? 'correction-form' : 'activity-form'}
      onSubmit={async (e) => {
        e.preventDefault();
        setMessage('');
        setProblem('');
        if (items().length === 0) return void setProblem(t('unit.needItem'));
        if (was && !reason().trim()) return void setProblem(t('unit.correct.needReason'));
        const counts = Object.fromEntries(Object.entries(reach()).filter(([, v]) => v && /^\d+$/.test(v)).map(([k, v]) => [k, Number(v)]));
        const activity = {
          unitId: me().unit.id,
          planId: planId(),
          startsOn: startsOn(),
          endsOn: endsOn() || undefined,
          formCode: formCode(),
          subFormId: subFormId() || undefined,
          contentItems: items(),
          title: title().trim(),
          place: place().trim(),
          audiences: audiences(),
          reach: counts,
          links: links().split('\n').map((l) => l.trim()).filter(Boolean),
        };
        if (was) {
          await props.store.correct(was.activityId, activity, reason().trim());
          props.onDone?.();
          return;
        }
        await props.store.record(activity, files());
        setFiles([]);
        setTitle('');
        setPlace('');
        setReach({});
        setLinks('');
        setMessage(t('unit.saved'));
      }}
    >
      <h2>{was ? t('unit.correct.title') : t('unit.newActivity')}</h2>
      <label>
        {t('unit.plan')}
        <select name="plan" value={planId()} disabled={Boolean(was)} onChange={(e) => (setPlanId(e.currentTarget.value), setFormCode(''), setItems([]))}>
          <For each={me().plans}>{(p) => <option value={p.id} selected={p.id === planId()}>{`${p.numberSymbol} — ${p.title}`}</option>}</For>
        </select>
      </label>
      <label>
        {t('unit.form')}
        <select name="form" required value={formCode()} onChange={(e) => (setFormCode(e.currentTarget.value), setSubFormId(''))}>
          <option value="">{t('unit.choose')}</option>
          <For each={plan()?.forms ?? []}>{(f) => <option value={f.code} selected={f.code === formCode()}>{`${f.code} ${f.title}`}</option>}</For>
        </select>
      </label>
      <Show when={(form()?.subForms.length ?? 0) > 0}>
        <label>
          {t('unit.subForm')}
          <select name="subForm" value={subFormId()} onChange={(e) => setSubFormId(e.currentTarget.value)}>
            <option value="">{t('unit.choose')}</option>
            <For each={form()?.subForms ?? []}>{(s) => <option value={s.id} selected={s.id === subFormId()}>{s.title}</option>}</For>
          </select>
        </label>
      </Show>
      <fieldset>
        <legend>{t('unit.items')}</legend>
        <For each={plan()?.contentItems ?? []}>
          {(c) => (
            <label class="check">
              <input type="checkbox" checked={items().includes(c.code)} onChange={() => setItems(toggle(items(), c.code))} />
              {`${c.code} ${c.title}`}
            </label>
          )}
        </For>
      </fieldset>
      <label>
        {t('unit.activityTitle')}
        <input name="title" required maxLength={300} value={title()} onInput={(e) => setTitle(e.currentTarget.value)} />
      </label>
      <label>
        {t('unit.startsOn')}
        <input name="startsOn" type="date" required value={startsOn()} onInput={(e) => setStartsOn(e.currentTarget.value)} />
      </label>
      <label>
        {t('unit.endsOn')}
        <input name="endsOn" type="date" min={startsOn()} value={endsOn()} onInput={(e) => setEndsOn(e.currentTarget.value)} />
      </label>
      <label>
        {t('unit.place')}
        <input name="place" maxLength={300} value={place()} onInput={(e) => setPlace(e.currentTarget.value)} />
      </label>
      <fieldset>
        <legend>{t('unit.audiences')}</legend>
        <For each={AUDIENCES}>
          {(a) => (
            <label class="check">
              <input type="checkbox" checked={audiences().includes(a)} onChange={() => setAudiences(toggle(audiences(), a))} />
              {t(`unit.audience.${a}`)}
            </label>
          )}
        </For>
      </fieldset>
      <fieldset>
        <legend>{t('unit.reach')}</legend>
        <For each={REACH_MEASURES}>
          {(m) => (
            <label>
              {t(`unit.measure.${m}`)}
              <input name={m} inputmode="numeric" pattern="[0-9]*" value={reach()[m] ?? ''} onInput={(e) => setReach({ ...reach(), [m]: e.currentTarget.value })} />
            </label>
          )}
        </For>
      </fieldset>
      <label>
        {t('unit.links')}
        <textarea name="links" rows={2} value={links()} onInput={(e) => setLinks(e.currentTarget.value)} />
      </label>
      <Show
        when={was}
        fallback={<EvidencePicker files={files()} onChange={setFiles} />}
      >
        <p class="unit-hint">{t('unit.correct.filesKept')}</p>
        <label>
          {t('unit.correct.reason')}
          <textarea name="reason" rows={2} maxLength={REASON_MAX} value={reason()} onInput={(e) => setReason(e.currentTarget.value)} />
        </label>
      </Show>
      <Show when={problem()}>
        <p class="notice" role="alert">{problem()}</p>
      </Show>
      <button type="submit" class="button" data-testid={testId('save')}>{was ? t('unit.correct.save') : t('unit.save')}</button>
      <Show when={was}>
        <button type="button" class="button secondary" data-testid="correction-cancel" onClick={() => props.onDone?.()}>{t('unit.correct.cancel')}</button>
      </Show>
      <p role="status">{message()}</p>
    </form>
  );
}
