import { createSignal, For, Show } from 'solid-js';
import { language, t } from '../../i18n/index.ts';
import { dummyBirthDate, validateDossier, type DossierErrors, type DossierField, type DossierForm } from './validate.ts';

const ORDER: DossierField[] = ['childName', 'birthDate', 'gender', 'attachment', 'pledge'];
const FIRST_INPUT: Record<DossierField, string> = {
  childName: 'dossier-childName',
  birthDate: 'dossier-birthDate',
  gender: 'dossier-gender-male',
  attachment: 'dossier-file-birth-certificate',
  pledge: 'dossier-pledge',
};

/** The dummy birth date as the resident reads it: "1/12/2026", or "1 December 2026" in English. */
function shownDummyDate(): string {
  const [y, m, d] = dummyBirthDate().split('-').map(Number);
  const date = new Date(y, m - 1, d);
  return language() === 'vi' ? `${d}/${m}/${y}` : date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
}

/**
 * The mock form. Errors show after "Continue": a summary at the top (focused,
 * each entry jumps to its field) and a message under each field, tied to it
 * with aria-describedby and marked with a sign, not only red.
 */
export function DossierFormView(props: { form: DossierForm; onChange: (f: DossierForm) => void; onValid: () => void }) {
  const [errors, setErrors] = createSignal<DossierErrors>({});
  let summary: HTMLDivElement | undefined;
  const set = <K extends DossierField>(k: K, v: DossierForm[K]) => {
    props.onChange({ ...props.form, [k]: v });
    // A field fixed by the resident loses its message at once.
    if (errors()[k]) setErrors((e) => ({ ...e, [k]: validateDossier({ ...props.form, [k]: v })[k] }));
  };
  const listed = () => ORDER.filter((k) => errors()[k]);
  const err = (k: DossierField) => errors()[k];
  const message = (key: string) => t(`practiceDossier.errors.${key}`, { date: shownDummyDate() });
  const described = (k: DossierField, hint?: string) => [hint, err(k) ? `err-${k}` : undefined].filter(Boolean).join(' ') || undefined;

  function submit(e: Event) {
    e.preventDefault();
    const found = validateDossier(props.form);
    setErrors(found);
    if (Object.keys(found).length === 0) return props.onValid();
    queueMicrotask(() => summary?.focus());
  }

  const ErrorText = (p: { field: DossierField }) => (
    <Show when={err(p.field)}>
      {(key) => (
        <p class="field-error" id={`err-${p.field}`} data-testid={`error-${p.field}`}>
          <span aria-hidden="true">✗ </span>
          {message(key())}
        </p>
      )}
    </Show>
  );

  return (
    <form novalidate onSubmit={submit} data-testid="dossier-form">
      <Show when={listed().length > 0}>
        <div class="error-summary" role="alert" tabindex="-1" ref={summary} data-testid="dossier-errors">
          <p>
            <strong>{t('practiceDossier.errorSummary', { count: listed().length })}</strong>
          </p>
          <ul>
            <For each={listed()}>
              {(k) => (
                <li>
                  <a href={`#${FIRST_INPUT[k]}`} onClick={(e) => (e.preventDefault(), document.getElementById(FIRST_INPUT[k])?.focus())}>
                    {message(err(k)!)}
                  </a>
                </li>
              )}
            </For>
          </ul>
        </div>
      </Show>

      <div class="field">
        <label for="dossier-childName">{t('practiceDossier.childName')}</label>
        <p class="muted" id="hint-childName">{t('practiceDossier.childNameHint')}</p>
        <input
          id="dossier-childName"
          data-testid="dossier-childName"
          autocomplete="off"
          value={props.form.childName}
          aria-invalid={Boolean(err('childName'))}
          aria-describedby={described('childName', 'hint-childName')}
          onInput={(e) => set('childName', e.currentTarget.value)}
        />
        <ErrorText field="childName" />
      </div>

      <div class="field">
        <label for="dossier-birthDate">{t('practiceDossier.birthDate')}</label>
        <p class="muted" id="hint-birthDate" data-testid="dossier-birthDate-hint">
          {t('practiceDossier.birthDateHint', { date: shownDummyDate() })}
        </p>
        <input
          id="dossier-birthDate"
          data-testid="dossier-birthDate"
          type="date"
          value={props.form.birthDate}
          aria-invalid={Boolean(err('birthDate'))}
          aria-describedby={described('birthDate', 'hint-birthDate')}
          onInput={(e) => set('birthDate', e.currentTarget.value)}
          onChange={(e) => set('birthDate', e.currentTarget.value)}
        />
        <ErrorText field="birthDate" />
      </div>

      <fieldset class="field" aria-describedby={described('gender')}>
        <legend>{t('practiceDossier.gender')}</legend>
        <For each={['male', 'female'] as const}>
          {(g) => (
            <label class="radio">
              <input
                type="radio"
                name="dossier-gender"
                id={`dossier-gender-${g}`}
                data-testid={`dossier-gender-${g}`}
                checked={props.form.gender === g}
                onChange={() => set('gender', g)}
              />
              {t(`practiceDossier.${g}`)}
            </label>
          )}
        </For>
        <ErrorText field="gender" />
      </fieldset>

      <div class="field">
        <label for="dossier-applicant">{t('practiceDossier.applicant')}</label>
        <input id="dossier-applicant" value="NGUYỄN VĂN A" readOnly />
      </div>

      <fieldset class="field" aria-describedby={described('attachment')}>
        <legend>{t('practiceDossier.attachment')}</legend>
        <p class="muted">{t('practiceDossier.attachmentHint')}</p>
        <For each={[['birth-certificate', 'fileBirth'], ['selfie', 'fileSelfie']] as const}>
          {([value, label]) => (
            <label class="radio">
              <input
                type="radio"
                name="dossier-file"
                id={`dossier-file-${value}`}
                data-testid={`dossier-file-${value}`}
                checked={props.form.attachment === value}
                onChange={() => set('attachment', value)}
              />
              <span aria-hidden="true">📄 </span>
              {t(`practiceDossier.${label}`)}
            </label>
          )}
        </For>
        <ErrorText field="attachment" />
      </fieldset>

      <div class="field">
        <label class="radio">
          <input
            type="checkbox"
            id="dossier-pledge"
            data-testid="dossier-pledge"
            checked={props.form.pledge}
            aria-invalid={Boolean(err('pledge'))}
            aria-describedby={described('pledge')}
            onChange={(e) => set('pledge', e.currentTarget.checked)}
          />
          {t('practiceDossier.pledge')}
        </label>
        <ErrorText field="pledge" />
      </div>

      <button type="submit" class="button" data-testid="dossier-continue">
        {t('practiceDossier.continue')} →
      </button>
    </form>
  );
}
