// An activity's evidence as the office sees it: each photo as a thumbnail that
// opens the photo, each PDF as a link that downloads it. Any staff list of
// activities can show it (the served files are for staff only).
import { For, Show } from 'solid-js';
import type { FileLink } from '../../../shared/files.ts';
import { t } from '../i18n/index.ts';
import { fileUrl } from './unit-log-api.ts';

const kb = (bytes: number) => Math.max(1, Math.round(bytes / 1024));

export function ActivityFiles(props: { files: FileLink[] }) {
  return (
    <Show when={props.files.length > 0}>
      <ul class="activity-files" data-testid="activity-files">
        <For each={props.files}>
          {(f) => (
            <li>
              <Show
                when={f.type !== 'application/pdf'}
                fallback={
                  <a href={fileUrl(f.sha256)} download="" data-testid="activity-pdf">
                    {t('unitLog.pdf', { name: f.name ?? 'PDF', kb: kb(f.bytes) })}
                  </a>
                }
              >
                <a href={fileUrl(f.sha256)} target="_blank" rel="noopener">
                  <img src={fileUrl(f.sha256)} alt={t('unitLog.photo', { name: f.name ?? '' })} loading="lazy" width="120" height="90" data-testid="activity-photo" />
                </a>
              </Show>
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}
