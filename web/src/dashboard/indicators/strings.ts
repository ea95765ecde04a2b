// The indicators screen's strings travel with its lazy route.
import { registerStrings } from '../../i18n/lazy-strings.ts';
import vi from '../../i18n/vi/lazy/indicators.json';
import en from '../../i18n/en/lazy/indicators.json';

registerStrings('indicators', { vi, en });
