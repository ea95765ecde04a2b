import { render } from 'solid-js/web';
import { App } from './app.tsx';
import { registerServiceWorker } from './sw/register-sw.ts';
import { language } from './i18n/index.ts';
import './styles/base.css';
import './styles/layout.css';

document.documentElement.lang = language();
render(() => <App />, document.getElementById('app')!);
void registerServiceWorker();
