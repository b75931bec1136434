// Completes goja_nodejs's Buffer with the Node APIs scripts use: isBuffer,
// byteLength, compare, isEncoding, allocUnsafe, slice/subarray views,
// toJSON, copy, and the latin1/binary/ascii/utf16le/ucs2 encodings.
(function (Buffer) {
  'use strict';
  var proto = Buffer.prototype;
  var origFrom = Buffer.from, origToString = proto.toString;
  function norm(enc) { return String(enc || 'utf8').toLowerCase(); }
  var extra = { latin1: true, binary: true, ascii: true, utf16le: true, 'utf-16le': true, ucs2: true, 'ucs-2': true };
  var known = { utf8: true, 'utf-8': true, hex: true, base64: true, base64url: true };
  function encodeExtra(str, enc) {
    var out = [], i;
    if (enc === 'utf16le' || enc === 'utf-16le' || enc === 'ucs2' || enc === 'ucs-2') {
      for (i = 0; i < str.length; i++) { var c = str.charCodeAt(i); out.push(c & 0xff, c >> 8); }
    } else {
      for (i = 0; i < str.length; i++) { out.push(str.charCodeAt(i) & (enc === 'ascii' ? 0xff : 0xff)); }
    }
    return out;
  }
  Buffer.from = function (value, encOrOffset, length) {
    if (typeof value === 'string' && encOrOffset !== undefined && extra[norm(encOrOffset)]) { return origFrom.call(Buffer, encodeExtra(value, norm(encOrOffset))); }
    return origFrom.apply(Buffer, arguments);
  };
  proto.toString = function (enc, start, end) {
    var e = norm(enc);
    var buf = this;
    if (start !== undefined || end !== undefined) {
      start = Math.max(0, start | 0); end = end === undefined ? this.length : Math.min(this.length, end | 0);
      buf = this.subarray(start, Math.max(start, end));
    }
    if (enc !== undefined && extra[e]) {
      var s = '', i;
      if (e === 'utf16le' || e === 'utf-16le' || e === 'ucs2' || e === 'ucs-2') {
        for (i = 0; i + 1 < buf.length; i += 2) { s += String.fromCharCode(buf[i] | (buf[i + 1] << 8)); }
      } else {
        for (i = 0; i < buf.length; i++) { s += String.fromCharCode(e === 'ascii' ? buf[i] & 0x7f : buf[i]); }
      }
      return s;
    }
    return origToString.call(buf, enc);
  };
  Buffer.isBuffer = function (b) { return b instanceof Buffer; };
  Buffer.isEncoding = function (e) { return typeof e === 'string' && (known[norm(e)] || extra[norm(e)]) === true; };
  Buffer.byteLength = function (v, enc) {
    if (typeof v !== 'string') {
      if (v && typeof v.byteLength === 'number') { return v.byteLength; }
      throw new TypeError('The "string" argument must be of type string or an instance of Buffer or ArrayBuffer.');
    }
    return Buffer.from(v, enc).length;
  };
  Buffer.allocUnsafe = Buffer.allocUnsafeSlow = function (n) { return Buffer.alloc(n); };
  Buffer.compare = function (a, b) { return Buffer.prototype.compare.call(a, b); };
  proto.compare = function (b) {
    var n = Math.min(this.length, b.length);
    for (var i = 0; i < n; i++) { if (this[i] !== b[i]) { return this[i] < b[i] ? -1 : 1; } }
    return this.length === b.length ? 0 : (this.length < b.length ? -1 : 1);
  };
  function view(buf, start, end) {
    var len = buf.length;
    start = start === undefined ? 0 : (start | 0); end = end === undefined ? len : (end | 0);
    if (start < 0) { start = Math.max(len + start, 0); } else if (start > len) { start = len; }
    if (end < 0) { end = Math.max(len + end, 0); } else if (end > len) { end = len; }
    if (end < start) { end = start; }
    return origFrom.call(Buffer, buf.buffer, buf.byteOffset + start, end - start);
  }
  proto.slice = proto.subarray = function (start, end) { return view(this, start, end); };
  var origIndexOf = Uint8Array.prototype.indexOf;
  proto.indexOf = function (v, byteOffset, enc) {
    if (typeof v === 'number') { return origIndexOf.call(this, v & 0xff, byteOffset); }
    var needle = typeof v === 'string' ? Buffer.from(v, enc) : v;
    var start = byteOffset === undefined ? 0 : byteOffset | 0;
    if (start < 0) { start = Math.max(this.length + start, 0); }
    if (!needle.length) { return start <= this.length ? start : this.length; }
    outer: for (var i = start; i <= this.length - needle.length; i++) {
      for (var j = 0; j < needle.length; j++) { if (this[i + j] !== needle[j]) { continue outer; } }
      return i;
    }
    return -1;
  };
  proto.includes = function (v, byteOffset, enc) { return this.indexOf(v, byteOffset, enc) !== -1; };
  proto.toJSON = function () { return { type: 'Buffer', data: Array.prototype.slice.call(this) }; };
  proto.copy = function (target, targetStart, sourceStart, sourceEnd) {
    targetStart = targetStart | 0; sourceStart = sourceStart | 0; sourceEnd = sourceEnd === undefined ? this.length : sourceEnd | 0;
    var n = 0;
    for (var i = sourceStart; i < sourceEnd && targetStart + n < target.length; i++, n++) { target[targetStart + n] = this[i]; }
    return n;
  };
  proto.inspect = function () {
    var hex = Array.prototype.slice.call(this, 0, 50).map(function (b) { return (b < 16 ? '0' : '') + b.toString(16); }).join(' ');
    return '<Buffer' + (hex ? ' ' + hex : '') + (this.length > 50 ? ' ... ' + (this.length - 50) + ' more bytes' : '') + '>';
  };
  return Buffer;
})
