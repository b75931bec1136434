// postie's "util" module: the browser util (0.10/0.12) API Postman ships:
// format, inspect, inherits, promisify, deprecate, is* helpers, types.
(function () {
  'use strict';
  var exports = {};
  function isString(v) { return typeof v === 'string'; }
  function isObject(v) { return typeof v === 'object' && v !== null; }
  function isFunction(v) { return typeof v === 'function'; }
  function tag(v) { return Object.prototype.toString.call(v); }
  function isDate(v) { return isObject(v) && tag(v) === '[object Date]'; }
  function isRegExp(v) { return isObject(v) && tag(v) === '[object RegExp]'; }
  function isError(v) { return isObject(v) && (tag(v) === '[object Error]' || v instanceof Error); }
  function isPrimitive(v) { return v === null || (typeof v !== 'object' && typeof v !== 'function'); }

  function format(f) {
    var i, args = arguments, len = args.length, out;
    if (!isString(f)) {
      out = [];
      for (i = 0; i < len; i++) { out.push(inspect(args[i])); }
      return out.join(' ');
    }
    i = 1;
    var str = String(f).replace(/%[sdj%]/g, function (x) {
      if (x === '%%') { return '%'; }
      if (i >= len) { return x; }
      switch (x) {
        case '%s': return String(args[i++]);
        case '%d': return String(Number(args[i++]));
        case '%j': try { return JSON.stringify(args[i++]); } catch (e) { return '[Circular]'; }
      }
      return x;
    });
    for (; i < len; i++) {
      var x = args[i];
      str += (x === null || !isObject(x)) ? ' ' + x : ' ' + inspect(x);
    }
    return str;
  }

  function inspect(obj, opts) {
    var ctx = { seen: [], showHidden: false, depth: 2, customInspect: true };
    if (arguments.length >= 3) { ctx.depth = arguments[2]; }
    if (typeof opts === 'boolean') { ctx.showHidden = opts; } else if (opts) { Object.keys(opts).forEach(function (k) { ctx[k] = opts[k]; }); }
    if (ctx.depth === undefined) { ctx.depth = 2; }
    return formatValue(ctx, obj, ctx.depth);
  }
  inspect.colors = {}; inspect.styles = {};
  inspect.custom = typeof Symbol === 'function' ? Symbol['for']('nodejs.util.inspect.custom') : 'inspect';

  function quote(s) {
    return "'" + JSON.stringify(s).replace(/^"|"$/g, '').replace(/'/g, "\\'").replace(/\\"/g, '"') + "'";
  }
  function formatPrimitive(v) {
    switch (typeof v) {
      case 'undefined': return 'undefined';
      case 'string': return quote(v);
      case 'number': return '' + v;
      case 'boolean': return String(v);
      case 'symbol': return v.toString();
      case 'bigint': return String(v) + 'n';
    }
    if (v === null) { return 'null'; }
    return undefined;
  }
  function formatError(v) { return '[' + Error.prototype.toString.call(v) + ']'; }
  function formatValue(ctx, value, depth) {
    if (ctx.customInspect && value && isFunction(value.inspect) && value.inspect !== inspect && !(value.constructor && value.constructor.prototype === value)) {
      var r = value.inspect(depth, ctx);
      return isString(r) ? r : formatValue(ctx, r, depth);
    }
    var prim = formatPrimitive(value);
    if (prim !== undefined) { return prim; }
    var keys = Object.keys(value);
    if (ctx.showHidden) { keys = Object.getOwnPropertyNames(value); }
    if (isError(value) && (keys.indexOf('message') >= 0 || keys.indexOf('description') >= 0)) { return formatError(value); }
    if (keys.length === 0) {
      if (isFunction(value)) { return '[Function' + (value.name ? ': ' + value.name : '') + ']'; }
      if (isRegExp(value)) { return RegExp.prototype.toString.call(value); }
      if (isDate(value)) { return Date.prototype.toString.call(value); }
      if (isError(value)) { return formatError(value); }
    }
    var base = '', array = false, braces = ['{', '}'];
    if (Array.isArray(value)) { array = true; braces = ['[', ']']; }
    if (isFunction(value)) { base = ' [Function' + (value.name ? ': ' + value.name : '') + ']'; }
    if (isRegExp(value)) { base = ' ' + RegExp.prototype.toString.call(value); }
    if (isDate(value)) { base = ' ' + Date.prototype.toUTCString.call(value); }
    if (isError(value)) { base = ' ' + formatError(value); }
    if (keys.length === 0 && (!array || value.length === 0)) { return braces[0] + base + braces[1]; }
    if (depth < 0) {
      if (isRegExp(value)) { return RegExp.prototype.toString.call(value); }
      return '[Object]';
    }
    ctx.seen.push(value);
    var output;
    if (array) {
      output = [];
      for (var i = 0; i < value.length; i++) {
        if (Object.prototype.hasOwnProperty.call(value, String(i))) { output.push(formatProperty(ctx, value, depth, String(i), true)); } else { output.push(''); }
      }
      keys.forEach(function (k) { if (!/^\d+$/.test(k)) { output.push(formatProperty(ctx, value, depth, k, true)); } });
    } else {
      output = keys.map(function (k) { return formatProperty(ctx, value, depth, k, false); });
    }
    ctx.seen.pop();
    var length = output.reduce(function (prev, cur) { return prev + cur.length + 1; }, 0);
    if (length > 60) {
      return braces[0] + (base === '' ? '' : base + '\n ') + ' ' + output.join(',\n  ') + ' ' + braces[1];
    }
    return braces[0] + base + ' ' + output.join(', ') + ' ' + braces[1];
  }
  function formatProperty(ctx, value, depth, key, array) {
    var name, str, desc = Object.getOwnPropertyDescriptor(value, key) || { value: value[key] };
    if (desc.get) { str = desc.set ? '[Getter/Setter]' : '[Getter]'; } else if (desc.set) { str = '[Setter]'; }
    if (!Object.prototype.hasOwnProperty.call(value, key)) { name = '[' + key + ']'; }
    if (!str) {
      if (ctx.seen.indexOf(desc.value) < 0) {
        str = depth === null ? formatValue(ctx, desc.value, null) : formatValue(ctx, desc.value, depth - 1);
        if (str.indexOf('\n') > -1) {
          if (array) {
            str = str.split('\n').map(function (l) { return '  ' + l; }).join('\n').substr(2);
          } else {
            str = '\n' + str.split('\n').map(function (l) { return '   ' + l; }).join('\n');
          }
        }
      } else { str = '[Circular]'; }
    }
    if (name === undefined) {
      if (array && /^\d+$/.test(key)) { return str; }
      name = JSON.stringify('' + key);
      if (/^"([a-zA-Z_][a-zA-Z_0-9]*)"$/.test(name)) { name = name.substr(1, name.length - 2); } else {
        name = name.replace(/'/g, "\\'").replace(/\\"/g, '"').replace(/(^"|"$)/g, "'");
      }
    }
    return name + ': ' + str;
  }

  exports.format = format;
  exports.inspect = inspect;
  exports.inherits = function (ctor, superCtor) {
    if (superCtor) {
      ctor.super_ = superCtor;
      ctor.prototype = Object.create(superCtor.prototype, { constructor: { value: ctor, enumerable: false, writable: true, configurable: true } });
    }
  };
  // debuglog's output is enabled by NODE_DEBUG, which the sandbox never has.
  exports.debuglog = function () { return function () {}; };
  exports.deprecate = function (fn, msg) {
    var warned = false;
    return function () {
      if (!warned) { warned = true; if (typeof console !== 'undefined' && console.warn) { console.warn(msg); } }
      return fn.apply(this, arguments);
    };
  };
  var kCustomPromisify = typeof Symbol === 'function' ? Symbol['for']('nodejs.util.promisify.custom') : undefined;
  exports.promisify = function (original) {
    if (typeof original !== 'function') { throw new TypeError('The "original" argument must be of type Function'); }
    if (kCustomPromisify && original[kCustomPromisify]) { return original[kCustomPromisify]; }
    function fn() {
      var args = Array.prototype.slice.call(arguments), self = this;
      return new Promise(function (resolve, reject) {
        args.push(function (err, value) { if (err) { reject(err); } else { resolve(value); } });
        original.apply(self, args);
      });
    }
    Object.setPrototypeOf(fn, Object.getPrototypeOf(original));
    return fn;
  };
  exports.promisify.custom = kCustomPromisify;
  exports.callbackify = function (original) {
    return function () {
      var args = Array.prototype.slice.call(arguments), cb = args.pop(), self = this;
      original.apply(this, args).then(function (v) { cb(null, v); }, function (e) { cb(e); });
    };
  };
  exports._extend = function (origin, add) {
    if (!add || !isObject(add)) { return origin; }
    var keys = Object.keys(add), i = keys.length;
    while (i--) { origin[keys[i]] = add[keys[i]]; }
    return origin;
  };
  exports.isArray = Array.isArray;
  exports.isBoolean = function (v) { return typeof v === 'boolean'; };
  exports.isNull = function (v) { return v === null; };
  exports.isNullOrUndefined = function (v) { return v == null; };
  exports.isNumber = function (v) { return typeof v === 'number'; };
  exports.isString = isString;
  exports.isSymbol = function (v) { return typeof v === 'symbol'; };
  exports.isUndefined = function (v) { return v === undefined; };
  exports.isRegExp = isRegExp;
  exports.isObject = isObject;
  exports.isDate = isDate;
  exports.isError = isError;
  exports.isFunction = isFunction;
  exports.isPrimitive = isPrimitive;
  exports.isBuffer = function (v) { return typeof Buffer !== 'undefined' && Buffer.isBuffer(v); };
  exports.log = function () {
    var d = new Date(), pad = function (n) { return n < 10 ? '0' + n : String(n); };
    var months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    var ts = d.getDate() + ' ' + months[d.getMonth()] + ' ' + [pad(d.getHours()), pad(d.getMinutes()), pad(d.getSeconds())].join(':');
    console.log('%s - %s', ts, format.apply(null, arguments));
  };
  exports.types = {
    isDate: isDate, isRegExp: isRegExp,
    isPromise: function (v) { return v instanceof Promise; },
    isMap: function (v) { return tag(v) === '[object Map]'; },
    isSet: function (v) { return tag(v) === '[object Set]'; },
    isTypedArray: function (v) { return ArrayBuffer.isView(v) && !(v instanceof DataView); },
    isUint8Array: function (v) { return v instanceof Uint8Array; },
    isArrayBuffer: function (v) { return v instanceof ArrayBuffer; },
    isNativeError: function (v) { return v instanceof Error; },
    isAsyncFunction: function (v) { return tag(v) === '[object AsyncFunction]'; },
    isGeneratorFunction: function (v) { return tag(v) === '[object GeneratorFunction]'; }
  };
  if (typeof TextEncoder !== 'undefined') { exports.TextEncoder = TextEncoder; }
  if (typeof TextDecoder !== 'undefined') { exports.TextDecoder = TextDecoder; }
  return exports;
})()
