// The resident screens' strings arrive with their code, not with the home screen.
import { registerStrings } from '../i18n/lazy-strings.ts';
import vi from '../i18n/vi/lazy/resident.json';
import en from '../i18n/en/lazy/resident.json';

registerStrings('resident', { vi, en });
