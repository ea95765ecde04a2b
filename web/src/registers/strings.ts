// The registers' strings travel with their lazy route.
import { registerStrings } from '../i18n/lazy-strings.ts';
import vi from '../i18n/vi/lazy/registers.json';
import en from '../i18n/en/lazy/registers.json';

registerStrings('registers', { vi, en });
