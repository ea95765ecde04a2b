import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.ts';

describe('createLogger', () => {
  it('writes one JSON line per entry and redacts secret-looking fields', () => {
    const lines: string[] = [];
    const logger = createLogger('info', (line) => lines.push(line));
    logger.info('login', { username: 'lan', password: 'hunter22', authorization: 'Bearer x.y', cookie: 'hvs_session=abc', secret: 's' });
    logger.debug('hidden below the level');
    expect(lines).toHaveLength(1);
    expect(lines[0].endsWith('\n')).toBe(true);
    const entry = JSON.parse(lines[0]);
    expect(entry).toMatchObject({ level: 'info', msg: 'login', username: 'lan', password: '[redacted]', authorization: '[redacted]', cookie: '[redacted]', secret: '[redacted]' });
    expect(lines[0]).not.toMatch(/hunter22|x\.y|abc/);
  });

  it('logs errors by name and message', () => {
    const lines: string[] = [];
    createLogger('warn', (line) => lines.push(line)).error('boom', { error: new TypeError('bad thing') });
    expect(JSON.parse(lines[0]).error).toEqual({ name: 'TypeError', message: 'bad thing' });
  });

  it("never writes a failed query's values, in the message, its cause or the stack", () => {
    const lines: string[] = [];
    const failed = new Error('Failed query: insert into "learners" ("id", "secret_hash") values (?, ?)\nparams: 0193-learner-id,9f86d081884c7d65', { cause: new Error('UNIQUE constraint failed: learners.id') });
    createLogger('warn', (line) => lines.push(line)).error('unhandled error', { error: failed, stack: `Error: ${failed.message}\n    at run (server/db/engine/sqlite.ts:32:30)` });
    expect(lines[0]).not.toMatch(/0193-learner-id|9f86d081884c7d65/);
    const entry = JSON.parse(lines[0]);
    expect(entry.error.message).toBe('Failed query: insert into "learners" ("id", "secret_hash") values (?, ?)\nparams: [redacted]');
    expect(entry.error.cause).toEqual({ name: 'Error', message: 'UNIQUE constraint failed: learners.id' });
    expect(entry.stack).toContain('params: [redacted]\n    at run (server/db/engine/sqlite.ts:32:30)');
  });
});
