(function (I) {
  'use strict';
  // chai's value inspection (loupe 2.3) and the suggestions of its
  // "Invalid Chai property" errors: the part of chai.js that wording a
  // failure needs, compiled on first use.

  var toStr = Object.prototype.toString;
  var hasOwn = Object.prototype.hasOwnProperty;
  var ELLIPSIS = '\u2026';
  var config = I.config, funcName = I.funcName, typeOf = I.typeOf, AssertionError = I.AssertionError;
  var getFlag = I.getFlag, getActual = I.getActual;

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

  // ------------------------------------------------------------ messages

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

  return {
    getMessage: getMessage,
    getOperator: getOperator,
    expectTypes: expectTypes,
    inspect: inspect,
    objDisplay: objDisplay,
    compareByInspect: compareByInspect,
    getProperties: getProperties,
    invalidProperty: invalidProperty
  };
})
