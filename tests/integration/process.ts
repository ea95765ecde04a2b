// Runs the real entry points (tsx server/… .ts) as child processes.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TSX = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));

export function runTsx(script: string, args: string[], env: Record<string, string>, stdin?: string) {
  const child = spawn(TSX, [script, ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk) => (stdout += chunk));
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  if (stdin !== undefined) child.stdin!.end(stdin);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => ({ stdout, stderr }) };
}

/** Resolves once stdout matches, or rejects if the process exits or time runs out. */
export function waitForOutput(run: ReturnType<typeof runTsx>, pattern: RegExp, timeoutMs = 20_000): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const timer = setInterval(() => {
      const match = run.output().stdout.match(pattern);
      if (match) {
        clearInterval(timer);
        resolve(match);
      } else if (run.child.exitCode !== null || Date.now() - started > timeoutMs) {
        clearInterval(timer);
        reject(new Error(`no ${pattern} in output:\n${run.output().stdout}\n${run.output().stderr}`));
      }
    }, 50);
  });
}

export function stop(child: ChildProcess) {
  if (child.exitCode === null) child.kill('SIGTERM');
}
