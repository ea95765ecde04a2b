import { lazy, onMount } from 'solid-js';
import { Route, Router } from '@solidjs/router';
import { Layout } from './layout.tsx';
import HomePage from '../learn/home-page.tsx';
import { createAppStores, StoresProvider, type AppStores } from './app-stores.tsx';
import { watchCertificates } from '../resident/certificate-watch.ts';
import { afterFirstPaint } from './first-paint.ts';
import { residentScreenAt, WARD_CHANNELS_PATH } from '../../../shared/resident/addresses.ts';
// In the first download (a few hundred bytes): a course's and a lesson's screens show it too, and a chunk of its own was one more request before they paint.
import NotFoundPage from './not-found-page.tsx';
import { localityBase } from '../net/api-base.ts';

// Route-level code splitting: each screen is its own chunk; the ward page
// (staff only) never reaches a resident who does not open it. The home screen
// is the exception: most visits start there, so it is part of the entry and
// paints with the first render, with no second request for its code.
const CoursePage = lazy(() => import('../learn/course-page.tsx'));
const LessonPage = lazy(() => import('../learn/lesson-page.tsx'));
const WardPage = lazy(() => import('../dashboard/ward-page.tsx'));
// In the ward page's chunk: they share the document's frame and strings, and a chunk of their own would not be named office-*.
const PlanReportPage = lazy(() => import('../dashboard/ward-page.tsx').then((m) => ({ default: m.PlanReportPage })));
const TrackerPage = lazy(() => import('../dashboard/tracker/tracker-page.tsx'));
const IndicatorsPage = lazy(() => import('../dashboard/indicators/indicators-page.tsx'));
// The city's view, on a deployment serving localities (the page says so on a single ward's server).
const CityPage = lazy(() => import('../city/city-page.tsx'));
// The resident's own screens (profile, data rights, certificates, moving phones).
const PrivacyPage = lazy(() => import('../resident/privacy-page.tsx'));
const MePage = lazy(() => import('../resident/me-page.tsx'));
const MyDataPage = lazy(() => import('../resident/my-data-page.tsx'));
const MovePage = lazy(() => import('../resident/move-page.tsx'));
const RecoverPage = lazy(() => import('../resident/recover-page.tsx'));
const ProfilesPage = lazy(() => import('../resident/profiles-page.tsx'));
const CertificatesPage = lazy(() => import('../resident/certificates-page.tsx'));
const ChannelsPage = lazy(() => import('../resident/channels-page.tsx'));
const SelfCheckPage = lazy(() => import('../self-check/self-check-page.tsx'));
const SettingsPage = lazy(() => import('./settings-page.tsx'));
// Guide mode: never loaded for residents.
const GuideHomePage = lazy(() => import('../guide/pages/guide-home-page.tsx'));
const GuideSessionNewPage = lazy(() => import('../guide/pages/session-new-page.tsx'));
const GuideSessionPage = lazy(() => import('../guide/pages/session-page.tsx'));
const GuideReportPage = lazy(() => import('../guide/pages/report-page.tsx'));
const GuideGroupPage = lazy(() => import('../guide/pages/group-page.tsx'));
// Ward office admin: guide accounts, profile editing with file import, outreach posters.
const AdminStaffPage = lazy(() => import('../admin/admin-staff-page.tsx'));
const AdminWardPage = lazy(() => import('../admin/ward-admin-page.tsx'));
const AdminPostersPage = lazy(() => import('../admin/posters-page.tsx'));
const AdminAuditPage = lazy(() => import('../admin/audit-page.tsx'));
const AdminPlansPage = lazy(() => import('../admin/plans-page.tsx'));
// The ward's LED screens: the office's list and editor, and the full-screen loop a screen shows.
const AdminDisplaysPage = lazy(() => import('../admin/displays-page.tsx'));
const DisplayPage = lazy(() => import('../display/display-page.tsx'));
const AdminBulletinsPage = lazy(() => import('../admin/bulletins-page.tsx'));
const BulletinSchedulePage = lazy(() => import('../admin/bulletin-schedule/schedule-page.tsx'));
// The outreach studio's social cards (bulletins and posters are its other tabs).
const AdminStudioPage = lazy(() => import('../admin/studio/cards-page.tsx'));
// A unit officer's phone screen: records the unit's outreach, offline too (precached like guide mode).
const UnitPage = lazy(() => import('../unit/unit-page.tsx'));
// The ward's published news for residents; its staff desk is office code.
const NewsPage = lazy(() => import('../news/news-page.tsx'));
const AdminNewsPage = lazy(() => import('../admin/news/news-desk-page.tsx'));
// The office reads the units' log with its evidence photos and scans.
const UnitLogPage = lazy(() => import('../unit-log/unit-log-page.tsx'));
// The plan's registers: office work done online (not precached; the page says so when offline).
const RegistersPage = lazy(() => import('../registers/registers-page.tsx'));
const PasswordPage = lazy(() => import('../account/password-page.tsx'));
const JoinPage = lazy(() => import('../join/join-page.tsx'));
const HouseholdJoinPage = lazy(() => import('../household/household-page.tsx'));
const GuideHouseholdsPage = lazy(() => import('../guide/pages/households-page.tsx'));
const GuideAssistPage = lazy(() => import('../guide/pages/assist-lesson-page.tsx'));
const GuideAudioPage = lazy(() => import('../guide/pages/audio-page.tsx'));
// The reviewer (VH-XH) listens to guides' recordings and approves them: office code.
const LessonAudioReviewPage = lazy(() => import('../admin/lesson-audio-page.tsx'));

