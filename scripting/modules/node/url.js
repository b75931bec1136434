// postie's "url" module: Node's legacy parse/format/resolve (written here)
// plus WHATWG URL and URLSearchParams (from goja_nodejs). Evaluates to a
// function of (whatwg exports, querystring).
(function (whatwg, qs) {
  'use strict';
  var slashed = { http: true, https: true, ftp: true, gopher: true, file: true, 'http:': true, 'https:': true, 'ftp:': true, 'gopher:': true, 'file:': true };
  var hostless = { javascript: true, 'javascript:': true };
  var autoEscape = ['{', '}', '|', '\\', '^', '`', '<', '>', '"', ' ', '\r', '\n', '\t', "'"];
  function Url() {
    this.protocol = null; this.slashes = null; this.auth = null; this.host = null; this.port = null; this.hostname = null;
    this.hash = null; this.search = null; this.query = null; this.pathname = null; this.path = null; this.href = null;
  }
  function parse(url, parseQuery, slashesDenoteHost) {
    if (url instanceof Url) { return url; }
    var u = new Url();
    u.parse(url, parseQuery, slashesDenoteHost);
    return u;
  }
  Url.prototype.parse = function (url, parseQuery, slashesDenoteHost) {
    if (typeof url !== 'string') { throw new TypeError('The "url" argument must be of type string. Received type ' + typeof url); }
    var rest = url.replace(/\\/g, '/').trim();
    var simple = /^(\/\/?(?!\/)[^?\s]*)(\?[^\s]*)?$/.exec(rest);
    if (!slashesDenoteHost && simple) {
      this.path = rest; this.href = rest; this.pathname = simple[1];
      if (simple[2]) { this.search = simple[2]; this.query = parseQuery ? qs.parse(this.search.substr(1)) : this.search.substr(1); } else if (parseQuery) { this.search = ''; this.query = {}; }
      return this;
    }
    var proto = /^([a-z0-9.+-]+:)/i.exec(rest), lowerProto;
    if (proto) { proto = proto[0]; lowerProto = proto.toLowerCase(); this.protocol = lowerProto; rest = rest.substr(proto.length); }
    var slashes;
    if (slashesDenoteHost || proto || /^\/\/[^@\/]+@[^@\/]+/.test(rest)) {
      slashes = rest.substr(0, 2) === '//';
      if (slashes && !(proto && hostless[proto])) { rest = rest.substr(2); this.slashes = true; }
    }
    if (!hostless[proto] && (slashes || (proto && !slashed[proto]))) {
      var hostEnd = -1, i, hec;
      ['/', '?', '#'].forEach(function (c) { hec = rest.indexOf(c); if (hec !== -1 && (hostEnd === -1 || hec < hostEnd)) { hostEnd = hec; } });
      var atSign = hostEnd === -1 ? rest.lastIndexOf('@') : rest.lastIndexOf('@', hostEnd);
      if (atSign !== -1) { this.auth = decodeURIComponent(rest.slice(0, atSign)); rest = rest.slice(atSign + 1); }
      hostEnd = -1;
      ['/', '?', '#', '<', '>', '"', '`', ' ', '\r', '\n', '\t', '{', '}', '|', '\\', '^', "'", '%', ';'].forEach(function (c) {
        hec = rest.indexOf(c); if (hec !== -1 && (hostEnd === -1 || hec < hostEnd)) { hostEnd = hec; }
      });
      if (hostEnd === -1) { hostEnd = rest.length; }
      this.host = rest.slice(0, hostEnd);
      rest = rest.slice(hostEnd);
      var host = this.host, port = /:[0-9]*$/.exec(host);
      if (port) { port = port[0]; if (port !== ':') { this.port = port.substr(1); } host = host.substr(0, host.length - port.length); }
      if (host) { this.hostname = host; }
      this.hostname = this.hostname || '';
      var ipv6 = this.hostname.charAt(0) === '[' && this.hostname.charAt(this.hostname.length - 1) === ']';
      if (!ipv6) {
        var parts = this.hostname.split('.');
        for (i = 0; i < parts.length; i++) {
          var part = parts[i];
          if (part && !/^[+a-z0-9A-Z_-]{0,63}$/.test(part)) {
            var valid = /^([+a-z0-9A-Z_-]{0,63})(.*)$/.exec(part);
            if (valid) {
              this.hostname = parts.slice(0, i).concat(valid[1]).join('.');
              rest = '/' + parts.slice(i + 1).join('.').replace(/^/, valid[2] ? valid[2] + (parts.length > i + 1 ? '.' : '') : '') + rest;
              if (rest === '/') { rest = ''; }
            }
            break;
          }
        }
      }
      this.hostname = this.hostname.length > 255 ? '' : this.hostname.toLowerCase();
      var p = this.port ? ':' + this.port : '';
      this.host = this.hostname + p;
      if (ipv6) { this.hostname = this.hostname.substr(1, this.hostname.length - 2); if (rest.charAt(0) !== '/') { rest = '/' + rest; } }
    }
    autoEscape.forEach(function (ae) {
      if (rest.indexOf(ae) === -1) { return; }
      var esc = encodeURIComponent(ae);
      if (esc === ae) { esc = escape(ae); }
      rest = rest.split(ae).join(esc);
    });
    var hash = rest.indexOf('#');
    if (hash !== -1) { this.hash = rest.substr(hash); rest = rest.slice(0, hash); }
    var qm = rest.indexOf('?');
    if (qm !== -1) {
      this.search = rest.substr(qm); this.query = rest.substr(qm + 1);
      if (parseQuery) { this.query = qs.parse(this.query); }
      rest = rest.slice(0, qm);
    } else if (parseQuery) { this.search = ''; this.query = {}; }
    if (rest) { this.pathname = rest; }
    if (slashed[lowerProto] && this.hostname && !this.pathname) { this.pathname = '/'; }
    if (this.pathname || this.search) { this.path = (this.pathname || '') + (this.search || ''); }
    this.href = this.format();
    return this;
  };
  Url.prototype.format = function () {
    var auth = this.auth || '';
    if (auth) { auth = encodeURIComponent(auth).replace(/%3A/i, ':') + '@'; }
    var protocol = this.protocol || '', pathname = this.pathname || '', hash = this.hash || '', host = false, query = '';
    if (this.host) { host = auth + this.host; } else if (this.hostname) {
      host = auth + (this.hostname.indexOf(':') === -1 ? this.hostname : '[' + this.hostname + ']');
      if (this.port) { host += ':' + this.port; }
    }
    if (this.query && typeof this.query === 'object' && Object.keys(this.query).length) { query = qs.stringify(this.query); }
    var search = this.search || (query && ('?' + query)) || '';
    if (protocol && protocol.substr(-1) !== ':') { protocol += ':'; }
    if (this.slashes || ((!protocol || slashed[protocol]) && host !== false)) {
      host = '//' + (host || '');
      if (pathname && pathname.charAt(0) !== '/') { pathname = '/' + pathname; }
    } else if (!host) { host = ''; }
    if (hash && hash.charAt(0) !== '#') { hash = '#' + hash; }
    if (search && search.charAt(0) !== '?') { search = '?' + search; }
    pathname = pathname.replace(/[?#]/g, function (m) { return encodeURIComponent(m); });
    search = search.replace('#', '%23');
    return protocol + host + pathname + search + hash;
  };
  function format(obj) {
    if (typeof obj === 'string') { obj = parse(obj); }
    if (obj instanceof Url) { return obj.format(); }
    if (obj && typeof obj.href === 'string' && typeof URLClass === 'function' && obj instanceof URLClass) { return obj.toString(); }
    return Url.prototype.format.call(obj);
  }
  function removeDots(path) {
    var segs = path.split('/'), out = [];
    for (var i = 0; i < segs.length; i++) {
      var s = segs[i];
      if (s === '..') { if (out.length > 1) { out.pop(); } if (i === segs.length - 1) { out.push(''); } } else if (s === '.') { if (i === segs.length - 1) { out.push(''); } } else { out.push(s); }
    }
    var r = out.join('/');
    if (path.charAt(0) === '/' && r.charAt(0) !== '/') { r = '/' + r; }
    return r;
  }
  Url.prototype.resolveObject = function (relative) {
    if (typeof relative === 'string') { relative = parse(relative, false, true); }
    var base = this, r = new Url();
    if (relative.protocol && relative.protocol !== base.protocol) {
      Object.keys(relative).forEach(function (k) { r[k] = relative[k]; });
      if (slashed[r.protocol] && r.hostname && !r.pathname) { r.pathname = r.path = '/'; }
      r.href = r.format();
      return r;
    }
    Object.keys(base).forEach(function (k) { r[k] = base[k]; });
    r.hash = relative.hash;
    if (relative.host || relative.slashes && relative.hostname) {
      r.auth = relative.auth; r.host = relative.host; r.hostname = relative.hostname; r.port = relative.port; r.slashes = true;
      r.pathname = relative.pathname ? removeDots(relative.pathname) : (slashed[r.protocol] ? '/' : relative.pathname);
      r.search = relative.search; r.query = relative.query;
    } else if (!relative.pathname) {
      if (relative.search != null) { r.search = relative.search; r.query = relative.query; }
    } else if (relative.pathname.charAt(0) === '/') {
      r.pathname = removeDots(relative.pathname); r.search = relative.search; r.query = relative.query;
    } else {
      var bp = base.pathname || (base.host ? '/' : '');
      var merged = bp.slice(0, bp.lastIndexOf('/') + 1) + relative.pathname;
      var wasAbs = merged.charAt(0) === '/';
      merged = removeDots(merged);
      if (!wasAbs && merged.charAt(0) === '/') { merged = merged.slice(1); }
      r.pathname = merged; r.search = relative.search; r.query = relative.query;
    }
    r.path = (r.pathname || r.search) ? (r.pathname || '') + (r.search || '') : null;
    r.href = r.format();
    return r;
  };
  Url.prototype.resolve = function (relative) { return this.resolveObject(parse(relative, false, true)).format(); };
  function resolve(source, relative) { return parse(source, false, true).resolve(relative); }
  function resolveObject(source, relative) { if (!source) { return relative; } return parse(source, false, true).resolveObject(relative); }
  var URLClass = whatwg && whatwg.URL;
  return {
    parse: parse, format: format, resolve: resolve, resolveObject: resolveObject, Url: Url,
    URL: URLClass, URLSearchParams: whatwg && whatwg.URLSearchParams,
    domainToASCII: whatwg && whatwg.domainToASCII, domainToUnicode: whatwg && whatwg.domainToUnicode
  };
})
