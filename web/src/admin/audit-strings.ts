// The audit page's UI strings travel with its lazy route.
import { registerStrings } from '../i18n/lazy-strings.ts';
import vi from '../i18n/vi/lazy/audit.json';
import en from '../i18n/en/lazy/audit.json';

registerStrings('audit', { vi, en });
