// First: no module may parse with zod before it is told not to use eval.
import './zod-no-eval.ts';
import { render } from 'solid-js/web';
import { applyDisplayPrefs } from './a11y/apply-display-prefs.ts';
import { App } from './app.tsx';
import { registerServiceWorker } from './sw/register-sw.ts';
import { watchInstallOffer } from './sw/install-prompt.ts';
import { language } from './i18n/index.ts';
import './styles/base.css';
import './styles/layout.css';
import './styles/a11y.css';
import './styles/loading.css';

document.documentElement.lang = language();
// Text size and contrast before the first render, so the first paint is already right.
applyDisplayPrefs();
render(() => <App />, document.getElementById('app')!);
void registerServiceWorker();
watchInstallOffer();
