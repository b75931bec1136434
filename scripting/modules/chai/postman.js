// postie's Postman assertions for chai: to.have.status, header, body,
// jsonBody, jsonSchema, responseTime, responseSize and the status-class
// properties, with the failure messages Postman's sandbox (chai-postman 2)
// produces. Written for postie from that plugin's documented behaviour.
//
// Responses and requests are recognised as the postman-collection SDK
// does: by _postman_propertyName ('Response' / 'Request') on the object or
// its constructor chain, or by the constructor's static isResponse /
// isRequest accepting the object.
//
// What a passing test seldom needs (the status-class and status-name
// properties, statusCode, statusReason, withBody, body, jsonBody,
// responseTime, responseSize, jsonSchema) is in postman_more.js, compiled on first use:
// this file registers those names and loadPart(name) returns that part's
// factory. loadAjv() returns the Ajv constructor jsonSchema uses.
(function (loadPart, loadAjv) {
  'use strict';

  function kind(obj, name, isName) {
    if (obj === null || obj === undefined || typeof obj !== 'object') return false;
    if (obj._postman_propertyName === name) return true;
    for (var c = obj.constructor; c; c = c.super_) {
      if (c._postman_propertyName === name) return true;
      var is = c[isName];
      if (typeof is === 'function' && is.call(c, obj) === true) return true;
    }
    return false;
  }
  function isResponse(o) { return kind(o, 'Response', 'isResponse'); }
  function isRequest(o) { return kind(o, 'Request', 'isRequest'); }

  function isNumber(v) { return typeof v === 'number' || (v instanceof Number); }
  function parseFailure(e) {
    if (e && e.name === 'JSONError' && e.message) return e.message.replace(/(.*?)\n.*/g, '$1');
    return (e && e.name) + ': ' + (e && e.message);
  }

  return function (chai) {
    var Assertion = chai.Assertion;
    function getFlag(obj, key) {
      var flags = obj.__flags || (obj.__flags = Object.create(null));
      return flags[key];
    }
    function setFlag(obj, key, value) {
      var flags = obj.__flags || (obj.__flags = Object.create(null));
      flags[key] = value;
    }

    var typeOf = chai.util.type;

    function check(obj) { return new Assertion(obj); }

    // The require functions assert what check(obj).to.be... would, but
    // only build that assertion (and its message) when the test fails.
    function requireResponse(obj) {
      if (!isResponse(obj)) check(obj).to.be.postmanResponse;
    }
    function requireRequestOrResponse(obj) {
      if (!isResponse(obj) && !isRequest(obj)) check(obj).to.be.postmanRequestOrResponse;
    }
    function requireProperty(obj, name) {
      if (obj === null || obj === undefined || !(name in Object(obj))) check(obj).to.have.property(name);
    }
    function requireType(v, type, an) {
      if (typeOf(v).toLowerCase() === type) return;
      if (an) check(v).to.be.an(type);
      else check(v).to.be.a(type);
    }

    function reasonAndCode(self) {
      requireProperty(self._obj, 'reason');
      requireType(self._obj.reason, 'function', false);
      requireProperty(self._obj, 'details');
      requireType(self._obj.details, 'function', false);
      return [String(self._obj.reason()).toUpperCase(), Number(self._obj.details().code)];
    }

    function expectReasonAndCode(self, reason, code) {
      var got = reasonAndCode(self);
      self.assert(got[0] === reason,
        'expected response to have status reason #{exp} but got #{act}',
        'expected response to not have status reason #{act}', reason, got[0]);
      self.assert(got[1] === code,
        'expected response to have status code #{exp} but got #{act}',
        'expected response to not have status code #{act}', code, got[1]);
    }

    Assertion.addProperty('postmanRequest', function () {
      this.assert(isRequest(this._obj), 'expecting a postman request object but got #{this}', 'not expecting a postman request object');
    });
    Assertion.addProperty('postmanResponse', function () {
      this.assert(isResponse(this._obj), 'expecting a postman response object but got #{this}', 'not expecting a postman response object');
    });
    Assertion.addProperty('postmanRequestOrResponse', function () {
      this.assert(isResponse(this._obj) || isRequest(this._obj),
        'expecting a postman request or response object but got #{this}', 'not expecting a postman request or response object');
    });

    // P is what postman_more.js shares with this file.
    var P = {
      getFlag: getFlag, setFlag: setFlag, loadAjv: loadAjv,
      isResponse: isResponse, isRequest: isRequest, isNumber: isNumber,
      requireResponse: requireResponse, requireProperty: requireProperty, requireType: requireType,
      expectReasonAndCode: expectReasonAndCode, jsonOf: jsonOf
    };
    var more = null;
    // lazy returns a function that calls export key of postman_more.js.
    function lazy(key) {
      return function (...args) {
        more = more || loadPart('chai-postman-more.js')(P);
        return more[key].apply(this, args);
      };
    }

    Assertion.addMethod('statusCodeClass', lazy('statusCodeClass'));
    ['info', 'success', 'redirection', 'clientError', 'serverError'].forEach(function (name) {
      Assertion.addProperty(name, lazy(name));
    });
    Assertion.addProperty('error', lazy('error'));
    Assertion.addMethod('statusCode', lazy('statusCode'));
    Assertion.addMethod('statusReason', lazy('statusReason'));
    ['accepted', 'withoutContent', 'badRequest', 'unauthorised', 'unauthorized', 'forbidden', 'notFound', 'notAcceptable', 'rateLimited'].forEach(function (name) {
      Assertion.addProperty(name, lazy(name));
    });

    Assertion.addProperty('ok', function () {
      if (!isResponse(this._obj)) {
        this.assert(getFlag(this, 'object'), 'expected #{this} to be truthy', 'expected #{this} to be falsy');
        return;
      }
      expectReasonAndCode(this, 'OK', 200);
    });

    Assertion.addMethod('status', function (codeOrReason) {
      requireResponse(this._obj);
      if (isNumber(codeOrReason)) {
        requireProperty(this._obj, 'code');
        requireType(this._obj.code, 'number', false);
        this.assert(this._obj.code === Number(codeOrReason),
          'expected response to have status code #{exp} but got #{act}', 'expected response to not have status code #{act}',
          Number(codeOrReason), this._obj.code);
        return;
      }
      requireProperty(this._obj, 'reason');
      requireType(this._obj.reason, 'function', false);
      this.assert(this._obj.reason() === codeOrReason,
        'expected response to have status reason #{exp} but got #{act}', 'expected response to not have status reason #{act}',
        codeOrReason, this._obj.reason());
    });

    Assertion.addMethod('header', function (key, value) {
      requireRequestOrResponse(this._obj);
      requireProperty(this._obj, 'headers');
      var what = isRequest(this._obj) ? 'request' : 'response';
      var present = this._obj.headers.has(key);
      this.assert(present,
        'expected ' + what + ' to have header with key \'' + String(key) + '\'',
        'expected ' + what + ' to not have header with key \'' + String(key) + '\'', true, present);
      if (arguments.length < 2) return;
      var actual = this._obj.headers.one(key).value;
      this.assert(actual === value,
        'expected \'' + String(key) + '\' ' + what + ' header to be #{exp} but got #{act}',
        'expected \'' + String(key) + '\' ' + what + ' header to not be #{act}', value, actual);
    });

    Assertion.addProperty('withBody', lazy('withBody'));

    function jsonOf(self) {
      requireProperty(self._obj, 'json');
      requireType(self._obj.json, 'function', false);
      try {
        return { value: self._obj.json() };
      } catch (e) {
        return { error: parseFailure(e) };
      }
    }

    Assertion.addProperty('json', function () {
      requireResponse(this._obj);
      var parsed = jsonOf(this);
      this.assert(!parsed.error, 'expected response body to be a valid json but got error ' + parsed.error, 'expected response body not to be a valid json');
    });

    Assertion.addMethod('body', lazy('body'));
    Assertion.addMethod('jsonBody', lazy('jsonBody'));
    Assertion.addChainableMethod('responseTime', lazy('responseTime'), lazy('responseTimeChain'));
    Assertion.addChainableMethod('responseSize', lazy('responseSize'), lazy('responseSizeChain'));
    Assertion.addMethod('jsonSchema', lazy('jsonSchema'));
  };
})
