// Guide mode's strings, bundled with the guide screens (never the home screen).
import { registerStrings } from '../i18n/lazy-strings.ts';
import vi from '../i18n/vi/lazy/guide.json';
import en from '../i18n/en/lazy/guide.json';

registerStrings('guide', { vi, en });
