// Records tv4 1.3.0's results for api_cases.txt (see gen_expected.js).
//   TV4=/tmp/chaiscratch/node_modules/tv4 node gen_api.js > api_expected.json
'use strict';
const fs = require('fs');
const path = require('path');
const base = require(process.env.TV4 || '/tmp/chaiscratch/node_modules/tv4');
const out = [];
for (const code of fs.readFileSync(path.join(__dirname, 'api_cases.txt'), 'utf8').split('\n')) {
  if (!code.trim() || code.startsWith('#')) continue;
  const tv4 = base.freshApi();
  out.push({ code, result: JSON.stringify(new Function('tv4', 'return eval(' + JSON.stringify(code) + ')')(tv4)) });
}
process.stdout.write(JSON.stringify(out, null, 1) + '\n');
