import { createSignal, Match, Show, Switch } from 'solid-js';
import { t } from '../../i18n/index.ts';
import { registerStrings } from '../../i18n/lazy-strings.ts';
import { ChoiceList, Feedback, focusStage, MockPhone, TaskCard, type Verdict } from '../parts.tsx';
import type { SimulatorProps } from '../registry.ts';
import vi from '../../i18n/vi/lazy/practiceVneid.json';
import en from '../../i18n/en/lazy/practiceVneid.json';

registerStrings('practiceVneid', { vi, en });

type Stage = 'login' | 'home' | 'account';

/**
 * Mock VNeID: log in with a pre-filled dummy account, find the account level
 * (1), and choose how level 2 is really obtained (in person, at the police).
 * A fake "upgrade via link" message sits on the home screen as a trap.
 */
export default function VneidLogin(props: SimulatorProps) {
  const [stage, setStage] = createSignal<Stage>('login');
  const [verdict, setVerdict] = createSignal<Verdict>(null);
  const [levelKnown, setLevelKnown] = createSignal(false);
  const [isDone, setDone] = createSignal(false);

  const go = (s: Stage) => {
    setVerdict(null);
    setStage(s);
    focusStage();
  };

  function chooseLevel(id: string) {
    const ok = id === 'level1';
    setVerdict({ ok, text: t(ok ? 'practiceVneid.levelRight' : 'practiceVneid.levelWrong') });
    if (ok) setLevelKnown(true);
  }

  function chooseUpgrade(id: string) {
    const text = { police: 'policeRight', link: 'linkWrong', selfie: 'selfieWrong' }[id]!;
    setVerdict({ ok: id === 'police', text: t(`practiceVneid.${text}`) });
    if (id === 'police' && !isDone()) {
      setDone(true);
      props.onDone();
    }
  }

  return (
    <div class="simulator" data-testid="sim-vneid-login">
      <TaskCard>
        <p>{t('practiceVneid.task')}</p>
      </TaskCard>
      <MockPhone app={t('practiceVneid.app')}>
        <Switch>
          <Match when={stage() === 'login'}>
            <h3 class="stage-focus" tabindex="-1">{t('practiceVneid.loginTitle')}</h3>
            <label class="field">
              <span>{t('practiceVneid.account')}</span>
              <input value="0000 0000 0000" readOnly autocomplete="off" />
            </label>
            <label class="field">
              <span>{t('practiceVneid.password')}</span>
              <input type="password" value="000000" readOnly autocomplete="off" />
            </label>
            <p class="muted">{t('practiceVneid.prefilled')}</p>
            <button type="button" class="button" data-testid="vneid-login" onClick={() => go('home')}>
              {t('practiceVneid.login')}
            </button>
          </Match>
          <Match when={stage() === 'home'}>
            <p class="mock-title stage-focus" tabindex="-1">
              {t('practiceVneid.hello')}
            </p>
            <div class="mock-sms" role="group" aria-label={t('practiceVneid.smsFrom')}>
              <p class="mock-sms-from">{t('practiceVneid.smsFrom')}</p>
              <p>{t('practiceVneid.smsText')}</p>
              <button
                type="button"
                class="button secondary"
                data-testid="vneid-fake-upgrade"
                onClick={() => setVerdict({ ok: false, text: t('practiceVneid.smsWrong') })}
              >
                {t('practiceVneid.smsTap')}
              </button>
            </div>
            <div class="mock-tiles">
              <button type="button" class="mock-tile" data-testid="vneid-wallet" onClick={() => setVerdict({ ok: false, text: t('practiceVneid.walletLocked') })}>
                {t('practiceVneid.wallet')}
              </button>
              <button type="button" class="mock-tile" data-testid="vneid-account" onClick={() => go('account')}>
                {t('practiceVneid.accountInfo')}
              </button>
            </div>
          </Match>
          <Match when={stage() === 'account'}>
            <h3 class="stage-focus" tabindex="-1">{t('practiceVneid.accountTitle')}</h3>
            <dl class="mock-fields">
              <dt>{t('practiceVneid.name')}</dt>
              <dd>NGUYỄN VĂN A</dd>
              <dt>{t('practiceVneid.level')}</dt>
              <dd data-testid="vneid-level">{t('practiceVneid.levelValue')}</dd>
            </dl>
          </Match>
        </Switch>
      </MockPhone>
      <Show when={stage() === 'account'}>
        <fieldset class="practice-question">
          <legend>{t('practiceVneid.askLevel')}</legend>
          <ChoiceList
            testidPrefix="vneid-level"
            disabled={levelKnown()}
            options={[
              { id: 'level1', label: t('practiceVneid.level1') },
              { id: 'level2', label: t('practiceVneid.level2') },
            ]}
            onChoose={chooseLevel}
          />
        </fieldset>
        <Show when={levelKnown()}>
          <fieldset class="practice-question">
            <legend>{t('practiceVneid.askUpgrade')}</legend>
            <ChoiceList
              testidPrefix="vneid-option"
              disabled={isDone()}
              options={[
                { id: 'link', label: t('practiceVneid.optLink') },
                { id: 'police', label: t('practiceVneid.optPolice') },
                { id: 'selfie', label: t('practiceVneid.optSelfie') },
              ]}
              onChoose={chooseUpgrade}
            />
          </fieldset>
        </Show>
      </Show>
      <Feedback verdict={verdict()} />
    </div>
  );
}
