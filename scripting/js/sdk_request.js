// The request side of postie's postman-collection SDK (see sdk.js): Url,
// QueryParam, FormParam, Variable, VariableList, VariableScope,
// RequestBody, RequestAuth and Request. Evaluates to a function that takes
// what it shares with sdk.js and returns these classes and replaceIn.
(function (core) {
    'use strict';
    var hasOwn = core.hasOwn, isObj = core.isObj, plain = core.plain, extend = core.extend,
        PropertyBase = core.PropertyBase, Property = core.Property, PropertyList = core.PropertyList,
        Header = core.Header, HeaderList = core.HeaderList;
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


    // constructor names as the SDK has them (chai messages show them)
    [QueryParam, FormParam, Variable, VariableList, VariableScope, Url, RequestBody, Request, RequestAuth].forEach(function (C) {
        Object.defineProperty(C, 'name', { value: 'Postman' + C.name, configurable: true });
    });

    return {
        QueryParam: QueryParam, FormParam: FormParam, Variable: Variable, VariableList: VariableList,
        VariableScope: VariableScope, Url: Url, RequestBody: RequestBody, Request: Request, RequestAuth: RequestAuth,
        replaceIn: replaceIn
    };
})
