import { createResource, createSignal, For, Show } from 'solid-js';
import { A, useParams } from '@solidjs/router';
import { renderSVG } from 'uqr';
import { DIGITAL_CITIZEN } from '../../../shared/resident/certificates.ts';
import { certificateBasis, certificateHolderName, type CertificateBasisDetail } from '../../../shared/resident/certificate-holder.ts';
import { formatCode } from '../../../shared/resident/codes.ts';
import { language, t } from '../i18n/index.ts';
import { useStores } from '../app/app-stores.tsx';
import { createResidentStore, settleCertificates } from './resident-store.ts';
import { cachedWardProfile } from './ward-profile-cache.ts';
import { shareCertificate } from './certificate-image.ts';
import { formatDate } from './format-date.ts';
import { skillLine } from '../learn/skill-name.ts';
import './strings.ts';
import '../styles/resident.css';


/** /certificates (all of mine) and /certificates/:courseId (one, printable and shareable). */
export default function CertificatesPage() {
  const params = useParams<{ courseId?: string }>();
  const { content, progress, sync } = useStores();
  const resident = createResidentStore();
  // Asks the server to confirm waiting certificates once every completion has reached it.
  const [certs] = createResource(
    () => (content.index() && progress.isReady() ? [sync.pendingLessons(), sync.state()] : false),
    ([pending, state]) => settleCertificates(content.courses(), progress.rows(), navigator.onLine && pending === 0 && state !== 'offline'),
  );
  const title = (courseId: string) => (courseId === DIGITAL_CITIZEN ? t('resident.certificate.digitalCitizen') : content.course(courseId)?.title[language()] ?? courseId);
  // The same name, or the same "not shared", as the /verify page (one rule for both).
  const holder = () => {
    const me = resident.active();
    return certificateHolderName(me?.details.displayName, (me?.consent ?? null) !== null);
  };
  const name = () => holder() ?? t('resident.certificate.notShared');
  const nameNote = () => (holder() ? t('resident.certificate.selfDeclared') : null);
  // The same words as /verify: self-study on the issue date, or confirmed in person by the guide's team of this ward on the day.
  const basis = (c: { courseId: string; issuedAt: string | null; earnedAt: string; basis?: CertificateBasisDetail }) =>
    t(`resident.certificate.basis.${certificateBasis(c)}`, {
      date: formatDate(c.basis?.date ? `${c.basis.date}T12:00:00+07:00` : c.issuedAt ?? c.earnedAt),
      team: t(`resident.certificate.team.${c.basis?.team === 'cns' || c.basis?.team === 'da06' ? c.basis.team : 'none'}`),
      ward: wardName() ?? '',
    });
  const [shareError, setShareError] = createSignal<string | null>(null);
  // The ward that issues the certificate, from its public profile (kept for offline use).
  // Asked again at each sync state change, so a page opened offline names the ward once back online.
  const [ward] = createResource(() => sync.state(), () => resident.wardProfile(), { initialValue: cachedWardProfile() });
  const wardName = () => ward()?.name ?? null;

  const one = () => certs()?.find((c) => c.courseId === params.courseId);
  // Only a certificate the server calls valid is shown as one (the same as /verify).
  type Shown = { code: string | null; standing?: string };
  const state = (c: Shown) => (c.standing === 'under-review' || c.standing === 'withdrawn' ? c.standing : c.code ? 'confirmed' : 'waiting');
  const valid = (c: Shown) => state(c) === 'confirmed';
  const stateText = (c: Shown) =>
    state(c) === 'under-review' ? t('resident.certificate.underReview') : state(c) === 'withdrawn' ? t('resident.certificate.withdrawn') : t('resident.certificate.waiting');
  const verifyUrl = (code: string) => `${location.origin}/verify/${code}`;

  return (
    <article class="resident certificates">
      <nav class="breadcrumb no-print"><A href={params.courseId ? '/certificates' : '/'}>{params.courseId ? `← ${t('resident.certificate.list')}` : t('resident.back')}</A></nav>
      <Show
        when={params.courseId}
        fallback={
          <>
            <h1>{t('resident.certificate.list')}</h1>
            <Show when={(certs() ?? []).length > 0} fallback={<p>{t('resident.certificate.none')}</p>}>
              <ul class="card-list">
                <For each={certs()}>
                  {(c) => (
                    <li>
                      <A class="card" href={`/certificates/${c.courseId}`} data-testid={`certificate-${c.courseId}`}>
                        <strong>{title(c.courseId)}</strong>{' '}
                        <span class="muted">{valid(c) ? formatCode(c.code!) : stateText(c)}</span>
                      </A>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          </>
        }
      >
        <Show when={one()} fallback={<p data-testid="certificate-not-earned">{t('resident.certificate.notEarned')}</p>} keyed>
          {(c) => (
            <>
              <section class="certificate-sheet" data-testid="certificate" data-state={state(c)}>
                <p class="cert-heading">{t('resident.certificate.heading')}</p>
                <h1>{title(c.courseId)}</h1>
                <Show when={content.course(c.courseId)}>{(course) => <p data-testid="certificate-skill">{skillLine(course().skill)}</p>}</Show>
                <p>{t('resident.certificate.awardedTo')}</p>
                <p class="cert-name" data-testid="certificate-holder">
                  {name()}
                  <Show when={nameNote()}>{(note) => <span class="cert-name-note"> ({note()})</span>}</Show>
                </p>
                <p data-testid="certificate-basis">{basis(c)}</p>
                <Show when={wardName()}>{(w) => <p class="cert-ward" data-testid="certificate-ward">{t('resident.certificate.issuedBy', { ward: w() })}</p>}</Show>
                <p>{t('resident.certificate.date')}: {formatDate(c.issuedAt ?? c.earnedAt)}</p>
                <Show when={valid(c) && c.code} fallback={<p class="notice" role="status" data-testid="certificate-state">{stateText(c)}</p>}>
                  {(code) => (
                    <>
                      <p>
                        {t('resident.certificate.code')}: <strong data-testid="certificate-code">{formatCode(code())}</strong>
                      </p>
                      <div class="cert-qr" role="img" aria-label={t('resident.certificate.verifyQr')} innerHTML={renderSVG(verifyUrl(code()), { border: 2 })} />
                      <p class="muted small">{verifyUrl(code())}</p>
                    </>
                  )}
                </Show>
              </section>
              <Show when={valid(c)}>
                <p class="no-print">{t('resident.certificate.confirmed')}</p>
                <div class="nav-buttons stacked no-print">
                  <button type="button" class="button" onClick={() => window.print()}>{t('resident.certificate.print')}</button>
                  <button
                    type="button"
                    class="button secondary"
                    onClick={() =>
                      void shareCertificate({
                        heading: t('resident.certificate.heading'),
                        course: title(c.courseId),
                        skill: content.course(c.courseId) ? skillLine(content.course(c.courseId)!.skill) : null,
                        awardedTo: t('resident.certificate.awardedTo'),
                        name: name(),
                        nameNote: nameNote(),
                        basis: basis(c),
                        dateLabel: t('resident.certificate.date'),
                        date: formatDate(c.issuedAt!),
                        codeLabel: t('resident.certificate.code'),
                        code: formatCode(c.code!),
                        ward: wardName(),
                        verifyUrl: verifyUrl(c.code!),
                      }).catch((e: Error) => setShareError(e.message))
                    }
                  >
                    {t('resident.certificate.shareImage')}
                  </button>
                </div>
                <Show when={shareError()}><p class="notice" role="alert">{shareError()}</p></Show>
              </Show>
            </>
          )}
        </Show>
      </Show>
    </article>
  );
}
