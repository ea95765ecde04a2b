import { createSignal, For, Match, Show, Switch } from 'solid-js';
import { t } from '../../i18n/index.ts';
import { registerStrings } from '../../i18n/lazy-strings.ts';
import { ChoiceList, Feedback, focusStage, MockPhone, TaskCard, type Verdict } from '../parts.tsx';
import { findPersonalData } from '../personal-data.ts';
import type { SimulatorProps } from '../registry.ts';
import vi from '../../i18n/vi/lazy/practiceChatbot.json';
import en from '../../i18n/en/lazy/practiceChatbot.json';

registerStrings('practiceChatbot', { vi, en });

type Line = { from: 'bot' | 'me' | 'app'; text: string };
// ask: the learner asks; check: what to do with the answer; trap: the bot asks for private data.
type Stage = 'ask' | 'check' | 'trap' | 'done';
const ASK_WORDS = /khai sinh|bảo hiểm|bhyt|thẻ|birth|insurance/iu;
const k = (key: string) => t(`practiceChatbot.${key}`);

/**
 * A scripted, offline chatbot. The learner asks (a suggested question or
 * typed), gets a confident answer, and is rewarded for checking it at the
 * official source; when the bot asks for an ID number and OTP, the right move
 * is to refuse. Typed ID numbers, phone numbers, OTPs, passwords and health
 * details never reach the bot: the screen explains and keeps them out.
 */
export default function MockChatbot(props: SimulatorProps) {
  const [stage, setStage] = createSignal<Stage>('ask');
  const [lines, setLines] = createSignal<Line[]>([{ from: 'bot', text: k('hello') }]);
  const [draft, setDraft] = createSignal('');
  const [verdict, setVerdict] = createSignal<Verdict>(null);
  const say = (...more: Line[]) => setLines([...lines(), ...more]);

  function ask(text: string) {
    say({ from: 'me', text }, { from: 'bot', text: k('answer') });
    setVerdict(null);
    setStage('check');
    focusStage();
  }

  function send(e: Event) {
    e.preventDefault();
    const text = draft().trim();
    if (!text) return;
    const kind = findPersonalData(text, { health: true });
    if (kind) {
      setDraft('');
      say({ from: 'app', text: k('notSent') });
      return setVerdict({ ok: false, text: t(`practice.personal.${kind}`) });
    }
    setDraft('');
    if (stage() === 'ask' && ASK_WORDS.test(text)) return ask(text);
    say({ from: 'me', text }, { from: 'bot', text: k(stage() === 'trap' ? 'trapAgain' : 'onlyScripted') });
  }

  function check(id: string) {
    const ok = id === 'official';
    setVerdict({ ok, text: k(`check.${id}`) });
    if (!ok) return;
    say({ from: 'bot', text: k('trap') });
    setStage('trap');
    focusStage();
  }

  function answerTrap(id: string) {
    const ok = id === 'refuse';
    setVerdict({ ok, text: k(`trapAnswer.${id}`) });
    if (!ok) return;
    say({ from: 'me', text: k('trapChoice.refuse') });
    setStage('done');
    props.onDone();
  }

  return (
    <div class="simulator" data-testid="sim-mock-chatbot" data-stage={stage()}>
      <TaskCard>
        <p>{k('task')}</p>
      </TaskCard>
      <MockPhone app={k('app')}>
        <div role="log" aria-label={k('logLabel')} data-testid="chat-log">
          <ol class="chat-log">
            <For each={lines()}>
              {(line) => (
                <li class={`chat-line chat-${line.from}`}>
                  <span class="visually-hidden">{k(`who.${line.from}`)}: </span>
                  {line.text}
                </li>
              )}
            </For>
          </ol>
        </div>
        <Switch>
          <Match when={stage() === 'ask'}>
            <p class="mock-title">{k('suggestLabel')}</p>
            <button type="button" class="choice" data-testid="chat-suggested" onClick={() => ask(k('suggested'))}>
              {k('suggested')}
            </button>
          </Match>
          <Match when={stage() === 'check'}>
            <p class="mock-title stage-focus" tabindex="-1">
              {k('checkQuestion')}
            </p>
            <ChoiceList
              testidPrefix="chat-check"
              onChoose={check}
              options={['follow', 'official', 'sendId'].map((id) => ({ id, label: k(`checkChoice.${id}`) }))}
            />
          </Match>
          <Match when={stage() === 'trap'}>
            <p class="mock-title stage-focus" tabindex="-1">
              {k('trapQuestion')}
            </p>
            <ChoiceList testidPrefix="chat-trap" onChoose={answerTrap} options={['send', 'refuse'].map((id) => ({ id, label: k(`trapChoice.${id}`) }))} />
          </Match>
        </Switch>
        <Show when={stage() !== 'done'}>
          <form class="chat-form" novalidate onSubmit={send}>
            <label for="chat-input">{k('inputLabel')}</label>
            <div class="chat-row">
              <input id="chat-input" data-testid="chat-input" autocomplete="off" value={draft()} onInput={(e) => setDraft(e.currentTarget.value)} />
              <button type="submit" class="button" data-testid="chat-send">
                {k('send')}
              </button>
            </div>
          </form>
        </Show>
      </MockPhone>
      <Feedback verdict={verdict()} />
    </div>
  );
}
