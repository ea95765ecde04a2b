import { createEffect, onMount, Show } from 'solid-js';
import { useNavigate } from '@solidjs/router';
import { t } from '../i18n/index.ts';
import { createWardStore } from './ward-store.ts';
import { WardLogin } from './ward-login.tsx';
import DashboardView from './dashboard-view.tsx';
import { AdminNav } from '../admin/admin-nav.tsx';
import { CityLink } from '../city/city-link.tsx';
import '../styles/ward.css';

/** The report on a plan (/ward/plan-report) travels in this chunk, with the frame it shares. */
export { default as PlanReportPage } from './plan-report/plan-report-page.tsx';

/** Staff page: sign in, then the ward dashboard (guides, reviewers, admins); a unit officer goes on to /unit. */
export default function WardPage() {
  const ward = createWardStore();
  const navigate = useNavigate();

  onMount(() => void ward.checkSession());
  // A unit officer's work is the unit's tasks and log, not the ward dashboard (which is not theirs to read).
  createEffect(() => {
    if (ward.user()?.role === 'unit') navigate('/unit', { replace: true });
  });

  return (
    <>
      <h1>{t('ward.title')}</h1>
      <Show when={ward.problem()}>
        {(p) => (
          <p class="notice" role="alert">
            {t(p())}
          </p>
        )}
      </Show>
      <Show when={!ward.isChecking() && ward.user()?.role !== 'unit'} fallback={<p role="status">{t('app.loading')}</p>}>
        <Show
          when={ward.user()}
          fallback={<WardLogin isBusy={ward.isBusy()} onLogin={(u, p) => ward.login(u, p).then(() => undefined)} />}
        >
          {(u) => (
            <>
              <div class="ward-user">
                <p>{t('ward.signedInAs', { name: u().displayName, role: t(`ward.role.${u().role}`) })}</p>
                <button type="button" class="button secondary" onClick={() => void ward.logout()}>
                  {t('ward.logout')}
                </button>
              </div>
              <Show when={u().role === 'admin'}>
                <AdminNav />
              </Show>
              <Show when={u().role === 'reviewer'}>
                <nav class="admin-nav" aria-label={t('ward.officeNav')}>
                  <ul>
                    <li><a href="/admin/news" data-testid="ward-news-desk">{t('ward.newsDesk')}</a></li>
                    <li><a href="/admin/displays">{t('ward.displaysLink')}</a></li>
                    <li><a href="/admin/bulletins">{t('ward.bulletinsLink')}</a></li>
                    <li><a href="/ward/tracker">{t('dashboard.trackerLink')}</a></li>
                    <li><a href="/ward/indicators" data-testid="ward-indicators-link">{t('dashboard.indicatorsLink')}</a></li>
                    <li><a href="/registers/difficulties">{t('dashboard.registers')}</a></li>
                  </ul>
                </nav>
              </Show>
              <Show when={u().role === 'reviewer' || u().role === 'admin'}>
                <div class="no-print">
                  <p>
                    <a href="/ward/activities" data-testid="ward-unit-log">{t('ward.unitLog')}</a>
                  </p>
                  <p>
                    <a href="/ward/audio" data-testid="ward-lesson-audio">{t('dashboard.lessonAudioLink')}</a>
                  </p>
                  <CityLink />
                </div>
              </Show>
              <DashboardView user={u()} />
            </>
          )}
        </Show>
      </Show>
    </>
  );
}
