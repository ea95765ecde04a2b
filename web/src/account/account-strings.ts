// Strings of the password page and the admin's account actions, bundled with them.
import { registerStrings } from '../i18n/lazy-strings.ts';
import vi from '../i18n/vi/lazy/account.json';
import en from '../i18n/en/lazy/account.json';

registerStrings('account', { vi, en });
