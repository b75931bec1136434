(function (I) {
  'use strict';
  // deep-eql's comparison of values that are neither identical nor
  // primitive (chai.js's eql decides those), compiled on first use.

  var typeOf = I.typeOf, isPrimitive = I.isPrimitive, simpleEqual = I.simpleEqual;

  function memoGet(a, b, memo) {
    if (!memo || isPrimitive(a) || isPrimitive(b)) return null;
    var inner = memo.get(a);
    if (inner) {
      var r = inner.get(b);
      if (typeof r === 'boolean') return r;
    }
    return null;
  }

  function memoSet(a, b, memo, result) {
    if (!memo || isPrimitive(a) || isPrimitive(b)) return;
    var inner = memo.get(a);
    if (!inner) {
      inner = new WeakMap();
      memo.set(a, inner);
    }
    inner.set(b, result);
  }

  function deepEqual(a, b, options) {
    if (options && options.comparator) return extensiveEqual(a, b, options);
    var s = simpleEqual(a, b);
    if (s !== null) return s;
    return extensiveEqual(a, b, options);
  }

  function extensiveEqual(a, b, options) {
    options = options || {};
    options.memoize = options.memoize === false ? false : options.memoize || new WeakMap();
    var cmp = options && options.comparator;
    var memoA = memoGet(a, b, options.memoize);
    if (memoA !== null) return memoA;
    var memoB = memoGet(b, a, options.memoize);
    if (memoB !== null) return memoB;
    if (cmp) {
      var c = cmp(a, b);
      if (c === false || c === true) {
        memoSet(a, b, options.memoize, c);
        return c;
      }
      var s = simpleEqual(a, b);
      if (s !== null) return s;
    }
    var ta = typeOf(a);
    if (ta !== typeOf(b)) {
      memoSet(a, b, options.memoize, false);
      return false;
    }
    memoSet(a, b, options.memoize, true);
    var r = equalByType(a, b, ta, options);
    memoSet(a, b, options.memoize, r);
    return r;
  }

  function iterableEqual(a, b, options) {
    var n = a.length;
    if (n !== b.length) return false;
    for (var i = 0; i < n; i++) {
      if (!deepEqual(a[i], b[i], options)) return false;
    }
    return true;
  }

  function keysEqual(a, b, keys, options) {
    for (var i = 0; i < keys.length; i++) {
      if (!deepEqual(a[keys[i]], b[keys[i]], options)) return false;
    }
    return true;
  }

  function entriesEqual(a, b, options) {
    if (a.size !== b.size) return false;
    if (a.size === 0) return true;
    var la = [], lb = [];
    a.forEach(function (k, v) { la.push([k, v]); });
    b.forEach(function (k, v) { lb.push([k, v]); });
    return iterableEqual(la.sort(), lb.sort(), options);
  }

  function iterEntries(obj) {
    if (typeof Symbol !== 'undefined' && obj != null && typeof obj[Symbol.iterator] === 'function') {
      var out = [];
      var it = obj[Symbol.iterator]();
      for (var step = it.next(); !step.done; step = it.next()) out.push(step.value);
      return out;
    }
    return [];
  }

  function enumKeys(obj) {
    var keys = [];
    for (var k in obj) keys.push(k);
    Object.getOwnPropertySymbols(obj).forEach(function (s) {
      if (Object.getOwnPropertyDescriptor(obj, s).enumerable) keys.push(s);
    });
    return keys;
  }

  function objectEqual(a, b, options) {
    var ka = enumKeys(a), kb = enumKeys(b);
    if (ka.length && ka.length === kb.length) {
      var sa = ka.map(String).sort(), sb = kb.map(String).sort();
      if (!iterableEqual(sa, sb)) return false;
      return keysEqual(a, b, ka, options);
    }
    var ea = iterEntries(a), eb = iterEntries(b);
    if (ea.length && ea.length === eb.length) {
      ea.sort();
      eb.sort();
      return iterableEqual(ea, eb, options);
    }
    return ka.length === 0 && ea.length === 0 && kb.length === 0 && eb.length === 0;
  }

  function equalByType(a, b, type, options) {
    switch (type) {
      case 'String':
      case 'Number':
      case 'Boolean':
      case 'Date':
        return deepEqual(a.valueOf(), b.valueOf());
      case 'Promise':
      case 'Symbol':
      case 'function':
      case 'WeakMap':
      case 'WeakSet':
        return a === b;
      case 'Error':
        return keysEqual(a, b, ['name', 'message', 'code'], options);
      case 'Arguments':
      case 'Int8Array':
      case 'Uint8Array':
      case 'Uint8ClampedArray':
      case 'Int16Array':
      case 'Uint16Array':
      case 'Int32Array':
      case 'Uint32Array':
      case 'Float32Array':
      case 'Float64Array':
      case 'Array':
        return iterableEqual(a, b, options);
      case 'RegExp':
        return a.toString() === b.toString();
      case 'Generator':
        return iterableEqual(iterEntries(a), iterEntries(b), options);
      case 'DataView':
        return iterableEqual(new Uint8Array(a.buffer), new Uint8Array(b.buffer), options);
      case 'ArrayBuffer':
        return iterableEqual(new Uint8Array(a), new Uint8Array(b), options);
      case 'Set':
      case 'Map':
        return entriesEqual(a, b, options);
      default:
        return objectEqual(a, b, options);
    }
  }

  return { extensiveEqual: extensiveEqual };
})
