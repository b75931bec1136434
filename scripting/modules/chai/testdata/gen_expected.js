// Records what real chai 4 throws for every snippet in cases.txt, so the Go
// tests can compare postie's chai word for word. Run with node:
//   CHAI_DIR=/path/to/node_modules/chai node gen_expected.js > expected.json
// chai itself is not part of this repository; install chai@4.4.1 (the
// version Postman's sandbox bundles) in a scratch folder and point CHAI_DIR
// at it.
'use strict';
const fs = require('fs');
const path = require('path');
const chaiDir = process.env.CHAI_DIR || '/tmp/chaiscratch/node_modules/chai';

function freshChai() {
  Object.keys(require.cache).forEach((k) => {
    if (k.indexOf(path.dirname(chaiDir)) === 0) delete require.cache[k];
  });
  return require(chaiDir);
}

const lines = fs.readFileSync(path.join(__dirname, 'cases.txt'), 'utf8').split('\n');
const out = [];
for (const code of lines) {
  if (!code.trim() || code.startsWith('#')) continue;
  const chai = freshChai();
  let error = null;
  try {
    new Function('expect', 'assert', 'chai', code)(chai.expect, chai.assert, chai);
  } catch (e) {
    error = { name: e && e.name, message: e && e.message };
  }
  out.push({ code, error });
}
process.stdout.write(JSON.stringify(out, null, 1) + '\n');
