// The ward page's way to the city's view: shown to the office only when the
// server serves a city (its home app answers the list of localities), so a
// single ward's page looks as it always has.
import { createSignal, onMount, Show } from 'solid-js';
import { t } from '../i18n/index.ts';
import { cityApi } from './city-api.ts';

export function CityLink() {
  const [isCity, setIsCity] = createSignal(false);
  onMount(() => cityApi.isCity().then(setIsCity, () => setIsCity(false)));
  return (
    <Show when={isCity()}>
      <p>
        <a href="/city" data-testid="ward-city-link">
          {t('ward.cityLink')}
        </a>
      </p>
    </Show>
  );
}
