// The plan report page's UI strings travel with its code (office chunk).
import { registerStrings } from '../../i18n/lazy-strings.ts';
import vi from '../../i18n/vi/lazy/planReport.json';
import en from '../../i18n/en/lazy/planReport.json';

registerStrings('planReport', { vi, en });
