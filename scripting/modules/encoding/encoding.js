(function (native) {
  'use strict';
  var g = (0, eval)('this');
  function define(name, value) {
    if (typeof g[name] !== 'undefined') { return; }
    Object.defineProperty(g, name, { value: value, writable: true, configurable: true, enumerable: false });
  }

  var codes = {
    IndexSizeError: 1, HierarchyRequestError: 3, WrongDocumentError: 4, InvalidCharacterError: 5,
    NoModificationAllowedError: 7, NotFoundError: 8, NotSupportedError: 9, InvalidStateError: 11,
    SyntaxError: 12, InvalidModificationError: 13, NamespaceError: 14, InvalidAccessError: 15,
    TypeMismatchError: 17, SecurityError: 18, NetworkError: 19, AbortError: 20, URLMismatchError: 21,
    QuotaExceededError: 22, TimeoutError: 23, InvalidNodeTypeError: 24, DataCloneError: 25
  };
  function DOMException(message, name) {
    if (!(this instanceof DOMException)) { throw new TypeError("Class constructor DOMException cannot be invoked without 'new'"); }
    var n = name === undefined ? 'Error' : String(name);
    Object.defineProperty(this, 'message', { value: message === undefined ? '' : String(message), writable: true, configurable: true });
    Object.defineProperty(this, 'name', { value: n, writable: true, configurable: true });
    Object.defineProperty(this, 'code', { value: codes[n] || 0, writable: true, configurable: true });
    var st = new Error(this.message).stack;
    if (st) { Object.defineProperty(this, 'stack', { value: st, writable: true, configurable: true }); }
  }
  DOMException.prototype = Object.create(Error.prototype, {
    constructor: { value: DOMException, writable: true, configurable: true }
  });
  Object.keys(codes).forEach(function (k) {
    var constName = k.replace(/Error$/, '').replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase() + '_ERR';
    if (k === 'QuotaExceededError') { constName = 'QUOTA_EXCEEDED_ERR'; }
    Object.defineProperty(DOMException, constName, { value: codes[k], enumerable: true });
  });
  define('DOMException', DOMException);

  function toBytes(input) {
    if (input === undefined) { return new Uint8Array(0); }
    if (input instanceof ArrayBuffer || ArrayBuffer.isView(input)) { return input; }
    throw new TypeError('The "input" argument must be an instance of ArrayBuffer or ArrayBufferView');
  }

  function TextEncoder() {
    if (!(this instanceof TextEncoder)) { throw new TypeError("Class constructor TextEncoder cannot be invoked without 'new'"); }
  }
  Object.defineProperty(TextEncoder.prototype, 'encoding', { get: function () { return 'utf-8'; }, configurable: true });
  TextEncoder.prototype.encode = function (input) {
    return new Uint8Array(native.encodeUTF8(input === undefined ? '' : String(input)));
  };
  TextEncoder.prototype.encodeInto = function (src, dest) {
    if (!(dest instanceof Uint8Array)) { throw new TypeError('The "dest" argument must be an instance of Uint8Array'); }
    var s = String(src), read = 0, written = 0;
    for (var i = 0; i < s.length; i++) {
      var c = s.charCodeAt(i), units = 1, cp = c;
      if (c >= 0xD800 && c <= 0xDBFF && i + 1 < s.length) {
        var d = s.charCodeAt(i + 1);
        if (d >= 0xDC00 && d <= 0xDFFF) { cp = 0x10000 + ((c - 0xD800) << 10) + (d - 0xDC00); units = 2; }
      }
      if (cp >= 0xD800 && cp <= 0xDFFF) { cp = 0xFFFD; }
      var n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
      if (written + n > dest.length) { break; }
      if (n === 1) { dest[written] = cp; }
      else if (n === 2) { dest[written] = 0xC0 | (cp >> 6); dest[written + 1] = 0x80 | (cp & 63); }
      else if (n === 3) { dest[written] = 0xE0 | (cp >> 12); dest[written + 1] = 0x80 | ((cp >> 6) & 63); dest[written + 2] = 0x80 | (cp & 63); }
      else { dest[written] = 0xF0 | (cp >> 18); dest[written + 1] = 0x80 | ((cp >> 12) & 63); dest[written + 2] = 0x80 | ((cp >> 6) & 63); dest[written + 3] = 0x80 | (cp & 63); }
      written += n; read += units; i += units - 1;
    }
    return { read: read, written: written };
  };
  define('TextEncoder', TextEncoder);

  var labels = {
    'utf-8': 'utf-8', 'utf8': 'utf-8', 'unicode-1-1-utf-8': 'utf-8', 'unicode11utf8': 'utf-8',
    'unicode20utf8': 'utf-8', 'x-unicode20utf8': 'utf-8',
    'utf-16le': 'utf-16le', 'utf-16': 'utf-16le', 'ucs-2': 'utf-16le', 'unicode': 'utf-16le',
    'csunicode': 'utf-16le', 'iso-10646-ucs-2': 'utf-16le', 'unicodefeff': 'utf-16le'
  };
  function TextDecoder(label, options) {
    if (!(this instanceof TextDecoder)) { throw new TypeError("Class constructor TextDecoder cannot be invoked without 'new'"); }
    var l = label === undefined ? 'utf-8' : String(label).trim().toLowerCase();
    var enc = labels[l];
    if (!enc) { throw new RangeError('The "' + label + '" encoding is not supported'); }
    var o = options || {};
    Object.defineProperty(this, '_enc', { value: enc });
    Object.defineProperty(this, '_fatal', { value: !!o.fatal });
    Object.defineProperty(this, '_ignoreBOM', { value: !!o.ignoreBOM });
    Object.defineProperty(this, '_pending', { value: [], writable: true });
  }
  Object.defineProperty(TextDecoder.prototype, 'encoding', { get: function () { return this._enc; }, configurable: true });
  Object.defineProperty(TextDecoder.prototype, 'fatal', { get: function () { return this._fatal; }, configurable: true });
  Object.defineProperty(TextDecoder.prototype, 'ignoreBOM', { get: function () { return this._ignoreBOM; }, configurable: true });
  TextDecoder.prototype.decode = function (input, options) {
    var bytes = toBytes(input);
    var stream = !!(options && options.stream);
    if (this._pending.length || stream) {
      var view = bytes instanceof ArrayBuffer ? new Uint8Array(bytes) : new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      var all = this._pending.concat(Array.prototype.slice.call(view));
      var keep = 0;
      if (stream) { keep = incompleteTail(all, this._enc); }
      this._pending = all.slice(all.length - keep);
      bytes = new Uint8Array(all.slice(0, all.length - keep));
    }
    return native.decode(this._enc, bytes, this._fatal, this._ignoreBOM);
  };
  function incompleteTail(a, enc) {
    if (enc === 'utf-16le') { return a.length % 2; }
    for (var k = 1; k <= 3 && k <= a.length; k++) {
      var b = a[a.length - k];
      if ((b & 0xC0) !== 0x80) {
        var need = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
        return need > k ? k : 0;
      }
    }
    return 0;
  }
  define('TextDecoder', TextDecoder);

  function cloneError(what) {
    return new g.DOMException(what + ' could not be cloned.', 'DataCloneError');
  }
  function structuredClone(value) {
    if (arguments.length === 0) { throw new TypeError("The \"value\" argument must be specified"); }
    var seen = new Map();
    function walk(v) {
      var t = typeof v;
      if (t === 'function') { throw cloneError(String(v)); }
      if (t === 'symbol') { throw cloneError(String(v)); }
      if (v === null || t !== 'object') { return v; }
      if (seen.has(v)) { return seen.get(v); }
      var out, tag = Object.prototype.toString.call(v);
      switch (tag) {
        case '[object Date]': out = new Date(v.getTime()); seen.set(v, out); return out;
        case '[object RegExp]': out = new RegExp(v.source, v.flags); seen.set(v, out); return out;
        case '[object Boolean]': out = Object(Boolean.prototype.valueOf.call(v)); seen.set(v, out); return out;
        case '[object Number]': out = Object(Number.prototype.valueOf.call(v)); seen.set(v, out); return out;
        case '[object String]': out = Object(String.prototype.valueOf.call(v)); seen.set(v, out); return out;
        case '[object ArrayBuffer]': out = v.slice(0); seen.set(v, out); return out;
        case '[object Map]':
          out = new Map(); seen.set(v, out);
          v.forEach(function (val, key) { out.set(walk(key), walk(val)); });
          return out;
        case '[object Set]':
          out = new Set(); seen.set(v, out);
          v.forEach(function (val) { out.add(walk(val)); });
          return out;
        case '[object Error]':
          var ctor = { EvalError: EvalError, RangeError: RangeError, ReferenceError: ReferenceError, SyntaxError: SyntaxError, TypeError: TypeError, URIError: URIError }[v.name] || Error;
          out = new ctor(v.message); seen.set(v, out);
          if (v.stack !== undefined) { out.stack = String(v.stack); }
          return out;
        case '[object WeakMap]': case '[object WeakSet]': case '[object Promise]': case '[object WeakRef]':
          throw cloneError(tag.slice(8, -1) + ' object');
      }
      if (ArrayBuffer.isView(v)) {
        var buf = walk(v.buffer);
        if (tag === '[object DataView]') { out = new DataView(buf, v.byteOffset, v.byteLength); }
        else { out = new v.constructor(buf, v.byteOffset, v.length); }
        seen.set(v, out);
        return out;
      }
      if (Array.isArray(v)) {
        out = new Array(v.length); seen.set(v, out);
        Object.keys(v).forEach(function (k) { out[k] = walk(v[k]); });
        return out;
      }
      if (tag !== '[object Object]' && tag !== '[object Arguments]') { throw cloneError(tag.slice(8, -1) + ' object'); }
      out = {}; seen.set(v, out);
      Object.keys(v).forEach(function (k) { out[k] = walk(v[k]); });
      return out;
    }
    return walk(value);
  }
  define('structuredClone', structuredClone);
})
