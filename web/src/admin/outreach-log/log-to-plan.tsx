// "Ghi vào nhật ký tuyên truyền" under an item the studio published: a card
// (where it was posted), an LED screen (the days and the screen-hours its loop
// ran) or a poster (the copies printed). One tap sends it with the item's
// link; the server logs it once (server/routes/outreach-log.ts). Shown only to
// a unit officer, whose unit the log is. Needs the network, and says so. For
// a screen, the hours it (or all the screens ticked) was on over the days
// chosen, counted from the heartbeats, go into the form in one tap (screen-hours.tsx).
import { createEffect, createResource, createSignal, For, on, Show } from 'solid-js';
import { CARD_SUB_FORMS, OUTREACH_COUNTS } from '../../../../shared/outreach/outreach-log.ts';
import { vietnamDay } from '../../../../shared/resident/home-plan.ts';
import { t } from '../../i18n/index.ts';
import { errorText } from '../../net/error-message.ts';
import { outreachLogApi, type PublishedItem } from './log-api.ts';
import { ScreenHours, type ScreenName } from './screen-hours.tsx';

type CardSubForm = (typeof CARD_SUB_FORMS)[number];

const ERRORS = {
  offline: 'studio.log.offline',
  failed: 'studio.log.failed',
  byCode: { no_plan_form: 'studio.log.errors.no_plan_form', not_yet: 'studio.log.errors.not_yet', no_unit: 'studio.log.errors.no_unit' },
} as const;

/** The whole form, for a unit officer; nothing for anyone else (or when the role cannot be read). */
export function LogToPlan(props: { channel: 'card' | 'screen' | 'poster'; item: PublishedItem | null; today?: string; screenId?: string; screens?: readonly ScreenName[] }) {
  const [me] = createResource(() => outreachLogApi.me().catch(() => null));
  return (
    <Show when={me()?.role === 'unit' && props.item}>
      {(item) => <LogForm channel={props.channel} item={item()} today={props.today ?? vietnamDay(Date.now())} screenId={props.screenId} screens={props.screens ?? []} />}
    </Show>
  );
}

function LogForm(props: { channel: 'card' | 'screen' | 'poster'; item: PublishedItem; today: string; screenId?: string; screens: readonly ScreenName[] }) {
  const [subForm, setSubForm] = createSignal<CardSubForm>('zalo-post');
  const [startsOn, setStartsOn] = createSignal(props.today);
  const [endsOn, setEndsOn] = createSignal(props.today);
  const [count, setCount] = createSignal('');
  const [postLink, setPostLink] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const [said, setSaid] = createSignal('');
  const [problem, setProblem] = createSignal('');
  // Another item chosen: what was said was about the last one.
  createEffect(on(() => props.item.source, () => { setSaid(''); setProblem(''); }, { defer: true }));

  const body = () => {
    const common = { ...props.item, startsOn: startsOn() };
    if (props.channel === 'card') return { ...common, channel: 'card' as const, subFormId: subForm(), ...(postLink().trim() ? { postLink: postLink().trim() } : {}) };
    if (props.channel === 'screen') return { ...common, channel: 'screen' as const, endsOn: endsOn(), screenHours: Number(count()) };
    return { ...common, channel: 'poster' as const, copies: Number(count()) };
  };
  const submit = async (e: Event) => {
    e.preventDefault();
    setSaid('');
    setProblem('');
    setBusy(true);
    try {
      const logged = await outreachLogApi.log(body());
      setSaid(t(logged.created ? 'studio.log.logged' : 'studio.log.already'));
    } catch (err) {
      setProblem(errorText(err, ERRORS));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="outreach-log" onSubmit={(e) => void submit(e)} data-testid={`log-${props.channel}`}>
      <fieldset>
        <legend>{t('studio.log.title')}</legend>
        <p class="hint">{t(`studio.log.intro.${props.channel}`)}</p>
        <Show when={props.channel === 'card'}>
          <label>
            {t('studio.log.where')}
            <select name="sub-form" value={subForm()} onChange={(e) => setSubForm(e.currentTarget.value as CardSubForm)}>
              <For each={CARD_SUB_FORMS}>{(s) => <option value={s}>{t(`studio.log.subForms.${s}`)}</option>}</For>
            </select>
          </label>
        </Show>
        <label>
          {t(props.channel === 'screen' ? 'studio.log.from' : props.channel === 'poster' ? 'studio.log.printedOn' : 'studio.log.postedOn')}
          <input type="date" name="starts-on" required max={props.today} value={startsOn()} onInput={(e) => setStartsOn(e.currentTarget.value)} />
        </label>
        <Show when={props.channel === 'screen'}>
          <label>
            {t('studio.log.until')}
            <input type="date" name="ends-on" required min={startsOn()} value={endsOn()} onInput={(e) => setEndsOn(e.currentTarget.value)} />
          </label>
        </Show>
        <Show when={props.channel !== 'card'}>
          <label>
            {t(props.channel === 'screen' ? 'studio.log.screenHours' : 'studio.log.copies')}
            <input
              type="number"
              name="count"
              inputMode="numeric"
              required
              min={1}
              max={props.channel === 'screen' ? OUTREACH_COUNTS.screenHours : OUTREACH_COUNTS.copies}
              step={1}
              value={count()}
              onInput={(e) => setCount(e.currentTarget.value)}
            />
          </label>
          <Show when={props.channel === 'screen' && props.screenId}>
            {(id) => <ScreenHours screenId={id()} screens={props.screens} from={startsOn()} to={endsOn()} onUse={(h) => setCount(String(h))} />}
          </Show>
          <Show when={props.channel === 'screen'}>
            <p class="hint">{t('studio.log.screenHoursHelp')}</p>
          </Show>
        </Show>
        <Show when={props.channel === 'card'}>
          <label>
            {t('studio.log.postLink')}
            <input type="url" name="post-link" placeholder="https://" value={postLink()} onInput={(e) => setPostLink(e.currentTarget.value)} />
          </label>
        </Show>
        <p class="hint">{t('studio.log.link', { link: props.item.link })}</p>
        <button type="submit" class="button" disabled={busy()}>
          {t('studio.log.submit')}
        </button>
        <p role="status">{said()}</p>
        <Show when={problem()}>
          <p class="notice" role="alert">{problem()}</p>
        </Show>
      </fieldset>
    </form>
  );
}
