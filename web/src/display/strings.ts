// The LED screen's strings travel with its lazy route.
import { registerStrings } from '../i18n/lazy-strings.ts';
import vi from '../i18n/vi/lazy/display.json';
import en from '../i18n/en/lazy/display.json';

registerStrings('display', { vi, en });
