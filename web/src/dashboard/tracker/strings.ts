// The tracker screen's strings travel with its lazy route.
import { registerStrings } from '../../i18n/lazy-strings.ts';
import vi from '../../i18n/vi/lazy/tracker.json';
import en from '../../i18n/en/lazy/tracker.json';

registerStrings('tracker', { vi, en });
