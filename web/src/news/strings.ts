// "Tin phường" strings travel with its lazy route.
import { registerStrings } from '../i18n/lazy-strings.ts';
import vi from '../i18n/vi/lazy/news.json';
import en from '../i18n/en/lazy/news.json';

registerStrings('news', { vi, en });
