import { For } from 'solid-js';
import { t } from '../../i18n/index.ts';
import './strings.ts';
import '../../styles/studio.css';

const PARTS = [
  { href: '/admin/bulletins', key: 'bulletins' },
  { href: '/admin/studio', key: 'cards' },
  { href: '/admin/posters', key: 'posters' },
] as const;

/** The outreach studio's parts: one message, each channel a tab away. */
export function StudioNav() {
  return (
    <nav class="studio-nav no-print" aria-label={t('studio.nav.label')}>
      <ul>
        <For each={PARTS}>
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
  );
}
