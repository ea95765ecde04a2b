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
});
