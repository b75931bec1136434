// Builds postie's lodash 3.10-compatible `_` (Postman's legacy global) on
// top of the lodash 4 implementation: same functions, plus lodash 3's names,
// argument conventions (thisArg, property+value shorthand) and differences.
(function (_4) {
  'use strict';
  var slice = Array.prototype.slice;

  function _(value) {
    if (value instanceof Wrapper) { return value; }
    ensureWrapper();
    return new Wrapper(value, false);
  }
  Object.keys(_4).forEach(function (k) { _[k] = _4[k]; });
  _.VERSION = '3.10.2';
  delete _.templateSettings;
  _.templateSettings = _4.templateSettings;

  // callback is lodash 3's iteratee: functions bound to thisArg, a string
  // with a thisArg is a property+value matcher, objects (arrays too) match.
  function callback(fn, thisArg) {
    var t = typeof fn;
    if (t === 'function') { return thisArg === undefined ? fn : function () { return fn.apply(thisArg, arguments); }; }
    if (fn == null) { return _4.identity; }
    if (t === 'object') { return _4.matches(fn); }
    return thisArg === undefined ? _4.property(fn) : _4.matchesProperty(fn, thisArg);
  }
  _.callback = _.iteratee = function (fn, thisArg) { return callback(fn, thisArg); };

  // Functions of the form f(collection, iteratee, thisArg).
  ['map', 'filter', 'reject', 'forEach', 'each', 'forEachRight', 'eachRight', 'find', 'findLast', 'findIndex',
    'findLastIndex', 'findKey', 'findLastKey', 'some', 'every', 'groupBy', 'countBy', 'keyBy', 'partition',
    'mapValues', 'mapKeys', 'forOwn', 'forIn', 'remove', 'dropWhile', 'dropRightWhile', 'takeWhile',
    'takeRightWhile', 'flatMap'].forEach(function (name) {
    var f = _4[name];
    _[name] = function (coll, fn, thisArg) { return f(coll, callback(fn, thisArg)); };
  });
  _.sortedIndex = function (a, v, fn, thisArg) { return _4.sortedIndexBy(a, v, callback(fn, thisArg)); };
  _.chunk = function (a, size) { size = size == null ? 1 : Math.max(Math.floor(size) || 1, 1); return _4.chunk(a, size); };
  _.range = function (start, end, step) {
    start = +start || 0;
    if (end === undefined) { end = start; start = 0; } else { end = +end || 0; }
    step = step == null ? 1 : (+step || 0);
    var n = Math.max(Math.ceil((end - start) / (step || 1)), 0), r = [];
    for (var i = 0; i < n; i++) { r.push(start); start += step; }
    return r;
  };
  function round3(method) {
    return function (n, precision) {
      precision = precision === undefined ? 0 : (+precision || 0);
      if (precision) { var p = Math.pow(10, precision); return Math[method](n * p) / p; }
      return Math[method](n);
    };
  }
  _.round = round3('round'); _.floor = round3('floor'); _.ceil = round3('ceil');
  _.at = function (coll) {
    var props = _4.flattenDeep(slice.call(arguments, 1));
    if (_4.isArrayLike(coll)) { coll = slice.call(coll); }
    return props.map(function (k) { return coll == null ? undefined : coll[k]; });
  };
  delete _.toString;
  _.times = function (n, fn, thisArg) { return _4.times(n, fn == null ? undefined : callback(fn, thisArg)); };
  _.reduce = function (coll, fn, acc, thisArg) { fn = callback(fn, thisArg); return arguments.length < 3 ? _4.reduce(coll, fn) : _4.reduce(coll, fn, acc); };
  _.reduceRight = function (coll, fn, acc, thisArg) { fn = callback(fn, thisArg); return arguments.length < 3 ? _4.reduceRight(coll, fn) : _4.reduceRight(coll, fn, acc); };
  _.transform = function (obj, fn, acc, thisArg) { return _4.transform(obj, callback(fn, thisArg), acc); };
  _.sortBy = function (coll, fn, thisArg) { return _4.sortBy(coll, callback(fn, thisArg)); };
  _.sortByAll = function (coll) { return _4.sortBy.apply(null, [coll].concat(_4.flatten(slice.call(arguments, 1)))); };
  _.sortByOrder = function (coll, its, orders) {
    if (!Array.isArray(orders)) { orders = orders == null ? [] : [orders]; }
    return _4.orderBy(coll, its, orders.map(function (o) { return (o === false || o === 'desc') ? 'desc' : 'asc'; }));
  };
  // isIterateeCall reports whether (value, index, object) are the arguments
  // of an iteratee call (e.g. _.map(list, _.sum)), which lodash 3 detects
  // to ignore them.
  function isIterateeCall(value, index, object) {
    if (object === null || (typeof object !== 'object' && typeof object !== 'function')) { return false; }
    var ok = typeof index === 'number' ? (_4.isArrayLike(object) && index > -1 && index % 1 === 0 && index < object.length) : (typeof index === 'string' && index in object);
    if (!ok) { return false; }
    var other = object[index];
    return value === value ? value === other : other !== other;
  }
  function values(coll) { return _4.isArrayLike(coll) ? slice.call(coll) : _4.values(coll); }
  function extremum(coll, fn, thisArg, pick, empty) {
    var list = values(coll), f = fn == null ? _4.identity : callback(fn, thisArg);
    var best = empty, bestC = empty, found = false;
    list.forEach(function (v) { var c = +f(v); if (pick(c, bestC) || (!found && c === empty)) { bestC = c; best = v; found = true; } });
    return best;
  }
  _.max = function (coll, fn, thisArg) { if (thisArg && isIterateeCall(coll, fn, thisArg)) { fn = undefined; } return extremum(coll, fn, thisArg, function (a, b) { return a > b; }, -Infinity); };
  _.min = function (coll, fn, thisArg) { if (thisArg && isIterateeCall(coll, fn, thisArg)) { fn = undefined; } return extremum(coll, fn, thisArg, function (a, b) { return a < b; }, Infinity); };
  _.sum = function (coll, fn, thisArg) {
    if (thisArg && isIterateeCall(coll, fn, thisArg)) { fn = undefined; }
    var f = fn == null ? _4.identity : callback(fn, thisArg);
    return values(coll).reduce(function (s, v) { return s + (+f(v) || 0); }, 0);
  };
  _.zipWith = function () {
    var args = slice.call(arguments), len = args.length, fn, thisArg;
    if (len > 2 && typeof args[len - 2] === 'function') { thisArg = args.pop(); fn = args.pop(); } else if (len > 1 && typeof args[len - 1] === 'function') { fn = args.pop(); }
    var groups = _4.zip.apply(null, args);
    if (!fn) { return groups; }
    fn = callback(fn, thisArg);
    return groups.map(function (g) { return g.reduce(function (acc, v, i) { return fn(acc, v, i, g); }); });
  };
  _.pluck = function (coll, path) { return _4.map(coll, _4.property(path)); };
  _.where = function (coll, src) { return _4.filter(coll, _4.matches(src)); };
  _.findWhere = function (coll, src) { return _4.find(coll, _4.matches(src)); };
  _.indexBy = _.keyBy;
  _.pairs = _4.toPairs;
  _.zipObject = _.object = function (props, vals) {
    var r = {};
    (props || []).forEach(function (p, i) { if (vals) { r[p] = vals[i]; } else if (p) { r[p[0]] = p[1]; } });
    return r;
  };
  _.contains = _.include = _.includes;
  _.any = _.some; _.all = _.every; _.collect = _.map; _.select = _.filter; _.detect = _.find;
  _.foldl = _.inject = _.reduce; _.foldr = _.reduceRight;
  _.rest = _4.tail;
  _.restParam = _4.rest;
  _.modArgs = _4.overArgs;
  _.backflow = _.compose = _4.flowRight;
  _.methods = _4.functions;
  // lodash 3 knows no Map or Set: distinct ones are never equal.
  function isMapOrSet(v) { var t = Object.prototype.toString.call(v); return t === '[object Map]' || t === '[object Set]'; }
  _.eq = _.isEqual = function (a, b, customizer, thisArg) {
    var user = typeof customizer === 'function' ? (thisArg === undefined ? customizer : customizer.bind(thisArg)) : null;
    return _4.isEqualWith(a, b, function (x, y, k) {
      if (user) { var r = user(x, y, k); if (r !== undefined) { return r; } }
      if (x !== y && (isMapOrSet(x) || isMapOrSet(y))) { return false; }
      return undefined;
    });
  };
  _.padLeft = _4.padStart; _.padRight = _4.padEnd;
  _.trimLeft = _4.trimStart; _.trimRight = _4.trimEnd;
  _.trunc = function (s, opts) { return _4.truncate(s, typeof opts === 'number' ? { length: opts } : opts); };
  _.capitalize = function (s) { s = s == null ? '' : String(s); return s && (s.charAt(0).toUpperCase() + s.slice(1)); };
  _.uniq = _.unique = function (a, isSorted, fn, thisArg) {
    if (thisArg && isIterateeCall(isSorted, fn, thisArg)) { fn = undefined; }
    if (typeof isSorted !== 'boolean' && isSorted != null) { thisArg = fn; fn = isSorted; }
    return fn == null ? _4.uniq(a) : _4.uniqBy(a, callback(fn, thisArg));
  };
  _.flatten = function (a, isDeep, guard) { if (guard && isIterateeCall(a, isDeep, guard)) { isDeep = false; } return isDeep ? _4.flattenDeep(a) : _4.flatten(a); };
  _.clone = function (v, isDeep, customizer, thisArg) {
    if (typeof isDeep === 'function') { thisArg = customizer; customizer = isDeep; isDeep = false; }
    var c = typeof customizer === 'function' ? (thisArg === undefined ? customizer : customizer.bind(thisArg)) : null;
    if (c) { return isDeep ? _4.cloneDeepWith(v, c) : _4.cloneWith(v, c); }
    return isDeep ? _4.cloneDeep(v) : _4.clone(v);
  };
  _.cloneDeep = function (v, customizer, thisArg) { return _.clone(v, true, customizer, thisArg); };
  function keyOrPredicate(fnName, byName) {
    return function (obj, pred, thisArg) {
      if (typeof pred === 'function') { return _4[byName](obj, callback(pred, thisArg)); }
      var ks = _4.flattenDeep(slice.call(arguments, 1)).map(String);
      return _4[byName](obj, function (v, k) { return ks.indexOf(k) > -1; });
    };
  }
  _.pick = keyOrPredicate('pick', 'pickBy');
  _.omit = (function () {
    var pick = keyOrPredicate('omit', 'omitBy');
    return pick;
  })();
  _.assign = _.extend = function (obj) {
    var srcs = slice.call(arguments, 1), c = null, thisArg;
    if (srcs.length > 1 && typeof srcs[srcs.length - 2] === 'function') { thisArg = srcs.pop(); c = srcs.pop(); } else if (typeof srcs[srcs.length - 1] === 'function') { c = srcs.pop(); }
    if (c) { return _4.assignWith.apply(null, [obj].concat(srcs, [thisArg === undefined ? c : c.bind(thisArg)])); }
    return _4.assign.apply(null, [obj].concat(srcs));
  };
  var reWords3 = /[A-Z\xc0-\xd6\xd8-\xde]+(?=[A-Z\xc0-\xd6\xd8-\xde][a-z\xdf-\xf6\xf8-\xff]+)|[A-Z\xc0-\xd6\xd8-\xde]?[a-z\xdf-\xf6\xf8-\xff]+|[A-Z\xc0-\xd6\xd8-\xde]+|[0-9]+/g;
  _.words = function (s, pattern, guard) {
    if (guard) { pattern = undefined; }
    s = s == null ? '' : String(s);
    return s.match(pattern || reWords3) || [];
  };
  function compounder(fn) { return function (s) { return _.words(_4.deburr(s)).reduce(fn, ''); }; }
  _.camelCase = compounder(function (r, w, i) { w = w.toLowerCase(); return r + (i ? (w.charAt(0).toUpperCase() + w.slice(1)) : w); });
  _.kebabCase = compounder(function (r, w, i) { return r + (i ? '-' : '') + w.toLowerCase(); });
  _.snakeCase = compounder(function (r, w, i) { return r + (i ? '_' : '') + w.toLowerCase(); });
  _.startCase = compounder(function (r, w, i) { return r + (i ? ' ' : '') + (w.charAt(0).toUpperCase() + w.slice(1)); });
  var esc3 = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };
  var unesc3 = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#96;': '`' };
  _.escape = function (s) { s = s == null ? '' : String(s); return s.replace(/[&<>"'`]/g, function (c) { return esc3[c]; }); };
  _.unescape = function (s) { s = s == null ? '' : String(s); return s.replace(/&(?:amp|lt|gt|quot|#39|#96);/g, function (c) { return unesc3[c]; }); };
  _.sample = function (coll, n) {
    if (n == null) { return _4.sample(coll); }
    return _4.sampleSize(coll, n);
  };
  _.first = _.head = function (a) { return a != null && a.length ? a[0] : undefined; };
  _.template = function (text, options, otherOptions) {
    var imports = options && options.imports;
    var o = _4.assign({}, options, otherOptions);
    o.imports = _4.assign({ _: _ }, imports);
    return _4.template(text, o);
  };

  // ---- chaining (lodash 3 wrappers chain implicitly except for value-returning methods) ----
  function Wrapper(value, chainAll) { this.__wrapped__ = value; this.__chain__ = chainAll; }
  var unchained = ('all any camelCase capitalize clone cloneDeep contains deburr detect endsWith eq escape escapeRegExp every find findIndex findKey findLast findLastIndex findLastKey findWhere first floor get gt gte has head identity include includes indexOf inRange isArguments isArray isBoolean isDate isElement isEmpty isEqual isError isFinite isFunction isMatch isNaN isNative isNull isNumber isObject isPlainObject isRegExp isString isTypedArray isUndefined join kebabCase last lastIndexOf lt lte max min noConflict noop now pad padLeft padRight parseInt random reduce reduceRight repeat result round runInContext shift size snakeCase some sortedIndex sortedLastIndex startCase startsWith sum template trim trimLeft trimRight trunc unescape uniqueId value words').split(' ');
  function addMethod(name, noChain) {
    Wrapper.prototype[name] = function () {
      var r = _[name].apply(_, [this.__wrapped__].concat(slice.call(arguments)));
      return (this.__chain__ || !noChain) ? new Wrapper(r, this.__chain__) : r;
    };
  }
  _.chain = function (v) { var w = _(v); w.__chain__ = true; return w; };
  _.mixin = function (obj, src, opts) {
    if (src == null || typeof obj === 'object' && typeof src !== 'object') { opts = src; src = obj; obj = _; }
    _4.functions(src).forEach(function (name) { obj[name] = src[name]; if (obj === _ && wrapperReady) { addMethod(name, false); } });
    return obj;
  };
  var wrapperReady = false;
  function ensureWrapper() {
    if (wrapperReady) { return; }
    wrapperReady = true;
    Object.keys(_).forEach(function (name) {
      if (typeof _[name] === 'function' && name !== 'chain' && name !== 'mixin' && !Object.prototype.hasOwnProperty.call(Wrapper.prototype, name)) {
        addMethod(name, unchained.indexOf(name) > -1);
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
  Wrapper.prototype.value = Wrapper.prototype.valueOf = Wrapper.prototype.toJSON = Wrapper.prototype.run = function () { return this.__wrapped__; };
  Wrapper.prototype.toString = function () { return String(this.__wrapped__); };
  Wrapper.prototype.commit = function () { return new Wrapper(this.__wrapped__, this.__chain__); };
  _.prototype = Wrapper.prototype;
  return _;
})