/**
 * Loads the code of the screen at this address before the first render, so
 * the first paint shows the header and the screen together, with no gap and
 * no second render task after it. The home screen is already in the entry.
 */
export function preloadFirstScreen(pathname: string): Promise<unknown> {
  const screen = residentScreenAt(pathname)?.screen;
  if (screen === 'lesson') return LessonPage.preload();
  if (screen === 'course') return CoursePage.preload();
  return Promise.resolve();
}

export function App(props: { stores?: AppStores }) {
  const stores = props.stores ?? createAppStores();
  // Sync starts after the first paint; it needs storage, which loads lazily.
  onMount(() => void afterFirstPaint().then(() => stores.sync.start()));
  // Earned certificates are confirmed after each sync, not only when their page is open.
  watchCertificates(stores);
  return (
    <StoresProvider stores={stores}>
      {/* In a locality every in-app address keeps its /l/<slug> prefix. */}
      <Router root={Layout} base={localityBase() || undefined}>
        <Route path="/" component={HomePage} />
        <Route path="/courses/:courseId" component={CoursePage} />
        <Route path="/courses/:courseId/lessons/:lessonId" component={LessonPage} />
        <Route path="/ward" component={WardPage} />
        <Route path="/ward/activities" component={UnitLogPage} />
        <Route path="/ward/plan-report" component={PlanReportPage} />
        <Route path="/ward/tracker" component={TrackerPage} />
        <Route path="/ward/audio" component={LessonAudioReviewPage} />
        <Route path="/ward/indicators" component={IndicatorsPage} />
        <Route path="/city" component={CityPage} />
        <Route path="/settings" component={SettingsPage} />
        <Route path="/self-check" component={SelfCheckPage} />
        <Route path="/join/:code?" component={JoinPage} />
        <Route path="/household/:id?" component={HouseholdJoinPage} />
        <Route path="/guide" component={GuideHomePage} />
        <Route path="/guide/sessions/new" component={GuideSessionNewPage} />
        <Route path="/guide/sessions/:id" component={GuideSessionPage} />
        <Route path="/guide/report" component={GuideReportPage} />
        <Route path="/guide/groups/:groupId" component={GuideGroupPage} />
        <Route path="/guide/groups/:groupId/households" component={GuideHouseholdsPage} />
        <Route path="/guide/assist/:learnerId/:courseId/:lessonId" component={GuideAssistPage} />
        <Route path="/guide/audio/:courseId?/:lessonId?" component={GuideAudioPage} />
        <Route path="/admin/staff" component={AdminStaffPage} />
        <Route path="/admin/ward" component={AdminWardPage} />
        <Route path="/admin/posters" component={AdminPostersPage} />
        <Route path="/admin/audit" component={AdminAuditPage} />
        <Route path="/admin/plans" component={AdminPlansPage} />
        <Route path="/admin/displays" component={AdminDisplaysPage} />
        <Route path="/display/:screen" component={DisplayPage} />
        <Route path="/admin/bulletins" component={AdminBulletinsPage} />
        <Route path="/admin/bulletins/schedule" component={BulletinSchedulePage} />
        <Route path="/admin/studio" component={AdminStudioPage} />
        <Route path="/unit" component={UnitPage} />
        <Route path="/tin/:id?" component={NewsPage} />
        <Route path="/admin/news" component={AdminNewsPage} />
        <Route path="/registers/:register?" component={RegistersPage} />
        <Route path="/account/password" component={PasswordPage} />
        <Route path="/privacy" component={PrivacyPage} />
        <Route path="/me" component={MePage} />
        <Route path="/me/data" component={MyDataPage} />
        <Route path="/me/move" component={MovePage} />
        <Route path="/recover" component={RecoverPage} />
        <Route path="/profiles" component={ProfilesPage} />
        <Route path="/certificates/:courseId?" component={CertificatesPage} />
        <Route path={WARD_CHANNELS_PATH} component={ChannelsPage} />
        <Route path="*404" component={NotFoundPage} />
      </Router>
    </StoresProvider>
  );
}
