// Records ajv 6.12.5's errors (the Ajv Postman's sandbox bundles) for every
// case in cases.json. ajv is not part of this repository; install it in a
// scratch folder and run:
//   AJV=/tmp/chaiscratch/node_modules/ajv node gen_expected.js > expected.json
'use strict';
const Ajv = require(process.env.AJV || '/tmp/chaiscratch/node_modules/ajv');
const cases = require('./cases.json');
const out = cases.map((c) => {
  const ajv = new Ajv(c.opts || {});
  const valid = ajv.validate(c.schema, c.data);
  return { valid, errors: ajv.errors, text: ajv.errorsText() };
});
process.stdout.write(JSON.stringify(out, null, 1) + '\n');
