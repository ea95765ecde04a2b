// The spot-check list (reviewers and admins, under the ward dashboard): draw a
// seeded random sample of verified records for a period, then record what a
// call or visit found for each; the totals follow. Learner codes only.
import { createSignal, For, Show } from 'solid-js';
import type { SpotCheck } from '../../../../shared/integrity/spot-check.ts';
import { SPOT_CHECK_RESULTS } from '../../../../shared/integrity/spot-check.ts';
import { t } from '../../i18n/index.ts';
import { integrityApi } from './integrity-api.ts';
import './anomaly-panel.tsx';

const code = (c: string) => `${c.slice(0, 3)} ${c.slice(3)}`;

export function SpotCheckList(props: { check: SpotCheck; groupName: (id: string | null) => string; onResult: (itemNo: number, result: (typeof SPOT_CHECK_RESULTS)[number]) => void }) {
  const c = () => props.check;
  return (
    <>
      <p data-testid="spot-header">{t('integrity.spot.header', { id: c().id, count: c().items.length, population: c().population, from: c().from, to: c().to, seed: c().seed })}</p>
      <p role="status" data-testid="spot-totals">{t('integrity.spot.totals', c().totals)}</p>
      <ol class="anomaly-list" data-testid="spot-items">
        <For each={c().items}>
          {(item) => (
            <li class="anomaly-card">
              <p>
                <strong class="learner-code">{code(item.code)}</strong> · {props.groupName(item.groupId)}
              </p>
              <p>
                {item.kind === 'outcome'
                  ? t('integrity.spot.outcome', { outcome: t(`integrity.spot.outcomes.${item.outcome}`) })
                  : t('integrity.spot.lesson', { course: item.courseId ?? '', lesson: item.lessonId ?? '' })}
              </p>
              <Show when={item.session} fallback={<p>{t('integrity.spot.recorded', { day: item.day, guide: item.guide })}</p>}>
                {(s) => <p data-testid="spot-session">{t('integrity.spot.inSession', { day: item.day, title: s().title, code: s().code, sessionDay: s().day, guide: item.guide })}</p>}
              </Show>
              <fieldset class="anomaly-actions">
                <legend>{item.result ? t(`integrity.spot.results.${item.result}`) : t('integrity.spot.pending')}</legend>
                <For each={SPOT_CHECK_RESULTS}>
                  {(r) => (
                    <button type="button" class={`button ${item.result === r ? '' : 'secondary'}`} aria-pressed={item.result === r} onClick={() => props.onResult(item.itemNo, r)}>
                      {t(`integrity.spot.results.${r}`)}
                    </button>
                  )}
                </For>
              </fieldset>
            </li>
          )}
        </For>
      </ol>
    </>
  );
}

export function SpotCheckPanel(props: { from: string; to: string; groupName: (id: string | null) => string }) {
  const [check, setCheck] = createSignal<SpotCheck | null>();
  const [problem, setProblem] = createSignal('');
  const [size, setSize] = createSignal(10);
  const run = async (work: () => Promise<SpotCheck | null>) => {
    setProblem('');
    try {
      setCheck(await work());
    } catch (e) {
      setProblem(t('integrity.spot.failed', { message: (e as Error).message }));
    }
  };
  return (
    <section class="no-print" data-testid="spot-panel" aria-labelledby="spot-title">
      <h2 id="spot-title">{t('integrity.spot.title')}</h2>
      <p class="definition">{t('integrity.spot.intro')}</p>
      <p class="definition" data-testid="spot-seed-rule">{t('integrity.spot.seedRule')}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void run(() => integrityApi.drawSpotCheck({ from: props.from, to: props.to, size: size() }));
        }}
      >
        <fieldset>
          <legend>{t('integrity.spot.from')} {props.from} · {t('integrity.spot.to')} {props.to}</legend>
          <label>
            {t('integrity.spot.size')}
            <input type="number" min="1" max="50" value={size()} onInput={(e) => setSize(Number(e.currentTarget.value))} data-testid="spot-size" />
          </label>
          <button type="submit" class="button secondary" data-testid="spot-draw">{t('integrity.spot.draw')}</button>
          <button type="button" class="button secondary" data-testid="spot-latest" onClick={() => void run(async () => (await integrityApi.latestSpotCheck()).check)}>
            {t('integrity.spot.latest')}
          </button>
        </fieldset>
      </form>
      <Show when={problem()}>{(p) => <p class="notice" role="alert">{p()}</p>}</Show>
      <Show when={check() === null}>
        <p>{t('integrity.spot.none')}</p>
      </Show>
      <Show when={check()}>
        {(c) => <SpotCheckList check={c()} groupName={props.groupName} onResult={(itemNo, result) => void run(() => integrityApi.recordSpotCheck(c().id, itemNo, result))} />}
      </Show>
    </section>
  );
}
