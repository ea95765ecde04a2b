// Staff log false or misleading information seen on a social network. Only
// the post's public link identifies it: the form says so and has no field
// for a name, an account or a phone number. Links are http(s) only, checked
// here and again by the server. A screenshot of the post may be attached.
import { createSignal, For, Show } from 'solid-js';
import type { Plan } from '../../../shared/plans/schema.ts';
import {
  HTTP_LINK_PATTERN,
  MISINFO_ACTIONS,
  MISINFO_STATUSES,
  PLATFORMS,
  vietnamToday,
  type MisinfoAction,
  type MisinfoStatus,
  type Platform,
} from '../../../shared/registers/constants.ts';
import type { Misinfo, MisinfoInput } from '../../../shared/registers/schema.ts';
import { t } from '../i18n/index.ts';
import { ItemSelect, SaveLine } from './form-parts.tsx';
import { createSaveState } from './save-state.ts';
import { ScreenshotField } from './screenshot-field.tsx';

export function MisinfoForm(props: { plan: Plan; entry?: Misinfo; onSubmit: (input: MisinfoInput) => Promise<unknown>; onCancel?: () => void; upload?: (file: File) => Promise<string> }) {
  const e = props.entry;
  const [itemCode, setItemCode] = createSignal(e?.itemCode ?? '');
  const [platform, setPlatform] = createSignal<Platform>(e?.platform ?? 'facebook');
  const [link, setLink] = createSignal(e?.link ?? '');
  const [seenOn, setSeenOn] = createSignal(e?.seenOn ?? vietnamToday());
  const [description, setDescription] = createSignal(e?.description ?? '');
  const [assessment, setAssessment] = createSignal(e?.assessment ?? '');
  const [action, setAction] = createSignal<MisinfoAction>(e?.action ?? 'none');
  const [correctionLink, setCorrectionLink] = createSignal(e?.correctionLink ?? '');
  const [actionOn, setActionOn] = createSignal(e?.actionOn ?? vietnamToday());
  const [status, setStatus] = createSignal<MisinfoStatus>(e?.status ?? 'open');
  const [closedOn, setClosedOn] = createSignal(e?.closedOn ?? vietnamToday());
  const [screenshot, setScreenshot] = createSignal<string | null>(e?.screenshotFile ?? null);
  const save = createSaveState();
  const isLink = (s: string) => HTTP_LINK_PATTERN.test(s.trim());

  const clear = () => {
    for (const set of [setLink, setDescription, setAssessment, setCorrectionLink, setItemCode]) set('');
    setAction('none');
    setStatus('open');
    setScreenshot(null);
  };

  return (
    <form
      class="register-card"
      data-testid="misinfo-form"
      onSubmit={(ev) => {
        ev.preventDefault();
        const corrected = action() === 'corrected';
        if (!isLink(link()) || (corrected && !isLink(correctionLink()))) return save.refuse(t('registers.misinfo.badLink'));
        const input: MisinfoInput = {
          planId: props.plan.id,
          itemCode: itemCode() || null,
          platform: platform(),
          link: link().trim(),
          seenOn: seenOn(),
          description: description().trim(),
          assessment: assessment().trim(),
          action: action(),
          correctionLink: corrected ? correctionLink().trim() : null,
          actionOn: action() === 'none' ? null : actionOn(),
          status: status(),
          closedOn: status() === 'closed' ? closedOn() : null,
          // Uploaded when chosen (screenshot-field.tsx); the entry names it by its stored hash.
          screenshotFile: screenshot(),
        };
        void save.run(() => props.onSubmit(input), e ? undefined : clear);
      }}
    >
      <h2>{t(e ? 'registers.misinfo.editTitle' : 'registers.misinfo.formTitle')}</h2>
      <p class="banner" role="note" data-testid="misinfo-privacy">{t('registers.misinfo.privacy')}</p>
      <label>
        {t('registers.misinfo.platform')}
        <select name="platform" value={platform()} onChange={(ev) => setPlatform(ev.currentTarget.value as Platform)}>
          <For each={PLATFORMS}>{(p) => <option value={p}>{t(`registers.misinfo.platforms.${p}`)}</option>}</For>
        </select>
      </label>
      <label>
        {t('registers.misinfo.link')}
        <input name="link" type="url" inputmode="url" required maxLength={2000} value={link()} onInput={(ev) => setLink(ev.currentTarget.value)} />
      </label>
      <label>
        {t('registers.misinfo.seenOn')}
        <input name="seenOn" type="date" required value={seenOn()} onInput={(ev) => setSeenOn(ev.currentTarget.value)} />
      </label>
      <ItemSelect plan={props.plan} value={itemCode()} onChange={setItemCode} />
      <ScreenshotField value={screenshot()} onChange={setScreenshot} upload={props.upload} />
      <label>
        {t('registers.misinfo.description')}
        <textarea name="description" rows={3} required maxLength={1000} value={description()} onInput={(ev) => setDescription(ev.currentTarget.value)} />
      </label>
      <label>
        {t('registers.misinfo.assessment')}
        <textarea name="assessment" rows={2} required maxLength={1000} value={assessment()} onInput={(ev) => setAssessment(ev.currentTarget.value)} />
      </label>
      <label>
        {t('registers.misinfo.action')}
        <select name="action" value={action()} onChange={(ev) => setAction(ev.currentTarget.value as MisinfoAction)}>
          <For each={MISINFO_ACTIONS}>{(a) => <option value={a}>{t(`registers.misinfo.actions.${a}`)}</option>}</For>
        </select>
      </label>
      <Show when={action() === 'corrected'}>
        <label>
          {t('registers.misinfo.correctionLink')}
          <input name="correctionLink" type="url" inputmode="url" required maxLength={2000} value={correctionLink()} onInput={(ev) => setCorrectionLink(ev.currentTarget.value)} />
        </label>
      </Show>
      <Show when={action() !== 'none'}>
        <label>
          {t('registers.misinfo.actionOn')}
          <input name="actionOn" type="date" required min={seenOn()} value={actionOn()} onInput={(ev) => setActionOn(ev.currentTarget.value)} />
        </label>
      </Show>
      <label>
        {t('registers.misinfo.status')}
        <select name="status" value={status()} onChange={(ev) => setStatus(ev.currentTarget.value as MisinfoStatus)}>
          <For each={MISINFO_STATUSES}>{(s) => <option value={s}>{t(`registers.misinfo.statuses.${s}`)}</option>}</For>
        </select>
      </label>
      <Show when={status() === 'closed'}>
        <label>
          {t('registers.misinfo.closedOn')}
          <input name="closedOn" type="date" required min={seenOn()} value={closedOn()} onInput={(ev) => setClosedOn(ev.currentTarget.value)} />
        </label>
      </Show>
      <div class="register-actions">
        <button type="submit" class="button" disabled={save.busy()}>{t('registers.misinfo.save')}</button>
        <Show when={props.onCancel}>
          <button type="button" class="button secondary" onClick={() => props.onCancel?.()}>{t('registers.cancel')}</button>
        </Show>
      </div>
      <SaveLine state={save} />
    </form>
  );
}
