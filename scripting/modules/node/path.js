// postie's "path" module: POSIX path functions (cwd is "/"; no file system).
(function () {
  'use strict';
  function assertPath(p) { if (typeof p !== 'string') { throw new TypeError('Path must be a string. Received ' + JSON.stringify(p)); } }
  function normalizeArray(parts, allowAboveRoot) {
    var res = [];
    for (var i = 0; i < parts.length; i++) {
      var p = parts[i];
      if (!p || p === '.') { continue; }
      if (p === '..') {
        if (res.length && res[res.length - 1] !== '..') { res.pop(); } else if (allowAboveRoot) { res.push('..'); }
      } else { res.push(p); }
    }
    return res;
  }
  var path = {};
  path.sep = '/';
  path.delimiter = ':';
  path.resolve = function () {
    var resolved = '', abs = false;
    for (var i = arguments.length - 1; i >= -1 && !abs; i--) {
      var p = i >= 0 ? arguments[i] : '/';
      assertPath(p);
      if (!p) { continue; }
      resolved = p + '/' + resolved;
      abs = p.charAt(0) === '/';
    }
    resolved = normalizeArray(resolved.split('/'), !abs).join('/');
    return ((abs ? '/' : '') + resolved) || '.';
  };
  path.normalize = function (p) {
    assertPath(p);
    var abs = p.charAt(0) === '/', trailing = p.slice(-1) === '/';
    p = normalizeArray(p.split('/'), !abs).join('/');
    if (!p && !abs) { p = '.'; }
    if (p && trailing) { p += '/'; }
    return (abs ? '/' : '') + p;
  };
  path.isAbsolute = function (p) { assertPath(p); return p.charAt(0) === '/'; };
  path.join = function () {
    var parts = [];
    for (var i = 0; i < arguments.length; i++) { assertPath(arguments[i]); if (arguments[i]) { parts.push(arguments[i]); } }
    return parts.length ? path.normalize(parts.join('/')) : '.';
  };
  path.relative = function (from, to) {
    assertPath(from); assertPath(to);
    from = path.resolve(from).slice(1); to = path.resolve(to).slice(1);
    function trim(arr) { var s = 0, e = arr.length - 1; while (s < arr.length && arr[s] === '') { s++; } while (e >= 0 && arr[e] === '') { e--; } return s > e ? [] : arr.slice(s, e + 1); }
    var f = trim(from.split('/')), t = trim(to.split('/'));
    var len = Math.min(f.length, t.length), same = len;
    for (var i = 0; i < len; i++) { if (f[i] !== t[i]) { same = i; break; } }
    var out = [];
    for (var j = same; j < f.length; j++) { out.push('..'); }
    return out.concat(t.slice(same)).join('/');
  };
  var splitRe = /^(\/?|)([\s\S]*?)((?:\.{1,2}|[^\/]+?|)(\.[^.\/]*|))(?:[\/]*)$/;
  function splitPath(p) { return splitRe.exec(p).slice(1); }
  path.dirname = function (p) {
    assertPath(p);
    if (p.length === 0) { return '.'; }
    var abs = p.charAt(0) === '/', end = -1, matched = true;
    for (var i = p.length - 1; i >= 1; i--) {
      if (p.charAt(i) === '/') { if (!matched) { end = i; break; } } else { matched = false; }
    }
    if (end === -1) { return abs ? '/' : '.'; }
    if (abs && end === 1) { return '//'; }
    return p.slice(0, end);
  };
  path.basename = function (p, ext) {
    if (ext !== undefined && typeof ext !== 'string') { throw new TypeError('"ext" argument must be a string'); }
    assertPath(p);
    var end = p.length;
    while (end > 0 && p.charAt(end - 1) === '/') { end--; }
    var start = p.lastIndexOf('/', end - 1) + 1;
    var base = p.slice(start, end);
    if (ext && base.slice(-ext.length) === ext) { base = base.slice(0, base.length - ext.length); }
    return base;
  };
  path.extname = function (p) {
    assertPath(p);
    var base = path.basename(p), dot = base.lastIndexOf('.');
    if (dot <= 0 || (dot === 1 && base === '..')) { return ''; }
    return base.slice(dot);
  };
  path.parse = function (p) {
    assertPath(p);
    var root = p.charAt(0) === '/' ? '/' : '';
    var base = path.basename(p), ext = path.extname(p);
    var dir = path.dirname(p);
    if (dir === '.' && !/\//.test(p)) { dir = ''; }
    if (p === '/' ) { return { root: '/', dir: '/', base: '', ext: '', name: '' }; }
    if (p === '') { return { root: '', dir: '', base: '', ext: '', name: '' }; }
    return { root: root, dir: dir, base: base, ext: ext, name: ext ? base.slice(0, base.length - ext.length) : base };
  };
  path.format = function (o) {
    if (o === null || typeof o !== 'object') { throw new TypeError('The "pathObject" argument must be of type Object. Received type ' + typeof o); }
    var dir = o.dir || o.root, base = o.base || ((o.name || '') + (o.ext || ''));
    if (!dir) { return base; }
    return dir === o.root ? dir + base : dir + '/' + base;
  };
  path.toNamespacedPath = function (p) { return p; };
  path.posix = path;
  path.win32 = null;
  return path;
})()
