// postie's xml2js 0.4-compatible API around a native (Go) XML parser.
(function (nativeParse) {
  'use strict';
  var defaults = {
    explicitCharkey: false, trim: false, normalize: false, normalizeTags: false, attrkey: '$', charkey: '_',
    explicitArray: true, ignoreAttrs: false, mergeAttrs: false, explicitRoot: true, validator: null, xmlns: false,
    explicitChildren: false, preserveChildrenOrder: false, childkey: '$$', charsAsChildren: false, includeWhiteChars: false,
    async: false, strict: true, attrNameProcessors: null, attrValueProcessors: null, tagNameProcessors: null,
    valueProcessors: null, rootName: 'root', xmldec: { version: '1.0', encoding: 'UTF-8', standalone: true },
    doctype: null, renderOpts: { pretty: true, indent: '  ', newline: '\n' }, headless: false, chunkSize: 10000,
    emptyTag: '', cdata: false
  };
  function assign(t) { for (var i = 1; i < arguments.length; i++) { var s = arguments[i]; if (s) { for (var k in s) { if (Object.prototype.hasOwnProperty.call(s, k)) { t[k] = s[k]; } } } } return t; }

  function Parser(opts) {
    if (!(this instanceof Parser)) { return new Parser(opts); }
    this.options = assign({}, defaults, opts);
    this._listeners = {};
  }
  Parser.prototype.on = function (ev, fn) { (this._listeners[ev] = this._listeners[ev] || []).push(fn); return this; };
  Parser.prototype.once = Parser.prototype.on;
  Parser.prototype.emit = function (ev) {
    var args = Array.prototype.slice.call(arguments, 1);
    (this._listeners[ev] || []).forEach(function (f) { f.apply(null, args); });
  };
  Parser.prototype.reset = function () { this._listeners = {}; };
  Parser.prototype.parseString = function (str, cb) {
    var result, err = null;
    try { result = nativeParse(str == null ? '' : String(str), this.options); } catch (e) {
      err = e instanceof Error ? e : new Error(String(e && e.message || e));
    }
    if (err) { this.emit('error', err); if (cb) { cb(err); } return; }
    this.emit('end', result);
    if (cb) { cb(null, result); }
  };
  Parser.prototype.parseStringPromise = function (str) {
    var self = this;
    return new Promise(function (resolve, reject) { self.parseString(str, function (err, r) { if (err) { reject(err); } else { resolve(r); } }); });
  };

  function parseString(str, a, b) {
    var cb, opts = {};
    if (b != null) { if (typeof b === 'function') { cb = b; } if (typeof a === 'object') { opts = a; } } else {
      if (typeof a === 'function') { cb = a; }
    }
    return new Parser(opts).parseString(str, cb);
  }
  function parseStringPromise(str, opts) { return new Parser(opts).parseStringPromise(str); }

  // ---- Builder ----
  function escText(s) { return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#xD;'); }
  function escAttr(s) { return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;').replace(/\t/g, '&#x9;').replace(/\n/g, '&#xA;').replace(/\r/g, '&#xD;'); }
  function Builder(opts) {
    if (!(this instanceof Builder)) { return new Builder(opts); }
    this.options = assign({}, defaults, opts);
  }
  Builder.prototype.buildObject = function (rootObj) {
    var o = this.options, attrkey = o.attrkey, charkey = o.charkey, rootName;
    if (Object.keys(rootObj).length === 1 && o.rootName === defaults.rootName) {
      rootName = Object.keys(rootObj)[0]; rootObj = rootObj[rootName];
    } else { rootName = o.rootName; }
    var ro = assign({ pretty: true, indent: '  ', newline: '\n' }, o.renderOpts);
    var pretty = ro.pretty !== false, ind = ro.indent, nl = pretty ? ro.newline : '';
    // element: {name, attrs: [[k,v]], text: [..], children: [...]} (children may include text nodes)
    function el(name) { return { name: name, attrs: [], kids: [] }; }
    function fill(e, obj) {
      if (typeof obj !== 'object' || obj === null) {
        if (obj !== undefined && obj !== null) { e.kids.push({ text: String(obj) }); }
        return;
      }
      if (Array.isArray(obj)) {
        obj.forEach(function (v) { fill(e, v); });
        return;
      }
      Object.keys(obj).forEach(function (key) {
        var child = obj[key];
        if (key === attrkey) {
          if (typeof child === 'object' && child) { Object.keys(child).forEach(function (ak) { e.attrs.push([ak, child[ak]]); }); }
        } else if (key === charkey) {
          e.kids.push({ text: String(child), cdata: o.cdata && /[<&]/.test(String(child)) });
        } else if (Array.isArray(child)) {
          child.forEach(function (c) {
            var ce = el(key);
            if (typeof c === 'object' && c !== null) { fill(ce, c); } else if (c !== undefined && c !== null) { ce.kids.push({ text: String(c) }); }
            e.kids.push(ce);
          });
        } else if (typeof child === 'object' && child !== null) {
          var ce2 = el(key); fill(ce2, child); e.kids.push(ce2);
        } else {
          var ce3 = el(key);
          if (child !== undefined && child !== null && child !== '') { ce3.kids.push({ text: String(child), cdata: o.cdata && /[<&]/.test(String(child)) }); }
          e.kids.push(ce3);
        }
      });
    }
    function render(e, level) {
      var pad = pretty ? new Array(level + 1).join(ind) : '';
      var s = pad + '<' + e.name + e.attrs.map(function (a) { return ' ' + a[0] + '="' + escAttr(a[1]) + '"'; }).join('');
      if (!e.kids.length) { return s + '/>' + nl; }
      var onlyText = e.kids.every(function (k) { return k.text !== undefined; });
      if (onlyText) {
        return s + '>' + e.kids.map(function (k) { return k.cdata ? '<![CDATA[' + k.text.replace(/]]>/g, ']]]]><![CDATA[>') + ']]>' : escText(k.text); }).join('') + '</' + e.name + '>' + nl;
      }
      s += '>' + nl;
      e.kids.forEach(function (k) {
        if (k.text !== undefined) { s += (pretty ? pad + ind : '') + (k.cdata ? '<![CDATA[' + k.text + ']]>' : escText(k.text)) + nl; } else { s += render(k, level + 1); }
      });
      return s + pad + '</' + e.name + '>' + nl;
    }
    var root = el(rootName);
    fill(root, rootObj);
    var out = '';
    if (!o.headless) {
      var d = o.xmldec || {};
      out += '<?xml version="' + (d.version || '1.0') + '"' + (d.encoding ? ' encoding="' + d.encoding + '"' : '') +
        (d.standalone != null ? ' standalone="' + (d.standalone ? 'yes' : 'no') + '"' : '') + '?>' + nl;
    }
    out += render(root, 0);
    if (pretty && nl && out.slice(-nl.length) === nl) { out = out.slice(0, -nl.length); }
    return out;
  };

  var processors = {
    normalize: function (s) { return s.toLowerCase(); },
    firstCharLowerCase: function (s) { return s.charAt(0).toLowerCase() + s.slice(1); },
    stripPrefix: function (s) { return s.replace(/^.*:/, ''); },
    parseNumbers: function (s) { if (!isNaN(s)) { s = s % 1 === 0 ? parseInt(s, 10) : parseFloat(s); } return s; },
    parseBooleans: function (s) { if (/^(?:true|false)$/i.test(s)) { s = s.toLowerCase() === 'true'; } return s; }
  };
  function ValidationError(message) { this.message = message; this.name = 'ValidationError'; }
  ValidationError.prototype = Object.create(Error.prototype);
  return {
    defaults: { '0.1': assign({}, defaults, { explicitArray: false, explicitRoot: false }), '0.2': assign({}, defaults) },
    processors: processors,
    ValidationError: ValidationError,
    Parser: Parser,
    Builder: Builder,
    parseString: parseString,
    parseStringPromise: parseStringPromise
  };
})
