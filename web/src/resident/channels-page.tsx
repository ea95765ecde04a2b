import { createSignal, For, onMount, Show } from 'solid-js';
import { A } from '@solidjs/router';
import type { WardProfile } from '../../../shared/api.ts';
import { t } from '../i18n/index.ts';
import { getApiClient } from '../net/api.ts';
import { cachedWardProfile, fetchWardProfile } from './ward-profile-cache.ts';
import { channelHref, isCall, type WardChannel } from './channel-link.ts';
import './channels-strings.ts';
import '../styles/channels.css';

/**
 * "Kênh của phường, xã": the channels the ward office entered at /admin/ward,
 * where the local-platforms lessons send residents. The copy kept on the
 * phone shows at once (offline too); a fresh one replaces it when it arrives.
 */
export default function ChannelsPage() {
  const [profile, setProfile] = createSignal<WardProfile | null>(cachedWardProfile());
  const [status, setStatus] = createSignal<'loading' | 'fresh' | 'offline'>('loading');
  onMount(() => {
    fetchWardProfile(() => getApiClient().wardProfile()).then(
      (p) => (setProfile(p), setStatus('fresh')),
      () => setStatus('offline'),
    );
  });
  const channels = () => profile()?.channels ?? [];

  return (
    <article class="channels">
      <nav class="breadcrumb"><A href="/">{t('channels.back')}</A></nav>
      <h1>{t('channels.title')}</h1>
      <Show when={status() === 'offline' && profile()}>
        <p class="notice" data-testid="channels-saved-copy">{t('channels.savedCopy')}</p>
      </Show>
      <Show
        when={profile()}
        fallback={<p data-testid="channels-none">{status() === 'loading' ? t('channels.loading') : t('channels.never')}</p>}
      >
        {(p) => (
          <>
            <p class="lead">{t('channels.intro', { ward: p().name })}</p>
            <Show when={channels().length > 0} fallback={<p class="notice" data-testid="channels-empty">{t('channels.empty')}</p>}>
              <ul class="card-list" data-testid="channel-list">
                <For each={channels()}>{(c) => <ChannelCard channel={c} />}</For>
              </ul>
              <p class="muted">{t('channels.careful')}</p>
            </Show>
          </>
        )}
      </Show>
    </article>
  );
}

/** One channel: what it is, its name as the link, and its address in letters to compare with a link someone sends. */
function ChannelCard(props: { channel: WardChannel }) {
  const href = () => channelHref(props.channel);
  return (
    <li class="card channel" data-testid="channel">
      <span class="tag">{t(`channels.kinds.${props.channel.kind}`)}</span>
      <Show when={href()} fallback={<strong>{props.channel.label}</strong>}>
        {(h) => (
          <a href={h()} {...(isCall(h()) ? {} : { target: '_blank', rel: 'noopener noreferrer' })} class="channel-link">
            <Show when={isCall(h())}>{t('channels.call')}{': '}</Show>
            {props.channel.label}
          </a>
        )}
      </Show>
      <Show when={props.channel.url?.trim()}>
        {(address) => <span class="channel-address">{address()}</span>}
      </Show>
    </li>
  );
}
