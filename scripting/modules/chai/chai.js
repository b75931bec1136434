// postie's chai-compatible assertion library. Written for postie from chai
// 4.x's documented behaviour (BDD expect, assert basics, plugins); failure
// messages and value inspection follow chai 4.4 / loupe 2.3 so that test
// results read exactly as under Newman.
(function (hasNoOwnKeys) {
  'use strict';

  var toStr = Object.prototype.toString;
  var hasOwn = Object.prototype.hasOwnProperty;
  var ELLIPSIS = '\u2026';

  var config = {
    includeStack: false,
    showDiff: true,
    truncateThreshold: 40,
    useProxy: true,
    proxyExcludedKeys: ['then', 'catch', 'inspect', 'toJSON'],
    deepEqual: null
  };

  // ---------------------------------------------------------------- errors

  function AssertionError(message, props, ssf) {
    if (!(this instanceof AssertionError)) return new AssertionError(message, props, ssf);
    this.message = message || 'Unspecified AssertionError';
    this.showDiff = false;
    if (props) {
      for (var k in props) this[k] = props[k];
    }
    var stack = new Error(this.message).stack;
    if (typeof stack === 'string') {
      var lines = stack.split('\n');
      lines[0] = 'AssertionError: ' + this.message;
      stack = lines.join('\n');
    }
    Object.defineProperty(this, 'stack', { value: stack, writable: true, configurable: true, enumerable: false });
  }
  AssertionError.prototype = Object.create(Error.prototype);
  AssertionError.prototype.name = 'AssertionError';
  AssertionError.prototype.constructor = AssertionError;
  AssertionError.prototype.toJSON = function (withStack) {
    var out = { name: this.name };
    for (var k in this) {
      if (k !== 'stack' && typeof this[k] !== 'function') out[k] = this[k];
    }
    if (withStack !== false && this.stack) out.stack = this.stack;
    return out;
  };

  // ------------------------------------------------------------- type-detect

  function typeOf(obj) {
    var t = typeof obj;
    if (t !== 'object') return t;
    if (obj === null) return 'null';
    if (obj === globalThis) return 'global';
    if (Array.isArray(obj) && !(Symbol.toStringTag in obj)) return 'Array';
    var tag = obj[Symbol.toStringTag];
    if (typeof tag === 'string') return tag;
    var proto = Object.getPrototypeOf(obj);
    if (proto === RegExp.prototype) return 'RegExp';
    if (proto === Date.prototype) return 'Date';
    if (proto === Promise.prototype) return 'Promise';
    if (proto === Set.prototype) return 'Set';
    if (proto === Map.prototype) return 'Map';
    if (proto === WeakSet.prototype) return 'WeakSet';
    if (proto === WeakMap.prototype) return 'WeakMap';
    if (proto === null) return 'Object';
    return toStr.call(obj).slice(8, -1);
  }

  function funcName(fn) {
    if (typeof fn !== 'function') return null;
    return fn.name;
  }

  // ------------------------------------------------------------------ inspect

  function cut(s, length) {
    s = String(s);
    if (length < 1 && s.length > 1) return ELLIPSIS;
    if (s.length > length && s.length > 1) return s.slice(0, length - 1) + ELLIPSIS;
    return s;
  }

  function listOut(items, opts, each, sep) {
    sep = sep || ', ';
    each = each || inspectAny;
    var n = items.length;
    if (n === 0) return '';
    var budget = opts.truncate;
    var out = '';
    var next = '';
    var rest = '';
    for (var i = 0; i < n; i++) {
      var last = i + 1 === n;
      var penultimate = i + 2 === n;
      rest = ELLIPSIS + '(' + (n - i) + ')';
      opts.truncate = budget - out.length - (last ? 0 : sep.length);
      var piece = next || each(items[i], opts) + (last ? '' : sep);
      var grown = out.length + piece.length;
      var grownCut = grown + rest.length;
      if (last && grown > budget && out.length + rest.length <= budget) break;
      if (!last && !penultimate && grownCut > budget) break;
      next = last ? '' : each(items[i + 1], opts) + (penultimate ? '' : sep);
      if (!last && penultimate && grownCut > budget && grown + next.length > budget) break;
      out += piece;
      if (!last && !penultimate && grown + next.length >= budget) {
        rest = ELLIPSIS + '(' + (n - i - 1) + ')';
        break;
      }
      rest = '';
    }
    return out + rest;
  }

  function keyOut(key) {
    if (/^[a-zA-Z_][a-zA-Z_0-9]*$/.test(key)) return key;
    return JSON.stringify(key).replace(/'/g, "\\'").replace(/\\"/g, '"').replace(/(^"|"$)/g, "'");
  }

  function propOut(pair, opts) {
    var key = pair[0];
    opts.truncate -= 2;
    if (typeof key === 'string') key = keyOut(key);
    else if (typeof key !== 'number') key = '[' + inspectAny(key, opts) + ']';
    opts.truncate -= key.length;
    return key + ': ' + inspectAny(pair[1], opts);
  }

  var escapable = /['\u0000-\u001f\u007f-\u009f\u00ad\u0600-\u0604\u070f\u17b4\u17b5\u200c-\u200f\u2028-\u202f\u2060-\u206f\ufeff\ufff0-\uffff]/g;
  var escapes = { '\b': '\\b', '\t': '\\t', '\n': '\\n', '\f': '\\f', '\r': '\\r', "'": "\\'", '\\': '\\\\' };

  function strOut(s, opts) {
    s = String(s);
    escapable.lastIndex = 0;
    if (escapable.test(s)) {
      s = s.replace(escapable, function (c) {
        return escapes[c] || '\\u' + ('0000' + c.charCodeAt(0).toString(16)).slice(-4);
      });
    }
    return "'" + cut(s, opts.truncate - 2) + "'";
  }

  function numOut(n, opts) {
    if (n !== n) return 'NaN';
    if (n === Infinity) return 'Infinity';
    if (n === -Infinity) return '-Infinity';
    if (n === 0) return 1 / n === Infinity ? '+0' : '-0';
    return cut(n, opts.truncate);
  }

  function objOut(obj, opts) {
    var names = Object.getOwnPropertyNames(obj);
    var syms = Object.getOwnPropertySymbols(obj);
    if (names.length === 0 && syms.length === 0) return '{}';
    opts.truncate -= 4;
    if (opts.seen.indexOf(obj) >= 0) return '[Circular]';
    opts.seen.push(obj);
    var a = listOut(names.map(function (k) { return [k, obj[k]]; }), opts, propOut);
    var b = listOut(syms.map(function (k) { return [k, obj[k]]; }), opts, propOut);
    opts.seen.pop();
    return '{ ' + a + (a && b ? ', ' : '') + b + ' }';
  }

  function arrOut(arr, opts) {
    var extra = Object.keys(arr).slice(arr.length);
    if (!arr.length && !extra.length) return '[]';
    opts.truncate -= 4;
    var items = listOut(arr, opts);
    opts.truncate -= items.length;
    var props = '';
    if (extra.length) props = listOut(extra.map(function (k) { return [k, arr[k]]; }), opts, propOut);
    return '[ ' + items + (props ? ', ' + props : '') + ' ]';
  }

  function typedOut(arr, opts) {
    var name = arr[Symbol.toStringTag] || funcName(arr.constructor);
    opts.truncate -= name.length + 4;
    var extra = Object.keys(arr).slice(arr.length);
    if (!arr.length && !extra.length) return name + '[]';
    var out = '';
    for (var i = 0; i < arr.length; i++) {
      var s = cut(arr[i], opts.truncate) + (i === arr.length - 1 ? '' : ', ');
      opts.truncate -= s.length;
      if (arr[i] !== arr.length && opts.truncate <= 3) {
        out += ELLIPSIS + '(' + (arr.length - arr[i] + 1) + ')';
        break;
      }
      out += s;
    }
    var props = '';
    if (extra.length) props = listOut(extra.map(function (k) { return [k, arr[k]]; }), opts, propOut);
    return name + '[ ' + out + (props ? ', ' + props : '') + ' ]';
  }

  var errorSkip = ['stack', 'line', 'column', 'name', 'message', 'fileName', 'lineNumber', 'columnNumber', 'number', 'description'];

  function errOut(err, opts) {
    var props = Object.getOwnPropertyNames(err).filter(function (k) { return errorSkip.indexOf(k) === -1; });
    var name = err.name;
    opts.truncate -= name.length;
    var msg = '';
    if (typeof err.message === 'string') msg = cut(err.message, opts.truncate);
    else props.unshift('message');
    msg = msg ? ': ' + msg : '';
    opts.truncate -= msg.length + 5;
    var body = listOut(props.map(function (k) { return [k, err[k]]; }), opts, propOut);
    return name + msg + (body ? ' { ' + body + ' }' : '');
  }

  function mapOut(m, opts) {
    if (m.size - 1 <= 0) return 'Map{}';
    opts.truncate -= 7;
    var entries = [];
    m.forEach(function (v, k) { entries.push([k, v]); });
    return 'Map{ ' + listOut(entries, opts, function (e, o) {
      o.truncate -= 4;
      var k = inspectAny(e[0], o);
      o.truncate -= k.length;
      return k + ' => ' + inspectAny(e[1], o);
    }) + ' }';
  }

  function setOut(s, opts) {
    if (s.size === 0) return 'Set{}';
    opts.truncate -= 7;
    var vals = [];
    s.forEach(function (v) { vals.push(v); });
    return 'Set{ ' + listOut(vals, opts) + ' }';
  }

  function fnOut(fn, opts) {
    var name = funcName(fn);
    if (!name) return '[Function]';
    return '[Function ' + cut(name, opts.truncate - 11) + ']';
  }

  function symOut(s) {
    return s.description ? 'Symbol(' + s.description + ')' : 'Symbol()';
  }

  var inspectors = {
    undefined: function () { return 'undefined'; },
    null: function () { return 'null'; },
    boolean: function (v) { return String(v); },
    Boolean: function (v) { return String(v); },
    number: numOut,
    Number: numOut,
    bigint: function (v, o) { var s = cut(v.toString(), o.truncate - 1); return s === ELLIPSIS ? s : s + 'n'; },
    BigInt: function (v, o) { var s = cut(v.toString(), o.truncate - 1); return s === ELLIPSIS ? s : s + 'n'; },
    string: strOut,
    String: strOut,
    function: fnOut,
    Function: fnOut,
    symbol: symOut,
    Symbol: symOut,
    Array: arrOut,
    Date: function (d, o) {
      var s = d.toJSON();
      if (s === null) return 'Invalid Date';
      var parts = s.split('T');
      return parts[0] + 'T' + cut(parts[1], o.truncate - parts[0].length - 1);
    },
    Map: mapOut,
    Set: setOut,
    RegExp: function (re, o) {
      var flags = re.toString().split('/')[2];
      return '/' + cut(re.source, o.truncate - (2 + flags.length)) + '/' + flags;
    },
    Promise: function () { return 'Promise{' + ELLIPSIS + '}'; },
    WeakSet: function () { return 'WeakSet{' + ELLIPSIS + '}'; },
    WeakMap: function () { return 'WeakMap{' + ELLIPSIS + '}'; },
    Arguments: function (args, o) {
      if (args.length === 0) return 'Arguments[]';
      o.truncate -= 13;
      return 'Arguments[ ' + listOut(args, o) + ' ]';
    },
    Int8Array: typedOut, Uint8Array: typedOut, Uint8ClampedArray: typedOut,
    Int16Array: typedOut, Uint16Array: typedOut, Int32Array: typedOut,
    Uint32Array: typedOut, Float32Array: typedOut, Float64Array: typedOut,
    Generator: function () { return ''; },
    DataView: function () { return ''; },
    ArrayBuffer: function () { return ''; },
    Error: errOut
  };

  var chaiInspectKey = Symbol.for('chai/inspect');

  function inspectAny(value, parent) {
    var opts = { truncate: Number(parent.truncate), seen: parent.seen || [], level: (parent.level || 0) + 1 };
    // loupe does not track arrays it is inside of; V8 ends the recursion
    // of a self-containing array with a stack overflow.
    if (opts.level > 1000) throw new RangeError('Maximum call stack size exceeded');
    var t = value === null ? 'null' : typeof value;
    if (t === 'object') t = toStr.call(value).slice(8, -1);
    if (hasOwn.call(inspectors, t)) return inspectors[t](value, opts);
    if (value) {
      var custom = '';
      if (chaiInspectKey in value && typeof value[chaiInspectKey] === 'function') custom = value[chaiInspectKey](opts);
      else if ('inspect' in value && typeof value.inspect === 'function') custom = value.inspect(2, opts);
      if (custom) {
        if (typeof custom === 'string') return custom;
        return inspectAny(custom, opts);
      }
    }
    var proto = value ? Object.getPrototypeOf(value) : false;
    if (proto === Object.prototype || proto === null) return objOut(value, opts);
    if ('constructor' in value) {
      if (value.constructor !== Object) {
        var name = '';
        if (Symbol.toStringTag in value) name = value[Symbol.toStringTag];
        name = name || funcName(value.constructor);
        if (!name || name === '_class') name = '<Anonymous Class>';
        opts.truncate -= name.length;
        return name + objOut(value, opts);
      }
      return objOut(value, opts);
    }
    if (value === Object(value)) return objOut(value, opts);
    return String(value);
  }

  function inspect(obj) {
    return inspectAny(obj, { truncate: config.truncateThreshold ? config.truncateThreshold : Infinity, seen: [] });
  }

  function objDisplay(obj) {
    var str = inspect(obj);
    var type = toStr.call(obj);
    if (config.truncateThreshold && str.length >= config.truncateThreshold) {
      if (type === '[object Function]') {
        return !obj.name ? '[Function]' : '[Function: ' + obj.name + ']';
      } else if (type === '[object Array]') {
        return '[ Array(' + obj.length + ') ]';
      } else if (type === '[object Object]') {
        var keys = Object.keys(obj);
        var ks = keys.length > 2 ? keys.slice(0, 2).join(', ') + ', ...' : keys.join(', ');
        return '{ Object (' + ks + ') }';
      }
    }
    return str;
  }

  function compareByInspect(a, b) {
    return inspect(a) < inspect(b) ? -1 : 1;
  }

  // ---------------------------------------------------------------- deep-eql

  function isPrimitive(v) { return v === null || typeof v !== 'object'; }

  function simpleEqual(a, b) {
    if (a === b) return a !== 0 || 1 / a === 1 / b;
    if (a !== a && b !== b) return true;
    if (isPrimitive(a) || isPrimitive(b)) return false;
    return null;
  }

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

  function eql(a, b, options) { return deepEqual(a, b, options); }

  // ------------------------------------------------------------------ paths

  function hasProperty(obj, name) {
    if (obj === undefined || obj === null) return false;
    return name in Object(obj);
  }

  function parsePath(path) {
    var str = path.replace(/([^\\])\[/g, '$1.[');
    var parts = str.match(/(\\\.|[^.]+?)+/g) || [];
    return parts.map(function (v) {
      if (v === 'constructor' || v === '__proto__' || v === 'prototype') return {};
      var m = /^\[(\d+)\]$/.exec(v);
      if (m) return { i: parseFloat(m[1]) };
      return { p: v.replace(/\\([.[\]])/g, '$1') };
    });
  }

  function pathValue(obj, parsed, depth) {
    var cur = obj, res = null;
    depth = depth === undefined ? parsed.length : depth;
    for (var i = 0; i < depth; i++) {
      var part = parsed[i];
      if (cur) {
        cur = part.p === undefined ? cur[part.i] : cur[part.p];
        if (i === depth - 1) res = cur;
      }
    }
    return res;
  }

  function getPathInfo(obj, path) {
    var parsed = parsePath(path);
    var last = parsed[parsed.length - 1] || {};
    var info = {
      parent: parsed.length > 1 ? pathValue(obj, parsed, parsed.length - 1) : obj,
      name: last.p || last.i,
      value: pathValue(obj, parsed)
    };
    info.exists = hasProperty(info.parent, info.name);
    return info;
  }

  function getPathValue(obj, path) { return getPathInfo(obj, path).value; }

  // ------------------------------------------------------------- check-error

  var checkError = {
    compatibleInstance: function (thrown, errorLike) {
      return errorLike instanceof Error && thrown === errorLike;
    },
    compatibleConstructor: function (thrown, errorLike) {
      if (errorLike instanceof Error) {
        return thrown.constructor === errorLike.constructor || thrown instanceof errorLike.constructor;
      } else if (errorLike.prototype instanceof Error || errorLike === Error) {
        return thrown.constructor === errorLike || thrown instanceof errorLike;
      }
      return false;
    },
    compatibleMessage: function (thrown, matcher) {
      var s = typeof thrown === 'string' ? thrown : thrown.message;
      if (matcher instanceof RegExp) return matcher.test(s);
      if (typeof matcher === 'string') return s.indexOf(matcher) !== -1;
      return false;
    },
    getConstructorName: function (errorLike) {
      var name = errorLike;
      if (errorLike instanceof Error) {
        name = funcName(errorLike.constructor);
      } else if (typeof errorLike === 'function') {
        name = funcName(errorLike);
        if (name === '') name = funcName(new errorLike()) || name; // eslint-disable-line new-cap
      }
      return name;
    },
    getMessage: function (errorLike) {
      if (errorLike && errorLike.message) return errorLike.message;
      if (typeof errorLike === 'string') return errorLike;
      return '';
    }
  };

  // ------------------------------------------------------------------ flags

  function flag(obj, key, value) {
    var flags = obj.__flags || (obj.__flags = Object.create(null));
    if (arguments.length === 3) flags[key] = value;
    else return flags[key];
  }

  // getFlag and setFlag are flag's two forms without its arguments object
  // (which goja builds on every call).
  function getFlag(obj, key) {
    var flags = obj.__flags || (obj.__flags = Object.create(null));
    return flags[key];
  }

  function setFlag(obj, key, value) {
    var flags = obj.__flags || (obj.__flags = Object.create(null));
    flags[key] = value;
  }

  function transferFlags(from, to, includeAll) {
    var flags = from.__flags || (from.__flags = Object.create(null));
    if (!to.__flags) to.__flags = Object.create(null);
    includeAll = arguments.length === 3 ? includeAll : true;
    for (var f in flags) {
      if (includeAll || (f !== 'object' && f !== 'ssfi' && f !== 'lockSsfi' && f !== 'message')) {
        to.__flags[f] = flags[f];
      }
    }
  }

  function isProxyEnabled() {
    return config.useProxy && typeof Proxy !== 'undefined' && typeof Reflect !== 'undefined';
  }

  function getProperties(obj) {
    var result = Object.getOwnPropertyNames(obj);
    for (var p = Object.getPrototypeOf(obj); p !== null; p = Object.getPrototypeOf(p)) {
      Object.getOwnPropertyNames(p).forEach(function (n) {
        if (result.indexOf(n) === -1) result.push(n);
      });
    }
    return result;
  }

  function editDistance(a, b, cap) {
    if (Math.abs(a.length - b.length) >= cap) return cap;
    var d = [];
    var i, j;
    for (i = 0; i <= a.length; i++) {
      d[i] = [];
      for (j = 0; j <= b.length; j++) d[i][j] = 0;
      d[i][0] = i;
    }
    for (j = 0; j < b.length; j++) d[0][j] = j;
    for (i = 1; i <= a.length; i++) {
      for (j = 1; j <= b.length; j++) {
        if (Math.abs(i - j) >= cap) {
          d[i][j] = cap;
          continue;
        }
        d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1));
      }
    }
    return d[a.length][b.length];
  }

  var internalKeys = ['__flags', '__methods', '_obj', 'assert'];

  // invalidProperty throws chai's error for a property that obj (the
  // assertion or chainable method it was read from) does not have;
  // methodName is set for non-chainable methods.
  function invalidProperty(obj, property, methodName) {
    if (methodName) {
      throw Error('Invalid Chai property: ' + methodName + '.' + property + '. See docs for proper usage of "' + methodName + '".');
    }
    var best = null, bestDist = 4;
    getProperties(obj).forEach(function (p) {
      if (!hasOwn.call(Object.prototype, p) && internalKeys.indexOf(p) === -1) {
        var dist = editDistance(property, p, bestDist);
        if (dist < bestDist) {
          best = p;
          bestDist = dist;
        }
      }
    });
    if (best !== null) throw Error('Invalid Chai property: ' + property + '. Did you mean "' + best + '"?');
    throw Error('Invalid Chai property: ' + property);
  }

  // proxyHandler reports unknown properties as chai does; methodName is
  // set for the proxies around non-chainable methods.
  function proxyHandler(methodName) {
    return {
      get: function (target, property) {
        if (typeof property === 'string' && config.proxyExcludedKeys.indexOf(property) === -1 && !Reflect.has(target, property)) {
          invalidProperty(target, property, methodName);
        }
        return Reflect.get(target, property);
      }
    };
  }

  var sharedHandler = proxyHandler(null);

  // chainEnd returns the object to put at the end of a prototype chain, just
  // before parent, so that reading a property nothing in the chain has
  // throws chai's "Invalid Chai property" error. Chai wraps every assertion
  // and method in a Proxy instead; one Proxy that only sees the misses
  // reports the same errors without slowing down every property read.
  // Reads from owner (Assertion.prototype, not proxied in chai) pass.
  function chainEnd(parent, methodName, owner) {
    return new Proxy(Object.create(parent), {
      get: function (target, property, receiver) {
        if (typeof property === 'string' && receiver !== owner && property !== '__flags' && isProxyEnabled() && config.proxyExcludedKeys.indexOf(property) === -1 && !Reflect.has(target, property)) {
          invalidProperty(receiver, property, methodName);
        }
        return Reflect.get(target, property, receiver);
      }
    });
  }

  function proxify(obj, methodName) {
    if (!isProxyEnabled()) return obj;
    return new Proxy(obj, methodName ? proxyHandler(methodName) : sharedHandler);
  }

  // guardMethod makes reading an unknown property of method fn throw as
  // chai's proxied methods do.
  function guardMethod(fn, name) {
    Object.setPrototypeOf(fn, chainEnd(Object.getPrototypeOf(fn), name));
    return fn;
  }

  function lengthGuard(fn, name, chainable) {
    Object.defineProperty(fn, 'length', {
      configurable: true,
      get: function () {
        if (chainable) {
          throw Error('Invalid Chai property: ' + name + '.length. Due to a compatibility issue, "length" cannot directly follow "' + name + '". Use "' + name + '.lengthOf" instead.');
        }
        throw Error('Invalid Chai property: ' + name + '.length. See docs for proper usage of "' + name + '".');
      }
    });
    return fn;
  }

  // nextAssertion is chai's new Assertion() with from's flags copied in.
  // Copying every flag on every chain word is what made chaining slow, so
  // the copy is made copy-on-write instead: both assertions get an empty
  // layer of flags whose prototype is from's flags, which are never written
  // again, so later flag changes on either side stay unseen by the other,
  // as with chai's copies. A still-empty layer is not layered again, so
  // reusing one assertion many times does not deepen its flags.
  // (Flags read the same; only Object.keys on __flags sees just the top
  // layer.)
  function nextAssertion(from) {
    var flags = from.__flags;
    if (!flags) {
      var b = new Assertion();
      transferFlags(from, b);
      return b;
    }
    // A chainable method's function shares the flags of the assertion it
    // was read from (as in chai): the layer goes on that assertion.
    var owner = from;
    while (owner !== null && !hasOwn.call(owner, '__flags')) owner = Object.getPrototypeOf(owner);
    if (owner === null || owner.__flags !== flags) {
      var c = new Assertion();
      transferFlags(from, c);
      return c;
    }
    var a = Object.create(Assertion.prototype);
    // (A layer holding only symbol flags counts as empty: chai's copies
    // drop symbol flags too.)
    if (hasNoOwnKeys(flags) && Object.getPrototypeOf(flags) !== null) {
      a.__flags = Object.create(Object.getPrototypeOf(flags));
      return a;
    }
    a.__flags = Object.create(flags);
    owner.__flags = Object.create(flags);
    return a;
  }

  function addProperty(ctx, name, getter) {
    getter = getter === undefined ? function () {} : getter;
    Object.defineProperty(ctx, name, {
      configurable: true,
      get: function () {
        var r = getter.call(this);
        return r !== undefined ? r : nextAssertion(this);
      }
    });
  }

  function addMethod(ctx, name, method) {
    var wrapper = function (...args) {
      var r = method.apply(this, args);
      return r !== undefined ? r : nextAssertion(this);
    };
    lengthGuard(wrapper, name, false);
    ctx[name] = guardMethod(wrapper, name);
  }

  var callAndApply = {
    call: { value: Function.prototype.call, writable: true, enumerable: true, configurable: true },
    apply: { value: Function.prototype.apply, writable: true, enumerable: true, configurable: true }
  };

  function addChainableMethod(ctx, name, method, chaining) {
    if (typeof chaining !== 'function') chaining = function () {};
    var behavior = { method: method, chainingBehavior: chaining };
    if (!ctx.__methods) ctx.__methods = {};
    ctx.__methods[name] = behavior;
    // What lengthGuard(wrapper, name, true) defines, made once per name.
    var lengthDesc = Object.getOwnPropertyDescriptor(lengthGuard(function () {}, name, true), 'length');
    Object.defineProperty(ctx, name, {
      configurable: true,
      get: function () {
        behavior.chainingBehavior.call(this);
        var wrapper = function (...args) {
          var r = behavior.method.apply(this, args);
          return r !== undefined ? r : nextAssertion(this);
        };
        Object.defineProperty(wrapper, 'length', lengthDesc);
        // Defined rather than assigned: an assignment would travel up
        // this's prototype chain to the chain-end Proxy; the result is
        // the same own, writable, enumerable properties.
        Object.setPrototypeOf(wrapper, Object.create(this, callAndApply));
        // The function inherits this's flags; chai's transferFlags
        // then copies them onto themselves, which changes nothing.
        if (!this.__flags || wrapper.__flags !== this.__flags) transferFlags(this, wrapper);
        return wrapper;
      }
    });
  }

  function overwriteProperty(ctx, name, getter) {
    var desc = Object.getOwnPropertyDescriptor(ctx, name);
    var original = function () {};
    if (desc && typeof desc.get === 'function') original = desc.get;
    Object.defineProperty(ctx, name, {
      configurable: true,
      get: function () {
        var prevLock = getFlag(this, 'lockSsfi');
        setFlag(this, 'lockSsfi', true);
        var r = getter(original).call(this);
        setFlag(this, 'lockSsfi', prevLock);
        return r !== undefined ? r : nextAssertion(this);
      }
    });
  }

  function overwriteMethod(ctx, name, method) {
    var original = ctx[name];
    var base = function () { throw new Error(name + ' is not a function'); };
    if (original && typeof original === 'function') base = original;
    var wrapper = function (...args) {
      var prevLock = getFlag(this, 'lockSsfi');
      setFlag(this, 'lockSsfi', true);
      var r = method(base).apply(this, args);
      setFlag(this, 'lockSsfi', prevLock);
      return r !== undefined ? r : nextAssertion(this);
    };
    lengthGuard(wrapper, name, false);
    ctx[name] = guardMethod(wrapper, name);
  }

  function overwriteChainableMethod(ctx, name, method, chaining) {
    var behavior = ctx.__methods[name];
    var oldChaining = behavior.chainingBehavior;
    behavior.chainingBehavior = function () {
      var r = chaining(oldChaining).call(this);
      return r !== undefined ? r : nextAssertion(this);
    };
    var oldMethod = behavior.method;
    behavior.method = function (...args) {
      var r = method(oldMethod).apply(this, args);
      return r !== undefined ? r : nextAssertion(this);
    };
  }

  function getActual(obj, args) {
    return args.length > 4 ? args[4] : obj._obj;
  }

  function getMessage(obj, args) {
    var negate = getFlag(obj, 'negate');
    var val = getFlag(obj, 'object');
    var expected = args[3];
    var actual = getActual(obj, args);
    var msg = negate ? args[2] : args[1];
    var flagMsg = getFlag(obj, 'message');
    if (typeof msg === 'function') msg = msg();
    msg = msg || '';
    msg = msg
      .replace(/#\{this\}/g, function () { return objDisplay(val); })
      .replace(/#\{act\}/g, function () { return objDisplay(actual); })
      .replace(/#\{exp\}/g, function () { return objDisplay(expected); });
    return flagMsg ? flagMsg + ': ' + msg : msg;
  }

  function getOperator(obj, args) {
    var op = getFlag(obj, 'operator');
    if (op) return op;
    var negate = getFlag(obj, 'negate');
    var expected = args[3];
    var msg = negate ? args[2] : args[1];
    if (typeof msg === 'function') msg = msg();
    msg = msg || '';
    if (!msg) return undefined;
    if (/\shave\s/.test(msg)) return undefined;
    var isObj = ['Array', 'Object', 'function'].indexOf(typeOf(expected)) !== -1;
    if (/\snot\s/.test(msg)) return isObj ? 'notDeepStrictEqual' : 'notStrictEqual';
    return isObj ? 'deepStrictEqual' : 'strictEqual';
  }

  function test(obj, args) {
    var negate = getFlag(obj, 'negate');
    var expr = args[0];
    return negate ? !expr : expr;
  }

  function expectTypes(obj, types) {
    var flagMsg = getFlag(obj, 'message');
    var ssfi = getFlag(obj, 'ssfi');
    flagMsg = flagMsg ? flagMsg + ': ' : '';
    obj = getFlag(obj, 'object');
    types = types.map(function (t) { return t.toLowerCase(); });
    types.sort();
    var str = types.map(function (t, i) {
      var art = 'aeiou'.indexOf(t.charAt(0)) !== -1 ? 'an' : 'a';
      var or = types.length > 1 && i === types.length - 1 ? 'or ' : '';
      return or + art + ' ' + t;
    }).join(', ');
    var ot = typeOf(obj).toLowerCase();
    if (!types.some(function (t) { return ot === t; })) {
      throw new AssertionError(flagMsg + 'object tested must be ' + str + ', but ' + ot + ' given', undefined, ssfi);
    }
  }

  function ownEnumerableProperties(obj) {
    var keys = Object.keys(obj);
    Object.getOwnPropertySymbols(obj).forEach(function (s) {
      if (Object.getOwnPropertyDescriptor(obj, s).enumerable) keys.push(s);
    });
    return keys;
  }

  // -------------------------------------------------------------- Assertion

  function Assertion(obj, msg, ssfi, lockSsfi) {
    var flags = this.__flags = Object.create(null);
    flags.ssfi = ssfi || Assertion;
    flags.lockSsfi = lockSsfi;
    flags.object = obj;
    flags.message = msg;
    flags.eql = config.deepEqual || eql;
  }
  Object.setPrototypeOf(Assertion.prototype, chainEnd(Object.prototype, null, Assertion.prototype));
  // Assigning __flags to a new assertion stops here instead of passing
  // through the chain-end Proxy (it still creates the assertion's own,
  // enumerable __flags).
  Object.defineProperty(Assertion.prototype, '__flags', { value: undefined, writable: true, enumerable: false, configurable: true });

  Assertion.addProperty = function (name, fn) { addProperty(this.prototype, name, fn); };
  Assertion.addMethod = function (name, fn) { addMethod(this.prototype, name, fn); };
  Assertion.addChainableMethod = function (name, fn, chaining) { addChainableMethod(this.prototype, name, fn, chaining); };
  Assertion.overwriteProperty = function (name, fn) { overwriteProperty(this.prototype, name, fn); };
  Assertion.overwriteMethod = function (name, fn) { overwriteMethod(this.prototype, name, fn); };
  Assertion.overwriteChainableMethod = function (name, fn, chaining) { overwriteChainableMethod(this.prototype, name, fn, chaining); };

  // assert(expr, msg, negateMsg, expected, _actual, showDiff) takes its
  // arguments as a rest array (goja builds an arguments object far more
  // slowly) and keeps chai's length of 6.
  Assertion.prototype.assert = function (...args) {
    var ok = test(this, args);
    if (!ok) {
      var expected = args[3], showDiff = args[5];
      if (showDiff !== false) showDiff = true;
      if (expected === undefined && args[4] === undefined) showDiff = false;
      if (config.showDiff !== true) showDiff = false;
      var message = getMessage(this, args);
      var props = { actual: getActual(this, args), expected: expected, showDiff: showDiff };
      var op = getOperator(this, args);
      if (op) props.operator = op;
      throw new AssertionError(message, props, getFlag(this, 'ssfi'));
    }
  };
  Object.defineProperty(Assertion.prototype.assert, 'length', { value: 6, configurable: true });

  Object.defineProperty(Assertion.prototype, '_obj', {
    get: function () { return getFlag(this, 'object'); },
    set: function (v) { setFlag(this, 'object', v); }
  });

  var util = {
    addChainableMethod: addChainableMethod,
    addLengthGuard: lengthGuard,
    addMethod: addMethod,
    addProperty: addProperty,
    checkError: checkError,
    compareByInspect: compareByInspect,
    eql: eql,
    expectTypes: expectTypes,
    flag: flag,
    getActual: getActual,
    getMessage: getMessage,
    getName: funcName,
    getOperator: getOperator,
    getOwnEnumerableProperties: ownEnumerableProperties,
    getOwnEnumerablePropertySymbols: function (o) { return ownEnumerableProperties(o).filter(function (k) { return typeof k === 'symbol'; }); },
    getPathInfo: getPathInfo,
    getPathValue: getPathValue,
    getProperties: getProperties,
    hasProperty: hasProperty,
    inspect: inspect,
    isNaN: function (v) { return v !== v; },
    isProxyEnabled: isProxyEnabled,
    objDisplay: objDisplay,
    overwriteChainableMethod: overwriteChainableMethod,
    overwriteMethod: overwriteMethod,
    overwriteProperty: overwriteProperty,
    proxify: proxify,
    test: test,
    transferFlags: transferFlags,
    type: typeOf
  };

  // ------------------------------------------------------------- assertions

  var A = Assertion;
  var _ = util;

  ['to', 'be', 'been', 'is', 'and', 'has', 'have', 'with', 'that', 'which', 'at', 'of', 'same', 'but', 'does', 'still', 'also'].forEach(function (c) {
    A.addProperty(c);
  });
  A.addProperty('not', function () { setFlag(this, 'negate', true); });
  A.addProperty('deep', function () { setFlag(this, 'deep', true); });
  A.addProperty('nested', function () { setFlag(this, 'nested', true); });
  A.addProperty('own', function () { setFlag(this, 'own', true); });
  A.addProperty('ordered', function () { setFlag(this, 'ordered', true); });
  A.addProperty('any', function () { setFlag(this, 'any', true); setFlag(this, 'all', false); });
  A.addProperty('all', function () { setFlag(this, 'all', true); setFlag(this, 'any', false); });

  function prefix(self) {
    var m = getFlag(self, 'message');
    return m ? m + ': ' : '';
  }

  // passes reports whether self.assert(expr, ...) will pass, so that
  // messages costly to build (inspecting values) are built only on failure.
  function passes(self, expr) {
    return getFlag(self, 'negate') ? !expr : !!expr;
  }

  function fail(self, text) {
    throw new AssertionError(prefix(self) + text, undefined, getFlag(self, 'ssfi'));
  }

  function article(word) {
    return 'aeiou'.indexOf(word.charAt(0)) !== -1 ? 'an ' : 'a ';
  }

  function an(type, msg) {
    if (msg) setFlag(this, 'message', msg);
    type = type.toLowerCase();
    var art = article(type);
    this.assert(type === typeOf(getFlag(this, 'object')).toLowerCase(),
      'expected #{this} to be ' + art + type,
      'expected #{this} not to be ' + art + type);
  }
  A.addChainableMethod('an', an);
  A.addChainableMethod('a', an);

  function sameValueZero(a, b) { return (a !== a && b !== b) || a === b; }

  function include(val, msg) {
    if (msg) setFlag(this, 'message', msg);
    var obj = getFlag(this, 'object');
    var objType = typeOf(obj).toLowerCase();
    var negate = getFlag(this, 'negate');
    var isDeep = getFlag(this, 'deep');
    var descriptor = isDeep ? 'deep ' : '';
    var isEql = isDeep ? getFlag(this, 'eql') : sameValueZero;
    var included = false;
    switch (objType) {
      case 'string':
        included = obj.indexOf(val) !== -1;
        break;
      case 'weakset':
        if (isDeep) fail(this, 'unable to use .deep.include with WeakSet');
        included = obj.has(val);
        break;
      case 'map':
        obj.forEach(function (item) { included = included || isEql(item, val); });
        break;
      case 'set':
        if (isDeep) obj.forEach(function (item) { included = included || isEql(item, val); });
        else included = obj.has(val);
        break;
      case 'array':
        if (isDeep) included = obj.some(function (item) { return isEql(item, val); });
        else included = obj.indexOf(val) !== -1;
        break;
      default:
        if (val !== Object(val)) {
          var vt = typeOf(val).toLowerCase();
          fail(this, 'the given combination of arguments (' + objType + ' and ' + vt + ') is invalid for this assertion. ' +
            'You can use an array, a map, an object, a set, a string, or a weakset instead of a ' + vt);
        }
        var props = Object.keys(val);
        var firstErr = null, errs = 0;
        props.forEach(function (p) {
          var pa = new Assertion(obj);
          transferFlags(this, pa, true);
          setFlag(pa, 'lockSsfi', true);
          if (!negate || props.length === 1) {
            pa.property(p, val[p]);
            return;
          }
          try {
            pa.property(p, val[p]);
          } catch (err) {
            if (!checkError.compatibleConstructor(err, AssertionError)) throw err;
            if (firstErr === null) firstErr = err;
            errs++;
          }
        }, this);
        if (negate && props.length > 1 && errs === props.length) throw firstErr;
        return;
    }
    var ok = passes(this, included);
    this.assert(included,
      ok ? '' : 'expected #{this} to ' + descriptor + 'include ' + inspect(val),
      ok ? '' : 'expected #{this} to not ' + descriptor + 'include ' + inspect(val));
  }
  function includeChain() { setFlag(this, 'contains', true); }
  ['include', 'contain', 'contains', 'includes'].forEach(function (n) { A.addChainableMethod(n, include, includeChain); });

  A.addProperty('ok', function () {
    this.assert(getFlag(this, 'object'), 'expected #{this} to be truthy', 'expected #{this} to be falsy');
  });
  A.addProperty('true', function () {
    this.assert(getFlag(this, 'object') === true, 'expected #{this} to be true', 'expected #{this} to be false', !getFlag(this, 'negate'));
  });
  A.addProperty('false', function () {
    this.assert(getFlag(this, 'object') === false, 'expected #{this} to be false', 'expected #{this} to be true', !!getFlag(this, 'negate'));
  });
  A.addProperty('null', function () {
    this.assert(getFlag(this, 'object') === null, 'expected #{this} to be null', 'expected #{this} not to be null');
  });
  A.addProperty('undefined', function () {
    this.assert(getFlag(this, 'object') === undefined, 'expected #{this} to be undefined', 'expected #{this} not to be undefined');
  });
  A.addProperty('NaN', function () {
    var v = getFlag(this, 'object');
    this.assert(v !== v, 'expected #{this} to be NaN', 'expected #{this} not to be NaN');
  });
  function exist() {
    var v = getFlag(this, 'object');
    this.assert(v !== null && v !== undefined, 'expected #{this} to exist', 'expected #{this} to not exist');
  }
  A.addProperty('exist', exist);
  A.addProperty('exists', exist);

  A.addProperty('empty', function () {
    var v = getFlag(this, 'object');
    var count;
    switch (typeOf(v).toLowerCase()) {
      case 'array':
      case 'string':
        count = v.length;
        break;
      case 'map':
      case 'set':
        count = v.size;
        break;
      case 'weakmap':
      case 'weakset':
        fail(this, '.empty was passed a weak collection');
        break;
      case 'function':
        throw new AssertionError((prefix(this) + '.empty was passed a function ' + funcName(v)).trim(), undefined, getFlag(this, 'ssfi'));
      default:
        if (v !== Object(v)) fail(this, '.empty was passed non-string primitive ' + inspect(v));
        count = Object.keys(v).length;
    }
    this.assert(count === 0, 'expected #{this} to be empty', 'expected #{this} not to be empty');
  });

  function checkArguments() {
    var t = typeOf(getFlag(this, 'object'));
    this.assert(t === 'Arguments', 'expected #{this} to be arguments but got ' + t, 'expected #{this} to not be arguments');
  }
  A.addProperty('arguments', checkArguments);
  A.addProperty('Arguments', checkArguments);

  function assertEqual(val, msg) {
    if (msg) setFlag(this, 'message', msg);
    var obj = getFlag(this, 'object');
    if (getFlag(this, 'deep')) {
      var prev = getFlag(this, 'lockSsfi');
      setFlag(this, 'lockSsfi', true);
      this.eql(val);
      setFlag(this, 'lockSsfi', prev);
    } else {
      this.assert(val === obj, 'expected #{this} to equal #{exp}', 'expected #{this} to not equal #{exp}', val, this._obj, true);
    }
  }
  ['equal', 'equals', 'eq'].forEach(function (n) { A.addMethod(n, assertEqual); });

  function assertEql(obj, msg) {
    if (msg) setFlag(this, 'message', msg);
    this.assert(getFlag(this, 'eql')(obj, getFlag(this, 'object')),
      'expected #{this} to deeply equal #{exp}', 'expected #{this} to not deeply equal #{exp}', obj, this._obj, true);
  }
  A.addMethod('eql', assertEql);
  A.addMethod('eqls', assertEql);

  // compare builds above/least/below/most: name is the argument word in
  // errors, pass tests the relation, words are the [positive, negative]
  // phrasing for plain values and lengths.
  function compare(name, pass, plainWords, lengthWords) {
    return function (n, msg) {
      if (msg) setFlag(this, 'message', msg);
      var obj = getFlag(this, 'object');
      var doLength = getFlag(this, 'doLength');
      var flagMsg = getFlag(this, 'message');
      var ssfi = getFlag(this, 'ssfi');
      var objType = typeOf(obj).toLowerCase();
      var nType = typeOf(n).toLowerCase();
      var errorMessage = null;
      if (doLength && objType !== 'map' && objType !== 'set') {
        if (obj === null || obj === undefined || !('length' in Object(obj))) new Assertion(obj, flagMsg, ssfi, true).to.have.property('length');
      }
      if (!doLength && objType === 'date' && nType !== 'date') {
        errorMessage = 'the argument to ' + name + ' must be a date';
      } else if (nType !== 'number' && (doLength || objType === 'number')) {
        errorMessage = 'the argument to ' + name + ' must be a number';
      } else if (!doLength && objType !== 'date' && objType !== 'number') {
        errorMessage = 'expected ' + (objType === 'string' ? "'" + obj + "'" : obj) + ' to be a number or a date';
      }
      if (errorMessage !== null) fail(this, errorMessage);
      if (doLength) {
        var descriptor = 'length', count;
        if (objType === 'map' || objType === 'set') {
          descriptor = 'size';
          count = obj.size;
        } else {
          count = obj.length;
        }
        this.assert(pass(count, n),
          'expected #{this} to have a ' + descriptor + ' ' + lengthWords[0] + ' #{exp} but got #{act}',
          'expected #{this} ' + lengthWords[1].replace('%s', descriptor) + ' #{exp}', n, count);
      } else {
        this.assert(pass(obj, n), 'expected #{this} to be ' + plainWords[0] + ' #{exp}', 'expected #{this} to be ' + plainWords[1] + ' #{exp}', n);
      }
    };
  }
  var above = compare('above', function (a, b) { return a > b; }, ['above', 'at most'], ['above', 'to not have a %s above']);
  var least = compare('least', function (a, b) { return a >= b; }, ['at least', 'below'], ['at least', 'to have a %s below']);
  var below = compare('below', function (a, b) { return a < b; }, ['below', 'at least'], ['below', 'to not have a %s below']);
  var most = compare('most', function (a, b) { return a <= b; }, ['at most', 'above'], ['at most', 'to have a %s above']);
  ['above', 'gt', 'greaterThan'].forEach(function (n) { A.addMethod(n, above); });
  ['least', 'gte', 'greaterThanOrEqual'].forEach(function (n) { A.addMethod(n, least); });
  ['below', 'lt', 'lessThan'].forEach(function (n) { A.addMethod(n, below); });
  ['most', 'lte', 'lessThanOrEqual'].forEach(function (n) { A.addMethod(n, most); });

  A.addMethod('within', function (start, finish, msg) {
    if (msg) setFlag(this, 'message', msg);
    var obj = getFlag(this, 'object');
    var doLength = getFlag(this, 'doLength');
    var flagMsg = getFlag(this, 'message');
    var ssfi = getFlag(this, 'ssfi');
    var objType = typeOf(obj).toLowerCase();
    var st = typeOf(start).toLowerCase();
    var ft = typeOf(finish).toLowerCase();
    var errorMessage = null;
    var range = st === 'date' && ft === 'date' ? start.toISOString() + '..' + finish.toISOString() : start + '..' + finish;
    if (doLength && objType !== 'map' && objType !== 'set') {
      if (obj === null || obj === undefined || !('length' in Object(obj))) new Assertion(obj, flagMsg, ssfi, true).to.have.property('length');
    }
    if (!doLength && objType === 'date' && (st !== 'date' || ft !== 'date')) {
      errorMessage = 'the arguments to within must be dates';
    } else if ((st !== 'number' || ft !== 'number') && (doLength || objType === 'number')) {
      errorMessage = 'the arguments to within must be numbers';
    } else if (!doLength && objType !== 'date' && objType !== 'number') {
      errorMessage = 'expected ' + (objType === 'string' ? "'" + obj + "'" : obj) + ' to be a number or a date';
    }
    if (errorMessage !== null) fail(this, errorMessage);
    if (doLength) {
      var descriptor = 'length', count;
      if (objType === 'map' || objType === 'set') {
        descriptor = 'size';
        count = obj.size;
      } else {
        count = obj.length;
      }
      this.assert(count >= start && count <= finish,
        'expected #{this} to have a ' + descriptor + ' within ' + range,
        'expected #{this} to not have a ' + descriptor + ' within ' + range);
    } else {
      this.assert(obj >= start && obj <= finish, 'expected #{this} to be within ' + range, 'expected #{this} to not be within ' + range);
    }
  });

  function instanceOf(ctor, msg) {
    if (msg) setFlag(this, 'message', msg);
    var target = getFlag(this, 'object');
    var is;
    try {
      is = target instanceof ctor;
    } catch (err) {
      if (err instanceof TypeError) fail(this, 'The instanceof assertion needs a constructor but ' + typeOf(ctor) + ' was given.');
      throw err;
    }
    var name = funcName(ctor);
    if (name === null) name = 'an unnamed constructor';
    this.assert(is, 'expected #{this} to be an instance of ' + name, 'expected #{this} to not be an instance of ' + name);
  }
  A.addMethod('instanceof', instanceOf);
  A.addMethod('instanceOf', instanceOf);

  function assertProperty(...args) {
    var name = args[0], val = args[1], msg = args[2];
    if (msg) setFlag(this, 'message', msg);
    var isNested = getFlag(this, 'nested');
    var isOwn = getFlag(this, 'own');
    var obj = getFlag(this, 'object');
    var nameType = typeof name;
    if (isNested) {
      if (nameType !== 'string') fail(this, 'the argument to property must be a string when using nested syntax');
    } else if (nameType !== 'string' && nameType !== 'number' && nameType !== 'symbol') {
      fail(this, 'the argument to property must be a string, number, or symbol');
    }
    if (isNested && isOwn) fail(this, 'The "nested" and "own" flags cannot be combined.');
    if (obj === null || obj === undefined) fail(this, 'Target cannot be null or undefined.');
    var isDeep = getFlag(this, 'deep');
    var negate = getFlag(this, 'negate');
    var info = isNested ? getPathInfo(obj, name) : null;
    var value = isNested ? info.value : obj[name];
    var isEql = isDeep ? getFlag(this, 'eql') : function (a, b) { return a === b; };
    var descriptor = (isDeep ? 'deep ' : '') + (isOwn ? 'own ' : '') + (isNested ? 'nested ' : '') + 'property ';
    var has;
    if (isOwn) has = hasOwn.call(obj, name);
    else if (isNested) has = info.exists;
    else has = hasProperty(obj, name);
    if (!negate || args.length === 1) {
      var ok = passes(this, has);
      this.assert(has, ok ? '' : 'expected #{this} to have ' + descriptor + inspect(name), ok ? '' : 'expected #{this} to not have ' + descriptor + inspect(name));
    }
    if (args.length > 1) {
      var matches = has && isEql(val, value);
      var okValue = passes(this, matches);
      this.assert(matches,
        okValue ? '' : 'expected #{this} to have ' + descriptor + inspect(name) + ' of #{exp}, but got #{act}',
        okValue ? '' : 'expected #{this} to not have ' + descriptor + inspect(name) + ' of #{act}', val, value);
    }
    setFlag(this, 'object', value);
  }
  A.addMethod('property', assertProperty);
  function ownProperty(...args) {
    setFlag(this, 'own', true);
    assertProperty.apply(this, args);
  }
  A.addMethod('ownProperty', ownProperty);
  A.addMethod('haveOwnProperty', ownProperty);

  function ownPropertyDescriptor(name, descriptor, msg) {
    if (typeof descriptor === 'string') {
      msg = descriptor;
      descriptor = null;
    }
    if (msg) setFlag(this, 'message', msg);
    var obj = getFlag(this, 'object');
    var actual = Object.getOwnPropertyDescriptor(Object(obj), name);
    if (actual && descriptor) {
      this.assert(getFlag(this, 'eql')(descriptor, actual),
        'expected the own property descriptor for ' + inspect(name) + ' on #{this} to match ' + inspect(descriptor) + ', got ' + inspect(actual),
        'expected the own property descriptor for ' + inspect(name) + ' on #{this} to not match ' + inspect(descriptor),
        descriptor, actual, true);
    } else {
      this.assert(actual, 'expected #{this} to have an own property descriptor for ' + inspect(name),
        'expected #{this} to not have an own property descriptor for ' + inspect(name));
    }
    setFlag(this, 'object', actual);
  }
  A.addMethod('ownPropertyDescriptor', ownPropertyDescriptor);
  A.addMethod('haveOwnPropertyDescriptor', ownPropertyDescriptor);

  function lengthChain() { setFlag(this, 'doLength', true); }
  function assertLength(n, msg) {
    if (msg) setFlag(this, 'message', msg);
    var obj = getFlag(this, 'object');
    var t = typeOf(obj).toLowerCase();
    var descriptor = 'length', count;
    if (t === 'map' || t === 'set') {
      descriptor = 'size';
      count = obj.size;
    } else {
      if (obj === null || obj === undefined || !('length' in Object(obj))) new Assertion(obj, getFlag(this, 'message'), getFlag(this, 'ssfi'), true).to.have.property('length');
      count = obj.length;
    }
    this.assert(count == n, // eslint-disable-line eqeqeq
      'expected #{this} to have a ' + descriptor + ' of #{exp} but got #{act}',
      'expected #{this} to not have a ' + descriptor + ' of #{act}', n, count);
  }
  A.addChainableMethod('length', assertLength, lengthChain);
  A.addChainableMethod('lengthOf', assertLength, lengthChain);

  function assertMatch(re, msg) {
    if (msg) setFlag(this, 'message', msg);
    this.assert(re.exec(getFlag(this, 'object')), 'expected #{this} to match ' + re, 'expected #{this} not to match ' + re);
  }
  A.addMethod('match', assertMatch);
  A.addMethod('matches', assertMatch);

  A.addMethod('string', function (str, msg) {
    if (msg) setFlag(this, 'message', msg);
    var obj = getFlag(this, 'object');
    if (typeOf(obj).toLowerCase() !== 'string') new Assertion(obj, getFlag(this, 'message'), getFlag(this, 'ssfi'), true).is.a('string');
    var found = ~obj.indexOf(str);
    var ok = passes(this, found);
    this.assert(found, ok ? '' : 'expected #{this} to contain ' + inspect(str), ok ? '' : 'expected #{this} to not contain ' + inspect(str));
  });

  function assertKeys(keys) {
    var obj = getFlag(this, 'object');
    var objType = typeOf(obj);
    var keysType = typeOf(keys);
    var isDeep = getFlag(this, 'deep');
    var deepStr = '';
    var actual;
    var ok = true;
    var mixed = 'when testing keys against an object or an array you must give a single Array|Object|String argument or multiple String arguments';
    if (objType === 'Map' || objType === 'Set') {
      deepStr = isDeep ? 'deeply ' : '';
      actual = [];
      obj.forEach(function (v, k) { actual.push(k); });
      if (keysType !== 'Array') keys = Array.prototype.slice.call(arguments);
    } else {
      actual = ownEnumerableProperties(obj);
      switch (keysType) {
        case 'Array':
          if (arguments.length > 1) fail(this, mixed);
          break;
        case 'Object':
          if (arguments.length > 1) fail(this, mixed);
          keys = Object.keys(keys);
          break;
        default:
          keys = Array.prototype.slice.call(arguments);
      }
      keys = keys.map(function (k) { return typeof k === 'symbol' ? k : String(k); });
    }
    if (!keys.length) fail(this, 'keys required');
    var len = keys.length;
    var any = getFlag(this, 'any');
    var all = getFlag(this, 'all');
    var expected = keys;
    var isEql = isDeep ? getFlag(this, 'eql') : function (a, b) { return a === b; };
    if (!any && !all) all = true;
    if (any) {
      ok = expected.some(function (e) { return actual.some(function (a) { return isEql(e, a); }); });
    }
    if (all) {
      ok = expected.every(function (e) { return actual.some(function (a) { return isEql(e, a); }); });
      if (!getFlag(this, 'contains')) ok = ok && keys.length == actual.length; // eslint-disable-line eqeqeq
    }
    if (passes(this, ok)) {
      // Passing: the message and the sorted key lists are never shown.
      this.assert(ok, '', '', expected, actual, true);
      return;
    }
    var str;
    if (len > 1) {
      var shown = keys.map(function (k) { return inspect(k); });
      var last = shown.pop();
      if (all) str = shown.join(', ') + ', and ' + last;
      if (any) str = shown.join(', ') + ', or ' + last;
    } else {
      str = inspect(keys[0]);
    }
    str = (len > 1 ? 'keys ' : 'key ') + str;
    str = (getFlag(this, 'contains') ? 'contain ' : 'have ') + str;
    this.assert(ok, 'expected #{this} to ' + deepStr + str, 'expected #{this} to not ' + deepStr + str,
      expected.slice(0).sort(compareByInspect), actual.sort(compareByInspect), true);
  }
  A.addMethod('keys', assertKeys);
  A.addMethod('key', assertKeys);

  function errDisplay(e) {
    return e instanceof Error ? e.toString() : e && checkError.getConstructorName(e);
  }

  function assertThrows(errorLike, errMsgMatcher, msg) {
    if (msg) setFlag(this, 'message', msg);
    var obj = getFlag(this, 'object');
    var negate = getFlag(this, 'negate') || false;
    if (typeOf(obj).toLowerCase() !== 'function') new Assertion(obj, getFlag(this, 'message'), getFlag(this, 'ssfi'), true).is.a('function');
    if (errorLike instanceof RegExp || typeof errorLike === 'string') {
      errMsgMatcher = errorLike;
      errorLike = null;
    }
    var caught;
    try {
      obj();
    } catch (err) {
      caught = err;
    }
    var noArgs = errorLike === undefined && errMsgMatcher === undefined;
    var bothArgs = Boolean(errorLike && errMsgMatcher);
    var likeFail = false, msgFail = false;
    if (noArgs || (!noArgs && !negate)) {
      var likeStr = 'an error';
      if (errorLike instanceof Error) likeStr = '#{exp}';
      else if (errorLike) likeStr = checkError.getConstructorName(errorLike);
      this.assert(caught, 'expected #{this} to throw ' + likeStr,
        'expected #{this} to not throw an error but #{act} was thrown',
        errorLike && errorLike.toString(),
        caught instanceof Error ? caught.toString() : (typeof caught === 'string' ? caught : caught && checkError.getConstructorName(caught)));
    }
    if (errorLike && caught) {
      if (errorLike instanceof Error) {
        var sameInstance = checkError.compatibleInstance(caught, errorLike);
        if (sameInstance === negate) {
          if (bothArgs && negate) {
            likeFail = true;
          } else {
            this.assert(negate, 'expected #{this} to throw #{exp} but #{act} was thrown',
              'expected #{this} to not throw #{exp}' + (caught && !negate ? ' but #{act} was thrown' : ''),
              errorLike.toString(), caught.toString());
          }
        }
      }
      var sameCtor = checkError.compatibleConstructor(caught, errorLike);
      if (sameCtor === negate) {
        if (bothArgs && negate) {
          likeFail = true;
        } else {
          this.assert(negate, 'expected #{this} to throw #{exp} but #{act} was thrown',
            'expected #{this} to not throw #{exp}' + (caught ? ' but #{act} was thrown' : ''),
            errDisplay(errorLike), errDisplay(caught));
        }
      }
    }
    if (caught && errMsgMatcher !== undefined && errMsgMatcher !== null) {
      var placeholder = errMsgMatcher instanceof RegExp ? 'matching' : 'including';
      var sameMsg = checkError.compatibleMessage(caught, errMsgMatcher);
      if (sameMsg === negate) {
        if (bothArgs && negate) {
          msgFail = true;
        } else {
          this.assert(negate, 'expected #{this} to throw error ' + placeholder + ' #{exp} but got #{act}',
            'expected #{this} to throw error not ' + placeholder + ' #{exp}', errMsgMatcher, checkError.getMessage(caught));
        }
      }
    }
    if (likeFail && msgFail) {
      this.assert(negate, 'expected #{this} to throw #{exp} but #{act} was thrown',
        'expected #{this} to not throw #{exp}' + (caught ? ' but #{act} was thrown' : ''),
        errDisplay(errorLike), errDisplay(caught));
    }
    setFlag(this, 'object', caught);
  }
  ['throw', 'throws', 'Throw'].forEach(function (n) { A.addMethod(n, assertThrows); });

  function respondTo(method, msg) {
    if (msg) setFlag(this, 'message', msg);
    var obj = getFlag(this, 'object');
    var itself = getFlag(this, 'itself');
    var ctx = typeof obj === 'function' && !itself ? obj.prototype[method] : obj[method];
    var ok = passes(this, typeof ctx === 'function');
    this.assert(typeof ctx === 'function', ok ? '' : 'expected #{this} to respond to ' + inspect(method), ok ? '' : 'expected #{this} to not respond to ' + inspect(method));
  }
  A.addMethod('respondTo', respondTo);
  A.addMethod('respondsTo', respondTo);
  A.addProperty('itself', function () { setFlag(this, 'itself', true); });

  function satisfy(matcher, msg) {
    if (msg) setFlag(this, 'message', msg);
    var result = matcher(getFlag(this, 'object'));
    var ok = passes(this, result);
    this.assert(result, ok ? '' : 'expected #{this} to satisfy ' + objDisplay(matcher), ok ? '' : 'expected #{this} to not satisfy' + objDisplay(matcher),
      !getFlag(this, 'negate'), result);
  }
  A.addMethod('satisfy', satisfy);
  A.addMethod('satisfies', satisfy);

  function closeTo(expected, delta, msg) {
    if (msg) setFlag(this, 'message', msg);
    var obj = getFlag(this, 'object');
    if (typeOf(obj).toLowerCase() !== 'number') new Assertion(obj, getFlag(this, 'message'), getFlag(this, 'ssfi'), true).is.a('number');
    if (typeof expected !== 'number' || typeof delta !== 'number') {
      fail(this, 'the arguments to closeTo or approximately must be numbers' + (delta === undefined ? ', and a delta is required' : ''));
    }
    this.assert(Math.abs(obj - expected) <= delta,
      'expected #{this} to be close to ' + expected + ' +/- ' + delta,
      'expected #{this} not to be close to ' + expected + ' +/- ' + delta);
  }
  A.addMethod('closeTo', closeTo);
  A.addMethod('approximately', closeTo);

  function isSubsetOf(subset, superset, cmp, contains, ordered) {
    if (!contains) {
      if (subset.length !== superset.length) return false;
      superset = superset.slice();
    }
    return subset.every(function (elem, idx) {
      if (ordered) return cmp ? cmp(elem, superset[idx]) : elem === superset[idx];
      if (!cmp) {
        var at = superset.indexOf(elem);
        if (at === -1) return false;
        if (!contains) superset.splice(at, 1);
        return true;
      }
      return superset.some(function (other, at) {
        if (!cmp(elem, other)) return false;
        if (!contains) superset.splice(at, 1);
        return true;
      });
    });
  }

  A.addMethod('members', function (subset, msg) {
    if (msg) setFlag(this, 'message', msg);
    var obj = getFlag(this, 'object');
    var flagMsg = getFlag(this, 'message'), ssfi = getFlag(this, 'ssfi');
    if (typeOf(obj).toLowerCase() !== 'array') new Assertion(obj, flagMsg, ssfi, true).to.be.an('array');
    if (typeOf(subset).toLowerCase() !== 'array') new Assertion(subset, flagMsg, ssfi, true).to.be.an('array');
    var contains = getFlag(this, 'contains');
    var ordered = getFlag(this, 'ordered');
    var subject, failMsg, failNegateMsg;
    if (contains) {
      subject = ordered ? 'an ordered superset' : 'a superset';
      failMsg = 'expected #{this} to be ' + subject + ' of #{exp}';
      failNegateMsg = 'expected #{this} to not be ' + subject + ' of #{exp}';
    } else {
      subject = ordered ? 'ordered members' : 'members';
      failMsg = 'expected #{this} to have the same ' + subject + ' as #{exp}';
      failNegateMsg = 'expected #{this} to not have the same ' + subject + ' as #{exp}';
    }
    var cmp = getFlag(this, 'deep') ? getFlag(this, 'eql') : undefined;
    this.assert(isSubsetOf(subset, obj, cmp, contains, ordered), failMsg, failNegateMsg, subset, obj, true);
  });

  A.addMethod('oneOf', function (list, msg) {
    if (msg) setFlag(this, 'message', msg);
    var expected = getFlag(this, 'object');
    var contains = getFlag(this, 'contains');
    var isDeep = getFlag(this, 'deep');
    var eqlFn = getFlag(this, 'eql');
    if (typeOf(list).toLowerCase() !== 'array') new Assertion(list, getFlag(this, 'message'), getFlag(this, 'ssfi'), true).to.be.an('array');
    if (contains) {
      this.assert(list.some(function (p) { return expected.indexOf(p) > -1; }),
        'expected #{this} to contain one of #{exp}', 'expected #{this} to not contain one of #{exp}', list, expected);
    } else if (isDeep) {
      this.assert(list.some(function (p) { return eqlFn(expected, p); }),
        'expected #{this} to deeply equal one of #{exp}', 'expected #{this} to deeply equal one of #{exp}', list, expected);
    } else {
      this.assert(list.indexOf(expected) > -1, 'expected #{this} to be one of #{exp}', 'expected #{this} to not be one of #{exp}', list, expected);
    }
  });

  // delta builds change/increase/decrease.
  function delta(behavior) {
    return function (subject, prop, msg) {
      if (msg) setFlag(this, 'message', msg);
      var fn = getFlag(this, 'object');
      var flagMsg = getFlag(this, 'message'), ssfi = getFlag(this, 'ssfi');
      if (typeOf(fn).toLowerCase() !== 'function') new Assertion(fn, flagMsg, ssfi, true).is.a('function');
      var initial;
      if (!prop) {
        if (typeOf(subject).toLowerCase() !== 'function') new Assertion(subject, flagMsg, ssfi, true).is.a('function');
        initial = subject();
      } else {
        new Assertion(subject, flagMsg, ssfi, true).to.have.property(prop);
        initial = subject[prop];
      }
      if (behavior !== 'change' && typeOf(initial).toLowerCase() !== 'number') new Assertion(initial, flagMsg, ssfi, true).is.a('number');
      fn();
      var final = prop === undefined || prop === null ? subject() : subject[prop];
      var msgObj = prop === undefined || prop === null ? initial : '.' + prop;
      setFlag(this, 'deltaMsgObj', msgObj);
      setFlag(this, 'initialDeltaValue', initial);
      setFlag(this, 'finalDeltaValue', final);
      setFlag(this, 'deltaBehavior', behavior);
      var ok;
      if (behavior === 'change') {
        setFlag(this, 'realDelta', final !== initial);
        ok = initial !== final;
      } else if (behavior === 'increase') {
        setFlag(this, 'realDelta', final - initial);
        ok = final - initial > 0;
      } else {
        setFlag(this, 'realDelta', initial - final);
        ok = final - initial < 0;
      }
      this.assert(ok, 'expected ' + msgObj + ' to ' + behavior, 'expected ' + msgObj + ' to not ' + behavior);
    };
  }
  A.addMethod('change', delta('change'));
  A.addMethod('changes', delta('change'));
  A.addMethod('increase', delta('increase'));
  A.addMethod('increases', delta('increase'));
  A.addMethod('decrease', delta('decrease'));
  A.addMethod('decreases', delta('decrease'));
  A.addMethod('by', function (d, msg) {
    if (msg) setFlag(this, 'message', msg);
    var msgObj = getFlag(this, 'deltaMsgObj');
    var behavior = getFlag(this, 'deltaBehavior');
    var expr = behavior === 'change'
      ? Math.abs(getFlag(this, 'finalDeltaValue') - getFlag(this, 'initialDeltaValue')) === Math.abs(d)
      : getFlag(this, 'realDelta') === Math.abs(d);
    this.assert(expr, 'expected ' + msgObj + ' to ' + behavior + ' by ' + d, 'expected ' + msgObj + ' to not ' + behavior + ' by ' + d);
  });

  A.addProperty('extensible', function () {
    var o = getFlag(this, 'object');
    this.assert(o === Object(o) && Object.isExtensible(o), 'expected #{this} to be extensible', 'expected #{this} to not be extensible');
  });
  A.addProperty('sealed', function () {
    var o = getFlag(this, 'object');
    this.assert(o === Object(o) ? Object.isSealed(o) : true, 'expected #{this} to be sealed', 'expected #{this} to not be sealed');
  });
  A.addProperty('frozen', function () {
    var o = getFlag(this, 'object');
    this.assert(o === Object(o) ? Object.isFrozen(o) : true, 'expected #{this} to be frozen', 'expected #{this} to not be frozen');
  });
  A.addProperty('finite', function () {
    var o = getFlag(this, 'object');
    this.assert(typeof o === 'number' && isFinite(o), 'expected #{this} to be a finite number', 'expected #{this} to not be a finite number');
  });

  // ------------------------------------------------------------- interfaces

  var chai = {
    version: '4.4.1',
    AssertionError: AssertionError,
    Assertion: Assertion,
    config: config,
    util: util
  };

  var used = [];
  chai.use = function (fn) {
    if (used.indexOf(fn) === -1) {
      fn(chai, util);
      used.push(fn);
    }
    return chai;
  };

  function expect(val, message) { return new Assertion(val, message); }
  expect.fail = function (actual, expected, message, operator) {
    if (arguments.length < 2) {
      message = actual;
      actual = undefined;
    }
    throw new AssertionError(message || 'expect.fail()', { actual: actual, expected: expected, operator: operator }, expect.fail);
  };
  chai.expect = expect;

  function assert(express, errmsg) {
    new Assertion(null, null, assert, true).assert(express, errmsg, '[ negation message unavailable ]');
  }
  assert.fail = function (actual, expected, message, operator) {
    if (arguments.length < 2) {
      message = actual;
      actual = undefined;
    }
    throw new AssertionError(message || 'assert.fail()', { actual: actual, expected: expected, operator: operator }, assert.fail);
  };
  function a(val, msg) { return new Assertion(val, msg, null, true); }
  assert.isOk = assert.ok = function (v, m) { a(v, m).is.ok; };
  assert.isNotOk = assert.notOk = function (v, m) { a(v, m).is.not.ok; };
  assert.equal = function (act, exp, msg) {
    var t = a(act, msg);
    t.assert(exp == getFlag(t, 'object'), 'expected #{this} to equal #{exp}', 'expected #{this} to not equal #{act}', exp, act, true); // eslint-disable-line eqeqeq
  };
  assert.notEqual = function (act, exp, msg) {
    var t = a(act, msg);
    t.assert(exp != getFlag(t, 'object'), 'expected #{this} to not equal #{exp}', 'expected #{this} to equal #{act}', exp, act, true); // eslint-disable-line eqeqeq
  };
  assert.strictEqual = function (act, exp, m) { a(act, m).to.equal(exp); };
  assert.notStrictEqual = function (act, exp, m) { a(act, m).to.not.equal(exp); };
  assert.deepEqual = assert.deepStrictEqual = function (act, exp, m) { a(act, m).to.eql(exp); };
  assert.notDeepEqual = function (act, exp, m) { a(act, m).to.not.eql(exp); };
  assert.isAbove = function (v, n, m) { a(v, m).to.be.above(n); };
  assert.isAtLeast = function (v, n, m) { a(v, m).to.be.least(n); };
  assert.isBelow = function (v, n, m) { a(v, m).to.be.below(n); };
  assert.isAtMost = function (v, n, m) { a(v, m).to.be.most(n); };
  assert.isTrue = function (v, m) { a(v, m).is['true']; };
  assert.isNotTrue = function (v, m) { a(v, m).to.not.equal(true); };
  assert.isFalse = function (v, m) { a(v, m).is['false']; };
  assert.isNotFalse = function (v, m) { a(v, m).to.not.equal(false); };
  assert.isNull = function (v, m) { a(v, m).to.equal(null); };
  assert.isNotNull = function (v, m) { a(v, m).to.not.equal(null); };
  assert.isNaN = function (v, m) { a(v, m).to.be.NaN; };
  assert.isNotNaN = function (v, m) { a(v, m).not.to.be.NaN; };
  assert.exists = function (v, m) { a(v, m).to.exist; };
  assert.notExists = function (v, m) { a(v, m).to.not.exist; };
  assert.isUndefined = function (v, m) { a(v, m).to.equal(undefined); };
  assert.isDefined = function (v, m) { a(v, m).to.not.equal(undefined); };
  assert.isFunction = function (v, m) { a(v, m).to.be.a('function'); };
  assert.isNotFunction = function (v, m) { a(v, m).to.not.be.a('function'); };
  assert.isObject = function (v, m) { a(v, m).to.be.a('object'); };
  assert.isNotObject = function (v, m) { a(v, m).to.not.be.a('object'); };
  assert.isArray = function (v, m) { a(v, m).to.be.an('array'); };
  assert.isNotArray = function (v, m) { a(v, m).to.not.be.an('array'); };
  assert.isString = function (v, m) { a(v, m).to.be.a('string'); };
  assert.isNotString = function (v, m) { a(v, m).to.not.be.a('string'); };
  assert.isNumber = function (v, m) { a(v, m).to.be.a('number'); };
  assert.isNotNumber = function (v, m) { a(v, m).to.not.be.a('number'); };
  assert.isFinite = function (v, m) { a(v, m).to.be.finite; };
  assert.isBoolean = function (v, m) { a(v, m).to.be.a('boolean'); };
  assert.isNotBoolean = function (v, m) { a(v, m).to.not.be.a('boolean'); };
  assert.typeOf = function (v, t, m) { a(v, m).to.be.a(t); };
  assert.notTypeOf = function (v, t, m) { a(v, m).to.not.be.a(t); };
  assert.instanceOf = function (v, t, m) { a(v, m).to.be.instanceOf(t); };
  assert.notInstanceOf = function (v, t, m) { a(v, m).to.not.be.instanceOf(t); };
  assert.include = function (e, i, m) { a(e, m).include(i); };
  assert.notInclude = function (e, i, m) { a(e, m).not.include(i); };
  assert.deepInclude = function (e, i, m) { a(e, m).deep.include(i); };
  assert.notDeepInclude = function (e, i, m) { a(e, m).not.deep.include(i); };
  assert.match = function (e, re, m) { a(e, m).to.match(re); };
  assert.notMatch = function (e, re, m) { a(e, m).to.not.match(re); };
  assert.property = function (o, p, m) { a(o, m).to.have.property(p); };
  assert.notProperty = function (o, p, m) { a(o, m).to.not.have.property(p); };
  assert.propertyVal = function (o, p, v, m) { a(o, m).to.have.property(p, v); };
  assert.notPropertyVal = function (o, p, v, m) { a(o, m).to.not.have.property(p, v); };
  assert.deepPropertyVal = function (o, p, v, m) { a(o, m).to.have.deep.property(p, v); };
  assert.nestedProperty = function (o, p, m) { a(o, m).to.have.nested.property(p); };
  assert.nestedPropertyVal = function (o, p, v, m) { a(o, m).to.have.nested.property(p, v); };
  assert.lengthOf = function (e, n, m) { a(e, m).to.have.lengthOf(n); };
  assert.hasAnyKeys = function (o, k, m) { a(o, m).to.have.any.keys(k); };
  assert.hasAllKeys = function (o, k, m) { a(o, m).to.have.all.keys(k); };
  assert.containsAllKeys = function (o, k, m) { a(o, m).to.contain.all.keys(k); };
  assert.doesNotHaveAnyKeys = function (o, k, m) { a(o, m).to.not.have.any.keys(k); };
  assert.doesNotHaveAllKeys = function (o, k, m) { a(o, m).to.not.have.all.keys(k); };
  assert.throws = assert.throw = assert.Throw = function (fn, errorLike, errMsgMatcher, m) {
    if (typeof errorLike === 'string' || errorLike instanceof RegExp) {
      errMsgMatcher = errorLike;
      errorLike = null;
    }
    return getFlag(a(fn, m).to.throw(errorLike, errMsgMatcher), 'object');
  };
  assert.doesNotThrow = function (fn, errorLike, errMsgMatcher, m) {
    if (typeof errorLike === 'string' || errorLike instanceof RegExp) {
      errMsgMatcher = errorLike;
      errorLike = null;
    }
    a(fn, m).to.not.throw(errorLike, errMsgMatcher);
  };
  assert.closeTo = assert.approximately = function (v, e, d, m) { a(v, m).to.be.closeTo(e, d); };
  assert.sameMembers = function (s1, s2, m) { a(s1, m).to.have.same.members(s2); };
  assert.notSameMembers = function (s1, s2, m) { a(s1, m).to.not.have.same.members(s2); };
  assert.sameDeepMembers = function (s1, s2, m) { a(s1, m).to.have.same.deep.members(s2); };
  assert.sameOrderedMembers = function (s1, s2, m) { a(s1, m).to.have.same.ordered.members(s2); };
  assert.includeMembers = function (s, sub, m) { a(s, m).to.include.members(sub); };
  assert.includeDeepMembers = function (s, sub, m) { a(s, m).to.include.deep.members(sub); };
  assert.oneOf = function (v, list, m) { a(v, m).to.be.oneOf(list); };
  assert.isEmpty = assert.empty = function (v, m) { a(v, m).to.be.empty; };
  assert.isNotEmpty = assert.notEmpty = function (v, m) { a(v, m).to.not.be.empty; };
  assert.isExtensible = assert.extensible = function (v, m) { a(v, m).to.be.extensible; };
  assert.isNotExtensible = assert.notExtensible = function (v, m) { a(v, m).to.not.be.extensible; };
  assert.isSealed = assert.sealed = function (v, m) { a(v, m).to.be.sealed; };
  assert.isNotSealed = assert.notSealed = function (v, m) { a(v, m).to.not.be.sealed; };
  assert.isFrozen = assert.frozen = function (v, m) { a(v, m).to.be.frozen; };
  assert.isNotFrozen = assert.notFrozen = function (v, m) { a(v, m).to.not.be.frozen; };
  assert.ifError = function (v) { if (v) throw v; };
  chai.assert = assert;

  return chai;
})
