'use strict';
/**
 * A require hook that lets a plain `node` process load the repo's TypeScript, compiled on the fly
 * with @swc/core and the repo's own .swcrc (so path aliases such as @libs/... resolve):
 *
 *   node --require <repo>/test/support/swc-register.js some-script.ts
 *
 * Used by the crash tests, whose child process must run OUR store, not a copy of it.
 */
const fs = require('node:fs');
const path = require('node:path');
const { transformSync } = require('@swc/core');

const root = path.resolve(__dirname, '..', '..');
const { $schema, ...swcrc } = JSON.parse(fs.readFileSync(path.join(root, '.swcrc'), 'utf8'));
// swc rewrites `paths` aliases into relative requires only when baseUrl is absolute.
const options = { ...swcrc, swcrc: false, sourceMaps: 'inline', jsc: { ...swcrc.jsc, baseUrl: root } };

require.extensions['.ts'] = function compileTypeScript(module, filename) {
  const { code } = transformSync(fs.readFileSync(filename, 'utf8'), { ...options, filename });
  module._compile(code, filename);
};
process.setSourceMapsEnabled(true);
