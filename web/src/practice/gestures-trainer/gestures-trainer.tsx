import { createSignal, For, Match, Show, Switch } from 'solid-js';
import { t } from '../../i18n/index.ts';
import { registerStrings } from '../../i18n/lazy-strings.ts';
import { Feedback, TaskCard, type Verdict } from '../parts.tsx';
import type { SimulatorProps } from '../registry.ts';
import vi from '../../i18n/vi/lazy/practiceGestures.json';
import en from '../../i18n/en/lazy/practiceGestures.json';

registerStrings('practiceGestures', { vi, en });

const STEPS = ['tap', 'hold', 'swipe', 'zoom'] as const;
type Step = (typeof STEPS)[number];
export const HOLD_MS = 600;
const SWIPE_PX = 40;
const PICTURES = ['🌾', '🏞️', '🐃'];
const k = (key: string, o?: Record<string, unknown>) => t(`practiceGestures.${key}`, o);

/**
 * The four gestures of the lesson on one big target each: tap, long-press,
 * swipe and two-finger zoom. Every gesture has a keyboard and a button
 * equivalent (long-press: hold Enter, or the context-menu key; swipe: arrow
 * keys or buttons; zoom: + and − keys or buttons), so no one is stuck for
 * want of a touch screen or two free fingers.
 */
