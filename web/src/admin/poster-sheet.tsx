import { createMemo } from 'solid-js';
import { Show } from 'solid-js';
import { renderSVG } from 'uqr';
import { t } from '../i18n/index.ts';

export type PosterFormat = 'a4' | 'a3' | 'screen';

export interface PosterProps {
  format: PosterFormat;
  wardName: string;
  slogan: string;
  /** The address the QR code opens (the app, or one course). */
  url: string;
  /** Set for a course or a story poster: the heading above the slogan. */
  courseTitle?: string;
  /** What scanning opens, when not the app or a course (a story). */
  scan?: string;
}

/** The address a poster opens: the app's home, or one course directly. */
export function posterUrl(origin: string, courseId?: string): string {
  const base = origin.replace(/\/+$/, '');
  return courseId ? `${base}/courses/${encodeURIComponent(courseId)}` : `${base}/`;
}

/** One printable poster: ward name, slogan, a large QR code and the address
 * in letters for people who cannot scan. Sizes follow the page (A4, A3 or a
 * 16:9 screen), so text stays readable from a distance. */
export function PosterSheet(props: PosterProps) {
  // A quiet zone of four modules: cameras need it to find the code.
  const qr = createMemo(() => renderSVG(props.url, { border: 4, ecc: 'M' }));
  const shown = () => props.url.replace(/^https?:\/\//, '').replace(/\/$/, '');
  return (
    <article class={`poster poster-${props.format}`} data-testid="poster" data-url={props.url}>
      <p class="poster-ward">{props.wardName}</p>
      <p class="poster-movement">{t('posters.movement')}</p>
      <Show when={props.courseTitle} fallback={<h2 class="poster-slogan">{props.slogan}</h2>}>
        <h2 class="poster-slogan">{props.courseTitle}</h2>
        <p class="poster-sub">{props.slogan}</p>
      </Show>
      <div class="poster-body">
        <div class="poster-qr" role="img" aria-label={t('posters.qrAlt', { url: props.url })} innerHTML={qr()} />
        <div class="poster-how">
          <p class="poster-scan">{props.scan ?? (props.courseTitle ? t('posters.scanCourse') : t('posters.scan'))}</p>
          <p class="poster-visit">{t('posters.orVisit')}</p>
          <p class="poster-url">{shown()}</p>
        </div>
      </div>
      <p class="poster-app">{t('posters.appName')}</p>
    </article>
  );
}
