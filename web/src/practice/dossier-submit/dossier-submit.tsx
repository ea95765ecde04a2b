import { createSignal, Match, Show, Switch } from 'solid-js';
import { t } from '../../i18n/index.ts';
import { registerStrings } from '../../i18n/lazy-strings.ts';
import { ChoiceList, Feedback, focusStage, MockPhone, TaskCard, type Verdict } from '../parts.tsx';
import type { SimulatorProps } from '../registry.ts';
import { DossierFormView } from './dossier-form.tsx';
import { DOSSIER_CODE, EMPTY_FORM, normalizeCode, type DossierForm } from './validate.ts';
import vi from '../../i18n/vi/lazy/practiceDossier.json';
import en from '../../i18n/en/lazy/practiceDossier.json';

registerStrings('practiceDossier', { vi, en });

type Stage = 'login' | 'choose' | 'form' | 'review' | 'submitted' | 'track';

/**
 * Mock public-service portal: log in with VNeID (the old portal account is a
 * trap), choose the linked birth-registration procedure, fill the form (real
 * validation), review, submit, get a dossier code, and look its status up.
 */
export default function DossierSubmit(props: SimulatorProps) {
  const [stage, setStage] = createSignal<Stage>('login');
  const [form, setForm] = createSignal<DossierForm>({ ...EMPTY_FORM });
  const [verdict, setVerdict] = createSignal<Verdict>(null);
  const [code, setCode] = createSignal('');
  const [trackError, setTrackError] = createSignal<string | null>(null);
  const [found, setFound] = createSignal(false);
  const go = (s: Stage) => {
    setVerdict(null);
    setStage(s);
    focusStage();
  };
  const genderLabel = () => (form().gender ? t(`practiceDossier.${form().gender}`) : '');

  function track(e: Event) {
    e.preventDefault();
    if (!code().trim()) return setTrackError('trackRequired');
    if (normalizeCode(code()) !== DOSSIER_CODE) return setTrackError('trackNotFound');
    setTrackError(null);
    if (!found()) {
      setFound(true);
      setVerdict({ ok: true, text: t('practiceDossier.trackRight') });
      props.onDone();
    }
  }

  return (
    <div class="simulator" data-testid="sim-dossier-submit">
      <TaskCard>
        <p>{t('practiceDossier.task')}</p>
      </TaskCard>
      <MockPhone app={t('practiceDossier.app')}>
        <Switch>
          <Match when={stage() === 'login'}>
            <h3 class="stage-focus" tabindex="-1">{t('practiceDossier.loginTitle')}</h3>
            <ChoiceList
              testidPrefix="dossier-login"
              options={[
                { id: 'old', label: t('practiceDossier.loginOld') },
                { id: 'vneid', label: t('practiceDossier.loginVneid') },
              ]}
              onChoose={(id) => (id === 'vneid' ? go('choose') : setVerdict({ ok: false, text: t('practiceDossier.loginOldWrong') }))}
            />
          </Match>
          <Match when={stage() === 'choose'}>
            <h3 class="stage-focus" tabindex="-1">{t('practiceDossier.chooseTitle')}</h3>
            <ChoiceList
              testidPrefix="dossier-proc"
              options={[
                { id: 'stay', label: t('practiceDossier.procStay') },
                { id: 'birth', label: t('practiceDossier.procBirth') },
              ]}
              onChoose={(id) => (id === 'birth' ? go('form') : setVerdict({ ok: false, text: t('practiceDossier.procStayWrong') }))}
            />
          </Match>
          <Match when={stage() === 'form'}>
            <h3 class="stage-focus" tabindex="-1">{t('practiceDossier.formTitle')}</h3>
            <DossierFormView form={form()} onChange={setForm} onValid={() => go('review')} />
          </Match>
          <Match when={stage() === 'review'}>
            <h3 class="stage-focus" tabindex="-1">{t('practiceDossier.reviewTitle')}</h3>
            <p>{t('practiceDossier.reviewNote')}</p>
            <dl class="mock-fields" data-testid="dossier-review">
              <dt>{t('practiceDossier.childName')}</dt>
              <dd>{form().childName.trim().replace(/\s+/g, ' ')}</dd>
              <dt>{t('practiceDossier.birthDate')}</dt>
              <dd>{form().birthDate.split('-').reverse().join('/')}</dd>
              <dt>{t('practiceDossier.gender')}</dt>
              <dd>{genderLabel()}</dd>
              <dt>{t('practiceDossier.applicant')}</dt>
              <dd>NGUYỄN VĂN A</dd>
              <dt>{t('practiceDossier.attachment')}</dt>
              <dd>{t('practiceDossier.fileBirth')}</dd>
            </dl>
            <div class="nav-buttons">
              <button type="button" class="button secondary" data-testid="dossier-edit" onClick={() => go('form')}>
                {t('practiceDossier.edit')}
              </button>
              <button type="button" class="button" data-testid="dossier-submit" onClick={() => go('submitted')}>
                {t('practiceDossier.submit')}
              </button>
            </div>
          </Match>
          <Match when={stage() === 'submitted'}>
            <h3 class="stage-focus" tabindex="-1">
              <span aria-hidden="true">✓ </span>
              {t('practiceDossier.submittedTitle')}
            </h3>
            <p>
              {t('practiceDossier.codeLabel')} <strong class="mock-code" data-testid="dossier-code">{DOSSIER_CODE}</strong>
            </p>
            <p>{t('practiceDossier.codeNote')}</p>
            <p class="muted">{t('practiceDossier.feeNote')}</p>
            <button type="button" class="button" data-testid="dossier-go-track" onClick={() => go('track')}>
              {t('practiceDossier.goTrack')}
            </button>
          </Match>
          <Match when={stage() === 'track'}>
            <h3 class="stage-focus" tabindex="-1">{t('practiceDossier.trackTitle')}</h3>
            <form novalidate onSubmit={track}>
              <div class="field">
                <label for="dossier-track">{t('practiceDossier.trackInput')}</label>
                <input
                  id="dossier-track"
                  data-testid="dossier-track-input"
                  autocomplete="off"
                  value={code()}
                  aria-invalid={trackError() !== null}
                  aria-describedby={trackError() ? 'dossier-track-error' : undefined}
                  onInput={(e) => setCode(e.currentTarget.value)}
                />
                <Show when={trackError()}>
                  {(key) => (
                    <p class="field-error" id="dossier-track-error" role="alert" data-testid="dossier-track-error">
                      <span aria-hidden="true">✗ </span>
                      {t(`practiceDossier.${key()}`)}
                    </p>
                  )}
                </Show>
              </div>
              <button type="submit" class="button" data-testid="dossier-track">
                {t('practiceDossier.track')}
              </button>
            </form>
            <Show when={found()}>
              <p class="mock-status" data-testid="dossier-status">
                {t('practiceDossier.statusLabel')} <strong>{t('practiceDossier.status')}</strong>
              </p>
            </Show>
          </Match>
        </Switch>
      </MockPhone>
      <Feedback verdict={verdict()} />
    </div>
  );
}
