// The bench sections, in the order `npm run bench` runs them. Add a section
// by adding its file and one line here.
import { dashboardSection } from './dashboard.ts';
import { memorySection } from './memory.ts';
import { syncSection } from './sync.ts';
import { syncFaultsSection } from './sync-faults.ts';
import { sizeSection } from './size.ts';
import { lighthouseSection } from './lighthouse.ts';
import { firstLoadSection } from './first-load.ts';
import { lessonOpenSection } from './lesson-open.ts';
import { fuzzSection } from './fuzz.ts';
import { loginBurstSection } from './login-burst.ts';
import { importBombSection } from './import-bomb.ts';
import { planTrackerSection } from './plan-tracker.ts';
import { replicaSection } from './replica.ts';
import { citySection } from './city.ts';
import type { BenchSection } from './types.ts';

export const sections: BenchSection[] = [
  syncSection,
  dashboardSection,
  memorySection,
  syncFaultsSection,
  sizeSection,
  firstLoadSection,
  lighthouseSection,
  lessonOpenSection,
  fuzzSection,
  loginBurstSection,
  importBombSection,
  planTrackerSection,
  replicaSection,
  citySection,
];
