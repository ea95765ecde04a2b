// The app version shown by /health and the OpenAPI document: package.json's.
import { readFileSync } from 'node:fs';
import { PACKAGE_JSON } from './paths.ts';

export const APP_VERSION: string = (() => {
  try {
    const pkg = JSON.parse(readFileSync(PACKAGE_JSON, 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
  } catch {
    return '0.0.0';
  }
})();
