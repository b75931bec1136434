// Records ajv 6.12.5's results for the extra cases (refs, propertyNames,
// dependencies, if/then, type groups, ...), like gen_expected.js and
// gen_api.js. The cases after the hand-written ones are randomly generated
// schemas and data (those that first showed a difference, then a sample).
//   AJV=/tmp/chaiscratch/node_modules/ajv node gen_extra.js cases > extra_expected.json
//   AJV=/tmp/chaiscratch/node_modules/ajv node gen_extra.js api > extra_api_expected.json
'use strict';
const fs = require('fs');
const path = require('path');
const Ajv = require(process.env.AJV || '/tmp/chaiscratch/node_modules/ajv');
let out = [];
if (process.argv[2] === 'api') {
  for (const code of fs.readFileSync(path.join(__dirname, 'extra_api_cases.txt'), 'utf8').split('\n')) {
    if (!code.trim() || code.startsWith('#')) continue;
    out.push({ code, result: JSON.stringify(eval(code)) });
  }
} else {
  out = require('./extra_cases.json').map((c) => {
    const ajv = new Ajv(c.opts || {});
    const valid = ajv.validate(c.schema, c.data);
    return { valid, errors: ajv.errors, text: ajv.errorsText() };
  });
}
process.stdout.write(JSON.stringify(out, null, 1) + '\n');
