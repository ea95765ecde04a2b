import { createSignal, Match, Show, Switch } from 'solid-js';
import { t } from '../../i18n/index.ts';
import { registerStrings } from '../../i18n/lazy-strings.ts';
import { ChoiceList, Feedback, focusStage, MockPhone, TaskCard, type Verdict } from '../parts.tsx';
import type { SimulatorProps } from '../registry.ts';
import vi from '../../i18n/vi/lazy/practiceParent.json';
import en from '../../i18n/en/lazy/practiceParent.json';

registerStrings('practiceParent', { vi, en });

// first: what to do with the message; show: whom to tell; report: where to report it together.
type Stage = 'first' | 'show' | 'report' | 'done';
const RIGHT: Record<Exclude<Stage, 'done'>, string> = { first: 'screenshot', show: 'parent', report: 'sms5656' };
const CHOICES: Record<Exclude<Stage, 'done'>, string[]> = {
  first: ['reply', 'delete', 'screenshot'],
  show: ['keepSecret', 'classGroup', 'parent'],
  report: ['call156', 'sms5656', 'replySender'],
};
const NEXT = { first: 'show', show: 'report', report: 'done' } as const;
const k = (key: string) => t(`practiceParent.${key}`);

/**
 * For 12–18: a scam text (a fake scholarship asking for a fee and for secrecy).
 * The right moves, in order: do not reply but keep a screenshot, show a parent
 * or an adult you trust, then report it together (a scam text goes to 5656;
 * 156 is for calls). Nothing is typed.
 */
export default function ShowAParent(props: SimulatorProps) {
  const [stage, setStage] = createSignal<Stage>('first');
  const [verdict, setVerdict] = createSignal<Verdict>(null);

  function choose(s: Exclude<Stage, 'done'>, id: string) {
    const ok = id === RIGHT[s];
    setVerdict({ ok, text: k(`${s}.${id}`) });
    if (!ok) return;
    setStage(NEXT[s]);
    if (NEXT[s] === 'done') return props.onDone();
    focusStage();
  }

  const question = (s: Exclude<Stage, 'done'>) => (
    <fieldset class="practice-question">
      <legend class="stage-focus" tabindex="-1">
        {k(`${s}Question`)}
      </legend>
      <ChoiceList testidPrefix={`parent-${s}`} onChoose={(id) => choose(s, id)} options={CHOICES[s].map((id) => ({ id, label: k(`${s}Choice.${id}`) }))} />
    </fieldset>
  );

  return (
    <div class="simulator" data-testid="sim-show-a-parent" data-stage={stage()}>
      <TaskCard>
        <p>{k('task')}</p>
      </TaskCard>
      <MockPhone app={k('app')}>
        <article class="mock-sms" aria-label={k('app')}>
          <p class="mock-sms-from">{k('from')}</p>
          <p data-testid="parent-message">{k('message')}</p>
        </article>
        <Show when={stage() !== 'first'}>
          <p class="muted" data-testid="parent-screenshot">
            <span aria-hidden="true">📷 </span>
            {k('shotTaken')}
          </p>
        </Show>
      </MockPhone>
      <Show when={stage() === 'report' || stage() === 'done'}>
        <p class="callout" data-testid="parent-says">
          {k('parentSays')}
        </p>
      </Show>
      <Switch>
        <Match when={stage() === 'first'}>{question('first')}</Match>
        <Match when={stage() === 'show'}>{question('show')}</Match>
        <Match when={stage() === 'report'}>{question('report')}</Match>
      </Switch>
      <Feedback verdict={verdict()} />
    </div>
  );
}
