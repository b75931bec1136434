// postie's "punycode" module (punycode.js 1.4 API): RFC 3492 encode/decode,
// toASCII/toUnicode for domains and email addresses, ucs2 helpers.
(function () {
  'use strict';
  var base = 36, tMin = 1, tMax = 26, skew = 38, damp = 700, initialBias = 72, initialN = 128;
  function error(type) { throw new RangeError({ overflow: 'Overflow: input needs wider integers to process', 'not-basic': 'Illegal input >= 0x80 (not a basic code point)', 'invalid-input': 'Invalid input' }[type]); }
  function ucs2decode(s) {
    var out = [], i = 0;
    while (i < s.length) {
      var v = s.charCodeAt(i++);
      if (v >= 0xD800 && v <= 0xDBFF && i < s.length) {
        var x = s.charCodeAt(i++);
        if ((x & 0xFC00) === 0xDC00) { out.push(((v & 0x3FF) << 10) + (x & 0x3FF) + 0x10000); } else { out.push(v); i--; }
      } else { out.push(v); }
    }
    return out;
  }
  function ucs2encode(arr) {
    return arr.map(function (v) {
      var s = '';
      if (v > 0xFFFF) { v -= 0x10000; s += String.fromCharCode(v >>> 10 & 0x3FF | 0xD800); v = 0xDC00 | v & 0x3FF; }
      return s + String.fromCharCode(v);
    }).join('');
  }
  function digitOf(cp) { return cp - 48 < 10 ? cp - 22 : cp - 65 < 26 ? cp - 65 : cp - 97 < 26 ? cp - 97 : base; }
  function charOf(d) { return d + 22 + 75 * (d < 26 ? 1 : 0); }
  function adapt(delta, numPoints, first) {
    var k = 0;
    delta = first ? Math.floor(delta / damp) : delta >> 1;
    delta += Math.floor(delta / numPoints);
    for (; delta > (base - tMin) * tMax >> 1; k += base) { delta = Math.floor(delta / (base - tMin)); }
    return Math.floor(k + (base - tMin + 1) * delta / (delta + skew));
  }
  function decode(input) {
    var out = [], n = initialN, i = 0, bias = initialBias;
    var basic = input.lastIndexOf('-');
    if (basic < 0) { basic = 0; }
    for (var j = 0; j < basic; j++) { if (input.charCodeAt(j) >= 0x80) { error('not-basic'); } out.push(input.charCodeAt(j)); }
    for (var idx = basic > 0 ? basic + 1 : 0; idx < input.length;) {
      var oldi = i, w = 1;
      for (var k = base; ; k += base) {
        if (idx >= input.length) { error('invalid-input'); }
        var digit = digitOf(input.charCodeAt(idx++));
        if (digit >= base || digit > Math.floor((2147483647 - i) / w)) { error('overflow'); }
        i += digit * w;
        var t = k <= bias ? tMin : (k >= bias + tMax ? tMax : k - bias);
        if (digit < t) { break; }
        if (w > Math.floor(2147483647 / (base - t))) { error('overflow'); }
        w *= base - t;
      }
      var len = out.length + 1;
      bias = adapt(i - oldi, len, oldi === 0);
      if (Math.floor(i / len) > 2147483647 - n) { error('overflow'); }
      n += Math.floor(i / len);
      i %= len;
      out.splice(i++, 0, n);
    }
    return ucs2encode(out);
  }
  function encode(input) {
    var cps = ucs2decode(input), n = initialN, delta = 0, bias = initialBias, out = [];
    cps.forEach(function (c) { if (c < 0x80) { out.push(String.fromCharCode(c)); } });
    var b = out.length, h = b;
    if (b) { out.push('-'); }
    while (h < cps.length) {
      var m = 2147483647;
      cps.forEach(function (c) { if (c >= n && c < m) { m = c; } });
      if (m - n > Math.floor((2147483647 - delta) / (h + 1))) { error('overflow'); }
      delta += (m - n) * (h + 1);
      n = m;
      for (var j = 0; j < cps.length; j++) {
        var c = cps[j];
        if (c < n && ++delta > 2147483647) { error('overflow'); }
        if (c === n) {
          var q = delta;
          for (var k = base; ; k += base) {
            var t = k <= bias ? tMin : (k >= bias + tMax ? tMax : k - bias);
            if (q < t) { break; }
            out.push(String.fromCharCode(charOf(t + (q - t) % (base - t))));
            q = Math.floor((q - t) / (base - t));
          }
          out.push(String.fromCharCode(charOf(q)));
          bias = adapt(delta, h + 1, h === b);
          delta = 0;
          ++h;
        }
      }
      ++delta; ++n;
    }
    return out.join('');
  }
  function mapDomain(s, fn) {
    var parts = s.split('@'), result = '';
    if (parts.length > 1) { result = parts[0] + '@'; s = parts[1]; }
    s = s.replace(/[\x2E\u3002\uFF0E\uFF61]/g, '.');
    return result + s.split('.').map(fn).join('.');
  }
  return {
    version: '1.4.1',
    ucs2: { decode: ucs2decode, encode: ucs2encode },
    decode: decode,
    encode: encode,
    toASCII: function (s) { return mapDomain(s, function (l) { return /[^\0-\x7E]/.test(l) ? 'xn--' + encode(l) : l; }); },
    toUnicode: function (s) { return mapDomain(s, function (l) { return /^xn--/.test(l) ? decode(l.slice(4).toLowerCase()) : l; }); }
  };
})()
