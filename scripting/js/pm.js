// postie's pm API and legacy globals. Evaluates to a function that takes the
// host bridge (Go functions), the SDK and the global object and returns the
// per-run hooks {begin, finish}. The bridge stays in this closure.
(function (host, sdk, global) {
    'use strict';
    var hasOwn = Object.prototype.hasOwnProperty,
        defineProperty = Object.defineProperty,
        run = null; // state of the current run

    // ------------------------------------------------------------ variables
    function Scope(name) { this._scope = name; defineProperty(this, '_scope', { enumerable: false }); }
    Scope.prototype = {
        has: function (k) { return host.varHas(this._scope, k); },
        get: function (k) { return host.varGet(this._scope, k); },
        set: function (k, v, type) {
            if (this._scope === 'iterationData') { throw new TypeError('pm.iterationData.set is not a function'); }
            host.varSet(this._scope, k, v, type);
        },
        unset: function (k) { host.varUnset(this._scope, k); },
        clear: function () { host.varClear(this._scope); },
        toObject: function () { return host.varObject(this._scope); },
        toJSON: function () { return { values: host.varValues(this._scope) }; },
        replaceIn: function (t) { return (t === undefined || t === null) ? t : host.varReplaceIn(this._scope, String(t)); }
    };
    defineProperty(Scope.prototype, 'values', {
        get: function () { return new sdk.VariableList(null, host.varValues(this._scope)); }
    });
    function makeScope(name, extra) {
        var s = new Scope(name);
        if (extra) { for (var k in extra) { s[k] = extra[k]; } }
        return s;
    }

    // ------------------------------------------------------------- response
    // pm.response.to / .have / .be: chai is loaded when one is first read
    // (most scripts never do); the descriptors are shared by every object.
    var loadChai = null; // the host's chai loader, set by begin
    function chaiTo(obj) {
        var chai = loadChai && loadChai();
        return chai ? chai.expect(obj).to : undefined;
    }
    var toDesc = { configurable: true, get: function () { return chaiTo(this); } },
        haveDesc = { configurable: true, get: function () { var to = chaiTo(this); return to && to.have; } },
        beDesc = { configurable: true, get: function () { var to = chaiTo(this); return to && to.be; } };
    function installTo(obj) {
        defineProperty(obj, 'to', toDesc);
        defineProperty(obj, 'have', haveDesc);
        defineProperty(obj, 'be', beDesc);
    }
    function buildResponse(meta, body) {
        var m = typeof meta === 'string' ? sdk.rawParse(meta) : meta;
        m.body = body;
        var r = new sdk.Response(m);
        installTo(r);
        return r;
    }
    function buildRequest() {
        var s = host.requestJSON();
        if (!s) { return undefined; }
        var r = new sdk.Request(sdk.rawParse(s));
        run.request = r;
        installTo(r);
        return r;
    }

    // ---------------------------------------------------------- sendRequest
    function toRequestJSON(req) {
        if (typeof req === 'string') { return JSON.stringify(new sdk.Request({ url: req }).toJSON()); }
        if (req instanceof sdk.Request) { return JSON.stringify(req.toJSON()); }
        return JSON.stringify(new sdk.Request(req).toJSON());
    }
    function emptyResponse(withTo) {
        var r = new sdk.Response();
        if (withTo) { installTo(r); }
        return r;
    }
    function sendRequest(req, cb) {
        if (!req) {
            return typeof cb === 'function' && cb(new Error('sendrequest: nothing to request'));
        }
        var body = toRequestJSON(req);
        if (typeof cb === 'function') {
            host.send(body, function (err, meta, text) {
                // as in Postman the callback gets an empty Response with the error
                if (err) { cb(typeof err === 'string' ? new Error(err) : err, emptyResponse()); return; }
                cb(null, buildResponse(meta, text));
            });
            return;
        }
        return new Promise(function (resolve, reject) {
            host.send(body, function (err, meta, text) {
                if (err) { reject(typeof err === 'string' ? new Error(err) : err); return; }
                resolve(buildResponse(meta, text));
            });
        });
    }

    // -------------------------------------------------------------- cookies
    // pm.cookies.jar(): callbacks run asynchronously; argument errors throw
    // TypeErrors as Postman's CookieJar does; getAll yields a CookieList and
    // set a Cookie, get the cookie's value.
    function cookieJar() {
        function call(op, args, cb, wrap) {
            host.jar(op, args, function (err, res) {
                if (typeof cb !== 'function') { return; }
                if (err) { cb(new Error(err)); return; }
                cb(null, wrap ? wrap(res) : res);
            });
        }
        function needURL(op, url) {
            if (!url || (typeof url !== 'string' && !(url instanceof sdk.Url))) {
                throw new TypeError('CookieJar.' + op + '() requires a valid url');
            }
            return String(url);
        }
        return {
            get: function (url, name, cb) {
                url = needURL('get', url);
                if (typeof cb !== 'function') { throw new TypeError('CookieJar.get() requires a callback function'); }
                if (typeof name !== 'string') { throw new TypeError('CookieJar.get() requires cookie name to be a string'); }
                call('get', [url, name], cb);
            },
            getAll: function (url, options, cb) {
                url = needURL('getAll', url);
                if (typeof options === 'function' && !cb) { cb = options; options = {}; }
                if (typeof cb !== 'function') { throw new TypeError('CookieJar.getAll() requires a callback function'); }
                if (typeof options !== 'object') { throw new TypeError('CookieJar.getAll() requires options to be an object'); }
                call('getAll', [url], cb, function (list) { return new sdk.CookieList(null, list); });
            },
            set: function (url, name, value, cb) {
                url = needURL('set', url);
                if (typeof value === 'function' && !cb) { cb = value; value = null; }
                if (!(name && value) && typeof name !== 'object' && typeof name !== 'string') {
                    throw new TypeError('CookieJar.set() requires a valid set cookie arguments');
                }
                call('set', [url, name, value], cb, function (c) { return new sdk.Cookie(c); });
            },
            unset: function (url, name, cb) {
                url = needURL('unset', url);
                if (typeof name !== 'string') { throw new TypeError('CookieJar.unset() requires cookie name to be a string'); }
                call('unset', [url, name], cb);
            },
            clear: function (url, cb) {
                url = needURL('clear', url);
                call('clear', [url], cb);
            }
        };
    }

    // ---------------------------------------------------------------- tests
    function errParts(e) {
        if (e && typeof e === 'object') {
            var name = String(e.name || 'Error'), msg = String(e.message === undefined ? e : e.message);
            return [name, host.translate(name, msg, e.stack)];
        }
        return ['Error', String(e)];
    }
    function makeTest() {
        var test = function (name, fn) {
            var index = run.index++;
            if (typeof fn !== 'function') { host.assertion(String(name), true, false, '', '', index); return pm(); }
            if (fn.length) {
                var settled = false;
                try {
                    fn(function (err) {
                        if (settled) { return; }
                        settled = true;
                        if (err) { var p = errParts(err); host.assertion(String(name), false, false, p[0], p[1], index); }
                        else { host.assertion(String(name), true, false, '', '', index); }
                    });
                } catch (e) {
                    if (!settled) { settled = true; var q = errParts(e); host.assertion(String(name), false, false, q[0], q[1], index); }
                }
                return pm();
            }
            var ret;
            try { ret = fn(); } catch (e) {
                var r = errParts(e);
                host.assertion(String(name), false, false, r[0], r[1], index);
                return pm();
            }
            if (ret && typeof ret.then === 'function') {
                ret.then(function () { host.assertion(String(name), true, false, '', '', index); },
                    function (e) { var s = errParts(e); host.assertion(String(name), false, false, s[0], s[1], index); });
                return pm();
            }
            host.assertion(String(name), true, false, '', '', index);
            return pm();
        };
        test.skip = function (name) { host.assertion(String(name), true, true, '', '', run.index++); return pm(); };
        test.index = function () { return run.index; };
        return test;
    }
    function pm() { return run.pm; }

    // pm objects share one prototype whose getters read the current run, so
    // starting a script costs one object; what a script assigns on pm stays
    // on its own pm.
    function cached(name, make) {
        return {
            configurable: true, enumerable: true,
            get: function () {
                if (!hasOwn.call(run.cache, name)) { run.cache[name] = make(); }
                return run.cache[name];
            },
            set: function (v) { defineProperty(this, name, { value: v, writable: true, configurable: true, enumerable: true }); }
        };
    }
    var PM = {};
    var scopes = {
        globals: makeScope('globals'), collectionVariables: makeScope('collectionVariables'),
        variables: makeScope('variables'), iterationData: makeScope('iterationData')
    };
    Object.keys(scopes).forEach(function (k) { PM[k] = scopes[k]; });
    defineProperty(PM, 'environment', cached('environment', function () { return makeScope('environment', { name: run.meta.envName }); }));
    defineProperty(PM, 'info', cached('info', function () {
        // read-only and not enumerable, as in Postman (console.log shows {})
        var m = run.meta, info = {};
        ['eventName', 'iteration', 'iterationCount', 'requestName', 'requestId'].forEach(function (k) {
            defineProperty(info, k, { value: m[k], enumerable: false });
        });
        return info;
    }));
    defineProperty(PM, 'request', cached('request', function () {
        var r = buildRequest();
        if (!r) { r = new sdk.Request({}); installTo(r); }
        return r;
    }));
    defineProperty(PM, 'response', cached('response', function () {
        // a test script after a request error sees an empty Response
        if (!run.meta.hasResponse) { return run.meta.eventName === 'test' ? emptyResponse(true) : undefined; }
        var r = buildResponse(host.responseMeta(), host.responseBody());
        // the raw body as a Buffer, as Postman's sandbox has it; made on
        // first read (it loads the buffer module)
        Object.defineProperty(r, 'stream', {
            configurable: true, enumerable: false,
            get: function () {
                var b = Buffer.from(host.responseBytes());
                Object.defineProperty(this, 'stream', { value: b, writable: true, enumerable: true, configurable: true });
                return b;
            },
            set: function (v) { Object.defineProperty(this, 'stream', { value: v, writable: true, enumerable: true, configurable: true }); }
        });
        return r;
    }));
    defineProperty(PM, 'cookies', cached('cookies', function () {
        var l = new sdk.CookieList(null, sdk.rawParse(host.cookies()));
        l.jar = cookieJar;
        return l;
    }));
    PM.test = makeTest();
    defineProperty(PM, 'expect', cached('expect', function () {
        var chai = run.chai();
        if (!chai) { return function () { throw new Error('pm.expect is not available: the chai module is not built in'); }; }
        return chai.expect;
    }));
    PM.sendRequest = sendRequest;
    PM.visualizer = {
        set: function (template, data, options) { host.visualize(template, data, options); },
        clear: function () { host.visualize(); }
    };
    defineProperty(PM, 'execution', cached('execution', function () {
        var location = JSON.parse(run.meta.location);
        // not enumerable: console.log(pm.execution.location) shows only the path
        Object.defineProperty(location, 'current', { value: run.meta.current, enumerable: false, writable: true, configurable: true });
        return {
            location: location,
            setNextRequest: function (v) { host.nextRequest(v); },
            skipRequest: function () {
                if (run.meta.eventName !== 'prerequest') { throw new TypeError('pm.execution.skipRequest is not a function'); }
                host.skipRequest();
            }
        };
    }));
    PM.require = function (name) { return host.pmRequire(name); };

    // --------------------------------------------------------------- legacy
    var LEGACY_ALT = {
        tests: 'pm.test()', globals: 'pm.globals', environment: 'pm.environment', data: 'pm.iterationData',
        request: 'pm.request', responseCookies: 'pm.cookies', responseHeaders: 'pm.response.headers',
        responseTime: 'pm.response.responseTime', responseCode: 'pm.response.code', responseBody: 'pm.response.text()',
        iteration: 'pm.info.iteration', _: "require('lodash')", CryptoJS: "require('crypto-js')", atob: "require('atob')",
        btoa: "require('btoa')", tv4: "require('ajv')", xml2Json: "require('xml2js')", cheerio: "require('cheerio')",
        'postman.setNextRequest': 'pm.execution.setNextRequest()'
    };
    function warnLegacy(key) {
        if (!run || run.warned[key] || !run.warnOn) { return; }
        run.warned[key] = true;
        host.console('warn', LEGACY_ALT[key] ? 'Using "' + key + '" is deprecated. Use "' + LEGACY_ALT[key] + '" instead.' : 'Using "' + key + '" is deprecated.');
    }
    function tracked(key, target) {
        if (!(target && (typeof target === 'object' || typeof target === 'function'))) { return target; }
        return new Proxy(target, {
            set: function (t, prop, v) { warnLegacy(key); t[prop] = v; return true; },
            get: function (t, prop) { warnLegacy(key === 'postman' ? 'postman.setNextRequest' : key); return t[prop]; },
            apply: function (t, self, args) { warnLegacy(key); return t.apply(self, args); }
        });
    }
    function legacyRequest(meta) {
        var r = run.pm.request;
        if (!r) { return {}; }
        var data = {}, body = r.body;
        if (body && body.mode === 'raw') { data = body.raw; }
        else if (body && (body.mode === 'urlencoded' || body.mode === 'formdata')) {
            data = {};
            body[body.mode].each(function (p) { if (!p.disabled) { data[p.key] = p.value; } });
        }
        return { id: meta.requestId || undefined, name: meta.requestName || undefined,
            description: r.description ? String(r.description.content || r.description) : undefined,
            headers: r.headers.toObject(true, false, true, true), method: r.method, url: r.url.toString(), data: data };
    }
    function legacyValue(v) {
        if ((v === false || v) && typeof (v && v.toString) === 'function') { return v.toString(); }
        return v;
    }
    // the legacy environment/globals objects follow the legacy setters
    function legacySnapshot(key) { return run.raw && run.raw[key]; }
    function legacyPostman(meta) {
        var o = {
            setNextRequest: function (v) { host.nextRequest(v); },
            setEnvironmentVariable: function (k, v) {
                v = legacyValue(v);
                var env = legacySnapshot('environment'); if (env) { env[k] = v; }
                host.varSet('environment', k, v);
            },
            getEnvironmentVariable: function (k) { return host.varGet('environment', k); },
            clearEnvironmentVariable: function (k) {
                var env = legacySnapshot('environment'); if (env && k) { delete env[k]; }
                host.varUnset('environment', k);
            },
            clearEnvironmentVariables: function () {
                var env = legacySnapshot('environment'); if (env) { Object.keys(env).forEach(function (k) { delete env[k]; }); }
                host.varClear('environment');
            },
            setGlobalVariable: function (k, v) {
                v = legacyValue(v);
                var g = legacySnapshot('globals'); if (g) { g[k] = v; }
                host.varSet('globals', k, v);
            },
            getGlobalVariable: function (k) { return host.varGet('globals', k); },
            clearGlobalVariable: function (k) {
                var g = legacySnapshot('globals'); if (g && k) { delete g[k]; }
                host.varUnset('globals', k);
            },
            clearGlobalVariables: function () {
                var g = legacySnapshot('globals'); if (g) { Object.keys(g).forEach(function (k) { delete g[k]; }); }
                host.varClear('globals');
            }
        };
        if (meta.hasResponse || meta.eventName === 'test') {
            o.getResponseHeader = function (name) {
                var h = run.pm.response.headers.one(name);
                return h ? h.value : undefined;
            };
            o.getResponseCookie = function (name) { return run.pm.cookies.one(String(name)); };
        }
        return o;
    }
    var legacyMakers = {
        tests: function () { return run.tests; },
        globals: function () { return host.varObject('globals'); },
        environment: function () { return host.varObject('environment'); },
        data: function () { return host.varObject('iterationData'); },
        request: function () { return legacyRequest(run.meta); },
        iteration: function () { return run.meta.iteration; },
        postman: function () { return legacyPostman(run.meta); }
    };
    var responseMakers = {
        // the response's CookieList itself, as in Postman's sandbox (no .length)
        responseCookies: function () { return run.pm.cookies; },
        responseHeaders: function () {
            var o = {};
            run.pm.response.headers.each(function (h) { if (h && !h.disabled) { o[h.key] = h.value; } });
            return o;
        },
        responseTime: function () { return run.pm.response.responseTime; },
        responseCode: function () { return run.pm.response.details(); },
        responseBody: function () { return run.pm.response.text(); }
    };
    var RESPONSE_KEYS = Object.keys(responseMakers), responseGlobals = true;
    Object.keys(legacyMakers).concat(RESPONSE_KEYS).forEach(legacyGlobal);
    // the response globals exist only where there is a response: in a
    // pre-request script responseBody is not defined (a ReferenceError), as
    // in Postman's sandbox
    function responseGlobalsFor(meta) {
        var want = !!(meta.hasResponse || meta.eventName === 'test');
        if (want === responseGlobals) { return; }
        responseGlobals = want;
        RESPONSE_KEYS.forEach(function (key) { if (want) { legacyGlobal(key); } else { delete global[key]; } });
    }
    function legacyGlobal(key) {
        defineProperty(global, key, {
            configurable: true, enumerable: false,
            get: function () {
                if (!run) { return undefined; }
                if (!hasOwn.call(run.legacy, key)) {
                    var mk = legacyMakers[key] || (run.meta.hasResponse || run.meta.eventName === 'test' ? responseMakers[key] : null),
                        raw = mk ? mk() : undefined;
                    run.raw[key] = raw;
                    run.legacy[key] = tracked(key, raw);
                    if (key === 'tests') { run.testsProxy = run.legacy[key]; }
                }
                return run.legacy[key];
            },
            set: function (v) { if (run) { run.legacy[key] = v; if (key === 'tests') { run.tests = v; } } }
        });
    }

    function finishLegacy() {
        var tests = run.tests;
        if (!tests || typeof tests !== 'object') { return; }
        Object.keys(tests).forEach(function (k) {
            var v = tests[k];
            host.assertion(String(k), Boolean(v), false, v ? '' : 'AssertionError', v ? '' : 'expected ' + String(v) + ' to be truthy', run.index++);
        });
    }

    return {
        begin: function (meta, chaiFn) {
            run = { meta: meta, index: 0, legacy: {}, raw: {}, warned: {}, warnOn: true, tests: {}, chai: chaiFn, request: null, cache: {} };
            responseGlobalsFor(meta);
            loadChai = chaiFn;
            run.pm = Object.create(PM);
            global.pm = run.pm;
        },
        finish: function () {
            run.warnOn = false;
            finishLegacy();
            var req = run.request, out = '';
            if (req) {
                var j = req.toJSON(), url = req.url instanceof sdk.Url ? req.url : new sdk.Url(req.url);
                j.url.raw = url.toRaw(false, true);
                out = JSON.stringify(j);
            }
            run = null;
            return out;
        },
        sdk: sdk
    };
})
