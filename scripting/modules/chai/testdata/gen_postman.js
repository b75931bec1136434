// Records what Postman's sandbox assertions (chai 4.4.1 + chai-postman 2.0.1
// + postman-collection 4.4.0 + ajv 6) throw for postman_cases.txt. None of
// those packages is part of this repository; install them in a scratch
// folder and point MODULES at its node_modules:
//   MODULES=/tmp/chaiscratch/node_modules node gen_postman.js > expected_postman.json
'use strict';
const fs = require('fs');
const path = require('path');
const mods = process.env.MODULES || '/tmp/chaiscratch/node_modules';
const sdk = require(path.join(mods, 'postman-collection'));
const _ = require(path.join(mods, 'lodash'));
const Ajv = require(path.join(mods, 'ajv'));
const fixtures = require('./postman_fixtures.json');

const out = [];
for (const line of fs.readFileSync(path.join(__dirname, 'postman_cases.txt'), 'utf8').split('\n')) {
  if (!line.trim() || line.startsWith('#')) continue;
  const at = line.indexOf(' | ');
  const fixture = line.slice(0, at);
  const code = line.slice(at + 3);
  Object.keys(require.cache).forEach((k) => { if (k.indexOf(path.join(mods, 'chai')) === 0) delete require.cache[k]; });
  const chai = require(path.join(mods, 'chai'));
  chai.use(require(path.join(mods, 'chai-postman'))(sdk, _, Ajv));
  const response = new sdk.Response(fixtures[fixture]);
  let error = null;
  try {
    new Function('expect', 'response', code)(chai.expect, response);
  } catch (e) {
    error = { name: e && e.name, message: e && e.message };
  }
  out.push({ fixture, code, error });
}
process.stdout.write(JSON.stringify(out, null, 1) + '\n');
