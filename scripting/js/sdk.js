// postie's own implementation of the postman-collection SDK subset that
// scripts use (PropertyList, Url, QueryParam, Header, Request, Response,
// Cookie, RequestBody, Variable scopes). Evaluates to the SDK object.
(function () {
    'use strict';
    var hasOwn = Object.prototype.hasOwnProperty,
        // list state and parent links live under symbols: invisible to
        // JSON.stringify, for-in and console.log, and cheaper than
        // non-enumerable properties
        STATE = Symbol('state'), PARENT = Symbol('parent');

    function isObj(v) { return v !== null && typeof v === 'object'; }
    function isFn(v) { return typeof v === 'function'; }
    function extend(Child, Parent, proto) {
        Child.prototype = Object.create(Parent.prototype);
        Child.prototype.constructor = Child;
        for (var k in proto) { if (hasOwn.call(proto, k)) { Child.prototype[k] = proto[k]; } }
        return Child;
    }
    function plain(v) {
        if (v === undefined || v === null || typeof v !== 'object') { return v; }
        if (isFn(v.toJSON)) { return v.toJSON(); }
        if (Array.isArray(v)) { return v.map(plain); }
        var o = {};
        for (var k in v) { if (hasOwn.call(v, k) && k.charAt(0) !== '_' && !isFn(v[k])) { o[k] = plain(v[k]); } }
        return o;
    }

    // ---------------------------------------------------------------- base
    function PropertyBase() {}
    PropertyBase.prototype.toJSON = function () {
        var o = {};
        for (var k in this) {
            if (!hasOwn.call(this, k) || k.charAt(0) === '_' || isFn(this[k]) || this[k] === undefined) { continue; }
            o[k] = plain(this[k]);
        }
        return o;
    };
    PropertyBase.prototype.parent = function () { return this[PARENT]; };
    PropertyBase.prototype.setParent = function (p) { this[PARENT] = p; };
    PropertyBase.prototype.forEachParent = function (opts, fn) {
        if (isFn(opts)) { fn = opts; }
        var p = this[PARENT];
        while (p) { fn(p); p = p[PARENT]; }
    };
    PropertyBase.prototype.findInParents = function (prop) {
        var p = this;
        while (p) { if (p[prop] !== undefined) { return p; } p = p[PARENT]; }
    };

    function Property(def) {
        PropertyBase.call(this);
        if (def && def.id !== undefined) { this.id = def.id; }
        if (def && def.name !== undefined) { this.name = def.name; }
        if (def && def.disabled !== undefined) { this.disabled = def.disabled; }
    }
    extend(Property, PropertyBase, {
        describe: function (content, type) { this.description = { content: content, type: type || 'text/plain' }; }
    });

    // ---------------------------------------------------------- PropertyList
    function PropertyList(Type, parent, populate) {
        this[STATE] = { type: Type, members: [], ref: {} };
        this[PARENT] = parent;
        if (populate) { this.populate(populate); }
    }
    function listKey(list) { var T = list[STATE].type; return (T && T._postman_propertyIndexKey) || 'id'; }
    function listCI(list) { var T = list[STATE].type; return !!(T && T._postman_propertyIndexCaseInsensitive); }
    function listMulti(list) { var T = list[STATE].type; return !!(T && T._postman_propertyAllowsMultipleValues); }
    function refKey(list, k) { return listCI(list) && k !== undefined && k !== null ? String(k).toLowerCase() : k; }
    function reindex(list) {
        var ref = list[STATE].ref = {}, key = listKey(list), multi = listMulti(list);
        list[STATE].members.forEach(function (m) {
            if (!m || m[key] === undefined || m[key] === null) { return; }
            var k = refKey(list, m[key]);
            if (multi && hasOwn.call(ref, k)) {
                if (!Array.isArray(ref[k])) { ref[k] = [ref[k]]; }
                ref[k].push(m);
            } else { ref[k] = m; }
        });
    }
    PropertyList.isPropertyList = function (o) { return o instanceof PropertyList; };
    PropertyList.prototype = {
        constructor: PropertyList,
        _cast: function (item) {
            var T = this[STATE].type;
            if (item === undefined || item === null) { return item; }
            if (T && !(item instanceof T)) {
                item = isFn(T.create) ? T.create(item) : new T(item);
            }
            if (item && this[PARENT] && isFn(item.setParent)) { item.setParent(this[PARENT]); }
            return item;
        },
        insert: function (item, before) {
            item = this._cast(item);
            if (item === undefined || item === null) { return; }
            var members = this[STATE].members, idx = -1;
            if (before !== undefined && before !== null) {
                idx = members.indexOf(typeof before === 'object' ? before : this.one(before));
            }
            if (idx < 0) { members.push(item); } else { members.splice(idx, 0, item); }
            reindex(this);
        },
        insertAfter: function (item, after) {
            item = this._cast(item);
            var members = this[STATE].members,
                idx = members.indexOf(typeof after === 'object' ? after : this.one(after));
            if (idx < 0) { members.push(item); } else { members.splice(idx + 1, 0, item); }
            reindex(this);
        },
        append: function (item) { this.insert(item); },
        prepend: function (item) { this.insert(item, this[STATE].members[0]); },
        add: function (item) { this.insert(item); },
        upsert: function (item) {
            if (item === undefined || item === null) { return null; }
            var key = listKey(this), existing = item[key] !== undefined ? this.one(item[key]) : undefined;
            if (existing) {
                if (isFn(existing.update)) { existing.update(item); }
                else { for (var k in item) { if (hasOwn.call(item, k)) { existing[k] = item[k]; } } }
                reindex(this);
                return false;
            }
            this.add(item);
            return true;
        },
        remove: function (predicate, context) {
            var list = this, members = this[STATE].members, match;
            if (isFn(predicate)) {
                match = function (m) { return predicate.call(context, m); };
            } else if (typeof predicate === 'string' || typeof predicate === 'number') {
                var k = refKey(this, predicate), key = listKey(this);
                match = function (m) { return m && refKey(list, m[key]) === k; };
            } else if (isObj(predicate)) {
                match = function (m) { return m === predicate; };
            } else { return; }
            this[STATE].members = members.filter(function (m) { return !match(m); });
            reindex(this);
        },
        clear: function () { this[STATE].members = []; this[STATE].ref = {}; },
        populate: function (items) {
            var self = this;
            if (typeof items === 'string' && isFn(this[STATE].type && this[STATE].type.parse)) { items = this[STATE].type.parse(items); }
            if (!items) { return; }
            if (!Array.isArray(items)) { items = [items]; }
            items.forEach(function (i) { var c = self._cast(i); if (c !== undefined && c !== null) { self[STATE].members.push(c); } });
            reindex(this);
        },
        repopulate: function (items) { this.clear(); this.populate(items); },
        assimilate: function (source, prune) {
            var self = this, members = source instanceof PropertyList ? source.all() : source;
            if (prune) { this.clear(); }
            (members || []).forEach(function (m) { self.upsert(m); });
        },
        all: function () { return this[STATE].members.slice(); },
        one: function (id) {
            var v = this[STATE].ref[refKey(this, id)];
            if (Array.isArray(v)) { return v.length ? v[v.length - 1] : undefined; }
            return hasOwn.call(this[STATE].ref, refKey(this, id)) ? v : undefined;
        },
        get: function (key) {
            var m = this.one(key);
            if (!m) { return undefined; }
            return isFn(m.valueOf) ? m.valueOf() : m;
        },
        each: function (fn, context) { this[STATE].members.slice().forEach(function (m, i) { fn.call(context, m, i); }); },
        filter: function (fn, context) { return this[STATE].members.filter(function (m, i) { return fn.call(context, m, i); }); },
        find: function (fn, context) { return this[STATE].members.find(function (m, i) { return fn.call(context, m, i); }); },
        map: function (fn, context) { return this[STATE].members.map(function (m, i) { return fn.call(context, m, i); }); },
        reduce: function (fn, acc, context) {
            return this[STATE].members.reduce(function (a, m, i) { return fn.call(context, a, m, i); }, acc);
        },
        count: function () { return this[STATE].members.length; },
        idx: function (i) { return this[STATE].members[i]; },
        indexOf: function (item) {
            return this[STATE].members.indexOf(typeof item === 'object' ? item : this.one(item));
        },
        has: function (item, value) {
            var key = listKey(this), list = this;
            if (isObj(item)) { return this[STATE].members.indexOf(item) !== -1; }
            var k = refKey(this, item);
            if (!hasOwn.call(this[STATE].ref, k)) { return false; }
            if (arguments.length < 2) { return true; }
            return this[STATE].members.some(function (m) {
                return m && refKey(list, m[key]) === k && (isFn(m.valueOf) ? m.valueOf() : m) === value;
            });
        },
        eachParent: function (fn) { var p = this[PARENT]; while (p) { fn(p); p = p[PARENT]; } },
        toObject: function (excludeDisabled, caseSensitive, multiValue, sanitizeKeys) {
            var obj = {}, key = listKey(this), sensitive = !listCI(this) || caseSensitive,
                multi = listMulti(this) || multiValue;
            this[STATE].members.forEach(function (m) {
                if (!m || !hasOwn.call(m, key) || (excludeDisabled && m.disabled) || (sanitizeKeys && !m[key])) { return; }
                var p = sensitive ? m[key] : String(m[key]).toLowerCase(), v = isFn(m.valueOf) ? m.valueOf() : m;
                if (multi && hasOwn.call(obj, p)) {
                    if (!Array.isArray(obj[p])) { obj[p] = [obj[p]]; }
                    obj[p].push(v);
                } else { obj[p] = v; }
            });
            return obj;
        },
        toString: function () {
            var T = this[STATE].type;
            if (T && isFn(T.unparse)) { return T.unparse(this[STATE].members); }
            return this[STATE].members.map(function (m) { return String(m); }).join('');
        },
        toJSON: function () {
            return this[STATE].members.map(function (m) { return isFn(m && m.toJSON) ? m.toJSON() : m; });
        }
    };
    Object.defineProperty(PropertyList.prototype, 'members', {
        get: function () { return this[STATE].members; },
        set: function (v) { this.repopulate(v); }
    });

    // -------------------------------------------------------------- Header
    function Header(options, name) {
        Property.call(this, {});
        if (typeof options === 'string') {
            if (typeof name === 'string') { options = { key: name, value: options }; }
            else { options = Header.parseSingle(options); }
        }
        options = options || {};
        this.key = options.key !== undefined && options.key !== null ? String(options.key) : '';
        this.value = options.value !== undefined && options.value !== null ? options.value : '';
        if (options.disabled) { this.disabled = true; }
        if (options.system) { this.system = true; }
        if (options.type !== undefined) { this.type = options.type; }
        if (options.description !== undefined) { this.description = options.description; }
    }
    extend(Header, Property, {
        update: function (o) {
            if (!o) { return; }
            if (o.key !== undefined) { this.key = String(o.key); }
            if (o.value !== undefined) { this.value = o.value; }
            if (o.disabled !== undefined) { this.disabled = o.disabled; }
            if (o.system !== undefined) { this.system = o.system; }
        },
        toString: function () { return this.key + ': ' + this.value; },
        valueOf: function () { return this.value; }
    });
    Header._postman_propertyIndexKey = 'key';
    Header._postman_propertyIndexCaseInsensitive = true;
    Header._postman_propertyAllowsMultipleValues = true;
    Header.isHeader = function (o) { return o instanceof Header; };
    Header.create = function (value, name) { return new Header(value, name); };
    Header.parse = function (str) {
        if (typeof str !== 'string') { return []; }
        return str.split(/\r?\n/).map(function (l) { return l.trim(); }).filter(Boolean).map(Header.parseSingle);
    };
    Header.parseSingle = function (str) {
        if (typeof str !== 'string') { return { key: '', value: '' }; }
        var i = str.indexOf(':');
        if (i < 0) { return { key: str.trim(), value: '' }; }
        return { key: str.slice(0, i).trim(), value: str.slice(i + 1).trim() };
    };
    Header.unparseSingle = function (h) { return h ? h.key + ': ' + h.value : ''; };
    Header.unparse = function (list, sep) {
        var arr = list instanceof PropertyList ? list.all() : (list || []);
        return arr.filter(function (h) { return h && !h.disabled; }).map(Header.unparseSingle).join(sep === undefined ? '\r\n' : sep);
    };

    function HeaderList(parent, populate) { PropertyList.call(this, Header, parent, populate); }
    extend(HeaderList, PropertyList, {
        contentSize: function () {
            return this.reduce(function (acc, h) { return h.disabled ? acc : acc + h.key.length + String(h.value).length + 4; }, 0);
        }
    });
    HeaderList.isHeaderList = function (o) { return o instanceof HeaderList; };

    // ----------------------------------------------------------- QueryParam
    function encodeReserved(str, eq) {
        if (typeof str !== 'string' || !str) { return str; }
        // keep {{variables}} untouched
        return str.replace(/({{[^{}]*}})|([&#=])/g, function (m, v, c) {
            if (v) { return v; }
            if (c === '&') { return '%26'; }
            if (c === '#') { return '%23'; }
            return eq ? '%3D' : '=';
        });
    }
    function QueryParam(options) {
        Property.call(this, {});
        if (typeof options === 'string') { options = QueryParam.parseSingle(options); }
        options = options || {};
        this.key = options.key === undefined ? null : options.key;
        this.value = options.value === undefined ? null : options.value;
        if (options.disabled) { this.disabled = true; }
        if (options.description !== undefined) { this.description = options.description; }
    }
    extend(QueryParam, Property, {
        update: function (o) {
            if (typeof o === 'string') { o = QueryParam.parseSingle(o); }
            if (!o) { return; }
            if (o.key !== undefined) { this.key = o.key; }
            if (o.value !== undefined) { this.value = o.value; }
            if (o.disabled !== undefined) { this.disabled = o.disabled; }
        },
        toString: function () { return QueryParam.unparseSingle(this); },
        // a key without a value ("?flag") reads as ''
        valueOf: function () { return typeof this.value === 'string' ? this.value : ''; }
    });
    QueryParam._postman_propertyIndexKey = 'key';
    QueryParam._postman_propertyAllowsMultipleValues = true;
    QueryParam.parse = function (q) { return typeof q === 'string' ? q.split('&').map(QueryParam.parseSingle) : []; };
    QueryParam.parseSingle = function (p, idx, all) {
        if (p === '' && typeof idx === 'number' && Array.isArray(all) && idx !== all.length - 1) {
            return { key: null, value: null };
        }
        var i = typeof p === 'string' ? p.indexOf('=') : -1;
        if (i < 0) { return { key: p, value: null }; }
        return { key: p.slice(0, i), value: p.slice(i + 1) };
    };
    QueryParam.unparseSingle = function (o) {
        if (!o) { return ''; }
        var r = typeof o.key === 'string' ? encodeReserved(o.key, true) : '';
        if (typeof o.value === 'string') { r += '=' + encodeReserved(o.value, false); }
        return r;
    };
    QueryParam.unparse = function (params) {
        if (!params) { return ''; }
        if (!Array.isArray(params) && !(params instanceof PropertyList)) {
            return Object.keys(params).map(function (k) { return QueryParam.unparseSingle({ key: k, value: params[k] }); }).join('&');
        }
        var arr = params instanceof PropertyList ? params.all() : params;
        return arr.filter(function (p) { return p && p.disabled !== true; }).map(QueryParam.unparseSingle).join('&');
    };

    // ------------------------------------------------------------ FormParam
    function FormParam(options) {
        Property.call(this, {});
        options = options || {};
        this.key = options.key === undefined ? '' : options.key;
        this.value = options.value === undefined ? '' : options.value;
        if (options.type !== undefined) { this.type = options.type; }
        if (options.src !== undefined) { this.src = options.src; }
        if (options.contentType !== undefined) { this.contentType = options.contentType; }
        if (options.disabled) { this.disabled = true; }
        if (options.description !== undefined) { this.description = options.description; }
    }
    extend(FormParam, Property, {
        toString: function () { return this.key + '=' + this.value; },
        valueOf: function () { return this.value; }
    });
    FormParam._postman_propertyIndexKey = 'key';
    FormParam._postman_propertyAllowsMultipleValues = true;

    // ------------------------------------------------------------- Variable
    function Variable(def) {
        Property.call(this, {});
        def = def || {};
        this.key = def.key;
        this.value = def.value;
        if (def.type !== undefined) { this.type = def.type; }
        if (def.disabled) { this.disabled = true; }
        if (def.description !== undefined) { this.description = def.description; }
    }
    extend(Variable, Property, {
        get: function () { return this.value; },
        set: function (v) { this.value = v; },
        update: function (o) { if (o) { for (var k in o) { if (hasOwn.call(o, k)) { this[k] = o[k]; } } } },
        valueOf: function () { return this.value; },
        toString: function () { var v = this.value; return v === undefined || v === null ? '' : (isObj(v) ? JSON.stringify(v) : String(v)); }
    });
    Variable._postman_propertyIndexKey = 'key';

    function VariableList(parent, populate) { PropertyList.call(this, Variable, parent, populate); }
    extend(VariableList, PropertyList, {
        replace: function (str) { return replaceIn(str, this.toObject(true)); }
    });

    function replaceIn(str, values, depth) {
        if (typeof str !== 'string') { return str; }
        depth = depth || 0;
        var changed = false, out = str.replace(/{{([^{}]*?)}}/g, function (m, name) {
            if (hasOwn.call(values, name) && values[name] !== undefined) {
                changed = true;
                var v = values[name];
                return v === null ? 'null' : (isObj(v) ? (Array.isArray(v) ? String(v) : '[object Object]') : String(v));
            }
            return m;
        });
        return changed && depth < 19 && out.indexOf('{{') !== -1 ? replaceIn(out, values, depth + 1) : out;
    }

    // In-memory VariableScope (for require('postman-collection')).
    function VariableScope(def) {
        PropertyBase.call(this);
        var vals = Array.isArray(def) ? def : (def && def.values) || [];
        if (def && def.id) { this.id = def.id; }
        if (def && def.name) { this.name = def.name; }
        this.values = new VariableList(this, vals);
    }
    extend(VariableScope, PropertyBase, {
        has: function (k) { var v = this.values.one(k); return !!v && !v.disabled; },
        get: function (k) { var v = this.values.one(k); return v && !v.disabled ? v.value : undefined; },
        set: function (k, val, type) {
            var v = this.values.one(k);
            if (v) { v.value = val; if (type) { v.type = type; } } else { this.values.add({ key: k, value: val, type: type || 'any' }); }
        },
        unset: function (k) { this.values.remove(k); },
        clear: function () { this.values.clear(); },
        toObject: function () { return this.values.toObject(true); },
        replaceIn: function (t) { return replaceIn(t, this.toObject()); },
        syncVariablesTo: function (o) { o = o || {}; var src = this.toObject(); for (var k in src) { o[k] = src[k]; } return o; },
        variables: function () { return this.toObject(); },
        toJSON: function () { return { id: this.id, name: this.name, values: this.values.toJSON() }; }
    });

    // ------------------------------------------------------------------ Url
    function parseUrl(raw) {
        var out = { raw: raw }, s, i, saved = [];
        if (typeof raw !== 'string' || !raw) { return out; }
        s = raw.replace(/^\s+/, '');
        out.raw = s;
        // protect variables holding URL separators
        s = s.replace(/{{[^{}]*[.:/?#@&\]][^{}]*}}/g, function (m) { saved.push(m); return '\u0000' + (saved.length - 1) + '\u0001'; });
        var restore = function (v) {
            if (typeof v !== 'string' || v.indexOf('\u0000') === -1) { return v; }
            return v.replace(/\u0000(\d+)\u0001/g, function (m, n) { return saved[+n]; });
        };
        if ((i = s.indexOf('#')) !== -1) { out.hash = s.slice(i + 1); s = s.slice(0, i); }
        if ((i = s.indexOf('?')) !== -1) { out.query = s.slice(i + 1).split('&'); s = s.slice(0, i); }
        s = s.replace(/\\/g, '/');
        if ((i = s.indexOf('://')) !== -1) {
            out.protocol = s.slice(0, i);
            s = s.slice(i + 3).replace(/^\/+/, out.protocol.toLowerCase() === 'file' ? '/' : '');
        }
        if ((i = s.indexOf('/')) !== -1) { out.path = s.slice(i + 1).split('/'); s = s.slice(0, i); }
        if ((i = s.lastIndexOf('@')) !== -1) {
            var a = s.slice(0, i), j = a.indexOf(':');
            out.auth = j !== -1 ? { user: a.slice(0, j), password: a.slice(j + 1) } : { user: a };
            s = s.slice(i + 1);
        }
        if ((i = s.lastIndexOf(':')) !== -1 && s.slice(i + 1).indexOf(']') === -1) { out.port = s.slice(i + 1); s = s.slice(0, i); }
        if (s) { out.host = s.split('.'); }
        ['hash', 'protocol', 'port'].forEach(function (k) { if (out[k] !== undefined) { out[k] = restore(out[k]); } });
        if (out.query) { out.query = out.query.map(restore).map(QueryParam.parseSingle); }
        if (out.path) { out.path = out.path.map(restore); }
        if (out.host) { out.host = out.host.map(restore); }
        if (out.auth) { out.auth.user = restore(out.auth.user); if (out.auth.password !== undefined) { out.auth.password = restore(out.auth.password); } }
        var seen = {}, vars = [];
        (out.path || []).forEach(function (seg) {
            var m = /^:([^\s/]+)$/.exec(seg) || /^:(.+)$/.exec(seg);
            if (m && !seen[m[1]]) { seen[m[1]] = true; vars.push({ key: m[1] }); }
        });
        if (vars.length) { out.variable = vars; }
        return out;
    }

    function Url(options) {
        PropertyBase.call(this);
        this.update(options);
    }
    extend(Url, PropertyBase, {
        update: function (options) {
            if (typeof options === 'string') { options = parseUrl(options); }
            options = options || {};
            if (options.raw !== undefined && options.host === undefined && options.path === undefined &&
                options.protocol === undefined && options.query === undefined && typeof options.raw === 'string') {
                var vars = options.variable;
                options = parseUrl(options.raw);
                if (vars) { options.variable = vars; }
            }
            var auth = options.auth;
            this.auth = auth ? auth : undefined;
            this.protocol = options.protocol;
            this.port = options.port;
            this.path = typeof options.path === 'string' ? options.path.replace(/^\//, '').split('/') : options.path;
            this.hash = options.hash;
            this.host = typeof options.host === 'string' ? options.host.split('.') : options.host;
            var q = options.query;
            if (typeof q === 'string') { q = QueryParam.parse(q); }
            this.query = new PropertyList(QueryParam, this, q || []);
            this.variables = new VariableList(this, options.variable || options.variables || []);
        },
        addQueryParams: function (params) {
            if (typeof params === 'string') { params = QueryParam.parse(params); }
            this.query.populate(params);
        },
        removeQueryParams: function (params) {
            var self = this;
            if (!params) { return; }
            if (!Array.isArray(params)) { params = [params]; }
            params.forEach(function (p) { self.query.remove(typeof p === 'object' ? p.key : p); });
        },
        getHost: function () {
            if (!this.host) { return ''; }
            return Array.isArray(this.host) ? this.host.join('.') : String(this.host);
        },
        getPath: function (unresolved) {
            if (!this.path) { return '/'; }
            var vars = this.variables, segs = Array.isArray(this.path) ? this.path : [this.path];
            return '/' + segs.map(function (seg) {
                if (unresolved || typeof seg !== 'string' || seg.charAt(0) !== ':' || !vars) { return seg; }
                // ":name" or ":name.suffix": a non-empty string value replaces the name
                var dot = seg.indexOf('.'), key = seg.slice(1, dot === -1 ? undefined : dot);
                if (!key) { return seg; }
                var val = vars.get(key);
                return val && typeof val === 'string' ? val + seg.slice(key.length + 1) : seg;
            }).join('/');
        },
        getQueryString: function (options) { return QueryParam.unparse(this.query, options); },
        getPathWithQuery: function (unresolved) {
            var p = this.getPath(unresolved), q = this.getQueryString();
            return q ? p + '?' + q : p;
        },
        getRemote: function (forcePort) {
            var host = this.getHost(), port = this.port;
            if (!port && forcePort) { port = this.protocol === 'https' ? '443' : '80'; }
            return port ? host + ':' + port : host;
        },
        getRaw: function () { return this.toString(); },
        getOAuth1BaseUrl: function () {
            var protocol = this.protocol || 'http', port = this.port ? String(this.port) : '';
            if ((protocol === 'http' && port === '80') || (protocol === 'https' && port === '443')) { port = ''; }
            return protocol + '://' + this.getHost().toLowerCase() + (port ? ':' + port : '') + this.getPath();
        },
        // toString substitutes path variables, as the SDK does
        toString: function (forceProtocol) { return this.toRaw(forceProtocol, false); },
        // toRaw is toString keeping ":name" path segments when unresolvedPath
        toRaw: function (forceProtocol, unresolvedPath) {
            var s = '';
            if (this.protocol) { s += this.protocol + '://'; }
            else if (forceProtocol) { s += 'http://'; }
            if (this.auth && (this.auth.user || this.auth.password !== undefined)) {
                s += (this.auth.user || '') + (this.auth.password !== undefined ? ':' + this.auth.password : '') + '@';
            }
            s += this.getHost();
            if (this.port !== undefined && this.port !== null && this.port !== '') { s += ':' + this.port; }
            if (this.path) { s += this.getPath(unresolvedPath); }
            if (this.query && this.query.count()) {
                var q = this.getQueryString();
                if (q) { s += '?' + q; }
            }
            if (this.hash) { s += '#' + this.hash; }
            return s;
        },
        toJSON: function () {
            var o = {};
            if (this.protocol !== undefined) { o.protocol = this.protocol; }
            if (this.auth !== undefined) { o.auth = plain(this.auth); }
            if (this.port !== undefined) { o.port = this.port; }
            if (this.path !== undefined) { o.path = plain(this.path); }
            if (this.host !== undefined) { o.host = plain(this.host); }
            o.query = this.query.toJSON();
            if (this.hash !== undefined) { o.hash = this.hash; }
            o.variable = this.variables.toJSON();
            return o;
        }
    });
    Url.parse = parseUrl;
    Url.isUrl = function (o) { return o instanceof Url; };

    // ----------------------------------------------------------- RequestBody
    function RequestBody(options) {
        PropertyBase.call(this);
        this.update(options);
    }
    extend(RequestBody, PropertyBase, {
        update: function (options) {
            if (typeof options === 'string') { options = { mode: 'raw', raw: options }; }
            options = options || {};
            if (!options.mode) { return; }
            this.mode = options.mode;
            var m = options.mode;
            delete this.raw; delete this.urlencoded; delete this.formdata; delete this.file; delete this.graphql;
            if (m === 'raw') { this.raw = options.raw === undefined ? '' : options.raw; }
            else if (m === 'urlencoded') {
                var u = options.urlencoded;
                if (typeof u === 'string') { u = QueryParam.parse(u); }
                this.urlencoded = new PropertyList(QueryParam, this, u || []);
            } else if (m === 'formdata') { this.formdata = new PropertyList(FormParam, this, options.formdata || []); }
            else if (m === 'file') { this.file = options.file; }
            else if (m === 'graphql') { this.graphql = options.graphql; }
            else if (options[m] !== undefined) { this[m] = options[m]; }
            if (options.options !== undefined) { this.options = options.options; }
            if (options.disabled !== undefined) { this.disabled = options.disabled; }
        },
        isEmpty: function () {
            var m = this.mode;
            if (!m || !this[m]) { return true; }
            if (this[m] instanceof PropertyList) { return this[m].count() === 0; }
            if (m === 'file') { return !(this.file.src || this.file.content); }
            if (m === 'graphql') { return !(this.graphql && this.graphql.query); }
            return !this[m];
        },
        toString: function () {
            var m = this.mode;
            if (m === 'raw') { return String(this.raw === undefined ? '' : this.raw); }
            if (m === 'urlencoded') { return QueryParam.unparse(this.urlencoded); }
            if (m === 'graphql' && this.graphql) { return JSON.stringify({ query: this.graphql.query, variables: this.graphql.variables }); }
            if (m === 'file' && this.file && typeof this.file.content === 'string') { return this.file.content; }
            return '';
        }
    });
    RequestBody.MODES = { file: 'file', formdata: 'formdata', graphql: 'graphql', raw: 'raw', urlencoded: 'urlencoded' };

    // --------------------------------------------------------------- Cookie
    function Cookie(options) {
        PropertyBase.call(this);
        if (typeof options === 'string') { options = Cookie.parse(options); }
        options = options || {};
        this.name = options.name !== undefined ? options.name : options.key;
        this.value = options.value;
        var fields = ['expires', 'maxAge', 'domain', 'path', 'secure', 'httpOnly', 'hostOnly', 'session', 'extensions'];
        for (var i = 0; i < fields.length; i++) { if (options[fields[i]] !== undefined) { this[fields[i]] = options[fields[i]]; } }
    }
    extend(Cookie, PropertyBase, {
        update: function (o) { for (var k in o) { if (hasOwn.call(o, k)) { this[k] = o[k]; } } },
        toString: function () {
            var s = this.name + '=' + this.value;
            if (this.path) { s += '; Path=' + this.path; }
            if (this.domain) { s += '; Domain=' + this.domain; }
            if (this.expires) { s += '; Expires=' + (this.expires instanceof Date ? this.expires.toUTCString() : this.expires); }
            if (this.secure) { s += '; Secure'; }
            if (this.httpOnly) { s += '; HttpOnly'; }
            return s;
        },
        valueOf: function () { return this.value; }
    });
    Cookie._postman_propertyIndexKey = 'name';
    Cookie._postman_propertyAllowsMultipleValues = true;
    Cookie.isCookie = function (o) { return o instanceof Cookie; };
    Cookie.parse = function (str) {
        if (typeof str !== 'string') { return str; }
        var parts = str.split(';'), first = parts.shift(), i = first.indexOf('='), c = {};
        c.name = (i < 0 ? first : first.slice(0, i)).trim();
        c.value = i < 0 ? '' : first.slice(i + 1).trim();
        parts.forEach(function (p) {
            var j = p.indexOf('='), k = (j < 0 ? p : p.slice(0, j)).trim().toLowerCase(), v = j < 0 ? true : p.slice(j + 1).trim();
            if (k === 'path') { c.path = v; } else if (k === 'domain') { c.domain = v; } else if (k === 'expires') { c.expires = v; }
            else if (k === 'max-age') { c.maxAge = Number(v); } else if (k === 'secure') { c.secure = true; }
            else if (k === 'httponly') { c.httpOnly = true; } else if (k) { (c.extensions = c.extensions || []).push({ key: k, value: v }); }
        });
        return c;
    };
    Cookie.unparseSingle = function (c) { return c ? c.name + '=' + c.value : ''; };
    Cookie.unparse = function (list) {
        var arr = list instanceof PropertyList ? list.all() : (list || []);
        return arr.map(Cookie.unparseSingle).join('; ');
    };
    function CookieList(parent, populate) { PropertyList.call(this, Cookie, parent, populate); }
    extend(CookieList, PropertyList, {});
    CookieList.isCookieList = function (o) { return o instanceof CookieList; };

    // ---------------------------------------------------------- RequestAuth
    // {type, <type>: VariableList}; parameters() is the list of the type in use.
    function RequestAuth(options, parent) {
        Property.call(this, {});
        if (parent) { this.setParent(parent); }
        if (!isObj(options)) { return; }
        if (options.type !== undefined) { this.use(options.type); }
        for (var k in options) {
            if (hasOwn.call(options, k) && k !== 'type') { this.update(options[k], k); }
        }
    }
    function authParams(auth, type) {
        var list = auth[type];
        if (!(list instanceof VariableList)) { list = auth[type] = new VariableList(auth, []); }
        return list;
    }
    function fillAuth(list, options) {
        if (Array.isArray(options) || options instanceof PropertyList) { list.assimilate(options); return; }
        for (var k in options) {
            if (!hasOwn.call(options, k)) { continue; }
            var v = list.one(k);
            if (v) { v.set(options[k]); } else { list.add(new Variable({ key: k, value: options[k] })); }
        }
    }
    extend(RequestAuth, Property, {
        update: function (options, type) {
            if (!isObj(options)) { return; }
            type = type || this.type;
            if (!RequestAuth.isValidType(type)) { return; }
            fillAuth(authParams(this, type), options);
        },
        use: function (type, options) {
            if (!RequestAuth.isValidType(type)) { return; }
            this.type = type;
            var list = authParams(this, type);
            if (isObj(options)) { fillAuth(list, options); }
        },
        current: function () { throw new Error('`Request#current` has been discontinued, use `Request#parameters` instead.'); },
        parameters: function () { return this[this.type]; },
        clear: function (type) {
            if (!RequestAuth.isValidType(type) || !(this[type] instanceof VariableList)) { return; }
            this[type].clear();
            if (type !== this.type) { delete this[type]; }
        }
    });
    RequestAuth.isValidType = function (t) { return typeof t === 'string' && t !== 'type'; };

    // -------------------------------------------------------------- Request
    function Request(options) {
        Property.call(this, options && typeof options === 'object' ? options : {});
        this.update(options);
    }
    extend(Request, Property, {
        update: function (options) {
            if (typeof options === 'string') { options = { url: options }; }
            options = options || {};
            this.url = options.url instanceof Url ? options.url : new Url(options.url);
            this.method = options.method ? String(options.method).toUpperCase() : 'GET';
            var h = options.header !== undefined ? options.header : options.headers;
            if (typeof h === 'string') { h = Header.parse(h); }
            else if (h && !Array.isArray(h) && !(h instanceof PropertyList)) {
                h = Object.keys(h).map(function (k) { return { key: k, value: h[k] }; });
            } else if (h instanceof PropertyList) { h = h.all(); }
            this.headers = new HeaderList(this, h || []);
            if (options.body !== undefined && options.body !== null) {
                this.body = options.body instanceof RequestBody ? options.body : new RequestBody(options.body);
            } else { this.body = undefined; }
            this.auth = isObj(options.auth) ? (options.auth instanceof RequestAuth ? options.auth : new RequestAuth(options.auth, this)) : undefined;
            if (options.proxy !== undefined) { this.proxy = options.proxy; }
            if (options.certificate !== undefined) { this.certificate = options.certificate; }
            if (options.description !== undefined) { this.description = options.description; }
        },
        getHeaders: function (options) {
            options = options || {};
            var obj = {};
            this.headers.each(function (h) {
                if (!h || (options.enabled && h.disabled)) { return; }
                var k = options.ignoreCase ? String(h.key).toLowerCase() : h.key;
                if (options.sanitizeKeys && !k) { return; }
                if (hasOwn.call(obj, k)) {
                    if (!Array.isArray(obj[k])) { obj[k] = [obj[k]]; }
                    obj[k].push(h.value);
                } else { obj[k] = h.value; }
            });
            return obj;
        },
        forEachHeader: function (fn) { this.headers.each(function (h) { if (h && !h.disabled) { fn(h); } }); },
        addHeader: function (h) { this.headers.add(h); },
        removeHeader: function (toRemove, options) {
            var ignoreCase = !options || options.ignoreCase !== false;
            if (toRemove instanceof Header) { this.headers.remove(toRemove); return; }
            if (typeof toRemove !== 'string') { return; }
            var name = ignoreCase ? toRemove.toLowerCase() : toRemove;
            this.headers.remove(function (h) { return (ignoreCase ? String(h.key).toLowerCase() : h.key) === name; });
        },
        upsertHeader: function (h) {
            if (!(h && h.key)) { return; }
            var existing = this.headers.one(h.key);
            if (existing) { existing.update(h); } else { this.headers.add(h); }
        },
        addQueryParams: function (p) { this.url.addQueryParams(p); },
        removeQueryParams: function (p) { this.url.removeQueryParams(p); },
        authorizeUsing: function (type, options) {
            if (isObj(type) && type.type) { options = type[type.type]; type = type.type; }
            if (type === null) { this.auth = undefined; return; }
            if (!RequestAuth.isValidType(type)) { return; }
            if (this.auth instanceof RequestAuth) { this.auth.clear(type); } else { this.auth = new RequestAuth(null, this); }
            this.auth.use(type, options);
        },
        size: function () {
            var body = this.body ? this.body.toString() : '';
            return { body: body.length, header: this.headers.contentSize(), total: body.length + this.headers.contentSize() };
        },
        clone: function () { return new Request(JSON.parse(JSON.stringify(this.toJSON()))); },
        toJSON: function () {
            var o = {};
            if (this.id !== undefined) { o.id = this.id; }
            if (this.name !== undefined) { o.name = this.name; }
            if (this.description !== undefined) { o.description = this.description; }
            // scripts may assign a string: pm.request.url = "http://..."
            var url = this.url instanceof Url ? this.url : new Url(this.url);
            o.url = url.toJSON();
            o.header = this.headers.toJSON();
            o.method = this.method;
            if (this.body !== undefined) { o.body = plain(this.body); }
            if (this.auth !== undefined) { o.auth = plain(this.auth); }
            if (this.proxy !== undefined) { o.proxy = plain(this.proxy); }
            if (this.certificate !== undefined) { o.certificate = plain(this.certificate); }
            return o;
        }
    });
    Request.isRequest = function (o) { return o instanceof Request; };

    // ------------------------------------------------------------- Response
    var REASONS = {
        100: 'Continue', 101: 'Switching Protocols', 200: 'OK', 201: 'Created', 202: 'Accepted',
        203: 'Non-Authoritative Information', 204: 'No Content', 205: 'Reset Content', 206: 'Partial Content',
        300: 'Multiple Choices', 301: 'Moved Permanently', 302: 'Found', 303: 'See Other', 304: 'Not Modified',
        307: 'Temporary Redirect', 308: 'Permanent Redirect', 400: 'Bad Request', 401: 'Unauthorized',
        402: 'Payment Required', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed', 406: 'Not Acceptable',
        407: 'Proxy Authentication Required', 408: 'Request Timeout', 409: 'Conflict', 410: 'Gone',
        411: 'Length Required', 412: 'Precondition Failed', 413: 'Payload Too Large', 414: 'URI Too Long',
        415: 'Unsupported Media Type', 416: 'Range Not Satisfiable', 417: 'Expectation Failed', 418: "I'm a teapot",
        422: 'Unprocessable Entity', 423: 'Locked', 424: 'Failed Dependency', 425: 'Too Early', 426: 'Upgrade Required',
        428: 'Precondition Required', 429: 'Too Many Requests', 431: 'Request Header Fields Too Large',
        451: 'Unavailable For Legal Reasons', 500: 'Internal Server Error', 501: 'Not Implemented', 502: 'Bad Gateway',
        503: 'Service Unavailable', 504: 'Gateway Timeout', 505: 'HTTP Version Not Supported',
        507: 'Insufficient Storage', 511: 'Network Authentication Required'
    };

    // A response's header and cookie lists are built on first use (most
    // scripts read only the code or the body): own enumerable accessors that
    // replace themselves with the list. The accessors are shared; the raw
    // lists wait in a WeakMap (an own property would show in chai's
    // messages).
    var lazyRaw = new WeakMap();
    function lazyDesc(name, make) {
        return {
            configurable: true, enumerable: true,
            get: function () {
                var raw;
                for (var o = this; o && !raw; o = Object.getPrototypeOf(o)) { raw = lazyRaw.get(o); }
                var v = make(this, raw ? raw[name] : undefined);
                Object.defineProperty(this, name, { value: v, writable: true, configurable: true, enumerable: true });
                return v;
            },
            set: function (v) { Object.defineProperty(this, name, { value: v, writable: true, configurable: true, enumerable: true }); }
        };
    }
    var headersDesc = lazyDesc('headers', function (self, raw) { return new HeaderList(self, raw || []); }),
        cookiesDesc = lazyDesc('cookies', function (self, raw) { return new CookieList(self, raw || []); });
    function Response(options) {
        if (options === undefined || options === null) {
            // the SDK's empty response (what a request error leaves): an id,
            // empty details and empty header and cookie lists, nothing else
            PropertyBase.call(this);
            this.id = sdk.uuid();
            this._details = {};
            Object.defineProperty(this, 'headers', headersDesc);
            Object.defineProperty(this, 'cookies', cookiesDesc);
            return;
        }
        Property.call(this, options);
        var h = options.header !== undefined ? options.header : options.headers;
        if (h && !Array.isArray(h) && !(h instanceof PropertyList)) {
            h = Object.keys(h).map(function (k) { return { key: k, value: h[k] }; });
        }
        this.status = options.status !== undefined ? options.status : REASONS[options.code];
        this.code = options.code;
        lazyRaw.set(this, { headers: h, cookies: options.cookie || options.cookies });
        Object.defineProperty(this, 'headers', headersDesc);
        if (options.body !== undefined) { this.body = options.body; }
        if (options.stream !== undefined) { this.stream = options.stream; }
        Object.defineProperty(this, 'cookies', cookiesDesc);
        this.responseTime = options.responseTime;
        this.responseSize = options.responseSize !== undefined ? options.responseSize : undefined;
        if (options.originalRequest !== undefined) { this.originalRequest = new Request(options.originalRequest); }
    }
    extend(Response, Property, {
        reason: function () { return this.status || REASONS[this.code]; },
        details: function () {
            if (this.code === undefined && this._details) { return {}; }
            var name = REASONS[this.code] || this.status || '';
            return { name: this.status || name, detail: name, code: this.code, standardName: name };
        },
        text: function () {
            if (this.stream !== undefined && this.body === undefined) { return String(this.stream); }
            if (this.body === undefined && this._details) { return undefined; } // empty response
            return this.body === undefined || this.body === null ? '' : String(this.body);
        },
        json: function (reviver, strict) {
            return sdk.parseJSON(this.text(), reviver, strict);
        },
        jsonp: function (reviver, strict) {
            var t = this.text(), m = /^[^(]*\(([\s\S]*)\)[\s;]*$/.exec(t);
            return sdk.parseJSON(m ? m[1] : t, reviver, strict);
        },
        contentInfo: function () {
            var ct = this.headers.get('Content-Type') || '', mime = String(ct).split(';')[0].trim().toLowerCase(),
                cs = /charset=([^;]+)/i.exec(ct), parts = mime.split('/');
            return { mimeType: parts[0] || 'text', mimeFormat: parts[1] || 'plain', charset: cs ? cs[1].trim().toLowerCase() : 'utf8', contentType: ct };
        },
        mime: function () { return this.contentInfo(); },
        encoding: function () {
            var e = this.headers.get('Content-Encoding');
            return { format: e || undefined, source: e ? 'header' : undefined };
        },
        dataURI: function () {
            var ci = this.contentInfo();
            return 'data:' + (ci.contentType || 'text/plain') + ';base64, ' + sdk.base64(this.text() || '');
        },
        size: function () {
            var body = this.responseSize !== undefined ? this.responseSize : (this.text() || '').length,
                header = this.headers.reduce(function (a, h) { return a + h.key.length + String(h.value).length + 4; }, 0);
            if (this.code !== undefined || this._details) { header += ('HTTP/1.1 ' + this.code + ' ' + this.reason() + '\r\n\r\n').length; }
            return { body: body, header: header, total: body + header };
        },
        toJSON: function () {
            if (this._details && this.code === undefined) { return { id: this.id, header: this.headers.toJSON(), cookie: this.cookies.toJSON() }; }
            return { code: this.code, status: this.status, header: this.headers.toJSON(), body: this.text(),
                cookie: this.cookies.toJSON(), responseTime: this.responseTime, responseSize: this.responseSize };
        }
    });
    Response.isResponse = function (o) { return o instanceof Response; };

    // constructor names as the SDK has them (chai messages show them)
    [Property, PropertyList, Header, QueryParam, FormParam, Variable, VariableList, VariableScope, Url,
        RequestBody, Cookie, Request, RequestAuth, Response].forEach(function (C) {
        Object.defineProperty(C, 'name', { value: 'Postman' + C.name, configurable: true });
    });

    var sdk = {
        PropertyBase: PropertyBase, Property: Property, PropertyList: PropertyList,
        Header: Header, HeaderList: HeaderList, QueryParam: QueryParam, FormParam: FormParam,
        Variable: Variable, VariableList: VariableList, VariableScope: VariableScope,
        Url: Url, RequestBody: RequestBody, Cookie: Cookie, CookieList: CookieList,
        Request: Request, RequestAuth: RequestAuth, Response: Response, replaceIn: replaceIn,
        // parseJSON and base64 are replaced by the sandbox with native versions.
        parseJSON: function (t, reviver) { return JSON.parse(t, reviver); },
        rawParse: JSON.parse,
        base64: function (t) { return t; },
        uuid: function () { return ''; }
    };
    return sdk;
})();
