// postie's lodash 4.17-compatible utility library (independent implementation).
(function () {
  'use strict';
  var objProto = Object.prototype, hasOwn = objProto.hasOwnProperty, toStr = objProto.toString;
  var MAX_SAFE = 9007199254740991;

  function _(value) {
    if (value instanceof Wrapper) { return value; }
    ensureWrapper();
    return new Wrapper(value, false);
  }
  _.VERSION = '4.17.21';

  // ---- type checks ----
  function tag(v) { return toStr.call(v); }
  function isObject(v) { var t = typeof v; return v != null && (t === 'object' || t === 'function'); }
  function isObjectLike(v) { return v != null && typeof v === 'object'; }
  function isFunction(v) { return typeof v === 'function'; }
  function isLength(v) { return typeof v === 'number' && v > -1 && v % 1 === 0 && v <= MAX_SAFE; }
  function isArrayLike(v) { return v != null && typeof v !== 'function' && isLength(v.length); }
  function isArrayLikeObject(v) { return isObjectLike(v) && isArrayLike(v); }
  function isString(v) { return typeof v === 'string' || (isObjectLike(v) && tag(v) === '[object String]'); }
  function isNumber(v) { return typeof v === 'number' || (isObjectLike(v) && tag(v) === '[object Number]'); }
  function isBoolean(v) { return v === true || v === false || (isObjectLike(v) && tag(v) === '[object Boolean]'); }
  function isPlainObject(v) {
    if (!isObjectLike(v) || tag(v) !== '[object Object]') { return false; }
    var proto = Object.getPrototypeOf(v);
    if (proto === null) { return true; }
    var Ctor = hasOwn.call(proto, 'constructor') && proto.constructor;
    return typeof Ctor === 'function' && Ctor instanceof Ctor && Function.prototype.toString.call(Ctor) === Function.prototype.toString.call(Object);
  }
  function isArguments(v) { return isObjectLike(v) && tag(v) === '[object Arguments]'; }
  function isTypedArray(v) { return isObjectLike(v) && /^\[object (?:Float(?:32|64)|(?:Int|Uint)(?:8|16|32)|Uint8Clamped)Array\]$/.test(tag(v)); }
  function isBuffer(v) { return typeof Buffer !== 'undefined' && typeof Buffer.isBuffer === 'function' && Buffer.isBuffer(v); }
  function isPrototype(v) { var C = v && v.constructor; return v === ((typeof C === 'function' && C.prototype) || objProto); }
  function isSymbol(v) { return typeof v === 'symbol' || (isObjectLike(v) && tag(v) === '[object Symbol]'); }
  function eq(a, b) { return a === b || (a !== a && b !== b); }

  _.isObject = isObject; _.isObjectLike = isObjectLike; _.isFunction = isFunction; _.isLength = isLength;
  _.isArrayLike = isArrayLike; _.isArrayLikeObject = isArrayLikeObject; _.isString = isString; _.isNumber = isNumber;
  _.isBoolean = isBoolean; _.isPlainObject = isPlainObject; _.isArguments = isArguments; _.isTypedArray = isTypedArray;
  _.isSymbol = isSymbol; _.isBuffer = isBuffer; _.eq = eq;
  _.isArray = Array.isArray;
  _.isNil = function (v) { return v == null; };
  _.isNull = function (v) { return v === null; };
  _.isUndefined = function (v) { return v === undefined; };
  _.isDate = function (v) { return isObjectLike(v) && tag(v) === '[object Date]'; };
  _.isRegExp = function (v) { return isObjectLike(v) && tag(v) === '[object RegExp]'; };
  _.isError = function (v) { return isObjectLike(v) && (tag(v) === '[object Error]' || tag(v) === '[object DOMException]' || (typeof v.message === 'string' && typeof v.name === 'string' && !isPlainObject(v))); };
  _.isMap = function (v) { return isObjectLike(v) && tag(v) === '[object Map]'; };
  _.isSet = function (v) { return isObjectLike(v) && tag(v) === '[object Set]'; };
  _.isNaN = function (v) { return isNumber(v) && v != +v; };
  _.isFinite = function (v) { return typeof v === 'number' && isFinite(v); };
  _.isInteger = function (v) { return typeof v === 'number' && v === toInteger(v); };
  _.isSafeInteger = function (v) { return _.isInteger(v) && v >= -MAX_SAFE && v <= MAX_SAFE; };
  _.isElement = function (v) { return isObjectLike(v) && v.nodeType === 1 && !isPlainObject(v); };
  _.isNative = function (v) { return isFunction(v) && /\{\s*\[native code\]\s*\}/.test(Function.prototype.toString.call(v)); };
  _.isEmpty = function (v) {
    if (v == null) { return true; }
    if (isArrayLike(v) && (Array.isArray(v) || typeof v === 'string' || typeof v.splice === 'function' || isBuffer(v) || isTypedArray(v) || isArguments(v))) { return !v.length; }
    var t = tag(v);
    if (t === '[object Map]' || t === '[object Set]') { return !v.size; }
    if (isPrototype(v)) { return !keys(v).length; }
    for (var k in v) { if (hasOwn.call(v, k)) { return false; } }
    return true;
  };

  // ---- conversions ----
  function toNumber(v) {
    if (typeof v === 'number') { return v; }
    if (isSymbol(v)) { return NaN; }
    if (isObject(v)) {
      var o = typeof v.valueOf === 'function' ? v.valueOf() : v;
      v = isObject(o) ? (o + '') : o;
    }
    if (typeof v !== 'string') { return v === 0 ? v : +v; }
    v = v.replace(/^\s+|\s+$/g, '');
    var isBin = /^0b[01]+$/i.test(v);
    if (isBin || /^0o[0-7]+$/i.test(v)) { return parseInt(v.slice(2), isBin ? 2 : 8); }
    if (/^[-+]0x[0-9a-f]+$/i.test(v)) { return NaN; }
    return +v;
  }
  function toFinite(v) {
    if (!v) { return v === 0 ? v : 0; }
    v = toNumber(v);
    if (v === Infinity || v === -Infinity) { return (v < 0 ? -1 : 1) * 1.7976931348623157e+308; }
    return v === v ? v : 0;
  }
  function toInteger(v) { var r = toFinite(v), rem = r % 1; return r === r ? (rem ? r - rem : r) : 0; }
  function baseToString(v) {
    if (typeof v === 'string') { return v; }
    if (Array.isArray(v)) { return v.map(baseToString) + ''; }
    if (isSymbol(v)) { return v.toString(); }
    var r = v + '';
    return (r === '0' && 1 / v === -Infinity) ? '-0' : r;
  }
  function toString(v) {
    if (v == null) { return ''; }
    if (typeof v === 'string') { return v; }
    if (Array.isArray(v)) { return baseToString(v); }
    if (isSymbol(v)) { return v.toString(); }
    var r = v + '';
    return (r === '0' && 1 / v === -Infinity) ? '-0' : r;
  }
  _.toNumber = toNumber; _.toFinite = toFinite; _.toInteger = toInteger; _.toString = toString;
  _.toSafeInteger = function (v) { return v ? clampNum(toInteger(v), -MAX_SAFE, MAX_SAFE) : (v === 0 ? v : 0); };
  _.toLength = function (v) { return v ? clampNum(toInteger(v), 0, 4294967295) : 0; };
  _.toArray = function (v) {
    if (!v) { return []; }
    if (isArrayLike(v)) { return isString(v) ? Array.from(String(v)) : Array.prototype.slice.call(v); }
    var t = tag(v);
    if (t === '[object Map]') { return Array.from(v.entries()); }
    if (t === '[object Set]') { return Array.from(v.values()); }
    return values(v);
  };
  _.castArray = function () { if (!arguments.length) { return []; } var v = arguments[0]; return Array.isArray(v) ? v : [v]; };
  _.toPlainObject = function (v) { var r = {}; for (var k in Object(v)) { r[k] = v[k]; } return r; };

  // ---- paths ----
  var reIsDeepProp = /\.|\[(?:[^[\]]*|(["'])(?:(?!\1)[^\\]|\\.)*?\1)\]/, reIsPlainProp = /^\w*$/;
  var rePropName = /[^.[\]]+|\[(?:(-?\d+(?:\.\d+)?)|(["'])((?:(?!\2)[^\\]|\\.)*?)\2)\]|(?=(?:\.|\[\])(?:\.|\[\]|$))/g;
  function isKey(v, obj) {
    if (Array.isArray(v)) { return false; }
    var t = typeof v;
    if (t === 'number' || t === 'symbol' || t === 'boolean' || v == null) { return true; }
    return reIsPlainProp.test(v) || !reIsDeepProp.test(v) || (obj != null && v in Object(obj));
  }
  function stringToPath(s) {
    var result = [];
    if (s.charCodeAt(0) === 46) { result.push(''); }
    s.replace(rePropName, function (match, number, quote, subString) {
      result.push(quote ? subString.replace(/\\(\\)?/g, '$1') : (number || match));
    });
    return result;
  }
  function toKey(v) {
    if (typeof v === 'string' || isSymbol(v)) { return v; }
    var r = v + '';
    return (r === '0' && 1 / v === -Infinity) ? '-0' : r;
  }
  function castPath(v, obj) {
    if (Array.isArray(v)) { return v; }
    return isKey(v, obj) ? [v] : stringToPath(toString(v));
  }
  function baseGet(obj, path) {
    path = castPath(path, obj);
    var i = 0, n = path.length;
    while (obj != null && i < n) { obj = obj[toKey(path[i++])]; }
    return (i && i === n) ? obj : undefined;
  }
  function get(obj, path, def) { var r = obj == null ? undefined : baseGet(obj, path); return r === undefined ? def : r; }
  var reIsUint = /^(?:0|[1-9]\d*)$/;
  function isIndex(v, len) {
    var t = typeof v; len = len == null ? MAX_SAFE : len;
    return !!len && (t === 'number' || (t !== 'symbol' && reIsUint.test(v))) && (v > -1 && v % 1 === 0 && v < len);
  }
  function baseSet(obj, path, value, customizer) {
    if (!isObject(obj)) { return obj; }
    path = castPath(path, obj);
    var i = -1, n = path.length, last = n - 1, nested = obj;
    while (nested != null && ++i < n) {
      var key = toKey(path[i]), nv = value;
      if (key === '__proto__' || key === 'constructor' || key === 'prototype') { return obj; }
      if (i !== last) {
        var ov = nested[key];
        nv = customizer ? customizer(ov, key, nested) : undefined;
        if (nv === undefined) { nv = isObject(ov) ? ov : (isIndex(path[i + 1]) ? [] : {}); }
      }
      nested[key] = nv;
      nested = nested[key];
    }
    return obj;
  }
  function hasPath(obj, path, fn) {
    path = castPath(path, obj);
    var i = -1, n = path.length, res = false, key;
    while (++i < n) {
      key = toKey(path[i]);
      if (!(res = obj != null && fn(obj, key))) { break; }
      obj = obj[key];
    }
    if (res || ++i !== n) { return res; }
    n = obj == null ? 0 : obj.length;
    return !!n && isLength(n) && isIndex(key, n) && (Array.isArray(obj) || isArguments(obj));
  }
  _.get = get;
  _.set = function (obj, path, value) { return obj == null ? obj : baseSet(obj, path, value); };
  _.setWith = function (obj, path, value, c) { return obj == null ? obj : baseSet(obj, path, value, typeof c === 'function' ? c : undefined); };
  _.has = function (obj, path) { return obj != null && hasPath(obj, path, function (o, k) { return hasOwn.call(o, k); }); };
  _.hasIn = function (obj, path) { return obj != null && hasPath(obj, path, function (o, k) { return k in Object(o); }); };
  _.unset = function (obj, path) {
    if (obj == null) { return true; }
    path = castPath(path, obj);
    var parent = path.length < 2 ? obj : baseGet(obj, path.slice(0, -1));
    return parent == null || delete parent[toKey(path[path.length - 1])];
  };
  _.update = function (obj, path, updater) { return obj == null ? obj : baseSet(obj, path, updater(baseGet(obj, path))); };
  _.result = function (obj, path, def) {
    path = castPath(path, obj);
    var i = -1, n = path.length;
    if (!n) { n = 1; obj = undefined; }
    while (++i < n) {
      var v = obj == null ? undefined : obj[toKey(path[i])];
      if (v === undefined) { i = n; v = def; }
      obj = isFunction(v) ? v.call(obj) : v;
    }
    return obj;
  };
  _.toPath = function (v) { return Array.isArray(v) ? v.map(toKey) : (isSymbol(v) ? [v] : stringToPath(toString(v))); };
  _.invoke = function (obj, path) {
    var args = Array.prototype.slice.call(arguments, 2);
    path = castPath(path, obj);
    var parent = path.length < 2 ? obj : baseGet(obj, path.slice(0, -1));
    var fn = parent == null ? parent : parent[toKey(path[path.length - 1])];
    return fn == null ? undefined : fn.apply(parent, args);
  };
  _.at = function (obj) {
    var paths = flattenDepth(Array.prototype.slice.call(arguments, 1), Infinity);
    return paths.map(function (p) { return get(obj, p); });
  };

  // ---- object keys ----
  function keys(obj) {
    if (obj == null) { return []; }
    if (isArrayLike(obj) && typeof obj !== 'function') {
      var r = [], n = obj.length, i;
      for (i = 0; i < n; i++) { r.push(String(i)); }
      for (var k in Object(obj)) { if (hasOwn.call(obj, k) && !(isIndex(k, n))) { r.push(k); } }
      return r;
    }
    if (isPrototype(obj)) { var rr = []; for (var kk in Object(obj)) { if (hasOwn.call(obj, kk) && kk !== 'constructor') { rr.push(kk); } } return rr; }
    return Object.keys(Object(obj));
  }
  function keysIn(obj) {
    if (obj == null) { return []; }
    var r = [];
    if (isArrayLike(obj) && typeof obj !== 'function') { for (var i = 0; i < obj.length; i++) { r.push(String(i)); } }
    for (var k in Object(obj)) { if (r.indexOf(k) < 0 && !(k === 'constructor' && isPrototype(obj))) { r.push(k); } }
    return r;
  }
  function values(obj) { return obj == null ? [] : keys(obj).map(function (k) { return obj[k]; }); }
  _.keys = keys; _.keysIn = keysIn; _.values = values;
  _.valuesIn = function (obj) { return obj == null ? [] : keysIn(obj).map(function (k) { return obj[k]; }); };
  _.toPairs = _.entries = function (obj) {
    if (obj != null) {
      var t = tag(obj);
      if (t === '[object Map]') { return Array.from(obj.entries()); }
      if (t === '[object Set]') { return Array.from(obj.values()).map(function (v) { return [v, v]; }); }
    }
    return keys(obj).map(function (k) { return [k, obj[k]]; });
  };
  _.toPairsIn = _.entriesIn = function (obj) { return keysIn(obj).map(function (k) { return [k, obj[k]]; }); };
  _.fromPairs = function (pairs) {
    var r = {};
    if (pairs == null) { return r; }
    for (var i = 0; i < pairs.length; i++) { r[pairs[i][0]] = pairs[i][1]; }
    return r;
  };
  _.functions = function (obj) { return obj == null ? [] : keys(obj).filter(function (k) { return isFunction(obj[k]); }); };
  _.functionsIn = function (obj) { return obj == null ? [] : keysIn(obj).filter(function (k) { return isFunction(obj[k]); }); };

  // ---- iteratees ----
  function identity(v) { return v; }
  function property(path) {
    if (isKey(path)) { var key = toKey(path); return function (o) { return o == null ? undefined : o[key]; }; }
    return function (o) { return baseGet(o, path); };
  }
  function isMatch(obj, src) {
    var ks = keys(src);
    if (obj == null) { return !ks.length; }
    obj = Object(obj);
    for (var i = 0; i < ks.length; i++) {
      var k = ks[i], sv = src[k];
      if (!(k in obj)) { return false; }
      if (!partialEqual(obj[k], sv)) { return false; }
    }
    return true;
  }
  // partialEqual is isEqual in "partial" mode as matches uses it: source
  // objects match subsets; source arrays match if every element is found.
  function partialEqual(v, s) {
    if (s === v || (s !== s && v !== v)) { return true; }
    if (isObject(s) && isObject(v) && !isFunction(s)) {
      if (Array.isArray(s)) {
        if (!Array.isArray(v)) { return false; }
        return s.every(function (se) { return v.some(function (ve) { return partialEqual(ve, se); }); });
      }
      if (isPlainObject(s) && tag(v) === '[object Object]') { return isMatch(v, s); }
      return baseIsEqual(v, s, [], []);
    }
    return false;
  }
  function matches(src) { src = baseClone(src, true); return function (o) { return isMatch(o, src); }; }
  function matchesProperty(path, src) {
    src = baseClone(src, true);
    return function (o) {
      var v = get(o, path);
      return (v === undefined && v === src) ? _.hasIn(o, path) : partialEqual(v, src);
    };
  }
  function iteratee(v) {
    if (typeof v === 'function') { return v; }
    if (v == null) { return identity; }
    if (typeof v === 'object') { return Array.isArray(v) ? matchesProperty(v[0], v[1]) : matches(v); }
    return property(v);
  }
  _.identity = identity; _.property = property; _.isMatch = isMatch; _.matches = matches;
  _.matchesProperty = matchesProperty; _.iteratee = iteratee;
  _.propertyOf = function (obj) { return function (path) { return obj == null ? undefined : baseGet(obj, path); }; };
  _.conforms = function (src) { return function (o) { return keys(src).every(function (k) { return o != null && src[k](o[k]); }); }; };
  _.conformsTo = function (o, src) { return _.conforms(src)(o); };

  // ---- collections ----
  function each(coll, fn) {
    if (coll == null) { return coll; }
    if (isArrayLike(coll)) {
      for (var i = 0, n = coll.length; i < n; i++) { if (fn(coll[i], i, coll) === false) { break; } }
      return coll;
    }
    var ks = keys(coll);
    for (var j = 0; j < ks.length; j++) { if (fn(coll[ks[j]], ks[j], coll) === false) { break; } }
    return coll;
  }
  function eachRight(coll, fn) {
    if (coll == null) { return coll; }
    if (isArrayLike(coll)) {
      for (var i = coll.length - 1; i >= 0; i--) { if (fn(coll[i], i, coll) === false) { break; } }
      return coll;
    }
    var ks = keys(coll);
    for (var j = ks.length - 1; j >= 0; j--) { if (fn(coll[ks[j]], ks[j], coll) === false) { break; } }
    return coll;
  }
  _.forEach = _.each = function (coll, fn) { return each(coll, typeof fn === 'function' ? fn : identity); };
  _.forEachRight = _.eachRight = function (coll, fn) { return eachRight(coll, typeof fn === 'function' ? fn : identity); };
  _.forIn = function (obj, fn) { fn = typeof fn === 'function' ? fn : identity; if (obj == null) { return obj; } var ks = keysIn(obj); for (var i = 0; i < ks.length; i++) { if (fn(obj[ks[i]], ks[i], obj) === false) { break; } } return obj; };
  _.forOwn = function (obj, fn) { fn = typeof fn === 'function' ? fn : identity; if (obj == null) { return obj; } var ks = keys(obj); for (var i = 0; i < ks.length; i++) { if (fn(obj[ks[i]], ks[i], obj) === false) { break; } } return obj; };
  function map(coll, fn) { fn = iteratee(fn); var r = []; each(coll, function (v, k, c) { r.push(fn(v, k, c)); }); return r; }
  function filter(coll, fn) { fn = iteratee(fn); var r = []; each(coll, function (v, k, c) { if (fn(v, k, c)) { r.push(v); } }); return r; }
  _.map = map; _.filter = filter;
  _.reject = function (coll, fn) { fn = iteratee(fn); return filter(coll, function (v, k, c) { return !fn(v, k, c); }); };
  _.flatMap = function (coll, fn) { return flattenDepth(map(coll, fn), 1); };
  _.flatMapDeep = function (coll, fn) { return flattenDepth(map(coll, fn), Infinity); };
  _.flatMapDepth = function (coll, fn, d) { return flattenDepth(map(coll, fn), d === undefined ? 1 : toInteger(d)); };
  _.find = function (coll, fn, from) {
    fn = iteratee(fn);
    if (isArrayLike(coll)) { var i = _.findIndex(coll, fn, from); return i > -1 ? coll[i] : undefined; }
    var r; each(coll, function (v, k, c) { if (fn(v, k, c)) { r = v; return false; } }); return r;
  };
  _.findLast = function (coll, fn, from) {
    fn = iteratee(fn);
    if (isArrayLike(coll)) { var i = _.findLastIndex(coll, fn, from); return i > -1 ? coll[i] : undefined; }
    var r; eachRight(coll, function (v, k, c) { if (fn(v, k, c)) { r = v; return false; } }); return r;
  };
  _.findKey = function (obj, fn) { fn = iteratee(fn); var r; _.forOwn(obj, function (v, k, o) { if (fn(v, k, o)) { r = k; return false; } }); return r; };
  _.findLastKey = function (obj, fn) { fn = iteratee(fn); var ks = keys(obj); for (var i = ks.length - 1; i >= 0; i--) { if (fn(obj[ks[i]], ks[i], obj)) { return ks[i]; } } return undefined; };
  _.reduce = function (coll, fn, acc) {
    fn = iteratee(fn); var init = arguments.length < 3;
    each(coll, function (v, k, c) { if (init) { init = false; acc = v; } else { acc = fn(acc, v, k, c); } });
    return acc;
  };
  _.reduceRight = function (coll, fn, acc) {
    fn = iteratee(fn); var init = arguments.length < 3;
    eachRight(coll, function (v, k, c) { if (init) { init = false; acc = v; } else { acc = fn(acc, v, k, c); } });
    return acc;
  };
  _.transform = function (obj, fn, acc) {
    fn = iteratee(fn);
    if (acc == null) { acc = Array.isArray(obj) ? [] : (isObject(obj) && isFunction(obj.constructor) ? Object.create(Object.getPrototypeOf(obj)) : {}); }
    each(obj, function (v, k, o) { return fn(acc, v, k, o); });
    return acc;
  };
  _.some = function (coll, fn) { fn = iteratee(fn); var r = false; each(coll, function (v, k, c) { if (fn(v, k, c)) { r = true; return false; } }); return r; };
  _.every = function (coll, fn) { fn = iteratee(fn); var r = true; each(coll, function (v, k, c) { if (!fn(v, k, c)) { r = false; return false; } }); return r; };
  _.includes = function (coll, v, from) {
    coll = isArrayLike(coll) ? coll : values(coll);
    from = from ? toInteger(from) : 0;
    var n = coll.length;
    if (from < 0) { from = Math.max(n + from, 0); }
    if (isString(coll)) { return from <= n && coll.indexOf(v, from) > -1; }
    return !!n && baseIndexOf(coll, v, from) > -1;
  };
  function groupInto(coll, fn, setter) { fn = iteratee(fn); var r = {}; each(coll, function (v) { setter(r, v, fn(v)); }); return r; }
  _.groupBy = function (coll, fn) { return groupInto(coll, fn, function (r, v, k) { if (hasOwn.call(r, k)) { r[k].push(v); } else { r[k] = [v]; } }); };
  _.keyBy = function (coll, fn) { return groupInto(coll, fn, function (r, v, k) { r[k] = v; }); };
  _.countBy = function (coll, fn) { return groupInto(coll, fn, function (r, v, k) { if (hasOwn.call(r, k)) { r[k]++; } else { r[k] = 1; } }); };
  _.partition = function (coll, fn) { fn = iteratee(fn); var r = [[], []]; each(coll, function (v) { r[fn(v) ? 0 : 1].push(v); }); return r; };
  _.size = function (coll) {
    if (coll == null) { return 0; }
    if (isArrayLike(coll)) { return isString(coll) ? Array.from(String(coll)).length : coll.length; }
    var t = tag(coll);
    if (t === '[object Map]' || t === '[object Set]') { return coll.size; }
    return keys(coll).length;
  };
  function compareAscending(a, b) {
    if (a !== b) {
      var aDef = a !== undefined, aNull = a === null, aRefl = a === a, aSym = isSymbol(a);
      var bDef = b !== undefined, bNull = b === null, bRefl = b === b, bSym = isSymbol(b);
      if ((!bNull && !bSym && !aSym && a > b) || (aSym && bDef && bRefl && !bNull && !bSym) ||
          (aNull && bDef && bRefl) || (!aDef && bRefl) || !aRefl) { return 1; }
      if ((!aNull && !aSym && !bSym && a < b) || (bSym && aDef && aRefl && !aNull && !aSym) ||
          (bNull && aDef && aRefl) || (!bDef && aRefl) || !bRefl) { return -1; }
    }
    return 0;
  }
  function baseOrderBy(coll, iteratees, orders) {
    iteratees = iteratees.length ? iteratees.map(function (it) {
      if (Array.isArray(it)) { return function (v) { return get(v, it.length === 1 ? it[0] : it); }; }
      return iteratee(it);
    }) : [identity];
    var idx = -1, rows = [];
    each(coll, function (v) { rows.push({ c: iteratees.map(function (f) { return f(v); }), i: ++idx, v: v }); });
    rows.sort(function (a, b) {
      for (var i = 0; i < a.c.length; i++) {
        var r = compareAscending(a.c[i], b.c[i]);
        if (r) { return (orders && orders[i] === 'desc') ? -r : r; }
      }
      return a.i - b.i;
    });
    return rows.map(function (r) { return r.v; });
  }
  _.sortBy = function (coll) {
    if (coll == null) { return []; }
    var its = flattenDepth(Array.prototype.slice.call(arguments, 1), 1);
    return baseOrderBy(coll, its, null);
  };
  _.orderBy = function (coll, its, orders) {
    if (coll == null) { return []; }
    if (!Array.isArray(its)) { its = its == null ? [] : [its]; }
    if (!Array.isArray(orders)) { orders = orders == null ? [] : [orders]; }
    return baseOrderBy(coll, its, orders);
  };
  function rand(lo, hi) { return lo + Math.floor(Math.random() * (hi - lo + 1)); }
  _.sample = function (coll) { var a = isArrayLike(coll) ? coll : values(coll); return a.length ? a[rand(0, a.length - 1)] : undefined; };
  _.shuffle = function (coll) {
    var a = isArrayLike(coll) ? Array.prototype.slice.call(coll) : values(coll);
    for (var i = a.length - 1; i > 0; i--) { var j = rand(0, i), t = a[i]; a[i] = a[j]; a[j] = t; }
    return a;
  };
  _.sampleSize = function (coll, n) { n = n === undefined ? 1 : clampNum(toInteger(n), 0, _.size(coll)); return _.shuffle(coll).slice(0, n); };
  _.invokeMap = function (coll, path) {
    var args = Array.prototype.slice.call(arguments, 2);
    return map(coll, function (v) { var fn = isFunction(path) ? path : get(v, path); return fn == null ? undefined : fn.apply(v, args); });
  };

  // ---- arrays ----
  function baseIndexOf(a, v, from) {
    for (var i = from; i < a.length; i++) { if (a[i] === v || (v !== v && a[i] !== a[i])) { return i; } }
    return -1;
  }
  function flattenDepth(a, depth) {
    var r = [];
    (function rec(arr, d) {
      for (var i = 0; i < arr.length; i++) {
        var v = arr[i];
        if (d > 0 && (Array.isArray(v) || isArguments(v))) { rec(v, d - 1); } else { r.push(v); }
      }
    })(a == null ? [] : a, depth);
    return r;
  }
  function arr(a) { return a == null ? [] : Array.prototype.slice.call(a); }
  _.chunk = function (a, size) {
    size = size === undefined ? 1 : Math.max(toInteger(size), 0);
    var n = a == null ? 0 : a.length, r = [];
    if (!n || size < 1) { return []; }
    for (var i = 0; i < n; i += size) { r.push(Array.prototype.slice.call(a, i, i + size)); }
    return r;
  };
  _.compact = function (a) { return arr(a).filter(Boolean); };
  _.concat = function () {
    var a = arguments.length ? arguments[0] : undefined, r = Array.isArray(a) ? a.slice() : [a];
    for (var i = 1; i < arguments.length; i++) { if (Array.isArray(arguments[i])) { r.push.apply(r, arguments[i]); } else { r.push(arguments[i]); } }
    return arguments.length ? r : [];
  };
  _.flatten = function (a) { return flattenDepth(a, 1); };
  _.flattenDeep = function (a) { return flattenDepth(a, Infinity); };
  _.flattenDepth = function (a, d) { return flattenDepth(a, d === undefined ? 1 : toInteger(d)); };
  function uniqBy(a, fn, cmp) {
    var seen = [], r = [];
    arr(a).forEach(function (v) {
      var c = fn ? fn(v) : v;
      var found = cmp ? seen.some(function (s, i) { return cmp(r[i], v); }) : baseIndexOf(seen, c, 0) > -1;
      if (!found) { seen.push(c); r.push(v); }
    });
    return r;
  }
  _.uniq = function (a) { return uniqBy(a); };
  _.uniqBy = function (a, fn) { return uniqBy(a, iteratee(fn)); };
  _.uniqWith = function (a, cmp) { return uniqBy(a, null, cmp); };
  _.sortedUniq = _.uniq;
  _.sortedUniqBy = _.uniqBy;
  function lastArgIteratee(args, n) {
    var last = args[args.length - 1];
    if (args.length > n && !isArrayLikeObject(last)) { return { fn: last, arrays: Array.prototype.slice.call(args, 0, -1) }; }
    return { fn: null, arrays: Array.prototype.slice.call(args) };
  }
  function diff(a, others, fn, cmp) {
    if (!isArrayLikeObject(a)) { return []; }
    var ex = flattenDepth(others.filter(isArrayLikeObject), 1);
    var exc = fn ? ex.map(fn) : ex;
    return arr(a).filter(function (v) {
      if (cmp) { return !ex.some(function (e) { return cmp(v, e); }); }
      return baseIndexOf(exc, fn ? fn(v) : v, 0) < 0;
    });
  }
  _.difference = function (a) { return diff(a, Array.prototype.slice.call(arguments, 1)); };
  _.differenceBy = function (a) { var p = lastArgIteratee(Array.prototype.slice.call(arguments, 1), 1); return diff(a, p.arrays, p.fn == null ? null : iteratee(p.fn)); };
  _.differenceWith = function (a) { var p = lastArgIteratee(Array.prototype.slice.call(arguments, 1), 1); return diff(a, p.arrays, null, p.fn); };
  _.without = function (a) { return isArrayLikeObject(a) ? diff(a, [Array.prototype.slice.call(arguments, 1)]) : []; };
  function intersect(arrays, fn, cmp) {
    arrays = arrays.map(function (a) { return isArrayLikeObject(a) ? a : []; });
    if (!arrays.length) { return []; }
    return uniqBy(arrays[0].filter(function (v) {
      var c = fn ? fn(v) : v;
      return arrays.slice(1).every(function (o) {
        return cmp ? o.some(function (e) { return cmp(v, e); }) : baseIndexOf(fn ? arr(o).map(fn) : arr(o), c, 0) > -1;
      });
    }), fn, cmp);
  }
  _.intersection = function () { return intersect(Array.prototype.slice.call(arguments)); };
  _.intersectionBy = function () { var p = lastArgIteratee(arguments, 1); return intersect(p.arrays, p.fn == null ? null : iteratee(p.fn)); };
  _.intersectionWith = function () { var p = lastArgIteratee(arguments, 1); return intersect(p.arrays, null, p.fn); };
  _.union = function () { return uniqBy(flattenDepth(Array.prototype.slice.call(arguments).filter(isArrayLikeObject), 1)); };
  _.unionBy = function () { var p = lastArgIteratee(arguments, 1); return uniqBy(flattenDepth(p.arrays.filter(isArrayLikeObject), 1), p.fn == null ? null : iteratee(p.fn)); };
  _.unionWith = function () { var p = lastArgIteratee(arguments, 1); return uniqBy(flattenDepth(p.arrays.filter(isArrayLikeObject), 1), null, p.fn); };
  _.xor = function () { return xorBase(Array.prototype.slice.call(arguments)); };
  _.zip = function () {
    var arrays = Array.prototype.slice.call(arguments).filter(isArrayLikeObject);
    var n = Math.max.apply(null, [0].concat(arrays.map(function (a) { return a.length; })));
    var r = [];
    for (var i = 0; i < n; i++) { r.push(arrays.map(function (a) { return a[i]; })); }
    return r;
  };
  _.unzip = function (a) { return a == null ? [] : _.zip.apply(null, a); };
  _.zipWith = function () {
    var p = lastArgIteratee(arguments, 1), z = _.zip.apply(null, p.arrays);
    return p.fn ? z.map(function (g) { return p.fn.apply(undefined, g); }) : z;
  };
  _.unzipWith = function (a, fn) { var z = _.unzip(a); return fn == null ? z : z.map(function (g) { return fn.apply(undefined, g); }); };
  _.zipObject = function (props, vals) { var r = {}; arr(props).forEach(function (p, i) { r[p] = vals ? vals[i] : undefined; }); return r; };
  _.zipObjectDeep = function (props, vals) { var r = {}; arr(props).forEach(function (p, i) { baseSet(r, p, vals ? vals[i] : undefined); }); return r; };
  _.head = _.first = function (a) { return a != null && a.length ? a[0] : undefined; };
  _.last = function (a) { var n = a == null ? 0 : a.length; return n ? a[n - 1] : undefined; };
  _.tail = function (a) { return a == null || !a.length ? [] : Array.prototype.slice.call(a, 1); };
  _.initial = function (a) { return a == null || !a.length ? [] : Array.prototype.slice.call(a, 0, -1); };
  function guardN(n, guard) { return (guard || n === undefined) ? 1 : toInteger(n); }
  _.take = function (a, n, g) { if (a == null || !a.length) { return []; } n = guardN(n, g); return Array.prototype.slice.call(a, 0, n < 0 ? 0 : n); };
  _.takeRight = function (a, n, g) { if (a == null || !a.length) { return []; } n = a.length - guardN(n, g); return Array.prototype.slice.call(a, n < 0 ? 0 : n); };
  _.drop = function (a, n, g) { if (a == null || !a.length) { return []; } n = guardN(n, g); return Array.prototype.slice.call(a, n < 0 ? 0 : n); };
  _.dropRight = function (a, n, g) { if (a == null || !a.length) { return []; } n = a.length - guardN(n, g); return Array.prototype.slice.call(a, 0, n < 0 ? 0 : n); };
  _.takeWhile = function (a, fn) { fn = iteratee(fn); a = arr(a); var i = 0; while (i < a.length && fn(a[i], i, a)) { i++; } return a.slice(0, i); };
  _.takeRightWhile = function (a, fn) { fn = iteratee(fn); a = arr(a); var i = a.length; while (i > 0 && fn(a[i - 1], i - 1, a)) { i--; } return a.slice(i); };
  _.dropWhile = function (a, fn) { fn = iteratee(fn); a = arr(a); var i = 0; while (i < a.length && fn(a[i], i, a)) { i++; } return a.slice(i); };
  _.dropRightWhile = function (a, fn) { fn = iteratee(fn); a = arr(a); var i = a.length; while (i > 0 && fn(a[i - 1], i - 1, a)) { i--; } return a.slice(0, i); };
  _.nth = function (a, n) { if (a == null || !a.length) { return undefined; } n = toInteger(n); if (n < 0) { n += a.length; } return isIndex(n, a.length) ? a[n] : undefined; };
  _.indexOf = function (a, v, from) {
    var n = a == null ? 0 : a.length; if (!n) { return -1; }
    var i = from == null ? 0 : toInteger(from); if (i < 0) { i = Math.max(n + i, 0); }
    return baseIndexOf(a, v, i);
  };
  _.lastIndexOf = function (a, v, from) {
    var n = a == null ? 0 : a.length; if (!n) { return -1; }
    var i = n - 1;
    if (from !== undefined) { i = toInteger(from); i = i < 0 ? Math.max(n + i, 0) : Math.min(i, n - 1); }
    for (; i >= 0; i--) { if (eq(a[i], v)) { return i; } }
    return -1;
  };
  _.findIndex = function (a, fn, from) {
    var n = a == null ? 0 : a.length; if (!n) { return -1; }
    fn = iteratee(fn);
    var i = from == null ? 0 : toInteger(from); if (i < 0) { i = Math.max(n + i, 0); }
    for (; i < n; i++) { if (fn(a[i], i, a)) { return i; } }
    return -1;
  };
  _.findLastIndex = function (a, fn, from) {
    var n = a == null ? 0 : a.length; if (!n) { return -1; }
    fn = iteratee(fn);
    var i = n - 1;
    if (from !== undefined) { i = toInteger(from); i = from < 0 ? Math.max(n + i, 0) : Math.min(i, n - 1); }
    for (; i >= 0; i--) { if (fn(a[i], i, a)) { return i; } }
    return -1;
  };
  _.reverse = function (a) { return a == null ? a : Array.prototype.reverse.call(a); };
  _.join = function (a, sep) { return a == null ? '' : Array.prototype.join.call(a, sep); };
  _.slice = function (a, s, e) { return a == null ? [] : Array.prototype.slice.call(a, s == null ? 0 : toInteger(s), e === undefined ? undefined : toInteger(e)); };
  _.fill = function (a, v, s, e) { if (a == null || !a.length) { return []; } return Array.prototype.fill.call(a, v, s == null ? 0 : toInteger(s), e === undefined ? a.length : toInteger(e)); };
  function pullAll(a, vals, fn, cmp) {
    if (a == null || !vals || !vals.length) { return a; }
    var vs = fn ? vals.map(fn) : vals;
    for (var i = a.length - 1; i >= 0; i--) {
      var v = a[i], c = fn ? fn(v) : v;
      var hit = cmp ? vals.some(function (x) { return cmp(v, x); }) : baseIndexOf(vs, c, 0) > -1;
      if (hit) { Array.prototype.splice.call(a, i, 1); }
    }
    return a;
  }
  _.pull = function (a) { return pullAll(a, Array.prototype.slice.call(arguments, 1)); };
  _.pullAll = function (a, vals) { return pullAll(a, vals); };
  _.pullAllBy = function (a, vals, fn) { return pullAll(a, vals, iteratee(fn)); };
  _.pullAllWith = function (a, vals, cmp) { return pullAll(a, vals, null, cmp); };
  _.pullAt = function (a) {
    var idx = flattenDepth(Array.prototype.slice.call(arguments, 1), Infinity), r = _.at(a, idx.map(String));
    idx.slice().sort(function (x, y) { return y - x; }).forEach(function (i, k, all) { if (all.indexOf(i) === k) { Array.prototype.splice.call(a, i, 1); } });
    return r;
  };
  _.remove = function (a, fn) {
    var r = []; if (!(a && a.length)) { return r; }
    fn = iteratee(fn);
    var idx = [];
    for (var i = 0; i < a.length; i++) { if (fn(a[i], i, a)) { r.push(a[i]); idx.push(i); } }
    for (var j = idx.length - 1; j >= 0; j--) { Array.prototype.splice.call(a, idx[j], 1); }
    return r;
  };
  function sortedIndexBy(a, v, fn, right) {
    var lo = 0, hi = a == null ? 0 : a.length; var tv = fn(v);
    while (lo < hi) { var mid = (lo + hi) >>> 1, c = compareAscending(fn(a[mid]), tv); if (right ? c <= 0 : c < 0) { lo = mid + 1; } else { hi = mid; } }
    return hi;
  }
  _.sortedIndex = function (a, v) { return sortedIndexBy(a, v, identity); };
  _.sortedIndexBy = function (a, v, fn) { return sortedIndexBy(a, v, iteratee(fn)); };
  _.sortedLastIndex = function (a, v) { return sortedIndexBy(a, v, identity, true); };
  _.sortedIndexOf = function (a, v) { var i = sortedIndexBy(a, v, identity); return a && i < a.length && eq(a[i], v) ? i : -1; };

  // ---- math ----
  function baseExtremum(a, fn, better) {
    var r, rc;
    arr(a).forEach(function (v) {
      var c = fn(v);
      if (c != null && (rc === undefined ? (c === c && !isSymbol(c)) : better(c, rc))) { rc = c; r = v; }
    });
    return r;
  }
  function gt(a, b) { return a > b; }
  function lt(a, b) { return a < b; }
  _.max = function (a) { return baseExtremum(a, identity, gt); };
  _.min = function (a) { return baseExtremum(a, identity, lt); };
  _.maxBy = function (a, fn) { return baseExtremum(a, iteratee(fn), gt); };
  _.minBy = function (a, fn) { return baseExtremum(a, iteratee(fn), lt); };
  function baseSum(a, fn) {
    var r, list = arr(a);
    for (var i = 0; i < list.length; i++) { var c = fn(list[i]); if (c !== undefined) { r = r === undefined ? c : r + c; } }
    return r;
  }
  _.sum = function (a) { return a && a.length ? baseSum(a, identity) : 0; };
  _.sumBy = function (a, fn) { return a && a.length ? baseSum(a, iteratee(fn)) : 0; };
  _.mean = function (a) { return _.meanBy(a, identity); };
  _.meanBy = function (a, fn) { var n = a == null ? 0 : a.length; return n ? baseSum(a, iteratee(fn)) / n : NaN; };
  _.add = function (a, b) { return (a === undefined && b === undefined) ? 0 : (a === undefined ? b : (b === undefined ? a : ((typeof a === 'string' || typeof b === 'string') ? toString(a) + toString(b) : toNumber(a) + toNumber(b)))); };
  _.subtract = function (a, b) { return (a === undefined && b === undefined) ? 0 : (a === undefined ? b : (b === undefined ? a : toNumber(a) - toNumber(b))); };
  _.multiply = function (a, b) { return (a === undefined && b === undefined) ? 1 : (a === undefined ? b : (b === undefined ? a : toNumber(a) * toNumber(b))); };
  _.divide = function (a, b) { return (a === undefined && b === undefined) ? 1 : (a === undefined ? b : (b === undefined ? a : toNumber(a) / toNumber(b))); };
  function createRound(method) {
    return function (number, precision) {
      number = toNumber(number);
      precision = precision == null ? 0 : Math.min(toInteger(precision), 292);
      if (precision && isFinite(number)) {
        var pair = (toString(number) + 'e').split('e');
        var value = Math[method](pair[0] + 'e' + (+pair[1] + precision));
        pair = (toString(value) + 'e').split('e');
        return +(pair[0] + 'e' + (+pair[1] - precision));
      }
      return Math[method](number);
    };
  }
  _.round = createRound('round'); _.floor = createRound('floor'); _.ceil = createRound('ceil');
  function clampNum(n, lo, hi) { if (n === n) { if (hi !== undefined) { n = n <= hi ? n : hi; } if (lo !== undefined) { n = n >= lo ? n : lo; } } return n; }
  _.clamp = function (n, lo, hi) {
    if (hi === undefined) { hi = lo; lo = undefined; }
    if (hi !== undefined) { hi = toNumber(hi); hi = hi === hi ? hi : 0; }
    if (lo !== undefined) { lo = toNumber(lo); lo = lo === lo ? lo : 0; }
    return clampNum(toNumber(n), lo, hi);
  };
  _.inRange = function (n, start, end) {
    start = toFinite(start);
    if (end === undefined) { end = start; start = 0; } else { end = toFinite(end); }
    n = toNumber(n);
    return n >= Math.min(start, end) && n < Math.max(start, end);
  };
  _.random = function (lower, upper, floating) {
    if (floating !== undefined && typeof floating !== 'boolean') { floating = undefined; }
    if (floating === undefined) {
      if (typeof upper === 'boolean') { floating = upper; upper = undefined; } else if (typeof lower === 'boolean') { floating = lower; lower = undefined; }
    }
    if (lower === undefined && upper === undefined) { lower = 0; upper = 1; } else {
      lower = toFinite(lower);
      if (upper === undefined) { upper = lower; lower = 0; } else { upper = toFinite(upper); }
    }
    if (lower > upper) { var t = lower; lower = upper; upper = t; }
    if (floating || lower % 1 || upper % 1) {
      var r = Math.random();
      return Math.min(lower + (r * (upper - lower + parseFloat('1e-' + ((r + '').length - 1)))), upper);
    }
    return lower + Math.floor(Math.random() * (upper - lower + 1));
  };
  function baseRange(start, end, step, fromRight) {
    if (end === undefined) { end = start; start = 0; }
    start = toFinite(start); end = toFinite(end);
    step = step === undefined ? (start < end ? 1 : -1) : toFinite(step);
    var n = Math.max(Math.ceil((end - start) / (step || 1)), 0), r = new Array(n), i = 0;
    while (n--) { r[fromRight ? n : i++] = start; start += step; }
    if (fromRight) { return r; }
    return r;
  }
  _.range = function (s, e, st) { return baseRange(s, e, st, false); };
  _.rangeRight = function (s, e, st) { return baseRange(s, e, st, true); };
  _.times = function (n, fn) {
    n = toInteger(n); if (n < 1 || n > MAX_SAFE) { return []; }
    fn = typeof fn === 'function' ? fn : identity;
    var r = []; for (var i = 0; i < n; i++) { r.push(fn(i)); } return r;
  };
  _.gt = function (a, b) { return a > b; }; _.gte = function (a, b) { return a >= b; };
  _.lt = function (a, b) { return a < b; }; _.lte = function (a, b) { return a <= b; };

  // ---- equality & cloning ----
  // baseIsEqual compares deeply; cust, if set, is isEqualWith's customizer,
  // consulted for every pair (key is the index or key, undefined at the top).
  function baseIsEqual(a, b, sa, sb, cust, key, pa, pb) {
    if (cust) {
      var cr = cust(a, b, key, pa, pb);
      if (cr !== undefined) { return !!cr; }
    }
    if (a === b) { return true; }
    if (a == null || b == null || (!isObjectLike(a) && !isObjectLike(b))) { return a !== a && b !== b; }
    var ta = tag(a), tb = tag(b);
    if (ta === '[object Arguments]') { ta = '[object Object]'; }
    if (tb === '[object Arguments]') { tb = '[object Object]'; }
    if (ta !== tb) { return false; }
    switch (ta) {
      case '[object Number]': case '[object Boolean]': case '[object Date]':
        return eq(+a, +b);
      case '[object String]': case '[object RegExp]':
        return a == (b + '');
      case '[object Error]':
        return a.name === b.name && a.message === b.message;
      case '[object Symbol]':
        return Symbol.prototype.valueOf.call(a) === Symbol.prototype.valueOf.call(b);
    }
    if (!isObjectLike(a) || !isObjectLike(b)) { return false; }
    for (var s = 0; s < sa.length; s++) { if (sa[s] === a) { return sb[s] === b; } }
    sa.push(a); sb.push(b);
    var r = true;
    if (ta === '[object Map]') {
      r = a.size === b.size;
      if (r) { a.forEach(function (v, k) { if (r && !(b.has(k) && baseIsEqual(v, b.get(k), sa, sb, cust, k, a, b))) { r = false; } }); }
    } else if (ta === '[object Set]') {
      r = a.size === b.size;
      if (r) {
        var bv = Array.from(b.values());
        a.forEach(function (v) { if (r && !(b.has(v) || bv.some(function (w) { return baseIsEqual(v, w, sa, sb, cust, v, a, b); }))) { r = false; } });
      }
    } else if (Array.isArray(a) || isTypedArray(a)) {
      if (a.length !== b.length) { r = false; } else {
        for (var i = 0; i < a.length && r; i++) { r = baseIsEqual(a[i], b[i], sa, sb, cust, i, a, b); }
      }
    } else {
      var ka = keys(a), kb = keys(b);
      if (ka.length !== kb.length) { r = false; }
      for (var j = 0; j < ka.length && r; j++) { r = hasOwn.call(b, ka[j]) && baseIsEqual(a[ka[j]], b[ka[j]], sa, sb, cust, ka[j], a, b); }
      if (r) {
        var ca = a.constructor, cb = b.constructor;
        if (ca !== cb && ('constructor' in a && 'constructor' in b) &&
            !(typeof ca === 'function' && ca instanceof ca && typeof cb === 'function' && cb instanceof cb)) { r = false; }
      }
    }
    sa.pop(); sb.pop();
    return r;
  }
  _.isEqual = function (a, b) { return baseIsEqual(a, b, [], []); };
  _.isEqualWith = function (a, b, c) { return baseIsEqual(a, b, [], [], typeof c === 'function' ? c : null); };
  _.isMatchWith = function (o, s, c) { return isMatch(o, s); };
  function baseClone(v, deep, seen) {
    if (!isObject(v)) { return v; }
    if (isFunction(v)) { return seen ? v : {}; }
    seen = seen || [];
    for (var s = 0; s < seen.length; s++) { if (seen[s][0] === v) { return seen[s][1]; } }
    var t = tag(v), r;
    switch (t) {
      case '[object Date]': return new Date(+v);
      case '[object RegExp]': r = new RegExp(v.source, /\w*$/.exec(v)[0]); r.lastIndex = v.lastIndex; return r;
      case '[object Number]': return new Number(+v);
      case '[object String]': return new String(v + '');
      case '[object Boolean]': return new Boolean(+v);
      case '[object Map]': r = new Map(); seen.push([v, r]); v.forEach(function (x, k) { r.set(k, deep ? baseClone(x, true, seen) : x); }); return r;
      case '[object Set]': r = new Set(); seen.push([v, r]); v.forEach(function (x) { r.add(deep ? baseClone(x, true, seen) : x); }); return r;
      case '[object Error]': case '[object WeakMap]': return {};
    }
    if (isTypedArray(v)) { return new v.constructor(v); }
    if (Array.isArray(v)) {
      r = new Array(v.length); seen.push([v, r]);
      for (var i = 0; i < v.length; i++) { r[i] = deep ? baseClone(v[i], true, seen) : v[i]; }
      if (typeof v.index === 'number' && hasOwn.call(v, 'index')) { r.index = v.index; r.input = v.input; }
      return r;
    }
    r = (typeof v.constructor === 'function' && !isPrototype(v)) ? Object.create(Object.getPrototypeOf(v)) : {};
    seen.push([v, r]);
    keys(v).forEach(function (k) { r[k] = deep ? baseClone(v[k], true, seen) : v[k]; });
    return r;
  }
  _.clone = function (v) { return baseClone(v, false); };
  _.cloneDeep = function (v) { return baseClone(v, true); };
  _.cloneWith = function (v, c) { var r = typeof c === 'function' ? c(v) : undefined; return r === undefined ? baseClone(v, false) : r; };
  _.cloneDeepWith = function (v, c) {
    if (typeof c !== 'function') { return baseClone(v, true); }
    return (function rec(x, k, parent) {
      var r = c(x, k, parent);
      if (r !== undefined) { return r; }
      if (!isObject(x) || isFunction(x)) { return x; }
      if (Array.isArray(x)) { return x.map(function (e, i) { return rec(e, i, x); }); }
      if (!isPlainObject(x)) { return baseClone(x, true); }
      var o = {}; keys(x).forEach(function (kk) { o[kk] = rec(x[kk], kk, x); }); return o;
    })(v);
  };

  // ---- objects ----
  function assignWith(keysFn) {
    return function (obj) {
      obj = Object(obj);
      for (var i = 1; i < arguments.length; i++) {
        var src = arguments[i];
        if (src != null) { keysFn(src).forEach(function (k) { var v = src[k]; if (!(hasOwn.call(obj, k) && eq(obj[k], v)) || (v === undefined && !(k in obj))) { obj[k] = v; } }); }
      }
      return obj;
    };
  }
  _.assign = assignWith(keys);
  _.assignIn = _.extend = assignWith(keysIn);
  _.assignWith = function (obj) {
    var srcs = Array.prototype.slice.call(arguments, 1), c = typeof srcs[srcs.length - 1] === 'function' ? srcs.pop() : null;
    obj = Object(obj);
    srcs.forEach(function (src) { if (src != null) { keys(src).forEach(function (k) { var r = c ? c(obj[k], src[k], k, obj, src) : undefined; obj[k] = r === undefined ? src[k] : r; }); } });
    return obj;
  };
  _.assignInWith = _.extendWith = _.assignWith;
  _.defaults = function (obj) {
    obj = Object(obj);
    for (var i = 1; i < arguments.length; i++) {
      var src = arguments[i];
      if (src != null) { keysIn(src).forEach(function (k) { var v = obj[k]; if (v === undefined || (eq(v, objProto[k]) && !hasOwn.call(obj, k))) { obj[k] = src[k]; } }); }
    }
    return obj;
  };
  function baseMerge(obj, src, seen, customizer, isDefaultsDeep) {
    if (obj === src) { return; }
    var srcKeys = (Array.isArray(src) || isTypedArray(src)) ? keys(src) : keysIn(src);
    srcKeys.forEach(function (k) {
      if (k === '__proto__' || (k === 'constructor' && typeof obj[k] === 'function')) { return; }
      var sv = src[k], ov = obj[k];
      var custom = customizer ? customizer(ov, sv, k, obj, src) : undefined;
      if (custom !== undefined) { obj[k] = custom; return; }
      if (isObject(sv) && !isFunction(sv)) {
        for (var s = 0; s < seen.length; s++) { if (seen[s] === sv) { obj[k] = sv; return; } }
        var nv;
        if (Array.isArray(sv) || isTypedArray(sv)) {
          if (Array.isArray(ov)) { nv = ov; } else if (isArrayLikeObject(ov)) { nv = Array.prototype.slice.call(ov); } else if (isTypedArray(sv)) { nv = new sv.constructor(sv); seen.push(sv); obj[k] = nv; seen.pop(); return; } else { nv = []; }
        } else if (isPlainObject(sv) || isArguments(sv)) {
          nv = ov;
          if (isArguments(ov)) { nv = _.toPlainObject(ov); } else if (!isObject(ov) || isFunction(ov)) { nv = baseClone(sv, false); if (isPlainObject(nv)) { nv = {}; } }
          if (!isObject(nv) || isFunction(nv)) { nv = {}; }
        } else {
          obj[k] = sv; return;
        }
        seen.push(sv);
        baseMerge(nv, sv, seen, customizer, isDefaultsDeep);
        seen.pop();
        if (!(hasOwn.call(obj, k) && eq(obj[k], nv))) { obj[k] = nv; }
      } else {
        if ((sv !== undefined && !(hasOwn.call(obj, k) && eq(ov, sv))) || (sv === undefined && !(k in obj))) { obj[k] = sv; }
      }
    });
  }
  _.merge = function (obj) {
    obj = Object(obj);
    for (var i = 1; i < arguments.length; i++) { if (arguments[i] != null) { baseMerge(obj, arguments[i], [], null); } }
    return obj;
  };
  _.mergeWith = function (obj) {
    var srcs = Array.prototype.slice.call(arguments, 1), c = typeof srcs[srcs.length - 1] === 'function' ? srcs.pop() : null;
    obj = Object(obj);
    srcs.forEach(function (s) { if (s != null) { baseMerge(obj, s, [], c); } });
    return obj;
  };
  _.defaultsDeep = function (obj) {
    obj = Object(obj);
    var custom = function (ov, sv) {
      if (isObject(ov) && isObject(sv) && !isFunction(ov) && !isFunction(sv) && !Array.isArray(ov) && !Array.isArray(sv)) { baseMerge(ov, sv, [], custom); return ov; }
      return ov === undefined ? undefined : ov;
    };
    for (var i = 1; i < arguments.length; i++) { if (arguments[i] != null) { baseMerge(obj, arguments[i], [], custom); } }
    return obj;
  };
  _.pick = function (obj) {
    var paths = flattenDepth(Array.prototype.slice.call(arguments, 1), Infinity), r = {};
    if (obj == null) { return r; }
    paths.forEach(function (p) { if (_.hasIn(obj, p)) { baseSet(r, castPath(p, obj), baseGet(obj, p)); } });
    return r;
  };
  _.pickBy = function (obj, fn) {
    var r = {}; if (obj == null) { return r; } fn = iteratee(fn);
    keysIn(obj).forEach(function (k) { if (fn(obj[k], k)) { r[k] = obj[k]; } });
    return r;
  };
  _.omit = function (obj) {
    var r = {}; if (obj == null) { return r; }
    var paths = flattenDepth(Array.prototype.slice.call(arguments, 1), Infinity);
    keysIn(obj).forEach(function (k) { r[k] = obj[k]; });
    var deep = false;
    paths.forEach(function (p) { if (castPath(p, obj).length > 1) { deep = true; } });
    if (deep) { r = baseClone(r, true); }
    paths.forEach(function (p) { _.unset(r, p); });
    return r;
  };
  _.omitBy = function (obj, fn) { fn = iteratee(fn); return _.pickBy(obj, function (v, k) { return !fn(v, k); }); };
  _.mapValues = function (obj, fn) { fn = iteratee(fn); var r = {}; _.forOwn(obj, function (v, k, o) { r[k] = fn(v, k, o); }); return r; };
  _.mapKeys = function (obj, fn) { fn = iteratee(fn); var r = {}; _.forOwn(obj, function (v, k, o) { r[fn(v, k, o)] = v; }); return r; };
  _.invert = function (obj) { var r = {}; keys(obj).forEach(function (k) { var v = obj[k]; if (v != null && typeof v.toString !== 'function') { v = toStr.call(v); } r[v] = k; }); return r; };
  _.invertBy = function (obj, fn) { fn = iteratee(fn); var r = {}; keys(obj).forEach(function (k) { var v = fn(obj[k]); if (hasOwn.call(r, v)) { r[v].push(k); } else { r[v] = [k]; } }); return r; };
  _.create = function (proto, props) { var r = Object.create(proto); return props == null ? r : _.assign(r, props); };

  // ---- strings ----
  var reLatin = /[\xc0-\xd6\xd8-\xf6\xf8-\xff\u0100-\u017f]/g, reComboMark = /[\u0300-\u036f\ufe20-\ufe2f\u20d0-\u20ff]/g;
  var deburrMap = { 'Æ': 'Ae', 'æ': 'ae', 'Ð': 'D', 'ð': 'd', 'Þ': 'Th', 'þ': 'th', 'ß': 'ss', 'Ø': 'O', 'ø': 'o', 'Œ': 'Oe', 'œ': 'oe', 'Ĳ': 'IJ', 'ĳ': 'ij', 'ŉ': "'n", 'ſ': 's', 'Ł': 'L', 'ł': 'l', 'Đ': 'D', 'đ': 'd', 'Ħ': 'H', 'ħ': 'h', 'ı': 'i', 'ĸ': 'k', 'Ŀ': 'L', 'ŀ': 'l', 'Ŋ': 'N', 'ŋ': 'n', 'Ŧ': 'T', 'ŧ': 't', '×': '×', '÷': '÷' };
  function deburr(s) {
    return toString(s).replace(reLatin, function (c) {
      if (hasOwn.call(deburrMap, c)) { return deburrMap[c]; }
      var d = c.normalize('NFD').replace(reComboMark, '');
      return d;
    }).replace(reComboMark, '');
  }
  _.deburr = deburr;
  var reHasUnicodeWord = /[a-z][A-Z]|[A-Z]{2}[a-z]|[0-9][a-zA-Z]|[a-zA-Z][0-9]|[^a-zA-Z0-9 ]/;
  var reAsciiWord = /[^\x00-\x2f\x3a-\x40\x5b-\x60\x7b-\x7f]+/g;
  var L = 'a-z\\xdf-\\xf6\\xf8-\\xff', U = 'A-Z\\xc0-\\xd6\\xd8-\\xde';
  var brk = '\\x00-\\x2f\\x3a-\\x40\\x5b-\\x60\\x7b-\\xbf\\xd7\\xf7\\u2000-\\u206f\\s';
  var rsL = '[' + L + ']', rsU = '[' + U + ']', rsB = '[' + brk + ']';
  var rsMisc = '[^' + brk + '\\d' + L + U + '\\ud800-\\udfff\\u2700-\\u27bf]';
  var rsML = '(?:' + rsL + '|' + rsMisc + ')', rsMU = '(?:' + rsU + '|' + rsMisc + ')';
  var contrL = "(?:['\u2019](?:d|ll|m|re|s|t|ve))?", contrU = "(?:['\u2019](?:D|LL|M|RE|S|T|VE))?";
  var reUnicodeWord = null; // built on first use: compiling it is costly
  function unicodeWordRe() {
    if (!reUnicodeWord) {
      reUnicodeWord = new RegExp([
        rsU + '?' + rsL + '+' + contrL + '(?=' + [rsB, rsU, '$'].join('|') + ')',
        rsMU + '+' + contrU + '(?=' + [rsB, rsU + rsML, '$'].join('|') + ')',
        rsU + '?' + rsML + '+' + contrL,
        rsU + '+' + contrU,
        '\\d*(?:1ST|2ND|3RD|(?![123])\\dTH)(?=\\b|[a-z_])',
        '\\d*(?:1st|2nd|3rd|(?![123])\\dth)(?=\\b|[A-Z_])',
        '\\d+'
      ].join('|'), 'g');
    }
    return reUnicodeWord;
  }
  function words(s, pattern, guard) {
    s = toString(s);
    pattern = guard ? undefined : pattern;
    if (pattern === undefined) { return s.match(reHasUnicodeWord.test(s) ? unicodeWordRe() : reAsciiWord) || []; }
    return s.match(pattern) || [];
  }
  _.words = words;
  function upperFirst(s) { s = toString(s); return s ? s.charAt(0).toUpperCase() + s.slice(1) : s; }
  function lowerFirst(s) { s = toString(s); return s ? s.charAt(0).toLowerCase() + s.slice(1) : s; }
  function capitalize(s) { return upperFirst(toString(s).toLowerCase()); }
  _.upperFirst = upperFirst; _.lowerFirst = lowerFirst; _.capitalize = capitalize;
  function compounder(fn) { return function (s) { return words(deburr(s).replace(/['\u2019]/g, '')).reduce(fn, ''); }; }
  _.camelCase = compounder(function (r, w, i) { w = w.toLowerCase(); return r + (i ? capitalize(w) : w); });
  _.kebabCase = compounder(function (r, w, i) { return r + (i ? '-' : '') + w.toLowerCase(); });
  _.snakeCase = compounder(function (r, w, i) { return r + (i ? '_' : '') + w.toLowerCase(); });
  _.lowerCase = compounder(function (r, w, i) { return r + (i ? ' ' : '') + w.toLowerCase(); });
  _.upperCase = compounder(function (r, w, i) { return r + (i ? ' ' : '') + w.toUpperCase(); });
  _.startCase = compounder(function (r, w, i) { return r + (i ? ' ' : '') + upperFirst(w); });
  _.toLower = function (s) { return toString(s).toLowerCase(); };
  _.toUpper = function (s) { return toString(s).toUpperCase(); };
  function charsRe(chars) { return chars.replace(/[\\^$.*+?()[\]{}|-]/g, '\\$&'); }
  function trimWith(s, chars, guard, left, right) {
    s = toString(s);
    if (chars === undefined || guard) { chars = null; }
    var set = chars == null ? '\\s\\uFEFF\\xA0' : charsRe(toString(chars));
    if (chars != null && set === '') { return s; }
    if (left) { s = s.replace(new RegExp('^[' + set + ']+'), ''); }
    if (right) { s = s.replace(new RegExp('[' + set + ']+$'), ''); }
    return s;
  }
  _.trim = function (s, c, g) { return trimWith(s, c, g, true, true); };
  _.trimStart = function (s, c, g) { return trimWith(s, c, g, true, false); };
  _.trimEnd = function (s, c, g) { return trimWith(s, c, g, false, true); };
  function repeat(s, n) { s = toString(s); var r = ''; if (!s || n < 1 || n > MAX_SAFE) { return r; } for (var i = 0; i < n; i++) { r += s; } return r; }
  _.repeat = function (s, n, guard) { return repeat(s, (guard || n === undefined) ? 1 : toInteger(n)); };
  function padding(len, chars) { chars = chars === undefined ? ' ' : toString(chars); if (!chars.length || len <= 0) { return ''; } var r = repeat(chars, Math.ceil(len / chars.length)); return r.slice(0, len); }
  _.pad = function (s, len, chars) {
    s = toString(s); len = toInteger(len);
    var sl = len ? s.length : 0;
    if (!len || sl >= len) { return s; }
    var mid = (len - sl) / 2;
    return padding(Math.floor(mid), chars) + s + padding(Math.ceil(mid), chars);
  };
  _.padStart = function (s, len, chars) { s = toString(s); len = toInteger(len); var sl = len ? s.length : 0; return (len && sl < len) ? padding(len - sl, chars) + s : s; };
  _.padEnd = function (s, len, chars) { s = toString(s); len = toInteger(len); var sl = len ? s.length : 0; return (len && sl < len) ? s + padding(len - sl, chars) : s; };
  _.startsWith = function (s, t, pos) { s = toString(s); pos = pos == null ? 0 : clampNum(toInteger(pos), 0, s.length); t = toString(t); return s.slice(pos, pos + t.length) === t; };
  _.endsWith = function (s, t, pos) { s = toString(s); t = toString(t); var n = s.length; pos = pos === undefined ? n : clampNum(toInteger(pos), 0, n); var end = pos; pos -= t.length; return pos >= 0 && s.slice(pos, end) === t; };
  _.split = function (s, sep, limit) { return toString(s).split(sep, limit === undefined ? 4294967295 : limit >>> 0); };
  _.replace = function () { var a = arguments, s = toString(a[0]); return a.length < 3 ? s : s.replace(a[1], a[2]); };
  _.parseInt = function (s, radix, guard) { radix = (guard || radix == null) ? 0 : +radix; return parseInt(toString(s).replace(/^\s+/, ''), radix || 0); };
  var htmlEsc = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
  var htmlUnesc = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
  _.escape = function (s) { s = toString(s); return /[&<>"']/.test(s) ? s.replace(/[&<>"']/g, function (c) { return htmlEsc[c]; }) : s; };
  _.unescape = function (s) { s = toString(s); return /&(?:amp|lt|gt|quot|#39);/.test(s) ? s.replace(/&(?:amp|lt|gt|quot|#39);/g, function (c) { return htmlUnesc[c]; }) : s; };
  _.escapeRegExp = function (s) { return toString(s).replace(/[\\^$.*+?()[\]{}|]/g, '\\$&'); };
  _.truncate = function (s, opts) {
    var length = 30, omission = '...', sep;
    if (isObject(opts)) { sep = 'separator' in opts ? opts.separator : sep; length = 'length' in opts ? toInteger(opts.length) : length; omission = 'omission' in opts ? toString(opts.omission) : omission; }
    s = toString(s);
    if (length >= s.length) { return s; }
    var end = length - omission.length;
    if (end < 1) { return omission; }
    var r = s.slice(0, end);
    if (sep === undefined) { return r + omission; }
    if (_.isRegExp(sep)) {
      if (s.slice(end).search(sep)) {
        var m, last, g = new RegExp(sep.source, toString(/\w*$/.exec(sep)) + 'g');
        while ((m = g.exec(r))) { last = m.index; if (!m[0]) { g.lastIndex++; } }
        if (last !== undefined) { r = r.slice(0, last); }
      }
    } else if (s.indexOf(sep, end) !== end) {
      var idx = r.lastIndexOf(sep);
      if (idx > -1) { r = r.slice(0, idx); }
    }
    return r + omission;
  };
  _.templateSettings = { escape: /<%-([\s\S]+?)%>/g, evaluate: /<%([\s\S]+?)%>/g, interpolate: /<%=([\s\S]+?)%>/g, variable: '', imports: {} };
  _.template = function (text, options, guard) {
    var settings = _.templateSettings;
    options = _.assignIn({}, settings, guard ? undefined : options);
    var imports = _.assignIn({ _: _ }, settings.imports, options.imports);
    text = toString(text);
    var interpolate = options.interpolate || /$^/;
    var esInterp = /\$\{([^\\}]*(?:\\.[^\\}]*)*)\}/g;
    var re = new RegExp((options.escape || /$^/).source + '|' + interpolate.source + '|' +
      (interpolate === settings.interpolate ? esInterp : /$^/).source + '|' + (options.evaluate || /$^/).source + '|$', 'g');
    var idx = 0, src = "__p += '";
    var escMap = { '\\': '\\', "'": "'", '\n': 'n', '\r': 'r', '\u2028': 'u2028', '\u2029': 'u2029' };
    text.replace(re, function (match, esc, interp, es, evaluate, offset) {
      interp = interp || es;
      src += text.slice(idx, offset).replace(/['\n\r\u2028\u2029\\]/g, function (c) { return '\\' + escMap[c]; });
      if (esc) { src += "' +\n__e(" + esc + ") +\n'"; }
      if (evaluate) { src += "';\n" + evaluate + ";\n__p += '"; }
      if (interp) { src += "' +\n((__t = (" + interp + ")) == null ? '' : __t) +\n'"; }
      idx = offset + match.length;
      return match;
    });
    src += "';\n";
    var variable = options.variable;
    if (!variable) { src = 'with (obj) {\n' + src + '\n}\n'; }
    src = 'function(' + (variable || 'obj') + ') {\n' + (variable ? '' : 'obj || (obj = {});\n') +
      "var __t, __p = ''" + ', __e = _.escape' + ';\n' + src + 'return __p\n}';
    var names = keys(imports), vals = names.map(function (k) { return imports[k]; });
    var fn;
    try { fn = Function.apply(undefined, names.concat('return ' + src)).apply(undefined, vals); } catch (e) { e.source = src; throw e; }
    fn.source = src;
    return fn;
  };

  // ---- functions ----
  _.noop = function () {};
  _.constant = function (v) { return function () { return v; }; };
  _.stubArray = function () { return []; }; _.stubObject = function () { return {}; };
  _.stubString = function () { return ''; }; _.stubTrue = function () { return true; }; _.stubFalse = function () { return false; };
  _.once = function (fn) { return _.before(2, fn); };
  _.before = function (n, fn) {
    if (typeof fn !== 'function') { throw new TypeError('Expected a function'); }
    var r; n = toInteger(n);
    return function () { if (--n > 0) { r = fn.apply(this, arguments); } if (n <= 1) { fn = undefined; } return r; };
  };
  _.after = function (n, fn) {
    if (typeof fn !== 'function') { throw new TypeError('Expected a function'); }
    n = toInteger(n);
    return function () { if (--n < 1) { return fn.apply(this, arguments); } };
  };
  _.memoize = function (fn, resolver) {
    if (typeof fn !== 'function' || (resolver != null && typeof resolver !== 'function')) { throw new TypeError('Expected a function'); }
    var m = function () {
      var key = resolver ? resolver.apply(this, arguments) : arguments[0], cache = m.cache;
      if (cache.has(key)) { return cache.get(key); }
      var r = fn.apply(this, arguments);
      m.cache = cache.set(key, r) || cache;
      return r;
    };
    m.cache = new (_.memoize.Cache || Map)();
    return m;
  };
  _.memoize.Cache = Map;
  _.negate = function (fn) { return function () { return !fn.apply(this, arguments); }; };
  _.flip = function (fn) { return function () { return fn.apply(this, Array.prototype.slice.call(arguments).reverse()); }; };
  _.unary = function (fn) { return function (a) { return fn.call(this, a); }; };
  _.ary = function (fn, n) { n = n === undefined ? fn.length : n; return function () { return fn.apply(this, Array.prototype.slice.call(arguments, 0, n)); }; };
  _.rest = function (fn, start) {
    start = start === undefined ? fn.length - 1 : toInteger(start);
    return function () { var a = Array.prototype.slice.call(arguments, 0, start); a.push(Array.prototype.slice.call(arguments, start)); return fn.apply(this, a); };
  };
  _.spread = function (fn) { return function (a) { return fn.apply(this, a); }; };
  _.bind = function (fn, thisArg) { var p = Array.prototype.slice.call(arguments, 2); return function () { return fn.apply(thisArg, p.concat(Array.prototype.slice.call(arguments))); }; };
  _.partial = function (fn) { var p = Array.prototype.slice.call(arguments, 1); return function () { return fn.apply(this, p.concat(Array.prototype.slice.call(arguments))); }; };
  _.partialRight = function (fn) { var p = Array.prototype.slice.call(arguments, 1); return function () { return fn.apply(this, Array.prototype.slice.call(arguments).concat(p)); }; };
  _.curry = function (fn, arity) {
    arity = arity === undefined ? fn.length : arity;
    return function curried() {
      var a = Array.prototype.slice.call(arguments);
      if (a.length >= arity) { return fn.apply(this, a); }
      return function () { return curried.apply(this, a.concat(Array.prototype.slice.call(arguments))); };
    };
  };
  _.flow = function () { var fns = flattenDepth(arguments, 1); return function () { var i = 0, r = fns.length ? fns[0].apply(this, arguments) : arguments[0]; for (i = 1; i < fns.length; i++) { r = fns[i].call(this, r); } return r; }; };
  _.flowRight = function () { return _.flow.apply(null, flattenDepth(arguments, 1).reverse()); };
  _.wrap = function (v, wrapper) { return _.partial(wrapper, v); };
  _.delay = function (fn, wait) { var a = Array.prototype.slice.call(arguments, 2); return setTimeout(function () { fn.apply(undefined, a); }, toNumber(wait) || 0); };
  _.defer = function (fn) { var a = Array.prototype.slice.call(arguments, 1); return setTimeout(function () { fn.apply(undefined, a); }, 1); };
  _.now = function () { return Date.now(); };
  _.debounce = function (fn, wait, opts) {
    var timer, lastArgs, lastThis, result, leading = false, trailing = true, maxWait, lastCall, lastInvoke = 0;
    wait = toNumber(wait) || 0;
    if (isObject(opts)) { leading = !!opts.leading; trailing = 'trailing' in opts ? !!opts.trailing : trailing; if ('maxWait' in opts) { maxWait = Math.max(toNumber(opts.maxWait) || 0, wait); } }
    function invoke(t) { var a = lastArgs, th = lastThis; lastArgs = lastThis = undefined; lastInvoke = t; result = fn.apply(th, a); return result; }
    function remaining(t) { var w = wait - (t - lastCall); return maxWait === undefined ? w : Math.min(w, maxWait - (t - lastInvoke)); }
    function should(t) { var s = t - lastCall; return lastCall === undefined || s >= wait || s < 0 || (maxWait !== undefined && t - lastInvoke >= maxWait); }
    function expired() { var t = Date.now(); if (should(t)) { return trailingEdge(t); } timer = setTimeout(expired, remaining(t)); }
    function trailingEdge(t) { timer = undefined; if (trailing && lastArgs) { return invoke(t); } lastArgs = lastThis = undefined; return result; }
    function debounced() {
      var t = Date.now(), isInv = should(t);
      lastArgs = arguments; lastThis = this; lastCall = t;
      if (isInv) {
        if (timer === undefined) { lastInvoke = t; timer = setTimeout(expired, wait); return leading ? invoke(t) : result; }
        if (maxWait !== undefined) { clearTimeout(timer); timer = setTimeout(expired, wait); return invoke(lastCall); }
      }
      if (timer === undefined) { timer = setTimeout(expired, wait); }
      return result;
    }
    debounced.cancel = function () { if (timer !== undefined) { clearTimeout(timer); } lastInvoke = 0; lastArgs = lastCall = lastThis = timer = undefined; };
    debounced.flush = function () { return timer === undefined ? result : trailingEdge(Date.now()); };
    return debounced;
  };
  _.throttle = function (fn, wait, opts) {
    var leading = true, trailing = true;
    if (isObject(opts)) { leading = 'leading' in opts ? !!opts.leading : leading; trailing = 'trailing' in opts ? !!opts.trailing : trailing; }
    return _.debounce(fn, wait, { leading: leading, maxWait: wait, trailing: trailing });
  };

  _.bindAll = function (obj) {
    flattenDepth(Array.prototype.slice.call(arguments, 1), Infinity).forEach(function (k) { k = toKey(k); obj[k] = _.bind(obj[k], obj); });
    return obj;
  };
  _.bindKey = function (obj, key) {
    var p = Array.prototype.slice.call(arguments, 2);
    return function () { return obj[key].apply(obj, p.concat(Array.prototype.slice.call(arguments))); };
  };
  _.curryRight = function (fn, arity) {
    arity = arity === undefined ? fn.length : arity;
    return function curried() {
      var a = Array.prototype.slice.call(arguments);
      if (a.length >= arity) { return fn.apply(this, a); }
      return function () { return curried.apply(this, Array.prototype.slice.call(arguments).concat(a)); };
    };
  };
  _.overArgs = function (fn) {
    var transforms = flattenDepth(Array.prototype.slice.call(arguments, 1), 1).map(iteratee);
    return function () {
      var a = Array.prototype.slice.call(arguments), n = Math.min(a.length, transforms.length);
      for (var i = 0; i < n; i++) { a[i] = transforms[i].call(this, a[i]); }
      return fn.apply(this, a);
    };
  };
  _.rearg = function (fn) {
    var idx = flattenDepth(Array.prototype.slice.call(arguments, 1), Infinity);
    return function () {
      var a = arguments, out = idx.map(function (i) { return a[i]; });
      for (var j = idx.length; j < a.length; j++) { out.push(a[j]); }
      return fn.apply(this, out);
    };
  };
  _.updateWith = function (obj, path, updater, c) { return obj == null ? obj : baseSet(obj, path, updater(baseGet(obj, path)), typeof c === 'function' ? c : undefined); };
  function xorBase(arrays, fn, cmp) {
    arrays = arrays.filter(isArrayLikeObject).map(function (a) { return uniqBy(a, fn, cmp); });
    var out = [];
    arrays.forEach(function (a, i) {
      a.forEach(function (v) {
        var inOthers = arrays.some(function (o, j) {
          if (j === i) { return false; }
          return o.some(function (w) { return cmp ? cmp(v, w) : eq(fn ? fn(v) : v, fn ? fn(w) : w); });
        });
        if (!inOthers) { out.push(v); }
      });
    });
    return out;
  }
  _.xorBy = function () { var p = lastArgIteratee(arguments, 1); return xorBase(p.arrays, p.fn == null ? null : iteratee(p.fn)); };
  _.xorWith = function () { var p = lastArgIteratee(arguments, 1); return xorBase(p.arrays, null, p.fn); };
  _.forInRight = function (obj, fn) { fn = typeof fn === 'function' ? fn : identity; if (obj == null) { return obj; } var ks = keysIn(obj); for (var i = ks.length - 1; i >= 0; i--) { if (fn(obj[ks[i]], ks[i], obj) === false) { break; } } return obj; };
  _.forOwnRight = function (obj, fn) { fn = typeof fn === 'function' ? fn : identity; if (obj == null) { return obj; } var ks = keys(obj); for (var i = ks.length - 1; i >= 0; i--) { if (fn(obj[ks[i]], ks[i], obj) === false) { break; } } return obj; };
  _.isArrayBuffer = function (v) { return isObjectLike(v) && tag(v) === '[object ArrayBuffer]'; };
  _.isWeakMap = function (v) { return isObjectLike(v) && tag(v) === '[object WeakMap]'; };
  _.isWeakSet = function (v) { return isObjectLike(v) && tag(v) === '[object WeakSet]'; };
  _.sortedLastIndexBy = function (a, v, fn) { return sortedIndexBy(a, v, iteratee(fn), true); };
  _.sortedLastIndexOf = function (a, v) { var i = sortedIndexBy(a, v, identity, true) - 1; return a && i >= 0 && eq(a[i], v) ? i : -1; };

  // ---- util ----
  var idCounter = 0;
  _.uniqueId = function (prefix) { return toString(prefix) + (++idCounter); };
  _.defaultTo = function (v, d) { return (v == null || v !== v) ? d : v; };
  _.attempt = function (fn) { try { return fn.apply(undefined, Array.prototype.slice.call(arguments, 1)); } catch (e) { return _.isError(e) ? e : new Error(e); } };
  _.cond = function (pairs) { return function () { for (var i = 0; i < pairs.length; i++) { if (iteratee(pairs[i][0]).apply(this, arguments)) { return iteratee(pairs[i][1]).apply(this, arguments); } } }; };
  _.over = function () { var fns = flattenDepth(arguments, 1).map(iteratee); return function () { var a = arguments, t = this; return fns.map(function (f) { return f.apply(t, a); }); }; };
  _.overEvery = function () { var fns = flattenDepth(arguments, 1).map(iteratee); return function () { var a = arguments, t = this; return fns.every(function (f) { return f.apply(t, a); }); }; };
  _.overSome = function () { var fns = flattenDepth(arguments, 1).map(iteratee); return function () { var a = arguments, t = this; return fns.some(function (f) { return f.apply(t, a); }); }; };
  _.nthArg = function (n) { n = toInteger(n); return function () { var a = arguments; return a[n < 0 ? a.length + n : n]; }; };
  _.method = function (path) { var a = Array.prototype.slice.call(arguments, 1); return function (o) { return _.invoke.apply(null, [o, path].concat(a)); }; };
  _.methodOf = function (o) { var a = Array.prototype.slice.call(arguments, 1); return function (path) { return _.invoke.apply(null, [o, path].concat(a)); }; };
  _.mixin = function (obj, src, opts) {
    if (src == null) { src = obj; obj = _; }
    var chain = !(isObject(opts) && 'chain' in opts) || !!opts.chain;
    _.functions(src).forEach(function (name) {
      obj[name] = src[name];
      if (obj === _ && wrapperReady) { addWrapperMethod(name, !chain); }
    });
    return obj;
  };
  _.noConflict = function () { return _; };
  _.runInContext = function () { return _; };

  // ---- chaining ----
  function Wrapper(value, chainAll) { this.__wrapped__ = value; this.__chain__ = chainAll; }
  var unchained = ('add attempt camelCase capitalize ceil clamp clone cloneDeep cloneDeepWith cloneWith conformsTo deburr defaultTo divide each eachRight endsWith eq escape escapeRegExp every find findIndex findKey findLast findLastIndex findLastKey first floor forEach forEachRight forIn forInRight forOwn forOwnRight get gt gte has hasIn head identity includes indexOf inRange invoke isArguments isArray isArrayBuffer isArrayLike isArrayLikeObject isBoolean isBuffer isDate isElement isEmpty isEqual isEqualWith isError isFinite isFunction isInteger isLength isMap isMatch isMatchWith isNaN isNative isNil isNull isNumber isObject isObjectLike isPlainObject isRegExp isSafeInteger isSet isString isSymbol isTypedArray isUndefined isWeakMap isWeakSet join kebabCase last lastIndexOf lowerCase lowerFirst lt lte max maxBy mean meanBy min minBy multiply noConflict noop now nth pad padEnd padStart parseInt random reduce reduceRight repeat result round runInContext sample shift size snakeCase some sortedIndex sortedIndexBy sortedIndexOf sortedLastIndex startCase startsWith stubArray stubFalse stubObject stubString stubTrue subtract sum sumBy template times toFinite toInteger toJSON toLength toLower toNumber toSafeInteger toString toUpper trim trimEnd trimStart truncate unescape uniqueId upperCase upperFirst value words').split(' ');
  function addWrapperMethod(name, noChain) {
    Wrapper.prototype[name] = function () {
      var args = [this.__wrapped__].concat(Array.prototype.slice.call(arguments));
      var r = _[name].apply(_, args);
      if (this.__chain__ || !noChain) { return new Wrapper(r, this.__chain__); }
      return r;
    };
  }
  _.chain = function (v) { var w = _(v); w.__chain__ = true; return w; };
  _.tap = function (v, fn) { fn(v); return v; };
  _.thru = function (v, fn) { return fn(v); };
  // Wrapper methods are built on the first _() / _.chain(): most scripts
  // never chain, and building ~300 methods dominates loading.
  var wrapperReady = false;
  function ensureWrapper() {
    if (wrapperReady) { return; }
    wrapperReady = true;
    Object.keys(_).forEach(function (name) {
      if (typeof _[name] === 'function' && name !== 'chain' && name !== 'mixin' && !Object.prototype.hasOwnProperty.call(Wrapper.prototype, name)) {
        addWrapperMethod(name, unchained.indexOf(name) > -1);
      }
    });
  }
  ['pop', 'shift'].forEach(function (name) {
    Wrapper.prototype[name] = function () { var v = this.__wrapped__; var r = Array.isArray(v) ? v[name]() : undefined; return this.__chain__ ? new Wrapper(r, true) : r; };
  });
  ['push', 'sort', 'splice', 'unshift'].forEach(function (name) {
    Wrapper.prototype[name] = function () { var v = this.__wrapped__; if (Array.isArray(v)) { v[name].apply(v, arguments); } return new Wrapper(v, this.__chain__); };
  });
  Wrapper.prototype.chain = function () { return new Wrapper(this.__wrapped__, true); };
  Wrapper.prototype.value = Wrapper.prototype.valueOf = Wrapper.prototype.toJSON = function () { return this.__wrapped__; };
  Wrapper.prototype.commit = function () { return new Wrapper(this.__wrapped__, this.__chain__); };
  Wrapper.prototype.toString = function () { return toString(this.__wrapped__); };
  Wrapper.prototype.plant = function (v) { return new Wrapper(v, this.__chain__); };
  _.prototype = Wrapper.prototype;

  return _;
})()
