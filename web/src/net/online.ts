// Whether the device says it has a network, as a signal that follows the
// browser's online and offline events for as long as the calling component
// lives. For screens that say plainly what waits for a connection.
import { createSignal, onCleanup, type Accessor } from 'solid-js';

export function createOnlineSignal(): Accessor<boolean> {
  const [online, setOnline] = createSignal(navigator.onLine);
  const update = () => setOnline(navigator.onLine);
  window.addEventListener('online', update);
  window.addEventListener('offline', update);
  onCleanup(() => {
    window.removeEventListener('online', update);
    window.removeEventListener('offline', update);
  });
  return online;
}
