function P(s, o) { var r; xml2js.parseString(s, o || {}, function (e, res) { r = e ? 'ERR' : res; }); return r; }
function PM(s) { return P(s, {explicitArray: false, async: false, trim: true, mergeAttrs: false}); }
function B(o, opts) { return new xml2js.Builder(opts).buildObject(o); }
