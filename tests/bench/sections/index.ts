// The bench sections, in the order `npm run bench` runs them. Add a section
// by adding its file and one line here.
import { dashboardSection } from './dashboard.ts';
import { syncSection } from './sync.ts';
import type { BenchSection } from './types.ts';

export const sections: BenchSection[] = [
  syncSection,
  dashboardSection,
];
