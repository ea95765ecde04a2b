// The ward channels screen's strings arrive with its code, not with the home screen.
import { registerStrings } from '../i18n/lazy-strings.ts';
import vi from '../i18n/vi/lazy/channels.json';
import en from '../i18n/en/lazy/channels.json';

registerStrings('channels', { vi, en });
