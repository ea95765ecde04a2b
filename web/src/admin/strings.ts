// The admin screens' UI strings travel with their lazy routes, not with the
// resident app's first download.
import { registerStrings } from '../i18n/lazy-strings.ts';
import vi from '../i18n/vi/lazy/wardAdmin.json';
import en from '../i18n/en/lazy/wardAdmin.json';
import viPosters from '../i18n/vi/lazy/posters.json';
import enPosters from '../i18n/en/lazy/posters.json';
import viDisplays from '../i18n/vi/lazy/displayAdmin.json';
import enDisplays from '../i18n/en/lazy/displayAdmin.json';
import viBulletins from '../i18n/vi/lazy/bulletins.json';
import enBulletins from '../i18n/en/lazy/bulletins.json';
import viPlans from '../i18n/vi/lazy/plans.json';
import enPlans from '../i18n/en/lazy/plans.json';
import viStudio from '../i18n/vi/lazy/studio.json';
import enStudio from '../i18n/en/lazy/studio.json';

registerStrings('wardAdmin', { vi, en });
registerStrings('posters', { vi: viPosters, en: enPosters });
registerStrings('plans', { vi: viPlans, en: enPlans });
registerStrings('displayAdmin', { vi: viDisplays, en: enDisplays });
registerStrings('bulletins', { vi: viBulletins, en: enBulletins });
registerStrings('studio', { vi: viStudio, en: enStudio });
