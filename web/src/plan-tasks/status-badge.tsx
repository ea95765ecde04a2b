// A task's status as a sign and words, never by colour alone: the office's
// tracker and the unit officer's phone show the same four.
import type { TaskStatus } from '../../../shared/plans/task-status.ts';
import '../styles/task-status.css';

const SIGN: Record<TaskStatus, string> = { done: '✓', 'on-track': '◷', overdue: '!', none: '✗' };

export function StatusBadge(props: { status: TaskStatus; label: string }) {
  return (
    <span class={`task-status task-status-${props.status}`} data-status={props.status}>
      <span class="task-status-sign" aria-hidden="true">
        {SIGN[props.status]}
      </span>{' '}
      {props.label}
    </span>
  );
}
