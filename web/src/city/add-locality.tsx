// The city admin adds a ward, commune or special zone (POST
// /api/v1/city/localities); its code becomes part of its residents' address.
import { createSignal, For } from 'solid-js';
import { LOCALITY_KINDS, type LocalityKind, type NewLocality } from '../../../shared/localities/locality.ts';
import { t } from '../i18n/index.ts';

export function AddLocality(props: { busy: boolean; onAdd: (locality: NewLocality) => Promise<boolean> }) {
  const [name, setName] = createSignal('');
  const [slug, setSlug] = createSignal('');
  const [kind, setKind] = createSignal<LocalityKind>('ward');
  return (
    <section aria-labelledby="city-add" class="city-card">
      <h2 id="city-add">{t('city.add.title')}</h2>
      <form
        class="city-add"
        data-testid="city-add-form"
        onSubmit={(e) => {
          e.preventDefault();
          void props.onAdd({ name: name().trim(), slug: slug().trim(), kind: kind() }).then((added) => {
            if (added) (setName(''), setSlug(''));
          });
        }}
      >
        <label>
          <span>{t('city.add.name')}</span>
          <input name="name" required minLength={2} maxLength={120} value={name()} onInput={(e) => setName(e.currentTarget.value)} />
        </label>
        <label>
          <span>{t('city.add.slug')}</span>
          <input name="slug" required pattern="[a-z0-9](?:[a-z0-9\-]{0,46}[a-z0-9])?" maxLength={48} autocapitalize="off" spellcheck={false} value={slug()} onInput={(e) => setSlug(e.currentTarget.value)} />
        </label>
        <label>
          <span>{t('city.add.kind')}</span>
          <select name="kind" value={kind()} onChange={(e) => setKind(e.currentTarget.value as LocalityKind)}>
            <For each={LOCALITY_KINDS}>{(k) => <option value={k}>{t(`city.kinds.${k}`)}</option>}</For>
          </select>
        </label>
        <button type="submit" class="button" disabled={props.busy} data-testid="city-add-submit">
          {t('city.add.submit')}
        </button>
      </form>
    </section>
  );
}
