// Records ajv 6.12.5's results for api_cases.txt (see gen_expected.js).
//   AJV=/tmp/chaiscratch/node_modules/ajv node gen_api.js > api_expected.json
'use strict';
const fs = require('fs');
const path = require('path');
const Ajv = require(process.env.AJV || '/tmp/chaiscratch/node_modules/ajv');
const out = [];
for (const code of fs.readFileSync(path.join(__dirname, 'api_cases.txt'), 'utf8').split('\n')) {
  if (!code.trim() || code.startsWith('#')) continue;
  out.push({ code, result: JSON.stringify(eval(code)) });
}
process.stdout.write(JSON.stringify(out, null, 1) + '\n');
