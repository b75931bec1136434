// postie's chai-compatible assertion library. Written for postie from chai
// 4.x's documented behaviour (BDD expect, assert basics, plugins); failure
// messages and value inspection follow chai 4.4 / loupe 2.3 so that test
// results read exactly as under Newman.
(function (hasNoOwnKeys, loadPart) {
  'use strict';

  var toStr = Object.prototype.toString;
  var hasOwn = Object.prototype.hasOwnProperty;

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
  // ------------------------------------------------------------ lazy parts

  // This file is chai's machinery; the rest lives in parts that are
  // compiled and run on first use (chai.go lists them): the common
  // assertions (chai-assertions.js), value inspection and failure messages
  // (chai-inspect.js, needed to word a failure), deep-eql beyond identical
  // and primitive values (chai-deepeql.js), the rarely used assertions
  // (chai-more.js) and the assert interface (chai-assert.js). Every
  // assertion is registered here, in chai's order, as a function calling
  // into its part. loadPart(name) returns a part's factory, which is called
  // once with the internals the parts share.

  var ASSERTIONS = 'chai-assertions.js', INSPECT = 'chai-inspect.js', DEEPEQL = 'chai-deepeql.js', MORE = 'chai-more.js', ASSERT = 'chai-assert.js';
  var parts = Object.create(null);

  function part(name) {
    return parts[name] || (parts[name] = loadPart(name)(internals));
  }

  // lazy returns a function that calls export key of part name.
  function lazy(name, key) {
    return function (...args) { return part(name)[key].apply(this, args); };
  }

  function inspect(obj) { return part(INSPECT).inspect(obj); }
  function objDisplay(obj) { return part(INSPECT).objDisplay(obj); }
  function compareByInspect(a, b) { return part(INSPECT).compareByInspect(a, b); }

  // ---------------------------------------------------------------- deep-eql
  function isPrimitive(v) { return v === null || typeof v !== 'object'; }

  function simpleEqual(a, b) {
    if (a === b) return a !== 0 || 1 / a === 1 / b;
    if (a !== a && b !== b) return true;
    if (isPrimitive(a) || isPrimitive(b)) return false;
    return null;
  }
  // eql is deep-eql's deepEqual; chai-deepeql.js compares what
  // simpleEqual cannot decide.
  function eql(a, b, options) {
    if (!(options && options.comparator)) {
      var s = simpleEqual(a, b);
      if (s !== null) return s;
    }
    return part(DEEPEQL).extensiveEqual(a, b, options);
  }
  // ------------------------------------------------------------------ paths

  function hasProperty(obj, name) {
    if (obj === undefined || obj === null) return false;
    return name in Object(obj);
  }
  function getPathInfo(obj, path) { return part(MORE).getPathInfo(obj, path); }
  function getPathValue(obj, path) { return part(MORE).getPathValue(obj, path); }
  // ------------------------------------------------------------- check-error

  // util.checkError: check-error's functions, in chai-more.js.
  var checkError = {};
  ['compatibleInstance', 'compatibleConstructor', 'compatibleMessage', 'getConstructorName', 'getMessage'].forEach(function (key) {
    checkError[key] = function (...args) { return part(MORE).checkError[key].apply(this, args); };
  });

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

  // util.proxify is in chai-more.js.
  var proxify = lazy(MORE, 'proxify');

  function getProperties(obj) { return part(INSPECT).getProperties(obj); }

  // invalidProperty throws chai's error for a property that obj (the
  // assertion or chainable method it was read from) does not have;
  // methodName is set for non-chainable methods.
  function invalidProperty(obj, property, methodName) {
    part(INSPECT).invalidProperty(obj, property, methodName);
  }
  // chainEnd returns the object to put at the end of a prototype chain, just
  // before parent, so that reading a property nothing in the chain has
  // throws chai's "Invalid Chai property" error. Chai wraps every assertion
  // and method in a Proxy instead; one Proxy that only sees the misses
  // reports the same errors without slowing down every property read.
  // Reads from owner (Assertion.prototype, not proxied in chai) pass.
  // Without a methodName, the method read from is looked up (methodNameOf).
  function chainEnd(parent, methodName, owner) {
    return new Proxy(Object.create(parent), {
      get: function (target, property, receiver) {
        if (typeof property === 'string' && receiver !== owner && property !== '__flags' && isProxyEnabled() && config.proxyExcludedKeys.indexOf(property) === -1 && !Reflect.has(target, property)) {
          invalidProperty(receiver, property, methodName === undefined ? methodNameOf(receiver) : methodName);
        }
        return Reflect.get(target, property, receiver);
      }
    });
  }

  // The functions addMethod makes share one chain end and one length
  // getter, which find the method's name here, rather than each having
  // its own Proxy and getter.
  var methodNames = new WeakMap();
  var methodEnd = null;
  var methodLength = {
    configurable: true,
    get: function () {
      var name = methodNameOf(this);
      throw Error('Invalid Chai property: ' + name + '.length. See docs for proper usage of "' + name + '".');
    }
  };

  function methodNameOf(fn) {
    for (var o = fn; o !== null && o !== undefined; o = Object.getPrototypeOf(o)) {
      var name = methodNames.get(o);
      if (name !== undefined) return name;
    }
    return null;
  }

  // guardMethod makes reading an unknown property of method fn, or its
  // length, throw as chai's proxied methods do.
  function guardMethod(fn, name) {
    methodNames.set(fn, name);
    Object.defineProperty(fn, 'length', methodLength);
    Object.setPrototypeOf(fn, methodEnd || (methodEnd = chainEnd(Function.prototype)));
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

  // The overwrite functions (for plugins) are in chai-more.js.
  var overwriteProperty = lazy(MORE, 'overwriteProperty');
  var overwriteMethod = lazy(MORE, 'overwriteMethod');
  var overwriteChainableMethod = lazy(MORE, 'overwriteChainableMethod');

  function getActual(obj, args) {
    return args.length > 4 ? args[4] : obj._obj;
  }

  // Messages and operators are worded, in chai-inspect.js, only when an
  // assertion fails.
  function getMessage(obj, args) { return part(INSPECT).getMessage(obj, args); }
  function getOperator(obj, args) { return part(INSPECT).getOperator(obj, args); }

  function test(obj, args) {
    var negate = getFlag(obj, 'negate');
    var expr = args[0];
    return negate ? !expr : expr;
  }

  function expectTypes(obj, types) { part(INSPECT).expectTypes(obj, types); }

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

  // Most assertions are in parts: chai-assertions.js (other common ones)
  // and chai-more.js (the rarely used); this file has only the value
  // properties, equal, eql and property. lazyMethod and lazyProperty register export key of
  // part file under each of names, in chai's order, as addMethod and
  // addProperty would register it, with one function each.
  function lazyMethod(file, key, ...names) {
    for (var i = 0; i < names.length; i++) {
      var wrapper = function (...args) {
        var r = part(file)[key].apply(this, args);
        return r !== undefined ? r : nextAssertion(this);
      };
      A.prototype[names[i]] = guardMethod(wrapper, names[i]);
    }
  }

  function lazyProperty(file, key, ...names) {
    for (var i = 0; i < names.length; i++) {
      Object.defineProperty(A.prototype, names[i], {
        configurable: true,
        get: function () {
          var r = part(file)[key].call(this);
          return r !== undefined ? r : nextAssertion(this);
        }
      });
    }
  }

  var an = lazy(ASSERTIONS, 'an');
  A.addChainableMethod('an', an);
  A.addChainableMethod('a', an);

  var include = lazy(ASSERTIONS, 'include');
  function includeChain() { setFlag(this, 'contains', true); }
  ['include', 'contain', 'contains', 'includes'].forEach(function (n) { A.addChainableMethod(n, include, includeChain); });

  function assertOk() {
    this.assert(getFlag(this, 'object'), 'expected #{this} to be truthy', 'expected #{this} to be falsy');
  }
  function assertTrue() {
    this.assert(getFlag(this, 'object') === true, 'expected #{this} to be true', 'expected #{this} to be false', !getFlag(this, 'negate'));
  }
  function assertFalse() {
    this.assert(getFlag(this, 'object') === false, 'expected #{this} to be false', 'expected #{this} to be true', !!getFlag(this, 'negate'));
  }
  function assertNull() {
    this.assert(getFlag(this, 'object') === null, 'expected #{this} to be null', 'expected #{this} not to be null');
  }
  function assertUndefined() {
    this.assert(getFlag(this, 'object') === undefined, 'expected #{this} to be undefined', 'expected #{this} not to be undefined');
  }
  function assertNaN() {
    var v = getFlag(this, 'object');
    this.assert(v !== v, 'expected #{this} to be NaN', 'expected #{this} not to be NaN');
  }
  function exist() {
    var v = getFlag(this, 'object');
    this.assert(v !== null && v !== undefined, 'expected #{this} to exist', 'expected #{this} to not exist');
  }

  A.addProperty('ok', assertOk);
  A.addProperty('true', assertTrue);
  A.addProperty('false', assertFalse);
  A.addProperty('null', assertNull);
  A.addProperty('undefined', assertUndefined);
  A.addProperty('NaN', assertNaN);
  A.addProperty('exist', exist);
  A.addProperty('exists', exist);
  lazyProperty(ASSERTIONS, 'empty', 'empty');
  lazyProperty(MORE, 'checkArguments', 'arguments', 'Arguments');

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

  function assertEql(obj, msg) {
    if (msg) setFlag(this, 'message', msg);
    this.assert(getFlag(this, 'eql')(obj, getFlag(this, 'object')),
      'expected #{this} to deeply equal #{exp}', 'expected #{this} to not deeply equal #{exp}', obj, this._obj, true);
  }

  ['equal', 'equals', 'eq'].forEach(function (n) { A.addMethod(n, assertEqual); });
  A.addMethod('eql', assertEql);
  A.addMethod('eqls', assertEql);

  lazyMethod(ASSERTIONS, 'above', 'above', 'gt', 'greaterThan');
  lazyMethod(ASSERTIONS, 'least', 'least', 'gte', 'greaterThanOrEqual');
  lazyMethod(ASSERTIONS, 'below', 'below', 'lt', 'lessThan');
  lazyMethod(ASSERTIONS, 'most', 'most', 'lte', 'lessThanOrEqual');
  lazyMethod(MORE, 'within', 'within');
  lazyMethod(MORE, 'instanceOf', 'instanceof', 'instanceOf');

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
  function ownProperty(...args) {
    setFlag(this, 'own', true);
    assertProperty.apply(this, args);
  }

  A.addMethod('property', assertProperty);
  A.addMethod('ownProperty', ownProperty);
  A.addMethod('haveOwnProperty', ownProperty);

  lazyMethod(MORE, 'ownPropertyDescriptor', 'ownPropertyDescriptor', 'haveOwnPropertyDescriptor');

  var assertLength = lazy(ASSERTIONS, 'length');
  function lengthChain() { setFlag(this, 'doLength', true); }
  A.addChainableMethod('length', assertLength, lengthChain);
  A.addChainableMethod('lengthOf', assertLength, lengthChain);

  lazyMethod(ASSERTIONS, 'match', 'match', 'matches');
  lazyMethod(MORE, 'string', 'string');
  lazyMethod(MORE, 'keys', 'keys', 'key');
  lazyMethod(MORE, 'throws', 'throw', 'throws', 'Throw');
  lazyMethod(MORE, 'respondTo', 'respondTo', 'respondsTo');
  A.addProperty('itself', function () { setFlag(this, 'itself', true); });
  lazyMethod(MORE, 'satisfy', 'satisfy', 'satisfies');
  lazyMethod(MORE, 'closeTo', 'closeTo', 'approximately');
  lazyMethod(MORE, 'members', 'members');
  lazyMethod(ASSERTIONS, 'oneOf', 'oneOf');
  lazyMethod(MORE, 'change', 'change', 'changes');
  lazyMethod(MORE, 'increase', 'increase', 'increases');
  lazyMethod(MORE, 'decrease', 'decrease', 'decreases');
  lazyMethod(MORE, 'by', 'by');
  lazyProperty(MORE, 'extensible', 'extensible');
  lazyProperty(MORE, 'sealed', 'sealed');
  lazyProperty(MORE, 'frozen', 'frozen');
  lazyProperty(MORE, 'finite', 'finite');

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

  // chai.assert is built on first read, then becomes the plain data
  // property chai has; assigning it first replaces it unread.
  function setAssert(obj, value) {
    Object.defineProperty(obj, 'assert', { value: value, writable: true, enumerable: true, configurable: true });
  }
  Object.defineProperty(chai, 'assert', {
    enumerable: true,
    configurable: true,
    get: function () {
      var assert = part(ASSERT);
      setAssert(chai, assert);
      return assert;
    },
    set: function (v) { setAssert(this, v); }
  });

  // internals are what the lazy parts share with the core.
  var internals = {
    config: config,
    AssertionError: AssertionError,
    Assertion: Assertion,
    typeOf: typeOf,
    funcName: funcName,
    isPrimitive: isPrimitive,
    simpleEqual: simpleEqual,
    hasProperty: hasProperty,
    checkError: checkError,
    getFlag: getFlag,
    transferFlags: transferFlags,
    getPathInfo: getPathInfo,
    prefix: prefix,
    getActual: getActual,
    nextAssertion: nextAssertion,
    guardMethod: guardMethod,
    invalidProperty: invalidProperty,
    isProxyEnabled: isProxyEnabled,
    setFlag: setFlag,
    ownEnumerableProperties: ownEnumerableProperties,
    inspect: inspect,
    objDisplay: objDisplay,
    compareByInspect: compareByInspect,
    passes: passes,
    fail: fail
  };

  return chai;
})
