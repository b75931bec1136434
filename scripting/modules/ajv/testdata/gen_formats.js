// Records ajv 6.12.5's verdicts for testdata/formats.json (format -> sample
// strings), see gen_expected.js:
//   AJV=/tmp/chaiscratch/node_modules/ajv node gen_formats.js > formats_expected.json
'use strict';
const Ajv = require(process.env.AJV || '/tmp/chaiscratch/node_modules/ajv');
const formats = require('./formats.json');
const out = {};
for (const f of Object.keys(formats)) {
  out[f] = formats[f].map((v) => new Ajv().validate({ format: f }, v));
}
process.stdout.write(JSON.stringify(out, null, 1) + '\n');
