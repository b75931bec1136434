(function (native) {
  'use strict';
  var VALID = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}|00000000-0000-0000-0000-000000000000)$/i;
  var hex = [];
  for (var i = 0; i < 256; i++) { hex.push((i + 0x100).toString(16).slice(1)); }

  function validate(s) { return typeof s === 'string' && VALID.test(s); }
  function unsafeStringify(a, o) {
    o = o || 0;
    return (hex[a[o]] + hex[a[o + 1]] + hex[a[o + 2]] + hex[a[o + 3]] + '-' + hex[a[o + 4]] + hex[a[o + 5]] + '-' +
      hex[a[o + 6]] + hex[a[o + 7]] + '-' + hex[a[o + 8]] + hex[a[o + 9]] + '-' + hex[a[o + 10]] + hex[a[o + 11]] +
      hex[a[o + 12]] + hex[a[o + 13]] + hex[a[o + 14]] + hex[a[o + 15]]).toLowerCase();
  }
  function stringify(a, o) {
    var s = unsafeStringify(a, o);
    if (!validate(s)) { throw new TypeError('Stringified UUID is invalid'); }
    return s;
  }
  function parse(s) {
    if (!validate(s)) { throw new TypeError('Invalid UUID'); }
    var h = s.replace(/-/g, ''), out = new Uint8Array(16);
    for (var i = 0; i < 16; i++) { out[i] = parseInt(h.substr(i * 2, 2), 16); }
    return out;
  }
  function version(s) {
    if (!validate(s)) { throw new TypeError('Invalid UUID'); }
    return parseInt(s.slice(14, 15), 16);
  }
  function output(bytes, buf, offset) {
    if (buf) {
      offset = offset || 0;
      if (offset < 0 || offset + 16 > buf.length) { throw new RangeError('UUID byte range ' + offset + ':' + (offset + 15) + ' is out of buffer bounds'); }
      for (var i = 0; i < 16; i++) { buf[offset + i] = bytes[i]; }
      return buf;
    }
    return unsafeStringify(bytes);
  }

  function v4(options, buf, offset) {
    options = options || {};
    var rnds = options.random || (options.rng ? options.rng() : native.random(16));
    var b = Array.prototype.slice.call(rnds, 0, 16);
    if (b.length < 16) { throw new Error('Random bytes length must be >= 16'); }
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    return output(b, buf, offset);
  }

  function utf8Bytes(str) {
    var s = unescape(encodeURIComponent(str)), out = [];
    for (var i = 0; i < s.length; i++) { out.push(s.charCodeAt(i)); }
    return out;
  }
  function named(ver, hash) {
    function gen(value, namespace, buf, offset) {
      var v = typeof value === 'string' ? utf8Bytes(value) : Array.prototype.slice.call(value);
      var ns = typeof namespace === 'string' ? parse(namespace) : namespace;
      if (!ns || ns.length !== 16) { throw new TypeError('Namespace must be array-like (16 iterable integer values, 0-255)'); }
      var b = hash(Array.prototype.slice.call(ns).concat(v)).slice(0, 16);
      b[6] = (b[6] & 0x0f) | (ver << 4);
      b[8] = (b[8] & 0x3f) | 0x80;
      return output(b, buf, offset);
    }
    gen.DNS = '6ba7b810-9dad-11d1-80b4-00c04fd430c8';
    gen.URL = '6ba7b811-9dad-11d1-80b4-00c04fd430c8';
    return gen;
  }
  var v3 = named(3, native.md5);
  var v5 = named(5, native.sha1);

  // v1 state lives in this closure: one per runtime.
  var nodeId, clockseq, lastMSecs = 0, lastNSecs = 0;
  function v1(options, buf, offset) {
    options = options || {};
    var node = options.node || nodeId, cs = options.clockseq !== undefined ? options.clockseq : clockseq;
    if (node == null || cs == null) {
      var seed = options.random || (options.rng ? options.rng() : native.random(16));
      if (node == null) { node = nodeId = [seed[0] | 0x01, seed[1], seed[2], seed[3], seed[4], seed[5]]; }
      if (cs == null) { cs = clockseq = ((seed[6] << 8) | seed[7]) & 0x3fff; }
    }
    var msecs = options.msecs !== undefined ? options.msecs : Date.now();
    var nsecs = options.nsecs !== undefined ? options.nsecs : lastNSecs + 1;
    var dt = msecs - lastMSecs + (nsecs - lastNSecs) / 10000;
    if (dt < 0 && options.clockseq === undefined) { cs = (cs + 1) & 0x3fff; }
    if ((dt < 0 || msecs > lastMSecs) && options.nsecs === undefined) { nsecs = 0; }
    if (nsecs >= 10000) { throw new Error("uuid.v1(): Can't create more than 10M uuids/sec"); }
    lastMSecs = msecs; lastNSecs = nsecs; clockseq = cs;
    msecs += 12219292800000;
    var b = [];
    var tl = ((msecs & 0xfffffff) * 10000 + nsecs) % 0x100000000;
    b.push(tl >>> 24 & 0xff, tl >>> 16 & 0xff, tl >>> 8 & 0xff, tl & 0xff);
    var tmh = (msecs / 0x100000000 * 10000) & 0xfffffff;
    b.push(tmh >>> 8 & 0xff, tmh & 0xff, tmh >>> 24 & 0xf | 0x10, tmh >>> 16 & 0xff);
    b.push(cs >>> 8 | 0x80, cs & 0xff);
    for (var n = 0; n < 6; n++) { b.push(node[n]); }
    return output(b, buf, offset);
  }

  function uuid() { return v4(); }
  uuid.v1 = v1;
  uuid.v3 = v3;
  uuid.v4 = v4;
  uuid.v5 = v5;
  uuid.validate = validate;
  uuid.version = version;
  uuid.parse = parse;
  uuid.stringify = stringify;
  uuid.NIL = '00000000-0000-0000-0000-000000000000';
  return uuid;
})
