// postie's chai: common assertions beyond equal, eql, property and the
// value properties (which chai.js has): a/an, include, empty,
// above/least/below/most, length, match, oneOf. chai.js registers them and
// calls here on first use.
(function (I) {
  'use strict';

  var hasOwn = Object.prototype.hasOwnProperty;
  var Assertion = I.Assertion, AssertionError = I.AssertionError, checkError = I.checkError;
  var typeOf = I.typeOf, funcName = I.funcName, hasProperty = I.hasProperty, getPathInfo = I.getPathInfo;
  var getFlag = I.getFlag, setFlag = I.setFlag, transferFlags = I.transferFlags;
  var prefix = I.prefix, passes = I.passes, fail = I.fail, inspect = I.inspect;

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

  function assertEmpty() {
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
  }

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

  function assertMatch(re, msg) {
    if (msg) setFlag(this, 'message', msg);
    this.assert(re.exec(getFlag(this, 'object')), 'expected #{this} to match ' + re, 'expected #{this} not to match ' + re);
  }

  function oneOf(list, msg) {
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
  }

  return {
    an: an,
    include: include,
    empty: assertEmpty,
    above: above,
    least: least,
    below: below,
    most: most,
    length: assertLength,
    match: assertMatch,
    oneOf: oneOf
  };
})
