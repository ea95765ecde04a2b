import { ErrorBoundary, type ParentProps } from 'solid-js';
import { A } from '@solidjs/router';
import { t } from '../i18n/index.ts';
import { BrandMark } from './brand-mark.tsx';
import { LanguageSwitch } from './language-switch.tsx';
import { UpdateBanner } from './update-banner.tsx';

export function Layout(props: ParentProps) {
  return (
    <>
      <a class="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header class="app-header">
        <A href="/" class="brand" end>
          <BrandMark />
          <span>{t('app.name')}</span>
        </A>
        <div class="header-tools">
          <A href="/settings" class="settings-link" data-testid="settings-link">
            <span aria-hidden="true">⚙</span>
            {t('settings.link')}
          </A>
          <LanguageSwitch />
        </div>
      </header>
      <UpdateBanner />
      <main id="main" class="app-main" tabindex="-1">
        {/* A screen's code can fail to download (offline, never visited): say so and offer a retry. */}
        <ErrorBoundary
          fallback={(_err, reset) => (
            <div class="notice" role="alert">
              <p>{t('app.screenFailed')}</p>
              <button type="button" class="button" onClick={() => (navigator.onLine ? location.reload() : reset())}>
                {t('app.retry')}
              </button>
            </div>
          )}
        >
          {props.children}
        </ErrorBoundary>
      </main>
      <footer class="app-footer">
        <p>{t('app.footerNote')}</p>
        <A href="/tin" class="footer-link" data-testid="news-link">
          {t('app.newsLink')}
        </A>
        <A href="/ward" class="footer-link">
          {t('app.staffLink')}
        </A>
      </footer>
    </>
  );
}
