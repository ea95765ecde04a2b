import { useParams } from '@solidjs/router';
import { createMemo, createSignal, For, Match, onCleanup, onMount, Show, Switch } from 'solid-js';
import { renderSVG } from 'uqr';
import { DISPLAY_POLL_MS } from '../../../shared/displays/constants.ts';
import type { DisplayFeed, DisplaySlide } from '../../../shared/displays/schema.ts';
import { language, t } from '../i18n/index.ts';
import { fetchFeed, readCachedFeed, writeCachedFeed } from './feed-cache.ts';
import { burnInShift, isStale, nextSlide, storyOf } from './playlist.ts';
import './strings.ts';
import '../styles/display.css';
import { apiUrl } from '../net/api-base.ts';

/** While the first answer is missing, try again sooner than the minute a running screen waits. */
const FIRST_RETRY_MS = 10_000;

/**
 * /display/<screen>: a full-screen 16:9 loop for the ward's LED screens. No
 * interaction and no personal data; it keeps showing the last data it had
 * when the network drops (with that data's time, small) and recovers alone.
 */
export default function DisplayPage() {
  const params = useParams<{ screen: string }>();
  const id = () => params.screen;
  const kept = readCachedFeed(id());
  const [feed, setFeed] = createSignal<DisplayFeed | null>(kept?.feed ?? null);
  const [receivedAt, setReceivedAt] = createSignal(kept?.receivedAt ?? 0);
  const [unknown, setUnknown] = createSignal(false);
  const [failed, setFailed] = createSignal(false);
  const [index, setIndex] = createSignal(-1);
  const [turn, setTurn] = createSignal(0);
  const [now, setNow] = createSignal(Date.now());
  let slideTimer: ReturnType<typeof setTimeout> | undefined;
  let pollTimer: ReturnType<typeof setTimeout> | undefined;

  const advance = () => {
    clearTimeout(slideTimer);
    const f = feed();
    if (!f) return;
    const next = nextSlide(f, index());
    setIndex(next);
    setTurn((n) => n + 1);
    setNow(Date.now());
    if (next >= 0) slideTimer = setTimeout(advance, f.screen.slides[next].seconds * 1000);
  };

  const poll = async () => {
    const answer = await fetchFeed(id());
    if (answer.kind === 'feed') {
      const first = feed() === null;
      const at = Date.now();
      writeCachedFeed({ feed: answer.feed, receivedAt: at });
      setFeed(answer.feed);
      setReceivedAt(at);
      setNow(at);
      setUnknown(false);
      setFailed(false);
      // A changed playlist can be shorter than the slide being shown.
      if (first || index() >= answer.feed.screen.slides.length) advance();
    } else if (answer.kind === 'unknown') {
      setUnknown(true);
    } else {
      setNow(Date.now());
      if (!feed()) setFailed(true);
    }
    pollTimer = setTimeout(() => void poll(), feed() ? DISPLAY_POLL_MS : FIRST_RETRY_MS);
  };

  onMount(() => {
    document.body.classList.add('display-mode');
    if (feed()) advance();
    void poll();
  });
  onCleanup(() => {
    document.body.classList.remove('display-mode');
    clearTimeout(slideTimer);
    clearTimeout(pollTimer);
  });

  const slide = () => {
    const f = feed();
    return f && index() >= 0 ? f.screen.slides[index()] : undefined;
  };
  const shift = () => burnInShift(turn());
  const time = (iso: string) =>
    new Date(iso).toLocaleString(language() === 'vi' ? 'vi-VN' : 'en-GB', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit', day: '2-digit', month: '2-digit' });

  return (
    <div class="display" data-testid="display" lang={language()}>
      <Switch fallback={<p class="display-message">{t(failed() ? 'display.firstLoadFailed' : 'display.loading')}</p>}>
        <Match when={unknown()}>
          <p class="display-message" role="alert">{t('display.unknown', { id: id() })}</p>
        </Match>
        <Match when={feed() && slide()}>
          <div class="display-stage" style={{ transform: `translate(${shift().x}px, ${shift().y}px)` }} data-kind={slide()!.kind}>
            <Slide slide={slide()!} feed={feed()!} time={time} />
          </div>
          <Show when={isStale(receivedAt(), now())}>
            <p class="display-age" data-testid="display-age">{t('display.age', { time: time(feed()!.generatedAt) })}</p>
          </Show>
        </Match>
      </Switch>
    </div>
  );
}

function Slide(props: { slide: DisplaySlide; feed: DisplayFeed; time: (iso: string) => string }) {
  const qr = createMemo(() => renderSVG(props.feed.appUrl, { border: 4, ecc: 'M' }));
  const shownUrl = () => props.feed.appUrl.replace(/^https?:\/\//, '').replace(/\/$/, '');
  const percent = (v: number | '<5' | null) => (v === '<5' ? t('display.small') : v === null ? t('display.noPopulation') : `${Math.round(v * 100)}%`);
  return (
    <Switch>
      <Match when={props.slide.kind === 'slogan'}>
        <p class="display-ward">{props.feed.wardName}</p>
        <p class="display-slogan">{props.slide.text}</p>
        <p class="display-sub">{t('display.movement')}</p>
      </Match>
      <Match when={props.slide.kind === 'announcement'}>
        <p class="display-kicker">{t('display.announcement')}</p>
        <p class="display-announcement">{props.slide.text}</p>
        <p class="display-sub">{props.feed.wardName}</p>
      </Match>
      <Match when={props.slide.kind === 'qr'}>
        <div class="display-qr-slide">
          <div class="display-qr" role="img" aria-label={props.feed.appUrl} innerHTML={qr()} />
          <div>
            <p class="display-slogan">{t('display.scan')}</p>
            <p class="display-sub">{t('display.orVisit')}</p>
            <p class="display-url">{shownUrl()}</p>
          </div>
        </div>
      </Match>
      <Match when={props.slide.kind === 'coverage'}>
        <p class="display-kicker">{props.feed.wardName}</p>
        <p class="display-big">{t('display.learners', { n: props.feed.coverage.learners.toLocaleString(language() === 'vi' ? 'vi-VN' : 'en-GB') })}</p>
        <p class="display-sub">{t('display.coverageTitle')}</p>
        <ul class="display-groups">
          <For each={props.feed.coverage.groups.slice(0, 12)}>
            {(g) => (
              <li>
                <span>{g.name}</span>
                <strong>{percent(g.completedShare)}</strong>
              </li>
            )}
          </For>
        </ul>
      </Match>
      <Match when={props.slide.kind === 'story' && storyOf(props.slide, props.feed)}>
        {(story) => (
          <div class="display-story" classList={{ 'has-photo': !!story().photo }}>
            <div class="display-story-text">
              <p class="display-kicker">{t('display.storyKicker')}</p>
              <p class="display-story-title" data-testid="display-story-title">{story().title}</p>
              <Show when={story().summary}>
                <p class="display-story-summary">{story().summary}</p>
              </Show>
              <p class="display-sub">{story().unitName ?? props.feed.wardName}</p>
            </div>
            <Show when={story().photo}>
              {(photo) => <img class="display-story-photo" src={apiUrl(photo().src)} alt={photo().alt} data-testid="display-story-photo" />}
            </Show>
          </div>
        )}
      </Match>
      <Match when={props.slide.kind === 'sessions'}>
        <p class="display-kicker">{t('display.sessionsTitle')}</p>
        <Show when={props.feed.sessions.length > 0} fallback={<p class="display-slogan">{t('display.noSessions')}</p>}>
          <ul class="display-sessions">
            <For each={props.feed.sessions}>
              {(s) => (
                <li>
                  <strong>{props.time(s.startsAt)}</strong>
                  <span>{s.title}</span>
                  <span class="display-place">{s.place} · {s.group}</span>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </Match>
    </Switch>
  );
}
