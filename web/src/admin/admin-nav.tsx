import { For, onMount } from 'solid-js';
import { t } from '../i18n/index.ts';
import { StudioNetworkNote } from './studio-network.tsx';
import { keepOfficeCodeOffline, keepStudioCodeOffline } from './keep-office-code.ts';
import './strings.ts';
import '../styles/ward-admin.css';
import '../styles/studio.css';

/** Links between the admin screens (the ward page shows the same to admins). */
export function AdminNav() {
  return (
    <nav class="admin-nav" aria-label={t('wardAdmin.nav.label')}>
      <ul>
        <li><a href="/ward">{t('ward.title')}</a></li>
        <li><a href="/admin/ward">{t('wardAdmin.nav.ward')}</a></li>
        <li><a href="/admin/plans">{t('wardAdmin.nav.plans')}</a></li>
        <li><a href="/admin/news">{t('wardAdmin.nav.news')}</a></li>
        <li><a href="/registers/difficulties">{t('wardAdmin.nav.registers')}</a></li>
        <li><a href="/ward/tracker">{t('wardAdmin.nav.tracker')}</a></li>
        <li><a href="/ward/indicators">{t('wardAdmin.nav.indicators')}</a></li>
        <li><a href="/admin/posters">{t('wardAdmin.nav.posters')}</a></li>
        <li><a href="/admin/displays">{t('wardAdmin.nav.displays')}</a></li>
        <li><a href="/admin/bulletins">{t('wardAdmin.nav.bulletins')}</a></li>
        <li><a href="/admin/studio">{t('wardAdmin.nav.studio')}</a></li>
        <li><a href="/admin/staff">{t('wardAdmin.nav.staff')}</a></li>
        <li><a href="/admin/audit">{t('wardAdmin.nav.audit')}</a></li>
        <li><a href="/account/password">{t('wardAdmin.nav.password')}</a></li>
      </ul>
    </nav>
  );
}

const STUDIO = [
  { href: '/admin/bulletins', key: 'bulletins' },
  { href: '/admin/studio', key: 'cards' },
  { href: '/admin/posters', key: 'posters' },
  { href: '/admin/displays', key: 'displays' },
] as const;

/** The outreach studio's tabs: one message, each channel a tab away. */
export function StudioNav() {
  // Once one studio tab has been opened online, every tab opens again without a connection.
  onMount(() => {
    keepOfficeCodeOffline();
    keepStudioCodeOffline();
  });
  return (
    <>
      <nav class="studio-nav no-print" aria-label={t('studio.nav.label')}>
      <ul>
        <For each={STUDIO}>
          {(p) => (
            <li>
              <a href={p.href} aria-current={location.pathname === p.href ? 'page' : undefined}>
                {t(`studio.nav.${p.key}`)}
              </a>
            </li>
          )}
        </For>
      </ul>
      </nav>
      <StudioNetworkNote />
    </>
  );
}
