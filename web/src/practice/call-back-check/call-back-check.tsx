import { createSignal, Match, Switch } from 'solid-js';
import { t } from '../../i18n/index.ts';
import { registerStrings } from '../../i18n/lazy-strings.ts';
import { ChoiceList, Feedback, focusStage, MockPhone, TaskCard, type Verdict } from '../parts.tsx';
import type { SimulatorProps } from '../registry.ts';
import vi from '../../i18n/vi/lazy/practiceCallback.json';
import en from '../../i18n/en/lazy/practiceCallback.json';

registerStrings('practiceCallback', { vi, en });

type Stage = 'call' | 'check' | 'answer';
const k = (key: string) => t(`practiceCallback.${key}`);

/**
 * A call claiming to be social insurance asks for the OTP. The right moves:
 * give nothing and hang up, then check with the ward or the insurance office
 * through a number the learner finds themselves, never the caller's own
 * number or the link in a message. Nothing is typed: there is no field for a
 * real code or number to go into.
 */
export default function CallBackCheck(props: SimulatorProps) {
  const [stage, setStage] = createSignal<Stage>('call');
  const [verdict, setVerdict] = createSignal<Verdict>(null);

  function onCall(id: string) {
    setVerdict({ ok: id === 'hangUp', text: k(`call.${id}`) });
    if (id === 'hangUp') (setStage('check'), focusStage());
  }

  function onCheck(id: string) {
    setVerdict({ ok: id === 'ward', text: k(`check.${id}`) });
    if (id !== 'ward') return;
    setStage('answer');
    focusStage();
    props.onDone();
  }

  return (
    <div class="simulator" data-testid="sim-call-back-check" data-stage={stage()}>
      <TaskCard>
        <p>{k('task')}</p>
      </TaskCard>
      <Switch>
        <Match when={stage() === 'call'}>
          <MockPhone app={k('app')} testid="callback-call">
            <p class="mock-title">{k('caller')}</p>
            <p class="mock-sms" data-testid="callback-caller-says">
              {k('callerSays')}
            </p>
          </MockPhone>
          <fieldset class="practice-question">
            <legend>{k('callQuestion')}</legend>
            <ChoiceList testidPrefix="callback-call" onChoose={onCall} options={['readOtp', 'askNumber', 'hangUp'].map((id) => ({ id, label: k(`callChoice.${id}`) }))} />
          </fieldset>
        </Match>
        <Match when={stage() === 'check'}>
          <p class="stage-focus" tabindex="-1">
            {k('hungUp')}
          </p>
          <fieldset class="practice-question">
            <legend>{k('checkQuestion')}</legend>
            <ChoiceList testidPrefix="callback-check" onChoose={onCheck} options={['redial', 'smsLink', 'ward'].map((id) => ({ id, label: k(`checkChoice.${id}`) }))} />
          </fieldset>
        </Match>
        <Match when={stage() === 'answer'}>
          <MockPhone app={k('wardTitle')} testid="callback-ward">
            <p class="stage-focus" tabindex="-1" data-testid="callback-ward-says">
              {k('wardSays')}
            </p>
          </MockPhone>
        </Match>
      </Switch>
      <Feedback verdict={verdict()} />
    </div>
  );
}
