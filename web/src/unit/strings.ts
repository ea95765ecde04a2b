// The unit officer's screen strings travel with its lazy route.
import { registerStrings } from '../i18n/lazy-strings.ts';
import vi from '../i18n/vi/lazy/unit.json';
import en from '../i18n/en/lazy/unit.json';

registerStrings('unit', { vi, en });
