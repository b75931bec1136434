// postie's cheerio 0.22-compatible API over native (Go, goquery) documents.
(function (nativeLoad) {
  'use strict';
  var slice = Array.prototype.slice;

  function load(content, options) {
    options = options || {};
    if (content && typeof content === 'object' && content.__id !== undefined) { content = ''; }
    var api = nativeLoad(content == null ? '' : String(content), options);
    var rootId = api.root();
    var cache = {};

    function node(id) {
      if (id < 0 || id == null) { return null; }
      if (cache[id]) { return cache[id]; }
      var info = api.info(id), n = { __id: id, type: info.type };
      if (info.type === 'tag' || info.type === 'script' || info.type === 'style') {
        n.name = info.name; n.attribs = info.attribs;
        Object.defineProperty(n, 'tagName', { get: function () { return this.name; }, enumerable: false });
        n.nodeType = 1;
      } else if (info.type === 'root') {
        n.name = 'root'; n.attribs = {}; n.nodeType = 9;
      } else {
        n.data = info.data; n.nodeType = info.type === 'text' ? 3 : 8;
      }
      Object.defineProperty(n, 'children', { get: function () { return api.children(id, true).map(node); }, enumerable: false });
      Object.defineProperty(n, 'childNodes', { get: function () { return this.children; }, enumerable: false });
      Object.defineProperty(n, 'parent', { get: function () { var p = api.parent(id); return p < 0 ? null : node(p); }, enumerable: false });
      Object.defineProperty(n, 'parentNode', { get: function () { return this.parent; }, enumerable: false });
      Object.defineProperty(n, 'next', { get: function () { return node(api.nextNode(id)); }, enumerable: false });
      Object.defineProperty(n, 'prev', { get: function () { return node(api.prevNode(id)); }, enumerable: false });
      Object.defineProperty(n, 'nextSibling', { get: function () { return this.next; }, enumerable: false });
      Object.defineProperty(n, 'previousSibling', { get: function () { return this.prev; }, enumerable: false });
      Object.defineProperty(n, 'firstChild', { get: function () { var c = this.children; return c.length ? c[0] : null; }, enumerable: false });
      Object.defineProperty(n, 'lastChild', { get: function () { var c = this.children; return c.length ? c[c.length - 1] : null; }, enumerable: false });
      cache[id] = n;
      return n;
    }
    function refresh(id) { delete cache[id]; }
    function isNode(x) { return x != null && typeof x === 'object' && typeof x.__id === 'number' && cache[x.__id] === x; }
    function ids(c) { var r = []; for (var i = 0; i < c.length; i++) { if (isNode(c[i])) { r.push(c[i].__id); } } return r; }
    function uniq(list) { var seen = {}, r = []; list.forEach(function (i) { if (!seen[i]) { seen[i] = true; r.push(i); } }); return r; }
    function isTag(id) { var n = node(id); return n && (n.type === 'tag' || n.type === 'script' || n.type === 'style'); }

    function Cheerio(items, prev) {
      var list = items || [];
      for (var i = 0; i < list.length; i++) { this[i] = list[i]; }
      this.length = list.length;
      this.prevObject = prev;
    }
    function wrap(idList, prev) { return new Cheerio(idList.map(node), prev); }
    var fn = Cheerio.prototype;
    fn.cheerio = '[cheerio object]';
    fn.options = options;
    fn._root = null;

    function matcher(sel) {
      if (typeof sel === 'function') { return function (n, i) { return !!sel.call(n, i, n); }; }
      if (typeof sel === 'string') { return function (n) { return isNode(n) && api.is(n.__id, sel); }; }
      if (sel instanceof Cheerio) { var set = ids(sel); return function (n) { return isNode(n) && set.indexOf(n.__id) > -1; }; }
      if (isNode(sel)) { return function (n) { return n === sel; }; }
      return function () { return false; };
    }
    fn.find = function (sel) {
      if (typeof sel === 'string') { return wrap(api.find(ids(this), sel), this); }
      var desc = ids(this), targets = sel instanceof Cheerio ? slice.call(sel) : [sel];
      return new Cheerio(targets.filter(function (t) {
        for (var p = t && t.parent; p; p = p.parent) { if (desc.indexOf(p.__id) > -1) { return true; } }
        return false;
      }), this);
    };
    fn.each = function (f) { for (var i = 0; i < this.length; i++) { if (f.call(this[i], i, this[i]) === false) { break; } } return this; };
    fn.map = function (f) {
      var out = [];
      for (var i = 0; i < this.length; i++) {
        var v = f.call(this[i], i, this[i]);
        if (v == null) { continue; }
        if (Array.isArray(v)) { out.push.apply(out, v); } else { out.push(v); }
      }
      return new Cheerio(out, this);
    };
    fn.filter = function (sel) { var m = matcher(sel); return new Cheerio(slice.call(this).filter(function (n, i) { return m(n, i); }), this); };
    fn.not = function (sel) { var m = matcher(sel); return new Cheerio(slice.call(this).filter(function (n, i) { return !m(n, i); }), this); };
    fn.is = function (sel) { var m = matcher(sel); return slice.call(this).some(function (n, i) { return m(n, i); }); };
    fn.has = function (sel) { var self = this; return this.filter(function () { return (typeof sel === 'string' ? $(this).find(sel) : $(this).find(sel)).length > 0; }); };
    fn.first = function () { return this.length > 1 ? new Cheerio([this[0]], this) : this; };
    fn.last = function () { return this.length > 1 ? new Cheerio([this[this.length - 1]], this) : this; };
    fn.eq = function (i) { i = +i; if (i < 0) { i = this.length + i; } return this[i] !== undefined ? new Cheerio([this[i]], this) : new Cheerio([], this); };
    fn.get = function (i) { if (i == null) { return slice.call(this); } return this[i < 0 ? this.length + i : i]; };
    fn.toArray = function () { return slice.call(this); };
    fn.slice = function () { return new Cheerio(slice.apply(this, arguments), this); };
    fn.end = function () { return this.prevObject || new Cheerio([]); };
    fn.add = function (other, ctx) { var o = $(other, ctx); return wrap(api.sortDoc(uniq(ids(this).concat(ids(o)))), this); };
    fn.index = function (sel) {
      if (sel === undefined) { var f = this[0]; if (!f || !f.parent) { return -1; } return ids(new Cheerio(f.parent.children.filter(function (c) { return c.type === 'tag' || c.type === 'script' || c.type === 'style'; }))).indexOf(f.__id); }
      var target = typeof sel === 'string' ? $(sel)[0] : (sel instanceof Cheerio ? sel[0] : sel);
      return ids(this).indexOf(target && target.__id);
    };
    function relatives(c, f, sel) {
      var out = [];
      ids(c).forEach(function (id) { out = out.concat(f(id)); });
      out = uniq(out.filter(function (x) { return x >= 0; }));
      if (sel) { out = api.filter(out, sel); }
      return wrap(out, c);
    }
    fn.children = function (sel) { return relatives(this, function (id) { return api.children(id, false); }, sel); };
    fn.contents = function () { return relatives(this, function (id) { return api.children(id, true); }); };
    fn.parent = function (sel) { return relatives(this, function (id) { var p = api.parent(id); return p >= 0 && p !== rootId ? [p] : []; }, sel); };
    fn.parents = function (sel) {
      var out = [];
      ids(this).forEach(function (id) { for (var p = api.parent(id); p >= 0 && p !== rootId; p = api.parent(p)) { out.push(p); } });
      out = uniq(out);
      if (sel) { out = api.filter(out, sel); }
      return wrap(out, this);
    };
    fn.parentsUntil = function (sel) {
      var out = [];
      ids(this).forEach(function (id) { for (var p = api.parent(id); p >= 0 && p !== rootId; p = api.parent(p)) { if (sel && api.is(p, sel)) { break; } out.push(p); } });
      return wrap(uniq(out), this);
    };
    fn.closest = function (sel) {
      var out = [];
      if (!sel) { return new Cheerio([], this); }
      ids(this).forEach(function (id) { for (var p = id; p >= 0 && p !== rootId; p = api.parent(p)) { if (isTag(p) && api.is(p, sel)) { out.push(p); break; } } });
      return wrap(uniq(out), this);
    };
    fn.next = function (sel) { return relatives(this, function (id) { return [api.next(id)]; }, sel); };
    fn.prev = function (sel) { return relatives(this, function (id) { return [api.prev(id)]; }, sel); };
    fn.nextAll = function (sel) { return relatives(this, function (id) { var r = []; for (var n = api.next(id); n >= 0; n = api.next(n)) { r.push(n); } return r; }, sel); };
    fn.prevAll = function (sel) { return relatives(this, function (id) { var r = []; for (var n = api.prev(id); n >= 0; n = api.prev(n)) { r.push(n); } return r; }, sel); };
    fn.nextUntil = function (sel) { return relatives(this, function (id) { var r = []; for (var n = api.next(id); n >= 0 && !(sel && api.is(n, sel)); n = api.next(n)) { r.push(n); } return r; }); };
    fn.prevUntil = function (sel) { return relatives(this, function (id) { var r = []; for (var n = api.prev(id); n >= 0 && !(sel && api.is(n, sel)); n = api.prev(n)) { r.push(n); } return r; }); };
    fn.siblings = function (sel) {
      var self = ids(this);
      return relatives(this, function (id) { var p = api.parent(id); return p < 0 ? [] : api.children(p, false).filter(function (x) { return self.indexOf(x) < 0; }); }, sel);
    };
    fn.text = function (v) {
      if (v === undefined) { return api.text(ids(this)); }
      var self = this;
      ids(this).forEach(function (id, i) { api.setText(id, typeof v === 'function' ? v.call(self[i], i, $(self[i]).text()) : String(v)); });
      return this;
    };
    fn.html = function (v) {
      if (v === undefined) { return this.length && isNode(this[0]) ? api.html(this[0].__id) : null; }
      var s = v instanceof Cheerio ? v.toString() : String(v);
      ids(this).forEach(function (id) { api.setHTML(id, s); });
      return this;
    };
    fn.toString = function () { return api.outer(ids(this)); };
    fn.attr = function (name, v) {
      if (typeof name === 'object' && name !== null) { var self = this; Object.keys(name).forEach(function (k) { self.attr(k, name[k]); }); return this; }
      if (v === undefined) {
        var f = this[0];
        if (!f || !isNode(f) || f.type === 'text' || f.type === 'comment' || f.type === 'root') { return undefined; }
        if (name === undefined) { return f.attribs; }
        return Object.prototype.hasOwnProperty.call(f.attribs, name) ? f.attribs[name] : undefined;
      }
      var me = this;
      ids(this).forEach(function (id, i) {
        var val = typeof v === 'function' ? v.call(me[i], i, me[i].attribs && me[i].attribs[name]) : v;
        api.setAttr(id, name, val === null ? null : String(val));
        var n = node(id); if (n.attribs) { if (val === null) { delete n.attribs[name]; } else { n.attribs[name] = String(val); } }
      });
      return this;
    };
    fn.removeAttr = function (name) { return this.attr(name, null); };
    fn.prop = function (name, v) {
      if (v !== undefined) { return this.attr(name, v); }
      var f = this[0]; if (!f || !isNode(f)) { return undefined; }
      if (name === 'checked' || name === 'selected' || name === 'disabled') { return f.attribs && Object.prototype.hasOwnProperty.call(f.attribs, name); }
      if (name === 'tagName' || name === 'nodeName') { return f.name ? f.name.toUpperCase() : undefined; }
      return f[name] !== undefined ? f[name] : this.attr(name);
    };
    function parseData(v) {
      if (v === 'null') { return null; }
      if (v === 'true') { return true; }
      if (v === 'false') { return false; }
      if (v !== '' && String(+v) === v) { return +v; }
      if (/^(?:\{[\w\W]*\}|\[[\w\W]*\])$/.test(v)) { try { return JSON.parse(v); } catch (e) { return v; } }
      return v;
    }
    fn.data = function (key, v) {
      var f = this[0];
      if (!f || !f.attribs) { return undefined; }
      f.__data = f.__data || {};
      if (v !== undefined) { this.each(function () { this.__data = this.__data || {}; this.__data[key] = v; }); return this; }
      var all = {};
      Object.keys(f.attribs).forEach(function (k) {
        if (k.indexOf('data-') === 0) { all[k.slice(5).replace(/-([a-z])/g, function (m, c) { return c.toUpperCase(); })] = parseData(f.attribs[k]); }
      });
      Object.keys(f.__data).forEach(function (k) { all[k] = f.__data[k]; });
      if (key === undefined) { return all; }
      var ck = String(key).replace(/-([a-z])/g, function (m, c) { return c.toUpperCase(); });
      return all[ck];
    };
    fn.val = function (v) {
      var f = this[0];
      if (!f || !f.name) { return v === undefined ? undefined : this; }
      var tag = f.name.toLowerCase();
      if (v === undefined) {
        if (tag === 'textarea') { return this.text(); }
        if (tag === 'select') {
          var sel = this.find('option[selected]');
          if (this.attr('multiple') !== undefined) { return sel.map(function () { return $(this).val(); }).get(); }
          if (!sel.length) { sel = this.find('option').first(); }
          return sel.length ? sel.val() : undefined;
        }
        if (tag === 'option') { var a = this.attr('value'); return a !== undefined ? a : this.text(); }
        if (tag === 'input' && (this.attr('type') === 'checkbox' || this.attr('type') === 'radio')) { var cv = this.attr('value'); return cv !== undefined ? cv : 'on'; }
        return this.attr('value');
      }
      if (tag === 'textarea') { return this.text(v); }
      return this.attr('value', v);
    };
    fn.hasClass = function (cls) {
      return slice.call(this).some(function (n) { var c = n.attribs && n.attribs['class']; return !!c && (' ' + c.replace(/[\t\r\n\f]/g, ' ') + ' ').indexOf(' ' + cls + ' ') > -1; });
    };
    function classes(n) { return ((n.attribs && n.attribs['class']) || '').split(/\s+/).filter(Boolean); }
    fn.addClass = function (cls) {
      var me = this;
      return this.each(function (i) {
        if (!this.attribs) { return; }
        var add = (typeof cls === 'function' ? cls.call(this, i, this.attribs['class'] || '') : cls || '').split(/\s+/).filter(Boolean);
        var cur = classes(this); add.forEach(function (c) { if (cur.indexOf(c) < 0) { cur.push(c); } });
        $(this).attr('class', cur.join(' '));
      });
    };
    fn.removeClass = function (cls) {
      return this.each(function (i) {
        if (!this.attribs) { return; }
        if (cls === undefined) { $(this).attr('class', ''); return; }
        var rm = (typeof cls === 'function' ? cls.call(this, i, this.attribs['class'] || '') : cls).split(/\s+/).filter(Boolean);
        $(this).attr('class', classes(this).filter(function (c) { return rm.indexOf(c) < 0; }).join(' '));
      });
    };
    fn.toggleClass = function (cls, state) {
      return this.each(function () {
        var el = $(this);
        cls.split(/\s+/).filter(Boolean).forEach(function (c) {
          var on = state === undefined ? !el.hasClass(c) : !!state;
          if (on) { el.addClass(c); } else { el.removeClass(c); }
        });
      });
    };
    function inserter(where) {
      return function (content) {
        var s = content instanceof Cheerio ? content.toString() : (isNode(content) ? $(content).toString() : String(content));
        ids(this).forEach(function (id) { api.insert(id, s, where); });
        if (content instanceof Cheerio) { ids(content).forEach(function (id) { api.remove(id); }); }
        return this;
      };
    }
    fn.append = inserter('append'); fn.prepend = inserter('prepend'); fn.before = inserter('before'); fn.after = inserter('after');
    fn.appendTo = function (t) { $(t).append(this); return this; };
    fn.prependTo = function (t) { $(t).prepend(this); return this; };
    fn.insertBefore = function (t) { $(t).before(this); return this; };
    fn.insertAfter = function (t) { $(t).after(this); return this; };
    fn.replaceWith = function (content) { this.before(content); return this.remove(); };
    fn.remove = function (sel) { var list = sel ? this.filter(sel) : this; ids(list).forEach(function (id) { api.remove(id); }); return this; };
    fn.empty = function () { ids(this).forEach(function (id) { api.setHTML(id, ''); }); return this; };
    fn.wrap = function (w) {
      var s = w instanceof Cheerio ? w.toString() : (isNode(w) ? $(w).toString() : String(w));
      ids(this).forEach(function (id) { api.wrap(id, s); });
      return this;
    };
    fn.addBack = function (sel) {
      var prev = this.prevObject ? (sel ? this.prevObject.filter(sel) : this.prevObject) : new Cheerio([]);
      return wrap(api.sortDoc(uniq(ids(this).concat(ids(prev)))), this);
    };
    fn.splice = Array.prototype.splice;
    fn.clone = function () { return $(this.toString()); };
    fn.css = function (prop, v) {
      var f = this[0]; if (!f || !f.attribs) { return undefined; }
      var styles = {};
      (f.attribs.style || '').split(';').forEach(function (d) { var i = d.indexOf(':'); if (i > 0) { styles[d.slice(0, i).trim()] = d.slice(i + 1).trim(); } });
      if (v === undefined && typeof prop === 'string') { return styles[prop]; }
      if (prop === undefined) { return styles; }
      var upd = typeof prop === 'object' ? prop : (function () { var o = {}; o[prop] = v; return o; })();
      return this.each(function () {
        var st = {}; (this.attribs.style || '').split(';').forEach(function (d) { var i = d.indexOf(':'); if (i > 0) { st[d.slice(0, i).trim()] = d.slice(i + 1).trim(); } });
        Object.keys(upd).forEach(function (k) { if (upd[k] === '' || upd[k] == null) { delete st[k]; } else { st[k] = upd[k]; } });
        $(this).attr('style', Object.keys(st).map(function (k) { return k + ': ' + st[k] + ';'; }).join(' '));
      });
    };
    fn.serializeArray = function () {
      var out = [];
      this.find('input[name], select[name], textarea[name]').add(this.filter('input[name], select[name], textarea[name]')).each(function () {
        var el = $(this), type = (el.attr('type') || '').toLowerCase();
        if (el.attr('disabled') !== undefined || /^(?:submit|button|image|reset|file)$/.test(type)) { return; }
        if ((type === 'checkbox' || type === 'radio') && el.attr('checked') === undefined) { return; }
        var v = el.val();
        (Array.isArray(v) ? v : [v == null ? '' : v]).forEach(function (x) { out.push({ name: el.attr('name'), value: String(x).replace(/\r?\n/g, '\r\n') }); });
      });
      return out;
    };
    fn.serialize = function () {
      return this.serializeArray().map(function (d) { return encodeURIComponent(d.name) + '=' + encodeURIComponent(d.value); }).join('&').replace(/%20/g, '+');
    };

    function $(selector, context) {
      if (selector instanceof Cheerio) { return selector; }
      if (selector == null || selector === '') { return new Cheerio([]); }
      if (isNode(selector)) { return new Cheerio([selector]); }
      if (Array.isArray(selector)) { return new Cheerio(selector.filter(isNode)); }
      if (typeof selector === 'string') {
        var t = selector.trim();
        if (t.charAt(0) === '<' && t.charAt(t.length - 1) === '>') { return wrap(api.parse(t)); }
        var ctx;
        if (context === undefined) { ctx = [rootId]; } else if (typeof context === 'string') { ctx = ids($(context)); } else { ctx = ids($(context)); }
        return wrap(api.find(ctx, selector));
      }
      return new Cheerio([]);
    }
    $.prototype = fn;
    $.fn = fn;
    $.root = function () { return wrap([rootId]); };
    $.html = function (sel) {
      if (sel === undefined) { return api.outer([rootId]); }
      return $(sel).toString();
    };
    $.xml = $.html;
    $.text = function (elems) { return elems === undefined ? api.text([rootId]) : api.text(ids($(elems))); };
    $.contains = function (container, contained) {
      for (var p = contained && contained.parent; p; p = p.parent) { if (p === container) { return true; } }
      return false;
    };
    $.parseHTML = function (s) { return wrap(api.parse(String(s))).toArray(); };
    $.load = load;
    $._root = $.root();
    $._options = options;
    return $;
  }

  function cheerio(selector, context, root) {
    var $ = load(root || '');
    return $(selector, context);
  }
  cheerio.load = load;
  cheerio.html = function (x) { return x && x.toString ? x.toString() : ''; };
  cheerio.xml = cheerio.html;
  cheerio.text = function (x) { return x && x.text ? x.text() : ''; };
  cheerio.parseHTML = function (s) { return load('').parseHTML(s); };
  cheerio.root = function () { return load('').root(); };
  cheerio.contains = function (container, contained) {
    for (var p = contained && contained.parent; p; p = p.parent) { if (p === container) { return true; } }
    return false;
  };
  cheerio.version = '0.22.0';
  return cheerio;
})
