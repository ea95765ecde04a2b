import { createUniqueId, For, Index, Show } from 'solid-js';
import type { Count } from '../../../shared/stats/api.ts';
import { labelLines } from './chart-label.ts';
import { drawable, num } from './format.ts';

export interface Series {
  label: string;
}
export interface BarRow {
  label: string;
  values: Array<Count | null>;
}

const PATTERNS = ['solid', 'hatch', 'dots'] as const;
const ROW_H = 22;
const BAR_H = 16;
/** Room for two lines of about 30 characters at 12 px (chart-label.ts), so a course or group name is not cut at the left edge. */
const LABEL_W = 230;
const LINE_H = 13;
const CHART_W = 660;

/**
 * Horizontal bars, one group per row, one bar per series. Readable in black
 * and white: each series has its own fill pattern (solid, hatched, dotted), a
 * legend, and every bar carries its number. The same numbers are in the table
 * next to it, which is what screen readers read (the drawing is hidden from them).
 */
export function BarChart(props: { caption: string; series: Series[]; rows: BarRow[]; testId?: string }) {
  const id = createUniqueId();
  const max = () => Math.max(1, ...props.rows.flatMap((r) => r.values.map(drawable)));
  const groupH = () => props.series.length * ROW_H + 10;
  const height = () => props.rows.length * groupH() + 30;
  const scale = (v: number) => ((CHART_W - LABEL_W - 60) * v) / max();
  // Nothing to draw (all zero or "<5"): the table alone says it; no empty box.
  const hasBars = () => props.rows.some((r) => r.values.some((v) => drawable(v) > 0));

  return (
    <figure class="chart" data-testid={props.testId}>
      <figcaption>{props.caption}</figcaption>
      <div class="chart-body">
        <Show when={hasBars()}>
        <svg viewBox={`0 0 ${CHART_W} ${height()}`} aria-hidden="true" class="chart-svg">
          <defs>
            <pattern id={`${id}-hatch`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
              <rect width="6" height="6" fill="#fff" />
              <line x1="0" y1="0" x2="0" y2="6" stroke="#000" stroke-width="3" />
            </pattern>
            <pattern id={`${id}-dots`} width="5" height="5" patternUnits="userSpaceOnUse">
              <rect width="5" height="5" fill="#fff" />
              <circle cx="2.5" cy="2.5" r="1.4" fill="#000" />
            </pattern>
          </defs>
          <Index each={props.series}>
            {(s, i) => (
              <g transform={`translate(${LABEL_W + i * 150}, 4)`}>
                <rect width="14" height="14" fill={fill(id, i)} stroke="#000" />
                <text x="20" y="12" font-size="12">
                  {s().label}
                </text>
              </g>
            )}
          </Index>
          <For each={props.rows}>
            {(row, r) => (
              <g transform={`translate(0, ${30 + r() * groupH()})`}>
                <RowLabel label={row.label} middle={(ROW_H * props.series.length) / 2 + 4} />
                <Index each={row.values}>
                  {(v, i) => (
                    <g transform={`translate(${LABEL_W}, ${i * ROW_H})`}>
                      <rect width={Math.max(0, scale(drawable(v())))} height={BAR_H} fill={fill(id, i)} stroke="#000" stroke-width="1" />
                      <text x={scale(drawable(v())) + 4} y={BAR_H - 3} font-size="12">
                        {num(v())}
                      </text>
                    </g>
                  )}
                </Index>
              </g>
            )}
          </For>
        </svg>
        </Show>
        <div class="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{props.caption}</th>
                <For each={props.series}>{(s) => <th scope="col" class="num">{s.label}</th>}</For>
              </tr>
            </thead>
            <tbody>
              <For each={props.rows}>
                {(row) => (
                  <tr>
                    <th scope="row">{row.label}</th>
                    <For each={row.values}>{(v) => <td class="num">{num(v)}</td>}</For>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </div>
    </figure>
  );
}

/** A row's name, centred on its bars; a name cut short keeps its whole text as the hover title. */
function RowLabel(props: { label: string; middle: number }) {
  const shown = () => labelLines(props.label);
  const top = () => props.middle - ((shown().lines.length - 1) * LINE_H) / 2;
  return (
    <text y={top()} text-anchor="end" font-size="12" data-label={props.label}>
      <Show when={shown().cut}>
        <title>{props.label}</title>
      </Show>
      <Index each={shown().lines}>
        {(line, i) => (
          <tspan x={LABEL_W - 6} y={top() + i * LINE_H}>
            {line()}
          </tspan>
        )}
      </Index>
    </text>
  );
}

function fill(id: string, i: number): string {
  const p = PATTERNS[i % PATTERNS.length];
  return p === 'solid' ? '#222' : `url(#${id}-${p})`;
}
