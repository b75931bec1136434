// postie's "assert" module with the messages of assert@2 (Node 10's assert
// ported to browsers), which Postman ships. Evaluates to a function of util.
(function (util) {
  'use strict';
  var inspect = util.inspect;
  var READABLE = {
    deepStrictEqual: 'Expected values to be strictly deep-equal:',
    strictEqual: 'Expected values to be strictly equal:',
    strictEqualObject: 'Expected "actual" to be reference-equal to "expected":',
    deepEqual: 'Expected values to be loosely deep-equal:',
    equal: 'Expected values to be loosely equal:',
    notDeepStrictEqual: 'Expected "actual" not to be strictly deep-equal to:',
    notStrictEqual: 'Expected "actual" to be strictly unequal to:',
    notStrictEqualObject: 'Expected "actual" not to be reference-equal to "expected":',
    notDeepEqual: 'Expected "actual" not to be loosely deep-equal to:',
    notIdentical: 'Values identical but not reference-equal:'
  };
  function inspectValue(v) { return inspect(v, { compact: false, customInspect: false, depth: 1000, maxArrayLength: Infinity, showHidden: false, breakLength: Infinity, showProxy: false, sorted: true, getters: true }); }
  function repeat(s, n) { var r = ''; for (var i = 0; i < n; i++) { r += s; } return r; }

  function errDiff(actual, expected, operator) {
    var a = inspectValue(actual).split('\n'), e = inspectValue(expected).split('\n'), indicator = '', i = 0;
    if (operator === 'strictEqual' && typeof actual === 'object' && actual !== null && typeof expected === 'object' && expected !== null) { operator = 'strictEqualObject'; }
    if (a.length === 1 && e.length === 1 && a[0] !== e[0]) {
      var inputLength = a[0].length + e[0].length;
      if (inputLength <= 10) {
        if ((typeof actual !== 'object' || actual === null) && (typeof expected !== 'object' || expected === null) && (actual !== 0 || expected !== 0)) {
          return READABLE[operator] + '\n\n' + a[0] + ' !== ' + e[0] + '\n';
        }
      } else if (operator !== 'strictEqualObject' && inputLength < 80) {
        while (a[0][i] === e[0][i]) { i++; }
        if (i > 2) { indicator = '\n  ' + repeat(' ', i) + '^'; }
      }
    }
    // Line diff: common prefix/suffix lines unchanged, the middle as +/-.
    var start = 0;
    while (start < a.length && start < e.length && a[start] === e[start]) { start++; }
    var endA = a.length - 1, endE = e.length - 1;
    while (endA >= start && endE >= start && a[endA] === e[endE]) { endA--; endE--; }
    var out = [];
    a.slice(0, start).forEach(function (l) { out.push('  ' + l); });
    a.slice(start, endA + 1).forEach(function (l) { out.push('+ ' + l); });
    e.slice(start, endE + 1).forEach(function (l) { out.push('- ' + l); });
    a.slice(endA + 1).forEach(function (l) { out.push('  ' + l); });
    var header = READABLE[operator] + '\n+ actual - expected';
    if (!out.some(function (l) { return l.charAt(0) !== ' '; })) {
      return READABLE.notIdentical + '\n\n' + a.join('\n') + '\n';
    }
    return header + '\n\n' + out.join('\n') + indicator;
  }

  function AssertionError(options) {
    if (typeof options !== 'object' || options === null) { throw new TypeError('The "options" argument must be of type Object. Received type ' + typeof options); }
    var message = options.message, actual = options.actual, expected = options.expected, operator = options.operator, msg;
    if (message != null) { msg = String(message); } else if (operator === 'deepStrictEqual' || operator === 'strictEqual') {
      msg = errDiff(actual, expected, operator);
    } else if (operator === 'notDeepStrictEqual' || operator === 'notStrictEqual') {
      var base = READABLE[operator], res = inspectValue(actual).split('\n');
      if (operator === 'notStrictEqual' && typeof actual === 'object' && actual !== null) { base = READABLE.notStrictEqualObject; }
      if (res.length > 30) { res[26] = '...'; res.length = 27; }
      msg = res.length === 1 ? base + ' ' + res[0] : base + '\n\n' + res.join('\n') + '\n';
    } else {
      var r = inspectValue(actual), other = inspectValue(expected), known = READABLE[operator];
      if (operator === 'notDeepEqual' && r === other) {
        r = known + '\n\n' + r;
        if (r.length > 1024) { r = r.slice(0, 1021) + '...'; }
        msg = r;
      } else {
        if (r.length > 512) { r = r.slice(0, 509) + '...'; }
        if (other.length > 512) { other = other.slice(0, 509) + '...'; }
        if (operator === 'deepEqual' || operator === 'equal') { r = known + '\n\n' + r + '\n\nshould equal\n\n'; } else { other = ' ' + operator + ' ' + other; }
        msg = r + other;
      }
    }
    var err = new Error(msg);
    Object.setPrototypeOf(err, AssertionError.prototype);
    err.generatedMessage = !message;
    Object.defineProperty(err, 'name', { value: 'AssertionError', enumerable: false, writable: true, configurable: true });
    err.code = 'ERR_ASSERTION';
    err.actual = actual;
    err.expected = expected;
    err.operator = operator;
    return err;
  }
  AssertionError.prototype = Object.create(Error.prototype, { constructor: { value: AssertionError, writable: true, configurable: true } });
  AssertionError.prototype.toString = function () { return this.name + ' [' + this.code + ']: ' + this.message; };

  function innerFail(obj) {
    if (obj.message instanceof Error) { throw obj.message; }
    throw new AssertionError(obj);
  }
  function innerOk(fn, argLen, value, message) {
    if (!value) {
      var generated = false;
      if (argLen === 0) { generated = true; message = 'No value argument passed to `assert.ok()`'; } else if (message instanceof Error) { throw message; }
      var err = new AssertionError({ actual: value, expected: true, message: message, operator: '==' });
      err.generatedMessage = generated;
      throw err;
    }
  }

  // ---- deep equality (Node 10 semantics) ----
  function tag(v) { return Object.prototype.toString.call(v); }
  function isPrimitive(v) { return v === null || (typeof v !== 'object' && typeof v !== 'function'); }
  function ownEnumKeys(o) { return Object.keys(o); }
  function deepEq(a, b, strict, memos) {
    if (a === b) { return a !== 0 || !strict || Object.is(a, b); }
    if (strict) {
      if (typeof a !== 'object') { return typeof a === 'number' && a !== a && b !== b; }
      if (typeof b !== 'object' || a === null || b === null) { return false; }
      if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) { return false; }
    } else {
      if (a === null || typeof a !== 'object') {
        if (b === null || typeof b !== 'object') { return a == b || (a !== a && b !== b); }
        return false;
      }
      if (b === null || typeof b !== 'object') { return false; }
    }
    var ta = tag(a), tb = tag(b);
    if (ta !== tb) { return false; }
    if (Array.isArray(a)) {
      if (!Array.isArray(b) || a.length !== b.length) { return false; }
    } else if (ta === '[object Date]') {
      if (a.getTime() !== b.getTime()) { return false; }
    } else if (ta === '[object RegExp]') {
      if (a.source !== b.source || a.flags !== b.flags) { return false; }
    } else if (a instanceof Error || b instanceof Error) {
      if (a.message !== b.message || a.name !== b.name) { return false; }
    } else if (ArrayBuffer.isView(a)) {
      if (a.length !== b.length) { return false; }
      for (var x = 0; x < a.length; x++) { if (!(strict ? Object.is(a[x], b[x]) : a[x] == b[x])) { return false; } }
    } else if (strict && (ta === '[object Number]' || ta === '[object String]' || ta === '[object Boolean]')) {
      if (!Object.is(a.valueOf(), b.valueOf())) { return false; }
    }
    memos = memos || { a: [], b: [] };
    for (var m = 0; m < memos.a.length; m++) { if (memos.a[m] === a && memos.b[m] === b) { return true; } }
    memos.a.push(a); memos.b.push(b);
    var ka = ownEnumKeys(a), kb = ownEnumKeys(b), ok = ka.length === kb.length;
    for (var i = 0; ok && i < ka.length; i++) {
      if (!Object.prototype.propertyIsEnumerable.call(b, ka[i])) { ok = false; break; }
      ok = deepEq(a[ka[i]], b[ka[i]], strict, memos);
    }
    if (ok && (ta === '[object Map]' || ta === '[object Set]')) {
      ok = a.size === b.size && deepEq(Array.from(a), Array.from(b), strict, memos);
    }
    memos.a.pop(); memos.b.pop();
    return ok;
  }

  function assert() { innerOk(assert, arguments.length, arguments[0], arguments[1]); }
  assert.ok = function ok() { innerOk(ok, arguments.length, arguments[0], arguments[1]); };
  assert.AssertionError = AssertionError;
  assert.fail = function (actual, expected, message, operator) {
    var argsLen = arguments.length, internal = false;
    if (argsLen === 0) { internal = true; message = 'Failed'; } else if (argsLen === 1) { message = actual; actual = undefined; } else if (argsLen === 2) { operator = '!='; }
    if (message instanceof Error) { throw message; }
    var err = new AssertionError({ actual: actual, expected: expected, operator: operator === undefined ? 'fail' : operator, message: message });
    if (internal) { err.generatedMessage = true; }
    throw err;
  };
  // assert@2 words this message oddly ("and \"undefined\""); kept for fidelity.
  function checkArgs(n) { if (n < 2) { var e = new TypeError('The "actual", "expected", and "undefined" arguments must be specified'); e.code = 'ERR_MISSING_ARGS'; throw e; } }
  assert.equal = function (actual, expected, message) {
    checkArgs(arguments.length);
    if (actual != expected && !(actual !== actual && expected !== expected)) { innerFail({ actual: actual, expected: expected, message: message, operator: '==' }); }
  };
  assert.notEqual = function (actual, expected, message) {
    checkArgs(arguments.length);
    if (actual == expected || (actual !== actual && expected !== expected)) { innerFail({ actual: actual, expected: expected, message: message, operator: '!=' }); }
  };
  assert.strictEqual = function (actual, expected, message) {
    checkArgs(arguments.length);
    if (!Object.is(actual, expected)) { innerFail({ actual: actual, expected: expected, message: message, operator: 'strictEqual' }); }
  };
  assert.notStrictEqual = function (actual, expected, message) {
    checkArgs(arguments.length);
    if (Object.is(actual, expected)) { innerFail({ actual: actual, expected: expected, message: message, operator: 'notStrictEqual' }); }
  };
  assert.deepEqual = function (actual, expected, message) {
    checkArgs(arguments.length);
    if (!deepEq(actual, expected, false)) { innerFail({ actual: actual, expected: expected, message: message, operator: 'deepEqual' }); }
  };
  assert.notDeepEqual = function (actual, expected, message) {
    checkArgs(arguments.length);
    if (deepEq(actual, expected, false)) { innerFail({ actual: actual, expected: expected, message: message, operator: 'notDeepEqual' }); }
  };
  assert.deepStrictEqual = function (actual, expected, message) {
    checkArgs(arguments.length);
    if (!deepEq(actual, expected, true)) { innerFail({ actual: actual, expected: expected, message: message, operator: 'deepStrictEqual' }); }
  };
  assert.notDeepStrictEqual = function (actual, expected, message) {
    checkArgs(arguments.length);
    if (deepEq(actual, expected, true)) { innerFail({ actual: actual, expected: expected, message: message, operator: 'notDeepStrictEqual' }); }
  };
  function getActual(fn) {
    if (typeof fn !== 'function') { var e = new TypeError('The "fn" argument must be of type Function. Received type ' + typeof fn); e.code = 'ERR_INVALID_ARG_TYPE'; throw e; }
    try { fn(); } catch (err) { return { err: err }; }
    return null;
  }
  function expectedMatches(actual, expected) {
    if (typeof expected !== 'function') {
      if (expected && tag(expected) === '[object RegExp]') { return expected.test(String(actual)); }
      if (expected && typeof expected === 'object') {
        return Object.keys(expected).every(function (k) {
          if (tag(expected[k]) === '[object RegExp]' && typeof actual[k] === 'string') { return expected[k].test(actual[k]); }
          return deepEq(actual[k], expected[k], true);
        });
      }
      return false;
    }
    if (expected.prototype !== undefined && actual instanceof expected) { return true; }
    if (Error.isPrototypeOf(expected)) { return false; }
    return expected.call({}, actual) === true;
  }
  assert.throws = function (fn, expected, message) {
    if (typeof expected === 'string') { message = expected; expected = undefined; }
    var r = getActual(fn);
    if (!r) {
      var details = '';
      if (expected && expected.name) { details += ' (' + expected.name + ')'; }
      details += message ? ': ' + message : '.';
      innerFail({ actual: undefined, expected: expected, operator: 'throws', message: 'Missing expected exception' + details });
    }
    if (expected && !expectedMatches(r.err, expected)) { throw r.err; }
  };
  assert.doesNotThrow = function (fn, expected, message) {
    if (typeof expected === 'string') { message = expected; expected = undefined; }
    var r = getActual(fn);
    if (!r) { return; }
    if (!expected || expectedMatches(r.err, expected)) {
      var details = message ? ': ' + message : '.';
      innerFail({ actual: r.err, expected: expected, operator: 'doesNotThrow', message: 'Got unwanted exception' + details + '\nActual message: "' + (r.err && r.err.message) + '"' });
    }
    throw r.err;
  };
  assert.rejects = function (promiseFn, expected, message) {
    var p = typeof promiseFn === 'function' ? promiseFn() : promiseFn;
    return Promise.resolve(p).then(function () {
      if (typeof expected === 'string') { message = expected; expected = undefined; }
      innerFail({ actual: undefined, expected: expected, operator: 'rejects', message: 'Missing expected rejection' + (expected && expected.name ? ' (' + expected.name + ')' : '') + (message ? ': ' + message : '.') });
    }, function (err) { if (expected && typeof expected !== 'string' && !expectedMatches(err, expected)) { throw err; } });
  };
  assert.doesNotReject = function (promiseFn, expected, message) {
    var p = typeof promiseFn === 'function' ? promiseFn() : promiseFn;
    return Promise.resolve(p).then(function () {}, function (err) {
      innerFail({ actual: err, expected: expected, operator: 'doesNotReject', message: 'Got unwanted rejection.\nActual message: "' + (err && err.message) + '"' });
    });
  };
  assert.ifError = function (err) {
    if (err !== null && err !== undefined) {
      var message = 'ifError got unwanted exception: ';
      message += (typeof err === 'object' && typeof err.message === 'string') ? (err.message.length === 0 && err.constructor ? err.constructor.name : err.message) : inspect(err);
      var e = new AssertionError({ actual: err, expected: null, operator: 'ifError', message: message });
      e.generatedMessage = false;
      throw e;
    }
  };
  assert.match = function (string, regexp, message) {
    if (typeof string !== 'string' || !regexp.test(string)) {
      innerFail({ actual: string, expected: regexp, operator: 'match', message: message || ('The input did not match the regular expression ' + inspect(regexp) + '. Input:\n\n' + inspect(string) + '\n') });
    }
  };
  assert.doesNotMatch = function (string, regexp, message) {
    if (typeof string === 'string' && regexp.test(string)) {
      innerFail({ actual: string, expected: regexp, operator: 'doesNotMatch', message: message || ('The input was expected to not match the regular expression ' + inspect(regexp) + '. Input:\n\n' + inspect(string) + '\n') });
    }
  };
  function strict() { innerOk(strict, arguments.length, arguments[0], arguments[1]); }
  Object.keys(assert).forEach(function (k) { strict[k] = assert[k]; });
  strict.equal = assert.strictEqual; strict.deepEqual = assert.deepStrictEqual;
  strict.notEqual = assert.notStrictEqual; strict.notDeepEqual = assert.notDeepStrictEqual;
  strict.strict = strict;
  assert.strict = strict;
  return assert;
})
