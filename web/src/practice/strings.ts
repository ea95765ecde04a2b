// The practice screens' common strings (frame, verdicts, safety note),
// registered once by whichever practice module loads first.
import { registerStrings } from '../i18n/lazy-strings.ts';
import vi from '../i18n/vi/lazy/practice.json';
import en from '../i18n/en/lazy/practice.json';

registerStrings('practice', { vi, en });
