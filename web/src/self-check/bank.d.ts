// The self-check bank, compiled from courses/self-check.yaml by the courses
// plugin (tools/courses/vite-plugin.ts); null when the file is absent.
declare module 'virtual:hvs-self-check' {
  import type { SelfCheckBank } from '../../../shared/content/self-check-schema.ts';
  const bank: SelfCheckBank | null;
  export default bank;
}
