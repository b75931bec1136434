(function (I) {
  'use strict';
  // chai's assert interface, built when chai.assert is first read.

  var Assertion = I.Assertion, AssertionError = I.AssertionError, getFlag = I.getFlag;

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

  return assert;
})
