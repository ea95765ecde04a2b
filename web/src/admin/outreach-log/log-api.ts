// The studio's one tap into the unit's outreach log (staff cookie session),
// and who is logged in: only a unit officer has an outreach log to write to.
import type { StaffUser } from '../../../../shared/api.ts';
import type { OutreachLogged, OutreachLogInput } from '../../../../shared/outreach/outreach-log.ts';
import { staffRequest } from '../../net/http.ts';

/** What was published: named by the studio (the activity's id is made from it), with its own address. */
export interface PublishedItem {
  source: string;
  title: string;
  link: string;
  contentItem?: string;
}

// Asked once per page load: a list of screens shows one form per screen.
let who: Promise<StaffUser> | undefined;

export const outreachLogApi = {
  me: () => {
    who ??= staffRequest<{ user: StaffUser }>('/api/v1/auth/me').then((r) => r.user);
    who.catch(() => (who = undefined));
    return who;
  },
  /** Ask again next time (a test, or after logging in as someone else). */
  forget: () => {
    who = undefined;
  },
  log: (input: OutreachLogInput) => staffRequest<OutreachLogged>('/api/v1/outreach-log', { method: 'POST', json: input }),
};
