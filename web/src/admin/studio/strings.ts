// The studio's strings travel with its lazy routes.
import { registerStrings } from '../../i18n/lazy-strings.ts';
import vi from '../../i18n/vi/lazy/studio.json';
import en from '../../i18n/en/lazy/studio.json';

registerStrings('studio', { vi, en });
