// Records tv4 1.3.0's results (the tv4 Postman's sandbox bundles) for every
// case in cases.json, with validate and validateMultiple. tv4 is not part
// of this repository; install it in a scratch folder and run:
//   TV4=/tmp/chaiscratch/node_modules/tv4 node gen_expected.js > expected.json
'use strict';
const tv4 = require(process.env.TV4 || '/tmp/chaiscratch/node_modules/tv4');
const cases = require('./cases.json');

function clean(e) {
  if (!e) return e;
  return { message: e.message, code: e.code, params: e.params, dataPath: e.dataPath, schemaPath: e.schemaPath, subErrors: e.subErrors && e.subErrors.map(clean) };
}

const out = cases.map((c) => {
  const api = tv4.freshApi();
  const valid = api.validate(c.data, c.schema);
  const single = { valid, error: clean(api.error), missing: api.missing };
  const m = api.validateMultiple(c.data, c.schema);
  return { single, multiple: { valid: m.valid, errors: m.errors.map(clean), missing: m.missing } };
});
process.stdout.write(JSON.stringify(out, null, 1) + '\n');
