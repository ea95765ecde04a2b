// The dashboard's UI strings travel with the ward page's code, not with the
// resident app's first download.
import { registerStrings } from '../i18n/lazy-strings.ts';
import vi from '../i18n/vi/lazy/dashboard.json';
import en from '../i18n/en/lazy/dashboard.json';

registerStrings('dashboard', { vi, en });
