// /tin and /tin/<id>: the ward's published news for residents. The copy
// saved on the phone shows at once and offline (with its age); a fresh one
// replaces it when the server answers. An item can be shared; on a unit
// officer's device it can also be logged as outreach in one tap (that code
// loads only there).
import { createResource, createSignal, For, lazy, onMount, Show, Suspense } from 'solid-js';
import { A, useParams } from '@solidjs/router';
import type { NewsItem } from '../../../shared/news/schema.ts';
import { t } from '../i18n/index.ts';
import { createNewsStore, type NewsStore } from './news-store.ts';
import { ageOf, newsDate } from './news-format.ts';
import { shareLink, type ShareResult } from './share.ts';
import './strings.ts';
import '../styles/news.css';
import { apiUrl } from '../net/api-base.ts';

const OutreachLog = lazy(() => import('./outreach-log.tsx'));

/** A unit officer has used this device (their database exists); checked without opening it. */
async function isUnitDevice(): Promise<boolean> {
  try {
    return typeof indexedDB.databases === 'function' && (await indexedDB.databases()).some((d) => d.name === 'hvs-unit');
  } catch {
    return false;
  }
}

export default function NewsPage() {
  const params = useParams<{ id?: string }>();
  const store = createNewsStore();
  onMount(() => void store.refresh());
  return (
    <article class="news">
      <Show when={store.status() === 'saved' && store.savedAt()}>
        {(at) => (
          <p class="notice" data-testid="news-saved-copy">
            {t('news.savedCopy', { age: ageOf(at()) })}
          </p>
        )}
      </Show>
      <Show when={params.id} fallback={<NewsList store={store} />}>
        {(id) => <NewsItemView store={store} id={id()} />}
      </Show>
    </article>
  );
}

function NewsList(props: { store: NewsStore }) {
  const items = () => props.store.list()?.items ?? [];
  return (
    <>
      <nav class="breadcrumb">
        <A href="/">{t('news.back')}</A>
      </nav>
      <h1>{t('news.title')}</h1>
      <Show when={props.store.list()} fallback={<p data-testid="news-none">{props.store.status() === 'loading' ? t('news.loading') : t('news.none')}</p>}>
        {(list) => (
          <>
            <Show when={list().wardName}>
              <p class="lead">{t('news.intro', { ward: list().wardName })}</p>
            </Show>
            <Show when={items().length > 0} fallback={<p>{t('news.empty')}</p>}>
              <ul class="card-list news-list" data-testid="news-list">
                <For each={items()}>
                  {(item) => (
                    <li>
                      <A href={item.path} class="card news-card" data-testid="news-card">
                        <Show when={item.photos?.[0]}>
                          {(photo) => <img class="news-card-photo" src={apiUrl(photo().thumb)} alt="" loading="lazy" data-testid="news-card-photo" />}
                        </Show>
                        <span class="tag">{t(`news.kinds.${item.kind}`)}</span>
                        <strong class="news-card-title">{item.title}</strong>
                        <span class="news-meta">
                          {newsDate(item.publishedAt)}
                          {item.unitName ? ` · ${item.unitName}` : ''}
                        </span>
                        <Show when={item.summary}>
                          <span class="news-summary">{item.summary}</span>
                        </Show>
                      </A>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          </>
        )}
      </Show>
    </>
  );
}

function NewsItemView(props: { store: NewsStore; id: string }) {
  // Asked again when the list arrives, so a fresh copy replaces the saved one.
  const [item] = createResource(
    () => [props.id, props.store.status()] as const,
    ([id, status]) => (status === 'loading' ? (props.store.list()?.items.find((i) => i.id === id) ?? null) : props.store.item(id)),
  );
  return (
    <>
      <nav class="breadcrumb">
        <A href="/tin">{t('news.backToList')}</A>
      </nav>
      <Suspense fallback={<p>{t('news.loading')}</p>}>
        <Show when={item() !== undefined}>
          <Show when={item()} fallback={<p data-testid="news-not-found">{props.store.status() === 'loading' ? t('news.loading') : t('news.notFound')}</p>}>
            {(found) => <ItemBody item={found()} />}
          </Show>
        </Show>
      </Suspense>
    </>
  );
}

function ItemBody(props: { item: NewsItem }) {
  const [shared, setShared] = createSignal<ShareResult | null>(null);
  const [unitDevice, setUnitDevice] = createSignal(false);
  onMount(() => void isUnitDevice().then(setUnitDevice));
  const url = () => `${location.origin}${props.item.path}`;
  return (
    <>
      <span class="tag">{t(`news.kinds.${props.item.kind}`)}</span>
      <h1 data-testid="news-title">{props.item.title}</h1>
      <p class="news-meta">
        {t('news.published', { date: newsDate(props.item.publishedAt) })}
        {props.item.unitName ? ` · ${props.item.unitName}` : ''}
      </p>
      <Show when={props.item.summary}>
        <p class="lead">{props.item.summary}</p>
      </Show>
      <For each={props.item.photos ?? []}>
        {(photo) => (
          <figure class="news-photo">
            <img src={apiUrl(photo.thumb)} alt={photo.alt} data-testid="news-photo" />
            <figcaption>{photo.alt}</figcaption>
          </figure>
        )}
      </For>
      {/* HTML made by the server from the story's Markdown (raw HTML escaped, safe links only). */}
      <div class="news-body" data-testid="news-body" innerHTML={props.item.html} />
      <div class="news-actions">
        <button type="button" class="button secondary" data-testid="news-share" onClick={async () => setShared(await shareLink(props.item.title, url()))}>
          {t('news.share')}
        </button>
      </div>
      <Show when={shared() === 'copied'}>
        <p role="status" data-testid="news-copied">{t('news.copied')}</p>
      </Show>
      <Show when={shared() === 'show'}>
        <label class="news-link">
          {t('news.copyHere')}
          <input readonly value={url()} data-testid="news-link" onFocus={(e) => e.currentTarget.select()} />
        </label>
      </Show>
      <Show when={unitDevice()}>
        <OutreachLog item={props.item} url={url()} />
      </Show>
    </>
  );
}
