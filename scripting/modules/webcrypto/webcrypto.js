(function (native) {
  'use strict';
  var g = (0, eval)('this');
  if (typeof g.crypto !== 'undefined') { return; }

  function domError(name, message) {
    var D = g.DOMException;
    if (typeof D === 'function') { return new D(message, name); }
    var e = new Error(message);
    e.name = name;
    return e;
  }
  native.setErrorMaker(domError);

  var INTEGER_ARRAYS = {
    Int8Array: 1, Uint8Array: 1, Uint8ClampedArray: 1, Int16Array: 1, Uint16Array: 1,
    Int32Array: 1, Uint32Array: 1, BigInt64Array: 1, BigUint64Array: 1
  };
  var ILLEGAL = 'Illegal constructor';
  var token = {};

  var slots = new WeakMap();

  function CryptoKey(t) { if (t !== token) { throw new TypeError(ILLEGAL); } }
  ['type', 'extractable', 'algorithm', 'usages'].forEach(function (p) {
    Object.defineProperty(CryptoKey.prototype, p, {
      configurable: true, enumerable: true,
      get: function () {
        var s = slots.get(this);
        if (!s) { throw new TypeError('Illegal invocation'); }
        return s[p];
      }
    });
  });
  Object.defineProperty(CryptoKey.prototype, Symbol.toStringTag, { value: 'CryptoKey', configurable: true });

  function algorithmObject(a) {
    var out = {};
    Object.keys(a).forEach(function (k) {
      var v = a[k];
      if (k === 'publicExponent') { v = new Uint8Array(v); }
      else if (v && typeof v === 'object') { v = algorithmObject(v); }
      out[k] = v;
    });
    return out;
  }

  var ALLOWED = {
    secret: ['sign', 'verify'],
    private: ['sign'],
    public: ['verify']
  };
  function makeKey(r, extractable, usages) {
    var allowed = ALLOWED[r.type];
    var u = [];
    for (var i = 0; i < usages.length; i++) {
      var x = String(usages[i]);
      if (allowed.indexOf(x) < 0) { throw domError('SyntaxError', 'Unsupported key usage for a ' + r.algorithm.name + ' key'); }
      if (u.indexOf(x) < 0) { u.push(x); }
    }
    if (u.length === 0 && r.type !== 'public') { throw domError('SyntaxError', 'Usages cannot be empty when creating a key.'); }
    var k = new CryptoKey(token);
    slots.set(k, {
      type: r.type, extractable: r.type === 'public' ? true : !!extractable,
      algorithm: algorithmObject(r.algorithm), usages: u, handle: r.handle
    });
    return k;
  }
  function slot(k, name) {
    var s = k && slots.get(k);
    if (!s) { throw new TypeError("Failed to execute '" + name + "' on 'SubtleCrypto': parameter is not of type 'CryptoKey'."); }
    return s;
  }
  function usagesArg(u) {
    if (u == null || typeof u[Symbol.iterator] !== 'function' || typeof u === 'string') {
      throw new TypeError("Failed to execute on 'SubtleCrypto': The provided value cannot be converted to a sequence.");
    }
    return Array.from(u);
  }
  function async(fn) {
    return new Promise(function (resolve) { resolve(fn()); });
  }
  function algName(a) { return String(a && typeof a === 'object' ? a.name : a).toUpperCase(); }

  function SubtleCrypto(t) { if (t !== token) { throw new TypeError(ILLEGAL); } }
  SubtleCrypto.prototype.digest = function (algorithm, data) {
    return async(function () { return native.digest(algName(algorithm), data); });
  };
  SubtleCrypto.prototype.importKey = function (format, keyData, algorithm, extractable, keyUsages) {
    return async(function () {
      var u = usagesArg(keyUsages);
      return makeKey(native.importKey(String(format), keyData, algorithm), extractable, u);
    });
  };
  SubtleCrypto.prototype.exportKey = function (format, key) {
    return async(function () {
      var s = slot(key, 'exportKey');
      if (!s.extractable) { throw domError('InvalidAccessError', 'key is not extractable'); }
      return native.exportKey(String(format), s.handle);
    }).then(function (r) {
      if (r && typeof r === 'object' && !(r instanceof ArrayBuffer)) {
        var s = slots.get(key);
        r.key_ops = s.usages.slice();
        r.ext = s.extractable;
      }
      return r;
    });
  };
  function useKey(op) {
    return function (algorithm, key) {
      var args = arguments;
      return async(function () {
        var s = slot(key, op);
        if (s.usages.indexOf(op) < 0) { throw domError('InvalidAccessError', 'The requested operation is not valid for the provided key'); }
        if (op === 'sign') { return native.sign(algorithm, s.handle, args[2]); }
        return native.verify(algorithm, s.handle, args[2], args[3]);
      });
    };
  }
  SubtleCrypto.prototype.sign = useKey('sign');
  SubtleCrypto.prototype.verify = useKey('verify');
  SubtleCrypto.prototype.generateKey = function (algorithm, extractable, keyUsages) {
    return async(function () {
      var u = usagesArg(keyUsages);
      var r = native.generateKey(algorithm);
      if (r.handle) { return makeKey(r, extractable, u); }
      var pubU = u.filter(function (x) { return x === 'verify'; });
      var privU = u.filter(function (x) { return x === 'sign'; });
      u.forEach(function (x) { if (x !== 'sign' && x !== 'verify') { throw domError('SyntaxError', 'Unsupported key usage for a ' + r.privateKey.algorithm.name + ' key'); } });
      return { publicKey: makeKey(r.publicKey, true, pubU), privateKey: makeKey(r.privateKey, extractable, privU) };
    });
  };
  ['encrypt', 'decrypt', 'deriveBits', 'deriveKey', 'wrapKey', 'unwrapKey'].forEach(function (op) {
    SubtleCrypto.prototype[op] = function () {
      return Promise.reject(domError('NotSupportedError', 'postie does not support SubtleCrypto.' + op + ' yet'));
    };
  });
  Object.defineProperty(SubtleCrypto.prototype, Symbol.toStringTag, { value: 'SubtleCrypto', configurable: true });

  var subtle = new SubtleCrypto(token);
  function Crypto(t) { if (t !== token) { throw new TypeError(ILLEGAL); } }
  Object.defineProperty(Crypto.prototype, 'subtle', { configurable: true, enumerable: true, get: function () { return subtle; } });
  Crypto.prototype.getRandomValues = function (array) {
    var tag = array && ArrayBuffer.isView(array) ? Object.prototype.toString.call(array).slice(8, -1) : '';
    if (!INTEGER_ARRAYS[tag]) {
      if (!ArrayBuffer.isView(array)) { throw new TypeError("Failed to execute 'getRandomValues' on 'Crypto': parameter 1 is not of type 'ArrayBufferView'."); }
      throw domError('TypeMismatchError', "The data argument must be an integer-type TypedArray");
    }
    if (array.byteLength > 65536) {
      throw domError('QuotaExceededError', "The ArrayBufferView's byte length (" + array.byteLength + ') exceeds the number of bytes of entropy available via this API (65536)');
    }
    native.fillRandom(array);
    return array;
  };
  Crypto.prototype.randomUUID = function () { return native.randomUUID(); };
  Object.defineProperty(Crypto.prototype, Symbol.toStringTag, { value: 'Crypto', configurable: true });

  function def(name, value) {
    Object.defineProperty(g, name, { value: value, writable: true, configurable: true, enumerable: false });
  }
  def('crypto', new Crypto(token));
  def('Crypto', Crypto);
  def('SubtleCrypto', SubtleCrypto);
  def('CryptoKey', CryptoKey);
})
