import { createSignal, For, Match, Show, Switch } from 'solid-js';
import { t } from '../../i18n/index.ts';
import { registerStrings } from '../../i18n/lazy-strings.ts';
import { ChoiceList, Feedback, focusStage, MockPhone, TaskCard, type Verdict } from '../parts.tsx';
import type { SimulatorProps } from '../registry.ts';
import vi from '../../i18n/vi/lazy/practiceSalesLog.json';
import en from '../../i18n/en/lazy/practiceSalesLog.json';

registerStrings('practiceSalesLog', { vi, en });

type Step = 'record' | 'check' | 'backup';
type Stage = Step | 'done';
const RIGHT: Record<Step, string> = { record: 'full', check: 'match', backup: 'email' };
const CHOICES: Record<Step, string[]> = {
  record: ['short', 'full', 'customer'],
  check: ['short', 'match', 'skip'],
  backup: ['group', 'email', 'none'],
};
const ROWS = ['noodles', 'oil', 'sugar'];
const NEXT = { record: 'check', check: 'backup', backup: 'done' } as const;
const k = (key: string) => t(`practiceSalesLog.${key}`);

/**
 * A household shop's sales record on the phone: write one line with date,
 * item, quantity, amount and how it was paid (not the customer's name or
 * phone); at the end of the day check cash plus bank transfers against the
 * total; back it up weekly somewhere of your own, never in a group. The
 * amounts are made up; nothing is typed.
 */
export default function SalesLog(props: SimulatorProps) {
  const [stage, setStage] = createSignal<Stage>('record');
  const [verdict, setVerdict] = createSignal<Verdict>(null);

  function choose(s: Step, id: string) {
    const ok = id === RIGHT[s];
    setVerdict({ ok, text: k(`${s}.${id}`) });
    if (!ok) return;
    setStage(NEXT[s]);
    if (NEXT[s] === 'done') return props.onDone();
    focusStage();
  }

  const question = (s: Step) => (
    <fieldset class="practice-question">
      <legend class="stage-focus" tabindex="-1">
        {k(`${s}Question`)}
      </legend>
      <ChoiceList testidPrefix={`sales-${s}`} onChoose={(id) => choose(s, id)} options={CHOICES[s].map((id) => ({ id, label: k(`${s}Choice.${id}`) }))} />
    </fieldset>
  );

  return (
    <div class="simulator" data-testid="sim-sales-log" data-stage={stage()}>
      <TaskCard>
        <p>{k('task')}</p>
      </TaskCard>
      <MockPhone app={k('app')}>
        <Show when={stage() === 'record'} fallback={
          <div data-testid="sales-day">
            <p class="mock-title">{k('dayTitle')}</p>
            <ul>
              <For each={ROWS}>{(row) => <li>{k(`rows.${row}`)}</li>}</For>
            </ul>
            <p><strong>{k('total')}</strong></p>
            <p>{k('cash')}</p>
            <p class="mock-sms">{k('bank')}</p>
          </div>
        }>
          <p class="mock-sms" data-testid="sales-sale">{k('sale')}</p>
        </Show>
        <Show when={stage() === 'done'}>
          <p data-testid="sales-saved">
            <span aria-hidden="true">✓ </span>
            {k('saved')}
          </p>
        </Show>
      </MockPhone>
      <Switch>
        <Match when={stage() === 'record'}>{question('record')}</Match>
        <Match when={stage() === 'check'}>{question('check')}</Match>
        <Match when={stage() === 'backup'}>{question('backup')}</Match>
      </Switch>
      <Feedback verdict={verdict()} />
    </div>
  );
}
