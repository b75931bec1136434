// postie's "string_decoder" module: StringDecoder over Buffer (utf8, utf16le,
// base64 keep partial characters between writes; others decode directly).
(function () {
  'use strict';
  function normEnc(enc) {
    var e = String(enc || 'utf8').toLowerCase();
    switch (e) {
      case 'utf8': case 'utf-8': return 'utf8';
      case 'ucs2': case 'ucs-2': case 'utf16le': case 'utf-16le': return 'utf16le';
      case 'latin1': case 'binary': return 'latin1';
      case 'base64': case 'ascii': case 'hex': return e;
    }
    throw new TypeError('Unknown encoding: ' + enc);
  }
  function StringDecoder(encoding) {
    this.encoding = normEnc(encoding);
    this.pending = [];
  }
  function utf8Complete(bytes) {
    // returns how many trailing bytes form an incomplete UTF-8 sequence
    for (var back = 1; back <= Math.min(3, bytes.length); back++) {
      var b = bytes[bytes.length - back];
      if ((b & 0xC0) === 0x80) { continue; }
      var need = (b & 0xE0) === 0xC0 ? 2 : (b & 0xF0) === 0xE0 ? 3 : (b & 0xF8) === 0xF0 ? 4 : 1;
      return need > back ? back : 0;
    }
    return 0;
  }
  StringDecoder.prototype.write = function (buf) {
    if (typeof buf === 'string') { return buf; }
    var bytes = this.pending.concat(Array.prototype.slice.call(buf));
    var keep = 0;
    if (this.encoding === 'utf8') { keep = utf8Complete(bytes); } else if (this.encoding === 'utf16le') { keep = bytes.length % 2; } else if (this.encoding === 'base64') { keep = bytes.length % 3; }
    this.pending = keep ? bytes.slice(bytes.length - keep) : [];
    var use = keep ? bytes.slice(0, bytes.length - keep) : bytes;
    return use.length ? Buffer.from(use).toString(this.encoding) : '';
  };
  StringDecoder.prototype.end = function (buf) {
    var r = buf ? this.write(buf) : '';
    if (this.pending.length) {
      r += this.encoding === 'utf8' ? '\ufffd' : Buffer.from(this.pending).toString(this.encoding);
      this.pending = [];
    }
    return r;
  };
  return { StringDecoder: StringDecoder };
})()
