(function (I) {
  'use strict';
  // The assertions a passing Postman test seldom uses, and nested property
  // paths: chai.js registers these names and calls here on first use.

  var Assertion = I.Assertion, typeOf = I.typeOf, funcName = I.funcName;
  var nextAssertion = I.nextAssertion, guardMethod = I.guardMethod;
  var config = I.config, invalidProperty = I.invalidProperty, isProxyEnabled = I.isProxyEnabled;
  var getFlag = I.getFlag, setFlag = I.setFlag, hasProperty = I.hasProperty;
  var ownEnumerableProperties = I.ownEnumerableProperties, passes = I.passes, fail = I.fail;
  var inspect = I.inspect, objDisplay = I.objDisplay, compareByInspect = I.compareByInspect;

  // ------------------------------------------------------------------ paths

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

  // ----------------------------------------------------------- overwriting

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

  // ---------------------------------------------------------------- proxify

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

  function proxify(obj, methodName) {
    if (!isProxyEnabled()) return obj;
    return new Proxy(obj, methodName ? proxyHandler(methodName) : sharedHandler);
  }

  // ------------------------------------------------------------- assertions

  function checkArguments() {
    var t = typeOf(getFlag(this, 'object'));
    this.assert(t === 'Arguments', 'expected #{this} to be arguments but got ' + t, 'expected #{this} to not be arguments');
  }
  function within(start, finish, msg) {
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
  }

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
  function string(str, msg) {
    if (msg) setFlag(this, 'message', msg);
    var obj = getFlag(this, 'object');
    if (typeOf(obj).toLowerCase() !== 'string') new Assertion(obj, getFlag(this, 'message'), getFlag(this, 'ssfi'), true).is.a('string');
    var found = ~obj.indexOf(str);
    var ok = passes(this, found);
    this.assert(found, ok ? '' : 'expected #{this} to contain ' + inspect(str), ok ? '' : 'expected #{this} to not contain ' + inspect(str));
  }

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

  function respondTo(method, msg) {
    if (msg) setFlag(this, 'message', msg);
    var obj = getFlag(this, 'object');
    var itself = getFlag(this, 'itself');
    var ctx = typeof obj === 'function' && !itself ? obj.prototype[method] : obj[method];
    var ok = passes(this, typeof ctx === 'function');
    this.assert(typeof ctx === 'function', ok ? '' : 'expected #{this} to respond to ' + inspect(method), ok ? '' : 'expected #{this} to not respond to ' + inspect(method));
  }
  function satisfy(matcher, msg) {
    if (msg) setFlag(this, 'message', msg);
    var result = matcher(getFlag(this, 'object'));
    var ok = passes(this, result);
    this.assert(result, ok ? '' : 'expected #{this} to satisfy ' + objDisplay(matcher), ok ? '' : 'expected #{this} to not satisfy' + objDisplay(matcher),
      !getFlag(this, 'negate'), result);
  }

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

  function members(subset, msg) {
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
  }

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
  function by(d, msg) {
    if (msg) setFlag(this, 'message', msg);
    var msgObj = getFlag(this, 'deltaMsgObj');
    var behavior = getFlag(this, 'deltaBehavior');
    var expr = behavior === 'change'
      ? Math.abs(getFlag(this, 'finalDeltaValue') - getFlag(this, 'initialDeltaValue')) === Math.abs(d)
      : getFlag(this, 'realDelta') === Math.abs(d);
    this.assert(expr, 'expected ' + msgObj + ' to ' + behavior + ' by ' + d, 'expected ' + msgObj + ' to not ' + behavior + ' by ' + d);
  }

  function extensible() {
    var o = getFlag(this, 'object');
    this.assert(o === Object(o) && Object.isExtensible(o), 'expected #{this} to be extensible', 'expected #{this} to not be extensible');
  }
  function sealed() {
    var o = getFlag(this, 'object');
    this.assert(o === Object(o) ? Object.isSealed(o) : true, 'expected #{this} to be sealed', 'expected #{this} to not be sealed');
  }
  function frozen() {
    var o = getFlag(this, 'object');
    this.assert(o === Object(o) ? Object.isFrozen(o) : true, 'expected #{this} to be frozen', 'expected #{this} to not be frozen');
  }
  function finite() {
    var o = getFlag(this, 'object');
    this.assert(typeof o === 'number' && isFinite(o), 'expected #{this} to be a finite number', 'expected #{this} to not be a finite number');
  }

  return {
    getPathInfo: getPathInfo,
    checkError: checkError,
    overwriteProperty: overwriteProperty,
    overwriteMethod: overwriteMethod,
    overwriteChainableMethod: overwriteChainableMethod,
    proxify: proxify,
    getPathValue: getPathValue,
    checkArguments: checkArguments,
    within: within,
    instanceOf: instanceOf,
    ownPropertyDescriptor: ownPropertyDescriptor,
    string: string,
    keys: assertKeys,
    throws: assertThrows,
    respondTo: respondTo,
    satisfy: satisfy,
    closeTo: closeTo,
    members: members,
    change: delta('change'),
    increase: delta('increase'),
    decrease: delta('decrease'),
    by: by,
    extensible: extensible,
    sealed: sealed,
    frozen: frozen,
    finite: finite
  };
})
