import { lazy, onMount } from 'solid-js';
import { Route, Router } from '@solidjs/router';
import { Layout } from './components/layout.tsx';
import { createAppStores, StoresProvider } from './stores/app-stores.tsx';

// Route-level code splitting: each screen is its own chunk; the ward page
// (staff only) never reaches a resident who does not open it.
const HomePage = lazy(() => import('./routes/home-page.tsx'));
const CoursePage = lazy(() => import('./routes/course-page.tsx'));
const LessonPage = lazy(() => import('./routes/lesson-page.tsx'));
const WardPage = lazy(() => import('./routes/ward-page.tsx'));
const NotFoundPage = lazy(() => import('./routes/not-found-page.tsx'));

export function App() {
  const stores = createAppStores();
  // Sync starts after the first paint; it needs storage, which loads lazily.
  onMount(() => setTimeout(() => void stores.sync.start(), 0));
  return (
    <StoresProvider stores={stores}>
      <Router root={Layout}>
        <Route path="/" component={HomePage} />
        <Route path="/courses/:courseId" component={CoursePage} />
        <Route path="/courses/:courseId/lessons/:lessonId" component={LessonPage} />
        <Route path="/ward" component={WardPage} />
        <Route path="*404" component={NotFoundPage} />
      </Router>
    </StoresProvider>
  );
}
