// The queue in front of login password checks. A check costs ~0.3 s and 128
// MiB, so only a few run at once; the rest wait here, and the queue is fair:
// each owner (a client address, or a device that logged in before) has its
// own line and the lines take turns. One client's burst therefore delays
// another client's login by at most one turn, not by the whole burst. The
// queue is bounded; when it is full, the newest waiting check of the owner
// with the longest line gives way to a newcomer with a shorter one, so a
// burst can only ever crowd out itself.

export class HashQueueFull extends Error {
  constructor() {
    super('The login queue is full');
  }
}

interface Waiting {
  start(): void;
  refuse(): void;
}

export interface HashQueue {
  /** Runs task when its owner's turn comes. Throws HashQueueFull when there is no room; rejects
   * with it if the check, already waiting, gives way to a newcomer. */
  run<T>(owner: string, task: () => Promise<T>): Promise<T>;
  /** Checks running and waiting now. */
  load(): { running: number; waiting: number };
}

export function createHashQueue(options: { parallel: number; capacity: number }): HashQueue {
  // Map order is the turn order: an owner served goes to the back.
  const lines = new Map<string, Waiting[]>();
  let waiting = 0;
  let running = 0;

  const dispatch = () => {
    while (running < options.parallel && waiting > 0) {
      const [owner, line] = lines.entries().next().value!;
      const next = line.shift()!;
      waiting--;
      lines.delete(owner);
      if (line.length > 0) lines.set(owner, line);
      running++;
      next.start();
    }
  };

  const longestLine = (): [string, Waiting[]] => {
    let longest: [string, Waiting[]] = ['', []];
    for (const entry of lines) if (entry[1].length > longest[1].length) longest = entry;
    return longest;
  };

  /** Makes room for owner if the queue is full and a longer line can give way. */
  const admit = (owner: string): boolean => {
    if (waiting < options.capacity) return true;
    const [longestOwner, longest] = longestLine();
    if (longest.length <= (lines.get(owner)?.length ?? 0) + 1) return false;
    longest.pop()!.refuse();
    if (longest.length === 0) lines.delete(longestOwner);
    waiting--;
    return true;
  };

  const finish = async <T>(task: () => Promise<T>): Promise<T> => {
    try {
      return await task();
    } finally {
      running--;
      dispatch();
    }
  };

  return {
    run(owner, task) {
      if (running < options.parallel && waiting === 0) {
        running++;
        return finish(task);
      }
      // Refused at once (a throw, not a rejection), so the caller knows before it awaits anything.
      if (!admit(owner)) throw new HashQueueFull();
      const turn = new Promise<void>((start, refuse) => {
        const line = lines.get(owner) ?? [];
        line.push({ start, refuse: () => refuse(new HashQueueFull()) });
        if (line.length === 1) lines.set(owner, line);
        waiting++;
      });
      return turn.then(() => finish(task));
    },
    load: () => ({ running, waiting }),
  };
}
