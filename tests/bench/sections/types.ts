export interface BenchSection {
  /** Short name used on the command line: `npm run bench -- <name>`. */
  name: string;
  title: string;
  /** Prints its figures; returns the budgets it missed. */
  run(): Promise<string[]>;
}

export const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
