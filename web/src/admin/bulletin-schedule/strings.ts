// The broadcast schedule's strings travel with its lazy route (office code).
import { registerStrings } from '../../i18n/lazy-strings.ts';
import vi from '../../i18n/vi/lazy/bulletinSchedule.json';
import en from '../../i18n/en/lazy/bulletinSchedule.json';
import '../strings.ts';

registerStrings('bulletinSchedule', { vi, en });
