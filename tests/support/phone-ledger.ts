// What a simulated phone of the fault harness keeps count of, whatever its
// family: every record it wrote to its outbox, every id the server
// acknowledged in an answer the phone actually received, and the answers.
import type { InsertType, Table } from 'dexie';
import type { SyncResponse } from '../../shared/api.ts';

export interface GeneratedTally {
  started: number;
  completed: number;
  scoreSum: number;
}

export function createPhoneLedger<R extends { id: string }>(outbox: Table<R, string, InsertType<R, 'id'>>) {
  /** Every record id the phone wrote to its outbox (counted once its transaction committed). */
  const generated = new Set<string>();
  outbox.hook('creating', function (_key, row) {
    this.onsuccess = () => generated.add(row.id);
  });
  /** Record ids the server acknowledged in an answer this phone actually received. */
  const acked = new Set<string>();
  const answers = { accepted: 0, duplicate: 0, rejected: 0, conflict: 0 };
  const rejections: string[] = [];
  const tally: GeneratedTally = { started: 0, completed: 0, scoreSum: 0 };
  return {
    generated,
    acked,
    answers,
    rejections,
    tally,
    /** Notes a sync answer and passes it on. */
    received<T extends SyncResponse>(res: T): T {
      for (const r of res.results) {
        answers[r.status] += 1;
        if (r.status === 'accepted' || r.status === 'duplicate') acked.add(r.id);
        else rejections.push(`${r.error?.code}: ${r.error?.message}`);
      }
      return res;
    },
  };
}
