// /city: the city's view for its reviewers and admins, on a deployment that
// serves localities (a single ward's server says it has no city page). Every
// locality against the city's targets, the emulation ranking, new learners
// by week, the exports, and for the city admin the targets editor and the
// form that adds a locality. Office code: it needs the server.
import { createSignal, onMount, Show } from 'solid-js';
import type { CityTargets } from '../../../shared/city/targets.ts';
import type { CityTrends } from '../../../shared/city/trends.ts';
import type { CityView } from '../../../shared/city/view.ts';
import type { StaffUser } from '../../../shared/api.ts';
import type { NewLocality } from '../../../shared/localities/locality.ts';
import { language, t } from '../i18n/index.ts';
import { errorText, type ErrorKeys } from '../net/error-message.ts';
import { date } from '../dashboard/format.ts';
import { WardLogin } from '../dashboard/ward-login.tsx';
import { createWardStore } from '../dashboard/ward-store.ts';
import NotFoundPage from '../app/not-found-page.tsx';
import { AddLocality } from './add-locality.tsx';
import { cityApi, type CityRange } from './city-api.ts';
import { LocalitiesTable, Ranking, TrendTable } from './city-tables.tsx';
import { TargetsEditor } from './targets-editor.tsx';
import './strings.ts';
import '../styles/city.css';

const ERRORS: ErrorKeys = {
  offline: 'city.problem.offline',
  failed: 'city.problem.failed',
  byCode: { invalid_range: 'city.problem.range', invalid_request: 'city.problem.invalid', locality_exists: 'city.problem.exists', unknown_locality: 'city.problem.unknownLocality' },
  byStatus: { 401: 'city.problem.signIn', 403: 'city.problem.forbidden' },
};

export default function CityPage() {
  const ward = createWardStore();
  const [isCity, setIsCity] = createSignal<boolean | null>(null);
  const [problem, setProblem] = createSignal('');
  onMount(() => {
    void ward.checkSession();
    cityApi.isCity().then(setIsCity, (err) => setProblem(errorText(err, ERRORS)));
  });
  return (
    <Show when={isCity() !== null} fallback={problem() ? <p class="notice" role="alert">{problem()}</p> : <p role="status">{t('app.loading')}</p>}>
      {/* A single ward's server has no city page: the address is as unknown there as before. */}
      <Show when={isCity()} fallback={<NotFoundPage />}>
        <div class="city-page">
          <h1>{t('city.title')}</h1>
          <p>
            <a href="/ward">{t('city.back')}</a>
          </p>
          <Show when={ward.problem()}>{(p) => <p class="notice" role="alert">{t(p())}</p>}</Show>
          <Show when={!ward.isChecking()} fallback={<p role="status">{t('app.loading')}</p>}>
            <Show when={ward.user()} fallback={<WardLogin isBusy={ward.isBusy()} onLogin={(u, p) => ward.login(u, p).then(() => undefined)} />}>
              {(u) => (
                <Show when={u().role === 'reviewer' || u().role === 'admin'} fallback={<p class="notice" role="alert">{t('city.forbidden')}</p>}>
                  <CityScreen user={u()} />
                </Show>
              )}
            </Show>
          </Show>
        </div>
      </Show>
    </Show>
  );
}

function CityScreen(props: { user: StaffUser }) {
  const [view, setView] = createSignal<CityView | null>(null);
  const [trends, setTrends] = createSignal<CityTrends | null>(null);
  const [query, setQuery] = createSignal<CityRange>({});
  const [from, setFrom] = createSignal('');
  const [to, setTo] = createSignal('');
  const [problem, setProblem] = createSignal('');
  const [status, setStatus] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  /** Bumped after a save: the targets editor starts again from what the server kept. */
  const [edition, setEdition] = createSignal(0);

  const load = async (q: CityRange) => {
    setBusy(true);
    setProblem('');
    try {
      const [v, tr] = await Promise.all([cityApi.overview(q), cityApi.trends(q)]);
      setView(v);
      setTrends(tr);
      setQuery({ from: v.range.from, to: v.range.to });
      setFrom(v.range.from);
      setTo(v.range.to);
    } catch (err) {
      setProblem(errorText(err, ERRORS));
    } finally {
      setBusy(false);
    }
  };
  onMount(() => void load({}));

  const act = async (work: () => Promise<string>): Promise<boolean> => {
    setBusy(true);
    setProblem('');
    setStatus('');
    try {
      const done = await work();
      await load(query());
      setEdition(edition() + 1);
      setStatus(done);
      return true;
    } catch (err) {
      setProblem(errorText(err, ERRORS));
      return false;
    } finally {
      setBusy(false);
    }
  };
  const saveTargets = (targets: CityTargets) => void act(async () => (await cityApi.saveTargets(targets), t('city.targets.saved')));
  const addLocality = (locality: NewLocality) => act(async () => (await cityApi.addLocality(locality), t('city.add.added', { name: locality.name })));

  return (
    <div aria-busy={busy()}>
      <form
        class="city-range"
        onSubmit={(e) => {
          e.preventDefault();
          void load({ from: from() || undefined, to: to() || undefined });
        }}
      >
        <fieldset>
          <legend>{t('city.range.legend')}</legend>
          <label>
            <span>{t('city.range.from')}</span>
            <input type="date" name="from" value={from()} onInput={(e) => setFrom(e.currentTarget.value)} />
          </label>
          <label>
            <span>{t('city.range.to')}</span>
            <input type="date" name="to" value={to()} onInput={(e) => setTo(e.currentTarget.value)} />
          </label>
          <button type="submit" class="button" disabled={busy()} data-testid="city-range-show">
            {t('city.range.show')}
          </button>
        </fieldset>
      </form>
      <Show when={problem()}>
        <p class="notice" role="alert" data-testid="city-problem">
          {problem()}
        </p>
      </Show>
      <Show when={status()}>
        <p role="status" data-testid="city-status">
          {status()}
        </p>
      </Show>
      <div class="city-actions">
        <a class="button secondary" href={cityApi.exportUrl('csv', query(), language())} download="" data-testid="city-export-csv">
          {t('city.exportCsv')}
        </a>
        <a class="button secondary" href={cityApi.exportUrl('xlsx', query(), language())} download="" data-testid="city-export-xlsx">
          {t('city.exportXlsx')}
        </a>
      </div>
      <Show when={view()} fallback={<Show when={!problem()}><p role="status">{t('app.loading')}</p></Show>}>
        {(v) => (
          <>
            <p class="period" data-testid="city-period">
              {t('city.period', { from: date(v().range.from), to: date(v().range.to) })}
            </p>
            <p class="definition">{t('city.suppressedNote')}</p>
            <p class="definition">{t('city.countedNote')}</p>
            <LocalitiesTable view={v()} />
            <Ranking view={v()} />
            <Show when={trends()}>{(tr) => <TrendTable trends={tr()} />}</Show>
            <Show when={props.user.role === 'admin'}>
              <Show when={`${edition()}`} keyed>
                {(_edition: string) => <TargetsEditor view={v()} busy={busy()} onSave={saveTargets} onProblem={setProblem} />}
              </Show>
              <AddLocality busy={busy()} onAdd={addLocality} />
            </Show>
          </>
        )}
      </Show>
    </div>
  );
}
