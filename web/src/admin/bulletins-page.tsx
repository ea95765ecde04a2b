import { createEffect, createMemo, createSignal, For, Show } from 'solid-js';
import { DEFAULT_SYLLABLES_PER_MINUTE, readingSeconds, SPEAKING_RATE, speechProblems, syllables, toSpoken } from '../../../shared/outreach/spoken.ts';
import { createSpeech } from '../a11y/speech.ts';
import { t } from '../i18n/index.ts';
import { AdminNav, StudioNav } from './admin-nav.tsx';
import { BulletinSource, type BulletinKind } from './bulletin-source.tsx';
import { SaveBulletin } from './bulletin-schedule/save-bulletin.tsx';
import { loadBulletinDraft, saveBulletinDraft } from './bulletin-draft.ts';
import './strings.ts';
import '../styles/ward-admin.css';
import '../styles/bulletins.css';

type Kind = BulletinKind;

export const durationText = (seconds: number) => {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return m > 0 ? t('bulletins.duration', { m, s }) : t('bulletins.durationSeconds', { s });
};

/** A safe file name from a headline: letters without accents, digits and hyphens. */
export const fileNameOf = (title: string) =>
  (title.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'ban-tin') + '.txt';

/** Office: compose a loudspeaker bulletin once, export it for text-to-speech or print it for a reader. */
export default function BulletinsPage() {
  // The draft left on this device last time, if any: writing goes on offline and survives a reload.
  const kept = loadBulletinDraft();
  const [kind, setKind] = createSignal<Kind>(kept?.kind ?? 'news');
  const [title, setTitle] = createSignal(kept?.title ?? '');
  const [body, setBody] = createSignal(kept?.body ?? '');
  const [rate, setRate] = createSignal(kept?.rate ?? DEFAULT_SYLLABLES_PER_MINUTE);
  createEffect(() => saveBulletinDraft({ kind: kind(), title: title(), body: body(), rate: rate() }));
  const speech = createSpeech();
  const text = () => [title(), body()].filter(Boolean).join('.\n\n');
  const seconds = createMemo(() => readingSeconds(text(), rate()));
  const problems = createMemo(() => speechProblems(text()));

  const download = () => {
    const blob = new Blob([`${text()}\n`], { type: 'text/plain;charset=utf-8' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = fileNameOf(title());
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  };

  return (
    <div class="ward-admin bulletins-page">
      <div class="no-print">
        <AdminNav />
        <StudioNav />
        <h1>{t('bulletins.title')}</h1>
        <p>{t('bulletins.intro')}</p>
        {/* The kind first: the blank start is that kind's template. */}
        <label class="bulletin-kind">
          {t('bulletins.kind')}
          <select value={kind()} onChange={(e) => setKind(e.currentTarget.value as Kind)}>
            <For each={['news', 'article', 'column'] as Kind[]}>{(k) => <option value={k}>{t(`bulletins.kinds.${k}`)}</option>}</For>
          </select>
        </label>
        <BulletinSource
          bulletinKind={kind()}
          onInsert={(newTitle, newText) => {
            if (newTitle) setTitle(newTitle);
            setBody((cur) => (cur.trim() ? `${cur.trim()}\n\n${newText}` : newText));
          }}
        />
        <form class="bulletin-form" onSubmit={(e) => e.preventDefault()}>
          <label>
            {t('bulletins.headline')}
            <input name="title" maxLength={200} value={title()} onInput={(e) => setTitle(e.currentTarget.value)} />
          </label>
          <label>
            {t('bulletins.body')}
            <textarea name="body" rows={16} value={body()} onInput={(e) => setBody(e.currentTarget.value)} />
          </label>
          <button type="button" class="button secondary" onClick={() => { setTitle(toSpoken(title())); setBody(toSpoken(body())); }}>
            {t('bulletins.convert')}
          </button>
          <label>
            {t('bulletins.rate')}
            <input type="number" min={SPEAKING_RATE.min} max={SPEAKING_RATE.max} step={10} value={rate()} onInput={(e) => setRate(Math.min(SPEAKING_RATE.max, Math.max(SPEAKING_RATE.min, e.currentTarget.valueAsNumber || DEFAULT_SYLLABLES_PER_MINUTE)))} />
          </label>
          <p class="hint">{t('bulletins.rateNote')}</p>
          <p class="hint" data-testid="bulletin-draft-kept">{t('bulletins.draftKept')}</p>
          <p role="status" data-testid="bulletin-length">{t('bulletins.length', { syllables: syllables(text()), duration: durationText(seconds()) })}</p>
          <Show when={body().trim()}>
            <Show when={problems().length > 0} fallback={<p class="bulletin-ok">{t('bulletins.noProblems')}</p>}>
              <div class="notice" role="alert" data-testid="bulletin-problems">
                <p>{t('bulletins.problems')}</p>
                <ul>
                  <For each={problems()}>{(p) => <li>{p}</li>}</For>
                </ul>
              </div>
            </Show>
          </Show>
          <div class="bulletin-actions">
            <Show when={speech.canSpeak('vi')} fallback={<p class="hint">{t('bulletins.noVoice')}</p>}>
              <Show when={speech.speaking() === null} fallback={<button type="button" class="button secondary" onClick={() => speech.stop()}>{t('bulletins.stop')}</button>}>
                <button type="button" class="button secondary" disabled={!body().trim()} onClick={() => speech.speak('bulletin', text(), 'vi')}>{t('bulletins.preview')}</button>
              </Show>
            </Show>
            <button type="button" class="button" disabled={!body().trim()} onClick={download}>{t('bulletins.download')}</button>
            <button type="button" class="button secondary" disabled={!body().trim()} onClick={() => window.print()}>{t('bulletins.print')}</button>
          </div>
          {/* Kept on the server for the broadcast schedule (/admin/bulletins/schedule). */}
          <SaveBulletin kind={kind()} title={title()} body={body()} rate={rate()} />
        </form>
      </div>
      {/* The reader's script: only on paper. */}
      <article class="bulletin-script print-only" lang="vi">
        <p class="bulletin-script-meta">{t('bulletins.printedFor')} · {t(`bulletins.kinds.${kind()}`)}</p>
        <h2>{title()}</h2>
        <p class="bulletin-script-meta">{t('bulletins.readingTime', { duration: durationText(seconds()), rate: rate() })}</p>
        <For each={body().split(/\n{2,}/)}>{(para) => <p>{para}</p>}</For>
      </article>
    </div>
  );
}
