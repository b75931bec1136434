// Records tv4 1.3.0's results for the extra cases (refs, missing refs,
// multipleOf rounding, evaluation order, ...), like gen_expected.js and
// gen_api.js. The cases after the hand-written ones are randomly generated
// schemas and data (those that first showed a difference, then a sample).
//   TV4=/tmp/chaiscratch/node_modules/tv4 node gen_extra.js cases > extra_expected.json
//   TV4=/tmp/chaiscratch/node_modules/tv4 node gen_extra.js api > extra_api_expected.json
'use strict';
const fs = require('fs');
const path = require('path');
const base = require(process.env.TV4 || '/tmp/chaiscratch/node_modules/tv4');

function clean(e) {
  if (!e) return e;
  return { message: e.message, code: e.code, params: e.params, dataPath: e.dataPath, schemaPath: e.schemaPath, subErrors: e.subErrors && e.subErrors.map(clean) };
}

let out = [];
if (process.argv[2] === 'api') {
  for (const code of fs.readFileSync(path.join(__dirname, 'extra_api_cases.txt'), 'utf8').split('\n')) {
    if (!code.trim() || code.startsWith('#')) continue;
    const tv4 = base.freshApi();
    out.push({ code, result: JSON.stringify(new Function('tv4', 'return eval(' + JSON.stringify(code) + ')')(tv4)) });
  }
} else {
  out = require('./extra_cases.json').map((c) => {
    const api = base.freshApi();
    const valid = api.validate(c.data, c.schema);
    const single = { valid, error: clean(api.error), missing: api.missing };
    const m = api.validateMultiple(c.data, c.schema);
    return { single, multiple: { valid: m.valid, errors: m.errors.map(clean), missing: m.missing } };
  });
}
process.stdout.write(JSON.stringify(out, null, 1) + '\n');
