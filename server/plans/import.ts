// A plan from a YAML file: validated with the shared plan schema, every
// problem reported as `file:line: message` (the same line mapping as course
// files, shared/content/parse-yaml.ts), units checked against the ward's own.
// Nothing is written unless the whole file is good.
import { LineCounter, parseDocument } from 'yaml';
import { parseYamlWith, type LineError } from '../../shared/content/parse-yaml.ts';
import { formatContentError, formatPath, lineOfPath } from '../../shared/content/source-location.ts';
import { planInputSchema, type PlanInput } from '../../shared/plans/schema.ts';
import { UnknownUnitError, type PlanStore } from './store.ts';

export interface PlanFileError {
  line: number;
  message: string;
  /** "file:line: message", as an editor or a terminal shows it. */
  text: string;
}

export class PlanFileErrors extends Error {
  constructor(readonly errors: PlanFileError[]) {
    super(errors.map((e) => e.text).join('\n'));
  }
}

const located = (file: string, errors: LineError[]): PlanFileError[] =>
  errors.map((e) => ({ ...e, text: formatContentError({ file, line: e.line, message: e.message }) }));

/** The plan in a YAML text, or PlanFileErrors listing every problem with its line. */
export async function readPlanFile(store: PlanStore, file: string, text: string): Promise<PlanInput> {
  const parsed = parseYamlWith(planInputSchema, text);
  if (parsed.errors.length > 0) throw new PlanFileErrors(located(file, parsed.errors));
  const plan = parsed.value as PlanInput;
  try {
    await store.checkUnits(plan);
  } catch (error) {
    if (!(error instanceof UnknownUnitError)) throw error;
    const lines = new LineCounter();
    const doc = parseDocument(text, { lineCounter: lines });
    throw new PlanFileErrors(
      located(
        file,
        error.issues.map((i) => ({ line: lineOfPath(doc, lines, i.path), message: `${formatPath(i.path)}: no unit "${i.unitId}"; add it under Units first` })),
      ),
    );
  }
  return plan;
}
