// postie's "querystring" module (Node's querystring API).
(function () {
  'use strict';
  var qs = {};
  qs.unescape = function (s) { try { return decodeURIComponent(s); } catch (e) { return unescapeBuffer(s); } };
  function unescapeBuffer(s) {
    return s.replace(/%([0-9a-fA-F]{2})/g, function (m, h) { return String.fromCharCode(parseInt(h, 16)); });
  }
  qs.escape = function (s) {
    if (typeof s !== 'string') { if (typeof s === 'object') { s = String(s); } else { s += ''; } }
    return encodeURIComponent(s);
  };
  function stringifyPrimitive(v) {
    if (typeof v === 'string') { return v; }
    if (typeof v === 'number' && isFinite(v)) { return '' + v; }
    if (typeof v === 'bigint') { return '' + v; }
    if (typeof v === 'boolean') { return v ? 'true' : 'false'; }
    return '';
  }
  qs.stringify = qs.encode = function (obj, sep, eq, options) {
    sep = sep || '&'; eq = eq || '=';
    var encode = (options && typeof options.encodeURIComponent === 'function') ? options.encodeURIComponent : qs.escape;
    if (obj !== null && typeof obj === 'object') {
      var out = [];
      Object.keys(obj).forEach(function (k) {
        var v = obj[k], ks = encode(stringifyPrimitive(k)) + eq;
        if (Array.isArray(v)) { v.forEach(function (x) { out.push(ks + encode(stringifyPrimitive(x))); }); } else { out.push(ks + encode(stringifyPrimitive(v))); }
      });
      return out.join(sep);
    }
    return '';
  };
  qs.parse = qs.decode = function (str, sep, eq, options) {
    sep = sep || '&'; eq = eq || '=';
    var obj = Object.create(null);
    if (typeof str !== 'string' || str.length === 0) { return obj; }
    var maxKeys = 1000;
    if (options && typeof options.maxKeys === 'number') { maxKeys = options.maxKeys; }
    var decode = (options && typeof options.decodeURIComponent === 'function') ? options.decodeURIComponent : qs.unescape;
    var parts = str.split(sep);
    if (maxKeys > 0 && parts.length > maxKeys) { parts = parts.slice(0, maxKeys); }
    parts.forEach(function (part) {
      if (!part) { return; }
      var idx = part.indexOf(eq), k, v;
      if (idx >= 0) { k = part.slice(0, idx); v = part.slice(idx + eq.length); } else { k = part; v = ''; }
      k = decode(k.replace(/\+/g, '%20')); v = decode(v.replace(/\+/g, '%20'));
      if (!Object.prototype.hasOwnProperty.call(obj, k)) { obj[k] = v; } else if (Array.isArray(obj[k])) { obj[k].push(v); } else { obj[k] = [obj[k], v]; }
    });
    return obj;
  };
  qs.unescapeBuffer = function (s) { return typeof Buffer !== 'undefined' ? Buffer.from(unescapeBuffer(String(s)), 'latin1') : unescapeBuffer(String(s)); };
  return qs;
})()
