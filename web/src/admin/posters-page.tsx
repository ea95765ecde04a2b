import { createResource, createSignal, For, onCleanup, Show } from 'solid-js';
import { language, t } from '../i18n/index.ts';
import { getApiClient } from '../net/api.ts';
import { fetchIndexTaughtHere } from '../learn/index-taught-here.ts';
import { HttpError } from '../net/http.ts';
import { adminApi } from './admin-api.ts';
import { LogToPlan } from './outreach-log/log-to-plan.tsx';
import { fetchPlanSlogans } from './studio/plan-slogans.ts';
import { FigurePicker } from './studio/figure-picker.tsx';
import { fetchPublishedNews } from '../news/news-api.ts';
import { posterTarget, storyChoice } from './poster-target.ts';
import { AdminNav, StudioNav } from './admin-nav.tsx';
import { PosterSheet, type PosterFormat } from './poster-sheet.tsx';
import { usePrintPageSize } from './print-page-size.ts';
import './strings.ts';
import '../styles/posters.css';
import '../styles/studio.css';

const FORMATS: PosterFormat[] = ['a4', 'a3', 'screen'];
const SLOGANS = ['learnTogether', 'movement', 'askGuide'] as const;
const PAGE_SIZE: Record<PosterFormat, string> = { a4: 'A4 portrait', a3: 'A3 portrait', screen: '297mm 167mm' };
const WIDTH_MM: Record<PosterFormat, number> = { a4: 210, a3: 297, screen: 297 };

/** Staff: print outreach posters (the app, or one course) for notice boards and LED screens; a unit
 * officer logs the copies printed in the unit's outreach log. */
export default function PostersPage() {
  // Admins get the configured public address; other staff (a unit officer printing for the unit) the public ward name and this site's address.
  const [facts] = createResource(() =>
    adminApi.poster().catch((err) =>
      err instanceof HttpError && err.status === 403
        ? getApiClient()
            .wardProfile()
            .then((w) => ({ publicOrigin: null, wardName: w.name }))
            .catch(() => null)
        : null,
    ),
  );
  const [index] = createResource(() => fetchIndexTaughtHere().catch(() => null));
  const [planSlogans] = createResource(fetchPlanSlogans, { initialValue: [] });
  const [news] = createResource(() => fetchPublishedNews().then((l) => l.items).catch(() => []), { initialValue: [] });
  const [format, setFormat] = createSignal<PosterFormat>('a4');
  const [course, setCourse] = createSignal('');
  const [slogan, setSlogan] = createSignal('');
  const origin = () => facts()?.publicOrigin ?? location.origin;
  const lang = () => language();
  const target = () => posterTarget(origin(), course(), (id) => index()?.courses.find((c) => c.id === id)?.title[lang()], news());
  const courseTitle = () => target().heading;
  const sloganText = () => slogan() || t(`posters.slogans.${SLOGANS[0]}`);
  // The preview is shrunk to the screen's width (printing uses true size).
  const [stageWidth, setStageWidth] = createSignal(Infinity);
  const zoom = () => Math.min(1, stageWidth() / ((WIDTH_MM[format()] * 96) / 25.4));
  // The printed page takes the chosen format's size.
  usePrintPageSize(() => PAGE_SIZE[format()]);
  // The 16:9 poster fills an LED screen or a television from the office's computer.
  let zoomBox: HTMLDivElement | undefined;
  const fit = (stage: HTMLDivElement) => {
    const observer = new ResizeObserver(() => setStageWidth(stage.clientWidth));
    observer.observe(stage);
    onCleanup(() => observer.disconnect());
  };

  return (
    <div class="posters-page">
      <div class="no-print">
        <AdminNav />
        <StudioNav />
        <h1>{t('posters.title')}</h1>
        <p>{t('posters.intro')}</p>
      </div>
      <Show when={!facts.loading} fallback={<p role="status">{t('wardAdmin.loading')}</p>}>
        <Show
          when={facts()}
          fallback={
            <p class="notice" role="alert">
              {t('posters.needAdmin')} <a href="/ward">{t('posters.toWard')}</a>
            </p>
          }
        >
          {(f) => (
            <>
              <form class="poster-options no-print" onSubmit={(e) => e.preventDefault()}>
                <fieldset>
                  <legend>{t('posters.options')}</legend>
                  <label>
                    {t('posters.what')}
                    <select name="course" value={course()} onChange={(e) => setCourse(e.currentTarget.value)}>
                      <option value="">{t('posters.app')}</option>
                      <For each={index()?.courses ?? []}>{(c) => <option value={c.id}>{t('posters.course', { title: c.title[lang()] })}</option>}</For>
                      <For each={news()}>{(s) => <option value={storyChoice(s.id)}>{t('posters.story', { title: s.title })}</option>}</For>
                    </select>
                  </label>
                  <label>
                    {t('posters.format')}
                    <select name="format" value={format()} onChange={(e) => setFormat(e.currentTarget.value as PosterFormat)}>
                      <For each={FORMATS}>{(x) => <option value={x}>{t(`posters.formats.${x}`)}</option>}</For>
                    </select>
                  </label>
                  <label>
                    {t('posters.slogan')}
                    <input name="slogan" list="poster-slogans" value={sloganText()} maxLength={200} onInput={(e) => setSlogan(e.currentTarget.value)} />
                    <datalist id="poster-slogans">
                      <For each={planSlogans()}>{(s) => <option value={s} />}</For>
                      <For each={SLOGANS}>{(s) => <option value={t(`posters.slogans.${s}`)} />}</For>
                    </datalist>
                  </label>
                  {/* A live figure's sentence instead of a slogan, with its kind and date shown before it goes in. */}
                  <FigurePicker onInsert={(f) => setSlogan(f.sentence)} />
                </fieldset>
                <Show when={!f().publicOrigin}>
                  <p class="notice" role="note">{t('posters.originMissing', { origin: location.origin })}</p>
                </Show>
                <p>{t('posters.printHelp')}</p>
                <div class="poster-actions">
                  <button type="button" class="button" onClick={() => window.print()}>
                    {t('posters.print')}
                  </button>
                  <Show when={format() === 'screen'}>
                    <button type="button" class="button secondary" onClick={() => void zoomBox?.requestFullscreen?.()}>
                      {t('posters.fullscreen')}
                    </button>
                  </Show>
                </div>
              </form>
              <div class="no-print">
                <LogToPlan
                  channel="poster"
                  item={{ source: `poster:${course() || 'app'}`, title: [sloganText(), courseTitle()].filter(Boolean).join(' · ').slice(0, 300), link: target().url }}
                />
                <h2>{t('posters.preview')}</h2>
              </div>
              <div class="poster-stage" ref={fit}>
                <div class="poster-zoom" ref={zoomBox} style={{ zoom: String(zoom()) }}>
                  <PosterSheet format={format()} wardName={f().wardName} slogan={sloganText()} url={target().url} courseTitle={courseTitle()} scan={target().kind === 'story' ? t('posters.scanStory') : undefined} />
                </div>
              </div>
            </>
          )}
        </Show>
      </Show>
    </div>
  );
}
