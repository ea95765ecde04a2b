// V8 compiles a function lazily, on the main thread, the first time it is
// called, unless told otherwise. Nearly every function of the entry chunk runs
// while the first screen renders (Solid, the router, i18next, the layout and
// home), so that compilation was a large part of the first render's long task.
// The `//# allFunctionsCalledOnLoad` magic comment (V8's explicit compile
// hints, Chrome 136 and later) asks for the whole file to be compiled eagerly,
// on a background thread while it downloads. Browsers without the feature
// read a comment. Only the entry gets it: lazy chunks are mostly not run at load.
// The comment must open the file, and Vite prepends its own preload map to the
// entry late in generateBundle, so it is added to the written file instead
// (before tools/precompress makes the .br/.gz copies, in closeBundle).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

export const COMPILE_HINT = '//# allFunctionsCalledOnLoad\n';

export function compileHintsPlugin(): Plugin {
  return {
    name: 'hvs-compile-hints',
    apply: 'build',
    writeBundle: {
      order: 'post',
      sequential: true,
      handler(options, bundle) {
        for (const output of Object.values(bundle)) {
          if (output.type !== 'chunk' || !output.isEntry || !options.dir) continue;
          const path = join(options.dir, output.fileName);
          const code = readFileSync(path, 'utf8');
          if (!code.startsWith(COMPILE_HINT)) writeFileSync(path, COMPILE_HINT + code);
        }
      },
    },
  };
}