export default function GesturesTrainer(props: SimulatorProps) {
  const [index, setIndex] = createSignal(0);
  const [done, setDone] = createSignal<Step[]>([]);
  const [verdict, setVerdict] = createSignal<Verdict>(null);
  const [picture, setPicture] = createSignal(0);
  const [zoom, setZoom] = createSignal(1);
  const step = () => STEPS[index()];
  const isDone = (s: Step) => done().includes(s);
  let holdTimer: ReturnType<typeof setTimeout> | undefined;
  let holdFired = false;
  let startX: number | null = null;
  const pointers = new Map<number, { x: number; y: number }>();
  let pinchFrom = 0;

  function succeed(s: Step) {
    if (step() !== s || isDone(s)) return;
    setDone([...done(), s]);
    setVerdict({ ok: true, text: k(`${s}.right`) });
    if (done().length === STEPS.length) props.onDone();
  }

  function next() {
    setVerdict(null);
    setIndex(index() + 1);
    document.getElementById('gesture-pad')?.focus();
  }

  // Long-press: a held pointer or Enter key, or the system's own long-press/context-menu event.
  function holdStart() {
    holdFired = false;
    clearTimeout(holdTimer);
    holdTimer = setTimeout(() => {
      holdFired = true;
      succeed('hold');
    }, HOLD_MS);
  }
  function holdEnd() {
    clearTimeout(holdTimer);
    if (!holdFired && !isDone('hold')) setVerdict({ ok: false, text: k('hold.tooShort') });
  }

  function showPicture(n: number) {
    setPicture(Math.max(0, Math.min(PICTURES.length - 1, n)));
    if (picture() === PICTURES.length - 1) succeed('swipe');
  }

  function setScale(z: number) {
    setZoom(Math.max(1, Math.min(3, Math.round(z * 4) / 4)));
    if (zoom() >= 2) succeed('zoom');
  }
  const spread = () => {
    const [a, b] = [...pointers.values()];
    return Math.hypot(a.x - b.x, a.y - b.y);
  };

  function onPointerDown(e: PointerEvent) {
    // Keep receiving the pointer when a swipe ends outside the target.
    (e.currentTarget as Element).setPointerCapture?.(e.pointerId);
    pointers.set(e.pointerId, { x: e.clientX, y: e.clientY });
    if (step() === 'hold') holdStart();
    if (step() === 'swipe') startX = e.clientX;
    if (step() === 'zoom' && pointers.size === 2) pinchFrom = spread();
  }
  function onPointerMove(e: PointerEvent) {
    if (!pointers.has(e.pointerId)) return;
    pointers.set(e.pointerId, { x: e.clientX, y: e.clientY });
    if (step() === 'zoom' && pointers.size === 2 && pinchFrom > 0) setScale(zoom() * (spread() / pinchFrom)), (pinchFrom = spread());
  }
  function onPointerUp(e: PointerEvent) {
    pointers.delete(e.pointerId);
    if (step() === 'hold') holdEnd();
    if (step() === 'swipe' && startX !== null) {
      const dx = e.clientX - startX;
      if (Math.abs(dx) >= SWIPE_PX) showPicture(picture() + (dx < 0 ? 1 : -1));
      startX = null;
    }
  }

  function onKeyDown(e: KeyboardEvent) {
    const s = step();
    if (s === 'hold' && (e.key === 'Enter' || e.key === ' ')) {
      e.preventDefault();
      if (!e.repeat) holdStart();
    } else if (s === 'swipe' && (e.key === 'ArrowRight' || e.key === 'ArrowLeft')) {
      e.preventDefault();
      showPicture(picture() + (e.key === 'ArrowRight' ? 1 : -1));
    } else if (s === 'zoom' && ['+', '=', '-'].includes(e.key)) {
      e.preventDefault();
      setScale(zoom() + (e.key === '-' ? -0.25 : 0.25));
    }
  }
  function onKeyUp(e: KeyboardEvent) {
    if (step() === 'hold' && (e.key === 'Enter' || e.key === ' ')) holdEnd();
  }

  return (
    <div class="simulator" data-testid="sim-gestures-trainer" data-step={step()}>
      <TaskCard>
        <p>{k('task')}</p>
      </TaskCard>
      <ol class="gesture-progress" aria-label={k('progress', { done: done().length, total: STEPS.length })} data-testid="gesture-progress">
        <For each={STEPS}>
          {(s) => (
            <li aria-current={step() === s ? 'step' : undefined}>
              <span aria-hidden="true">{isDone(s) ? '✓ ' : '○ '}</span>
              {k(`${s}.name`)}
              <span class="visually-hidden">{isDone(s) ? ` (${k('doneMark')})` : ''}</span>
            </li>
          )}
        </For>
      </ol>
      <h3>{k(`${step()}.title`)}</h3>
      <p id="gesture-how">{k(`${step()}.how`)}</p>
      <p class="muted" id="gesture-keys">
        {k(`${step()}.keys`)}
      </p>
      <button
        type="button"
        id="gesture-pad"
        class="gesture-pad"
        data-testid="gesture-pad"
        aria-label={k(`${step()}.target`)}
        aria-describedby="gesture-how gesture-keys gesture-state"
        onClick={() => (step() === 'tap' ? succeed('tap') : undefined)}
        onContextMenu={(e) => {
          if (step() !== 'hold') return;
          e.preventDefault();
          holdFired = true;
          succeed('hold');
        }}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={(e) => (pointers.delete(e.pointerId), clearTimeout(holdTimer))}
        onKeyDown={onKeyDown}
        onKeyUp={onKeyUp}
      >
        <Switch>
          <Match when={step() === 'swipe'}>
            <span class="gesture-zoom" aria-hidden="true">
              {PICTURES[picture()]}
            </span>
          </Match>
          <Match when={step() === 'zoom'}>
            <span class="gesture-zoom" style={{ transform: `scale(${zoom()})` }} aria-hidden="true">
              🔍
            </span>
          </Match>
          <Match when={true}>{k(`${step()}.target`)}</Match>
        </Switch>
      </button>
      <p id="gesture-state" aria-live="polite" data-testid="gesture-state">
        <Show when={step() === 'swipe'}>{k('swipe.state', { n: picture() + 1, total: PICTURES.length })}</Show>
        <Show when={step() === 'zoom'}>{k('zoom.state', { percent: Math.round(zoom() * 100) })}</Show>
        <Show when={step() === 'hold' && isDone('hold')}>{k('hold.menu')}</Show>
      </p>
      <Show when={step() === 'swipe' || step() === 'zoom'}>
        <div class="draft-buttons">
          <button type="button" class="button secondary" data-testid="gesture-less" onClick={() => (step() === 'swipe' ? showPicture(picture() - 1) : setScale(zoom() - 0.25))}>
            {k(`${step()}.less`)}
          </button>
          <button type="button" class="button secondary" data-testid="gesture-more" onClick={() => (step() === 'swipe' ? showPicture(picture() + 1) : setScale(zoom() + 0.25))}>
            {k(`${step()}.more`)}
          </button>
        </div>
      </Show>
      <Feedback verdict={verdict()} />
      <Show when={isDone(step()) && index() < STEPS.length - 1}>
        <div class="nav-buttons">
          <button type="button" class="button" data-testid="gesture-next" onClick={next}>
            {k('next')} →
          </button>
        </div>
      </Show>
    </div>
  );
}
