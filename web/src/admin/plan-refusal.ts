// A refused plan in the editor's own words: each problem the server found,
// named by the part of the plan as the editor shows it ("Nội dung 1.3:
// tiêu đề không được để trống", "Hình thức 2.3, hình thức cụ thể dòng 1:
// mã …"), never zod's path; and the server's code kept at the end, so a
// report to the operator still says what the server answered.
import type { PlanInput } from '../../../shared/plans/schema.ts';
import { planIssuesSchema, type PlanIssue } from '../../../shared/plans/refusal.ts';
import { t } from '../i18n/index.ts';
import { errorText } from '../net/error-message.ts';
import { HttpError } from '../net/http.ts';
import { ADMIN_ERRORS } from './admin-errors.ts';

/** More than this many problems at once are counted, not listed. */
const SHOWN = 5;
const DATES = new Set(['issuedOn', 'periodFrom', 'periodTo', 'dueOn', 'from', 'until']);
const CODES = new Set(['code', 'formCode', 'contentItems', 'forms']);
const FIELDS = new Set(['numberSymbol', 'issuedOn', 'issuingBody', 'title', 'periodFrom', 'periodTo']);
/** Refusals that are not about one part of the plan, by the server's code (or, failing that, the status). */
const CODES_SAID = new Set(['not_found', 'unauthorized', 'forbidden', 'payload_too_large', 'too_many_requests']);
const BY_STATUS: Record<number, string> = { 401: 'unauthorized', 403: 'forbidden', 404: 'not_found', 413: 'payload_too_large', 429: 'too_many_requests' };
/** The word for a field inside a row, when it is not the row's own name for it. */
const FIELD_WORD: Record<string, Record<string, string>> = {
  contentItems: { code: 'code', title: 'title' },
  forms: { code: 'code', title: 'name' },
  subForms: { id: 'id', title: 'name' },
  duties: { unitId: 'unitId', role: 'role', text: 'text' },
  tasks: { id: 'id', title: 'taskTitle', unitId: 'unitId', formCode: 'formCode', subFormId: 'subFormId', every: 'every', atLeast: 'atLeast', dueOn: 'dueOn', from: 'from', until: 'until' },
  targets: { formCode: 'formCode', subFormId: 'subFormId', unitId: 'unitId', count: 'count', per: 'per' },
};

const r = (key: string, params?: Record<string, unknown>) => t(`plans.refusal.${key}`, params);
const part = (name: string) => r(`part.${name}`);
const lastKey = (path: PlanIssue['path']) => [...path].reverse().find((p): p is string => typeof p === 'string') ?? '';

/** Where the problem is, and the field's word if the problem is in one field of a row. */
function placeOf(path: PlanIssue['path'], input: PlanInput): { where: string; field?: string } {
  const [top, i, field, j, sub] = path;
  const word = (table: string, f: unknown) => (typeof f === 'string' && FIELD_WORD[table][f] ? r(`field.${FIELD_WORD[table][f]}`) : undefined);
  if (typeof top !== 'string') return { where: part('plan') };
  const row = typeof i === 'number' ? i + 1 : 0;
  const line = () => r('line', { part: part(top), n: row });
  switch (top) {
    case 'contentItems': {
      if (!row) return { where: part(top) };
      const code = input.contentItems[i as number]?.code;
      const where = code ? r('item', { code }) : line();
      if (field === 'points' && typeof j === 'number') return { where: `${where}, ${r('point', { n: j + 1 })}` };
      return { where, field: word(top, field) };
    }
    case 'forms': {
      if (!row) return { where: part(top) };
      const code = input.forms[i as number]?.code;
      const where = code ? r('form', { code }) : line();
      if (field === 'subForms' && typeof j === 'number') return { where: `${where}, ${r('subForm', { n: j + 1 })}`, field: word('subForms', sub) };
      return { where, field: word(top, field) };
    }
    case 'duties':
    case 'tasks':
    case 'targets':
      // A duty's list entry (a content item or form it names) is said by the problem itself.
      return row ? { where: line(), field: typeof j === 'number' ? undefined : word(top, field) } : { where: part(top) };
    case 'legalBases':
    case 'recipients':
    case 'slogans':
      return { where: row ? `${part(top)}, ${r('listItem', { n: row })}` : part(top) };
    default:
      return { where: FIELDS.has(top) ? part(top) : part('plan') };
  }
}

function problemOf(issue: PlanIssue): string {
  if (issue.problem !== 'format') return r(`problem.${issue.problem}`, { limit: issue.limit, value: issue.value });
  const key = lastKey(issue.path);
  return r(`problem.${DATES.has(key) ? 'formatDate' : CODES.has(key) ? 'formatCode' : 'formatId'}`);
}

/** Problems whose words already name what they are about ("kế hoạch không có nội dung số 9.9"). */
const SELF_NAMED = new Set<PlanIssue['problem']>(['twice', 'noItem', 'noForm', 'noSubForm', 'noUnit']);

/** One problem: "Nội dung 1.3: tiêu đề không được để trống". */
export function issueText(issue: PlanIssue, input: PlanInput): string {
  const { where, field } = placeOf(issue.path, input);
  return `${where}: ${field && !SELF_NAMED.has(issue.problem) ? `${field} ` : ''}${problemOf(issue)}`;
}

/** What the editor says when saving `input` failed with `err`. */
export function planRefusalText(err: unknown, input: PlanInput): string {
  if (!(err instanceof HttpError)) return errorText(err, ADMIN_ERRORS);
  const issues = planIssuesSchema.safeParse(err.details.issues);
  let problems: string;
  if (issues.success && issues.data.length > 0) {
    const listed = issues.data.slice(0, SHOWN).map((i) => issueText(i, input));
    const rest = issues.data.length - listed.length;
    problems = [...listed, ...(rest > 0 ? [r('more', { count: rest })] : [])].join('; ');
  } else {
    const known = [err.code, BY_STATUS[err.status]].find((c) => c !== undefined && CODES_SAID.has(c));
    problems = r(`byCode.${known ?? 'other'}`, { message: err.message });
  }
  return `${r('notSaved', { problems })} ${r('code', { code: err.code })}`;
}
