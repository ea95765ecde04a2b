import { describe } from 'vitest';
import { createLoginGuard } from './login-guard.ts';
import { loginGuardCases } from '../../tests/support/login-guard-cases.ts';

describe('createLoginGuard, counting in memory (one process)', () => {
  loginGuardCases(async (clock, limits) => createLoginGuard(clock, limits));
});
