// The reviewer's anomaly view (under the ward dashboard, reviewers and admins):
// held records as counts per rule and per residential group, the learners
// waiting by code, and a decision per learner. Loaded on request, so the
// dashboard's own figures never wait for it.
import { createSignal, For, Show } from 'solid-js';
import type { Anomalies } from '../../../../shared/integrity/api.ts';
import { t } from '../../i18n/index.ts';
import { registerStrings } from '../../i18n/lazy-strings.ts';
import vi from '../../i18n/vi/lazy/integrity.json';
import en from '../../i18n/en/lazy/integrity.json';
import { integrityApi } from './integrity-api.ts';

registerStrings('integrity', { vi, en });

const code = (c: string) => `${c.slice(0, 3)} ${c.slice(3)}`;

export function AnomalyTables(props: { data: Anomalies; groupName: (id: string | null) => string; onDecide: (ref: string, decision: 'accepted' | 'dismissed') => void; done: Record<string, string> }) {
  const l = () => props.data.limits;
  return (
    <>
      <p class="definition">
        {t('integrity.limits', {
          share: Math.round(l().minShareOfLessonTime * 100),
          seconds: l().minLessonSeconds,
          perHour: l().maxLessonsPerHour,
          perDevice: l().maxLearnersPerDevice,
          perAddress: l().maxRegistrationsPerAddress,
          minutes: Math.round(l().registrationWindowMs / 60_000),
        })}
      </p>
      <p class="definition" data-testid="guide-limits">
        {t('integrity.guideLimits', {
          share: Math.round(l().minShareOfLessonTime * 100),
          slack: l().sessionSlackMinutes,
          perHourMinutes: l().guidedMinutesPerHour,
          learners: l().maxGuidedLearnersPerHour,
          early: l().sessionEarlyMinutes,
          late: l().sessionLateHours,
        })}
      </p>
      <Show when={props.data.waiting > 0} fallback={<p data-testid="anomalies-none">{t('integrity.none')}</p>}>
        <div class="table-scroll">
          <table data-testid="anomalies-by-rule">
            <caption>{t('integrity.byRule')}</caption>
            <thead><tr><th scope="col">{t('integrity.rule')}</th><th scope="col">{t('integrity.learnersCol')}</th><th scope="col">{t('integrity.recordsCol')}</th></tr></thead>
            <tbody>
              <For each={props.data.rules}>{(r) => <tr><th scope="row">{t(`integrity.rules.${r.rule}`)}</th><td>{r.learners}</td><td>{r.records}</td></tr>}</For>
            </tbody>
          </table>
        </div>
        <div class="table-scroll">
          <table data-testid="anomalies-by-group">
            <caption>{t('integrity.byGroup')}</caption>
            <thead><tr><th scope="col">{t('integrity.group')}</th><th scope="col">{t('integrity.learnersCol')}</th><th scope="col">{t('integrity.recordsCol')}</th></tr></thead>
            <tbody>
              <For each={props.data.groups}>{(g) => <tr><th scope="row">{props.groupName(g.groupId)}</th><td>{g.learners}</td><td>{g.records}</td></tr>}</For>
            </tbody>
          </table>
        </div>
        <p>{t('integrity.shown', { shown: props.data.learners.length, waiting: props.data.waiting })}</p>
        <ul class="anomaly-list" data-testid="anomaly-learners">
          <For each={props.data.learners}>
            {(x) => (
              <li class="anomaly-card">
                <p>
                  <strong class="learner-code">{code(x.code)}</strong> · {props.groupName(x.groupId)} · {t('integrity.recordsCol')}: {x.held}
                </p>
                <p>{x.rules.map((r) => t(`integrity.rules.${r}`)).join('; ')}</p>
                <Show when={props.done[x.ref]} fallback={
                  <div class="anomaly-actions">
                    <button type="button" class="button" onClick={() => props.onDecide(x.ref, 'accepted')}>{t('integrity.accept')}</button>
                    <button type="button" class="button secondary" onClick={() => props.onDecide(x.ref, 'dismissed')}>{t('integrity.dismiss')}</button>
                  </div>
                }>
                  {(msg) => <p role="status">{msg()}</p>}
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <p class="definition">{t('integrity.decided', props.data.decided)}</p>
    </>
  );
}

export function AnomalyPanel(props: { groupName: (id: string | null) => string }) {
  const [data, setData] = createSignal<Anomalies>();
  const [problem, setProblem] = createSignal('');
  const [done, setDone] = createSignal<Record<string, string>>({});
  const load = async () => {
    setProblem('');
    try {
      setData(await integrityApi.anomalies());
    } catch (e) {
      setProblem(t('integrity.failed', { message: (e as Error).message }));
    }
  };
  const decide = async (ref: string, decision: 'accepted' | 'dismissed') => {
    try {
      const r = await integrityApi.review(ref, decision);
      setDone({ ...done(), [ref]: t(`integrity.${decision}`, { count: r.records }) });
    } catch (e) {
      setProblem(t('integrity.failed', { message: (e as Error).message }));
    }
  };
  return (
    <section class="no-print" data-testid="anomaly-panel" aria-labelledby="anomaly-title">
      <h2 id="anomaly-title">{t('integrity.title')}</h2>
      <p class="definition">{t('integrity.intro')}</p>
      <Show when={problem()}>{(p) => <p class="notice" role="alert">{p()}</p>}</Show>
      <Show when={data()} fallback={<button type="button" class="button secondary" data-testid="anomalies-load" onClick={() => void load()}>{t('integrity.load')}</button>}>
        {(d) => <AnomalyTables data={d()} groupName={props.groupName} onDecide={(id, dec) => void decide(id, dec)} done={done()} />}
      </Show>
    </section>
  );
}
