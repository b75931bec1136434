// The Postman assertions a passing test seldom uses, split from postman.js
// (which registers their names and calls here on first use).
(function (P) {
  'use strict';

  var hasOwn = Object.prototype.hasOwnProperty;
  var getFlag = P.getFlag, setFlag = P.setFlag;
  var isResponse = P.isResponse, isRequest = P.isRequest, isNumber = P.isNumber;
  var requireResponse = P.requireResponse, requireProperty = P.requireProperty, requireType = P.requireType;
  var expectReasonAndCode = P.expectReasonAndCode, jsonOf = P.jsonOf, loadAjv = P.loadAjv;

  function isString(v) { return typeof v === 'string' || (v instanceof String); }
  function isPlainObject(v) {
    if (v === null || typeof v !== 'object' || Object.prototype.toString.call(v) !== '[object Object]') return false;
    var proto = Object.getPrototypeOf(v);
    return proto === null || proto === Object.prototype;
  }

  // same is structural equality as lodash's isEqual sees it for the values
  // responses hold (JSON data, strings, numbers).
  function same(a, b, seen) {
    if (a === b || (a !== a && b !== b)) return true;
    if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
    var ta = Object.prototype.toString.call(a);
    if (ta !== Object.prototype.toString.call(b)) return false;
    if (ta === '[object Date]' || ta === '[object Number]' || ta === '[object Boolean]') return same(+a, +b);
    if (ta === '[object String]' || ta === '[object RegExp]') return String(a) === String(b);
    seen = seen || [];
    for (var i = 0; i < seen.length; i++) {
      if (seen[i][0] === a && seen[i][1] === b) return true;
    }
    seen.push([a, b]);
    if (Array.isArray(a)) {
      if (a.length !== b.length) return false;
      for (var j = 0; j < a.length; j++) {
        if (!same(a[j], b[j], seen)) return false;
      }
      return true;
    }
    var ka = Object.keys(a), kb = Object.keys(b);
    if (ka.length !== kb.length) return false;
    for (var k = 0; k < ka.length; k++) {
      if (!hasOwn.call(b, ka[k]) || !same(a[ka[k]], b[ka[k]], seen)) return false;
    }
    return true;
  }

  // pathParts splits a lodash-style property path: a.b[0]["c.d"].
  function pathParts(obj, path) {
    if (obj !== null && obj !== undefined && hasOwn.call(Object(obj), path)) return [path];
    var parts = [];
    var re = /[^.[\]]+|\[(?:(-?\d+(?:\.\d+)?)|(["'])((?:(?!\2)[^\\]|\\.)*?)\2)\]|(?=(?:\.|\[\])(?:\.|\[\]|$))/g;
    if (path.charCodeAt(0) === 46) parts.push('');
    String(path).replace(re, function (match, number, quote, sub) {
      parts.push(quote ? sub.replace(/\\(\\)?/g, '$1') : (number || match));
    });
    return parts;
  }

  function hasPath(obj, path) {
    var parts = pathParts(obj, path);
    var cur = obj;
    for (var i = 0; i < parts.length; i++) {
      if (cur === null || cur === undefined || !hasOwn.call(Object(cur), parts[i])) return false;
      cur = cur[parts[i]];
    }
    return parts.length > 0;
  }

  function getPath(obj, path) {
    var parts = pathParts(obj, path);
    var cur = obj;
    for (var i = 0; i < parts.length && cur !== null && cur !== undefined; i++) cur = cur[parts[i]];
    return i === parts.length ? cur : undefined;
  }

  var statusClasses = { info: 1, success: 2, redirection: 3, clientError: 4, serverError: 5 };
  var statusNames = {
    accepted: [202, 'Accepted'],
    withoutContent: [204, 'No Content'],
    badRequest: [400, 'Bad Request'],
    unauthorised: [401, 'Unauthorised'],
    unauthorized: [401, 'Unauthorized'],
    forbidden: [403, 'Forbidden'],
    notFound: [404, 'Not Found'],
    notAcceptable: [406, 'Acceptable'],
    rateLimited: [429, 'Too Many Requests']
  };

  function numericCode(self) {
    requireResponse(self._obj);
    requireProperty(self._obj, 'code');
    requireType(self._obj.code, 'number', false);
    return self._obj.code;
  }

  function classCheck(self, want) {
    var code = numericCode(self);
    self.assert(Math.floor(code / 100) === want,
      'expected response code to be #{exp}XX but found #{act}', 'expected response code to not be #{exp}XX', want, code);
  }

  // out holds the assertions by the names postman.js calls them by.
  var out = {};

  out.statusCodeClass = function (want) { classCheck(this, want); };
  Object.keys(statusClasses).forEach(function (name) {
    out[name] = function () { classCheck(this, statusClasses[name]); };
  });

  out.error = function () {
    var code = numericCode(this);
    var cls = Math.floor(code / 100);
    this.assert(cls === 4 || cls === 5,
      'expected response code to be 4XX or 5XX but found #{act}', 'expected response code to not be 4XX or 5XX', null, code);
  };

  out.statusCode = function (code) {
    var got = numericCode(this);
    this.assert(got === Number(code),
      'expected response to have status code #{exp} but got #{act}', 'expected response to not have status code #{act}', Number(code), got);
  };

  out.statusReason = function (reason) {
    requireResponse(this._obj);
    requireProperty(this._obj, 'reason');
    requireType(this._obj.reason, 'function', false);
    reason = String(reason);
    this.assert(this._obj.reason() === reason,
      'expected response to have status reason #{exp} but got #{act}', 'expected response to not have status reason #{act}', reason, this._obj.reason());
  };

  Object.keys(statusNames).forEach(function (name) {
    out[name] = function () {
      requireResponse(this._obj);
      expectReasonAndCode(this, statusNames[name][1].toUpperCase(), statusNames[name][0]);
    };
  });

  function bodyText(self) {
    requireProperty(self._obj, 'text');
    requireType(self._obj.text, 'function', false);
    return self._obj.text();
  }

  out.withBody = function () {
    requireResponse(this._obj);
    var text = bodyText(this);
    this.assert(isString(text) && text.length, 'expected response to have content in body', 'expected response to not have content in body');
  };

  out.body = function (content) {
    requireResponse(this._obj);
    if (isPlainObject(content)) {
      var parsed = jsonOf(this);
      this.assert(same(parsed.value, content),
        'expected response body json to equal #{exp} but got #{act}',
        'expected response body json to not equal #{exp} but got #{act}', content, parsed.value);
      return;
    }
    var text = bodyText(this);
    if (arguments.length === 0) {
      this.assert(isString(text) && text.length, 'expected response to have content in body', 'expected response to not have content in body');
      return;
    }
    if (content instanceof RegExp) {
      this.assert(content.exec(text) !== null,
        'expected response body text to match #{exp} but got #{act}',
        'expected response body text #{act} to not match #{exp}', content, text);
      return;
    }
    this.assert(same(text, content),
      'expected response body to equal #{exp} but got #{act}', 'expected response body to not equal #{exp}', content, text);
  };

  out.jsonBody = function (path, value) {
    requireResponse(this._obj);
    var parsed = jsonOf(this);
    if (arguments.length === 0) {
      this.assert(!parsed.error, 'expected response body to be a valid json but got error ' + parsed.error, 'expected response body not to be a valid json');
      return;
    }
    if (!isString(path)) return;
    var body = parsed.value;
    this.assert(hasPath(body, path),
      'expected #{act} in response to contain property #{exp}', 'expected #{act} in response to not contain property #{exp}', path, body);
    if (arguments.length > 1) {
      var at = getPath(body, path);
      this.assert(same(at, value),
        'expected response body json at "' + path + '" to contain #{exp} but got #{act}',
        'expected response body json at "' + path + '" to not contain #{exp} but got #{act}', value, at);
    }
  };

  out.responseTime = function (value) {
    var time = getFlag(this, 'number');
    this.assert(isNumber(time),
      'expected response to have a valid response time but got #{act}',
      'expected response to not have a valid response time but got #{act}', null, time);
    if (arguments.length) {
      this.assert(same(time, value),
        'expected response to have a valid response time but got #{act}',
        'expected response to not have a valid response time but got #{act}', null, time);
    }
  };
  out.responseTimeChain = function () {
    requireResponse(this._obj);
    requireProperty(this._obj, 'responseTime');
    setFlag(this, 'number', this._obj.responseTime);
    this._obj = this._obj.responseTime;
  };

  out.responseSize = function (value) {
    var size = getFlag(this, 'number');
    this.assert(isNumber(size),
      'expected response to have a valid response size but got #{act}',
      'expected response to not have a valid response size but got #{act}', null, size);
    if (arguments.length) {
      this.assert(same(size, value),
        'expected response size to equal #{act} but got #{exp}',
        'expected response size to not equal #{act} but got #{exp}', value, size);
    }
  };
  out.responseSizeChain = function () {
    requireResponse(this._obj);
    requireProperty(this._obj, 'size');
    requireType(this._obj.size, 'function', false);
    var s = this._obj.size();
    var total = (s.header || 0) + (s.body || 0);
    setFlag(this, 'number', total);
    this._obj = total;
  };

  out.jsonSchema = function (schema, options) {
    requireType(schema, 'object', true);
    options = Object.assign({ allErrors: true, logger: false }, options);
    var data;
    if (isResponse(this._obj) || (isRequest(this._obj) && typeof this._obj.json === 'function')) data = this._obj.json();
    else data = this._obj;
    var Ajv = loadAjv();
    var ajv = new Ajv(options);
    var valid = ajv.validate(schema, data);
    this.assert(valid && !ajv.errors,
      'expected data to satisfy schema but found following errors: \n' + ajv.errorsText(),
      'expected data to not satisfy schema', true, valid);
  };

  return out;
})
