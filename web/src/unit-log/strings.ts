// The units' log screen strings travel with its lazy route.
import { registerStrings } from '../i18n/lazy-strings.ts';
import vi from '../i18n/vi/lazy/unitLog.json';
import en from '../i18n/en/lazy/unitLog.json';

registerStrings('unitLog', { vi, en });
