// postie's own implementation of the postman-collection SDK subset that
// scripts use. This file holds what every test script reaches (PropertyList,
// Header, Cookie, Response) and evaluates to a function that takes
// loadPart(name) and returns the SDK object. The request side (Url,
// QueryParam, FormParam, Variable lists and scopes, RequestBody,
// RequestAuth, Request) is in sdk_request.js, compiled and run when a
// script first reads one of those names: a test that reads only the
// response never compiles it.
(function (loadPart) {
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
    Cookie._postman_propertyIndexCaseInsensitive = true;
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
        if (options.originalRequest !== undefined) { this.originalRequest = new sdk.Request(options.originalRequest); }
    }
    extend(Response, Property, {
        reason: function () { return this.status || REASONS[this.code]; },
        details: function () {
            if (this.code === undefined && this._details) { return {}; }
            var name = REASONS[this.code] || this.status || '';
            return { name: this.status || name, detail: name, code: this.code, standardName: name };
        },
        text: function () {
            if (this.body === undefined && this.stream !== undefined) { return String(this.stream); }
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
        // as the SDK classifies media types (mime-format), natively
        contentInfo: function () { return sdk.contentInfo(this.headers.get('Content-Type'), this.text()); },
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
    [Property, PropertyList, Header, Cookie, Response].forEach(function (C) {
        Object.defineProperty(C, 'name', { value: 'Postman' + C.name, configurable: true });
    });

    // The request side's names are accessors that load it and replace
    // themselves (all of them at once) with plain data properties.
    var LAZY = ['QueryParam', 'FormParam', 'Variable', 'VariableList', 'VariableScope', 'Url', 'RequestBody',
        'Request', 'RequestAuth', 'replaceIn'];
    var sdk = {}, requestSide = null;
    function loadRequestSide() {
        if (!requestSide) {
            requestSide = loadPart('postman-collection-request.js')({
                hasOwn: hasOwn, isObj: isObj, plain: plain, extend: extend, PropertyBase: PropertyBase,
                Property: Property, PropertyList: PropertyList, Header: Header, HeaderList: HeaderList
            });
            LAZY.forEach(function (n) {
                Object.defineProperty(sdk, n, { value: requestSide[n], writable: true, enumerable: true, configurable: true });
            });
        }
        return requestSide;
    }
    function define(name, value) {
        if (LAZY.indexOf(name) === -1) {
            sdk[name] = value;
            return;
        }
        Object.defineProperty(sdk, name, {
            configurable: true, enumerable: true,
            get: function () { return loadRequestSide()[name]; },
            set: function (v) { loadRequestSide(); sdk[name] = v; }
        });
    }
    // the SDK object's keys in the order scripts see them
    ['PropertyBase', 'Property', 'PropertyList', 'Header', 'HeaderList', 'QueryParam', 'FormParam', 'Variable',
        'VariableList', 'VariableScope', 'Url', 'RequestBody', 'Cookie', 'CookieList', 'Request', 'RequestAuth',
        'Response', 'replaceIn'].forEach(function (n) {
        define(n, { PropertyBase: PropertyBase, Property: Property, PropertyList: PropertyList, Header: Header,
            HeaderList: HeaderList, Cookie: Cookie, CookieList: CookieList, Response: Response }[n]);
    });
    // parseJSON and base64 are replaced by the sandbox with native versions.
    sdk.parseJSON = function (t, reviver) { return JSON.parse(t, reviver); };
    sdk.rawParse = JSON.parse;
    sdk.base64 = function (t) { return t; };
    sdk.uuid = function () { return ''; };
    sdk.contentInfo = function () { return {}; };
    return sdk;
})
