// Records test vectors from the real npm packages. Usage (outside the repo):
//   cd /tmp/x && npm i lodash@4.17.21 lodash3@3.10.2 moment@2.30.1 ...
//   TZ=America/New_York NODE_PATH=/tmp/x/node_modules node genvectors.js cases.txt out.json BIND MODULE [setup.js]
// cases.txt holds one JS expression per line (# starts a comment line);
// out.json gets [{name, js, want}].
const fs = require('fs');
const [casesPath, outPath, bind, mod, setupPath] = process.argv.slice(2);
const cases = fs.readFileSync(casesPath, 'utf8').split('\n')
  .filter(function (l) { return l.trim() !== '' && l.trim()[0] !== '#'; })
  .map(function (l, i) { return { name: String(i + 1), js: l }; });
global[bind] = require(mod);
if (setupPath) { (0, eval)(fs.readFileSync(setupPath, 'utf8')); }
const out = cases.map(function (c) {
  let want;
  try {
    const r = (0, eval)('(' + c.js + ')');
    const j = JSON.stringify(r);
    want = j === undefined ? 'undefined' : j;
  } catch (e) {
    want = 'throws: ' + (e && e.message);
  }
  return { name: c.name, js: c.js, want: want };
});
fs.writeFileSync(outPath, JSON.stringify(out, null, 1) + '\n');
console.log(out.length + ' vectors');
