// Loads one register's entries of the open plan, and reloads them after a save.
import { createSignal, onMount } from 'solid-js';
import { loadErrorText } from './save-error.ts';

export function createEntryList<T extends { planId: string }>(load: () => Promise<T[]>, planId: () => string) {
  const [all, setAll] = createSignal<T[]>([]);
  const [problem, setProblem] = createSignal('');
  const reload = async () => {
    try {
      setAll(await load());
      setProblem('');
    } catch (err) {
      setProblem(loadErrorText(err));
    }
  };
  onMount(() => void reload());
  return { entries: () => all().filter((e) => e.planId === planId()), problem, reload };
}
