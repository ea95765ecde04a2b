import { createEffect, createResource, createSignal, For, Show } from 'solid-js';
import { t } from '../../i18n/index.ts';
import { getApiClient } from '../../net/api.ts';
import { adminApi } from '../admin-api.ts';
import { AdminNav, StudioNav } from '../admin-nav.tsx';
import { CARD_SIZES, drawCard, type CardFormat, type CardLayout } from './card-draw.ts';
import { loadCardFonts } from './card-fonts.ts';
import { canShareFiles, canvasPng, cardFileName, downloadBlob, shareCard } from './card-share.ts';
import { LogToPlan } from '../outreach-log/log-to-plan.tsx';
import { CardSourcePicker } from './card-source-picker.tsx';
import type { Card } from './card-sources.ts';
import '../strings.ts';
import '../../styles/ward-admin.css';
import '../../styles/studio.css';

const FORMATS = Object.keys(CARD_SIZES) as CardFormat[];

/** Office: pictures for Zalo, Facebook, TikTok and the portal, drawn on this device. */
export default function CardsPage() {
  // The ward's name (public profile) and the address the QR opens (PUBLIC_ORIGIN for admins, else this site's).
  const [ward] = createResource(() => getApiClient().wardProfile().then((w) => w.name).catch(() => ''));
  const [poster] = createResource(() => adminApi.poster().catch(() => null));
  const [fonts] = createResource(() => loadCardFonts().then(() => true).catch(() => false));
  const [card, setCard] = createSignal<Card | null>(null);
  const [format, setFormat] = createSignal<CardFormat>('square');
  const [layout, setLayout] = createSignal<CardLayout | null>(null);
  const [said, setSaid] = createSignal('');
  const [shareable] = createSignal(canShareFiles());
  let canvas!: HTMLCanvasElement;

  const wardName = () => poster()?.wardName || ward() || '';
  const origin = () => poster()?.publicOrigin ?? location.origin;

  createEffect(() => {
    const c = card();
    if (c && fonts() !== undefined) setLayout(drawCard(canvas, c.spec, format()));
  });

  const file = async () => ({ blob: await canvasPng(canvas), name: cardFileName(card()!.spec.title, format()) });
  const download = async () => {
    const f = await file();
    downloadBlob(f.blob, f.name);
  };
  const share = async () => {
    const f = await file();
    try {
      await shareCard(f.blob, f.name, card()!.post);
    } catch {
      downloadBlob(f.blob, f.name);
    }
  };
  const copy = async (text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setSaid(t('studio.cards.copied'));
    } catch {
      setSaid(t('studio.cards.copyByHand'));
    }
  };

  return (
    <div class="ward-admin studio-page">
      <AdminNav />
      <StudioNav />
      <h1>{t('studio.cards.title')}</h1>
      <p>{t('studio.cards.intro')}</p>
      <div class="studio-cards">
        <form class="studio-options" onSubmit={(e) => e.preventDefault()}>
          <CardSourcePicker ward={wardName} origin={origin} onCard={setCard} />
          <fieldset>
            <legend>{t('studio.cards.format')}</legend>
            <div class="card-formats" role="radiogroup" aria-label={t('studio.cards.format')}>
              <For each={FORMATS}>
                {(f) => (
                  <label>
                    <input type="radio" name="card-format" value={f} checked={format() === f} onChange={() => setFormat(f)} />{' '}
                    {t(`studio.cards.formats.${f}`, { width: CARD_SIZES[f].width, height: CARD_SIZES[f].height })}
                  </label>
                )}
              </For>
            </div>
          </fieldset>
          <Show when={poster() !== undefined && !poster()?.publicOrigin}>
            <p class="hint">{t('studio.cards.originHere', { origin: location.origin })}</p>
          </Show>
          <Show when={fonts() === false}>
            <p class="notice" role="alert">{t('studio.cards.fontMissing')}</p>
          </Show>
        </form>
        <section class="card-result" aria-labelledby="card-preview-title">
          <h2 id="card-preview-title">{t('studio.cards.preview')}</h2>
          <Show when={!card()}>
            <p role="status">{t('studio.cards.choose')}</p>
          </Show>
          <canvas
            ref={canvas}
            class="card-canvas"
            classList={{ hidden: !card() }}
            role="img"
            aria-label={card()?.alt ?? ''}
            data-testid="card-canvas"
            data-format={format()}
            data-qr={JSON.stringify(layout()?.qr ?? null)}
            data-ready={card() && fonts() !== undefined ? 'true' : 'false'}
          />
          <Show when={card()}>
            {(c) => (
              <>
                <div class="card-actions">
                  <button type="button" class="button" onClick={() => void download()}>
                    {t('studio.cards.download')}
                  </button>
                  <Show when={shareable()}>
                    <button type="button" class="button secondary" onClick={() => void share()}>
                      {t('studio.cards.share')}
                    </button>
                  </Show>
                </div>
                <label>
                  {t('studio.cards.alt')}
                  <textarea name="alt" readOnly rows={4} value={c().alt} data-testid="card-alt" />
                </label>
                <button type="button" class="button secondary" onClick={() => void copy(c().alt)}>
                  {t('studio.cards.copyAlt')}
                </button>
                <label>
                  {t('studio.cards.post')}
                  <textarea name="post" readOnly rows={8} value={c().post} data-testid="card-post" />
                </label>
                <button type="button" class="button secondary" onClick={() => void copy(c().post)}>
                  {t('studio.cards.copyPost')}
                </button>
                <p role="status">{said()}</p>
                <LogToPlan channel="card" item={c().item} />
              </>
            )}
          </Show>
        </section>
      </div>
    </div>
  );
}
