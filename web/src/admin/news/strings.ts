// The news desk's strings travel with its lazy route (office code).
import { registerStrings } from '../../i18n/lazy-strings.ts';
import vi from '../../i18n/vi/lazy/newsDesk.json';
import en from '../../i18n/en/lazy/newsDesk.json';

registerStrings('newsDesk', { vi, en });
