// Component tests: renders a component inside a memory router, so links
// (<A>) work as they do in the app. Test-only; nothing in the app imports it.
import type { JSX } from 'solid-js';
import { createMemoryHistory, MemoryRouter, Route } from '@solidjs/router';
import { render } from '@solidjs/testing-library';

export function renderInRouter(ui: () => JSX.Element, path = '/') {
  const history = createMemoryHistory();
  history.set({ value: path, scroll: false, replace: true });
  return render(() => (
    <MemoryRouter history={history}>
      <Route path="*" component={ui} />
    </MemoryRouter>
  ));
}
