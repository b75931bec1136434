package scripting

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/dop251/goja"
	"github.com/postie-run/postie/collections"
	"github.com/postie-run/postie/environments"
)

// runState is the Go side of one Run.
type runState struct {
	ctx    context.Context
	script Script
	exec   *Execution
	res    *Result
	token  *goja.Object // identifies this execution to the npm loader
	warned map[string]bool
}

func (v *vm) scopes() *environments.Scopes {
	ex := v.cur.exec
	if ex.Vars == nil {
		ex.Vars = &environments.Scopes{}
	}
	return ex.Vars
}

// list returns the variable list for a pm scope name, creating it when
// create is set and the scope is absent.
func (v *vm) list(scope string, create bool) *environments.List {
	sc := v.scopes()
	var p **environments.List
	switch scope {
	case "globals":
		p = &sc.Globals
	case "environment":
		p = &sc.Environment
	case "collectionVariables":
		p = &sc.Collection
	case "iterationData":
		p = &sc.Data
	case "variables", "_variables":
		p = &sc.Local
	default:
		panic(v.rt.NewTypeError("unknown variable scope " + scope))
	}
	if *p == nil && create {
		*p = environments.NewList()
	}
	return *p
}

func keyArg(call goja.FunctionCall, i int) string {
	a := call.Argument(i)
	if goja.IsUndefined(a) || goja.IsNull(a) {
		return a.String()
	}
	return a.String()
}

// hostObject builds the bridge pm.js uses; it is only reachable from the
// pm.js closure.
func (v *vm) hostObject() *goja.Object {
	rt := v.rt
	h := rt.NewObject()
	set := func(name string, fn func(call goja.FunctionCall) goja.Value) { _ = h.Set(name, fn) }

	set("varHas", func(call goja.FunctionCall) goja.Value {
		scope, key := call.Argument(0).String(), keyArg(call, 1)
		if scope == "variables" {
			_, ok := v.scopes().Get(key)
			return rt.ToValue(ok)
		}
		l := v.list(scope, false)
		return rt.ToValue(l != nil && l.Has(key))
	})
	set("varGet", func(call goja.FunctionCall) goja.Value {
		scope, key := call.Argument(0).String(), keyArg(call, 1)
		var val any
		var ok bool
		if scope == "variables" {
			val, ok = v.scopes().Get(key)
		} else if l := v.list(scope, false); l != nil {
			val, ok = l.Get(key)
		}
		if !ok {
			return goja.Undefined()
		}
		return toJS(rt, val)
	})
	set("varSet", func(call goja.FunctionCall) goja.Value {
		scope, key := call.Argument(0).String(), keyArg(call, 1)
		typ := ""
		if t := call.Argument(3); !goja.IsUndefined(t) && !goja.IsNull(t) {
			typ = t.String()
		}
		v.list(scope, true).Set(key, exportValue(rt, call.Argument(2)), typ)
		return goja.Undefined()
	})
	set("varUnset", func(call goja.FunctionCall) goja.Value {
		if l := v.list(call.Argument(0).String(), false); l != nil {
			l.Unset(keyArg(call, 1))
		}
		return goja.Undefined()
	})
	set("varClear", func(call goja.FunctionCall) goja.Value {
		if l := v.list(call.Argument(0).String(), false); l != nil {
			l.Clear()
		}
		return goja.Undefined()
	})
	set("varObject", func(call goja.FunctionCall) goja.Value {
		scope := call.Argument(0).String()
		if scope == "variables" {
			sc := v.scopes()
			out := map[string]any{}
			for _, l := range []*environments.List{sc.Globals, sc.Collection, sc.Environment, sc.Data, sc.Local} {
				if l != nil {
					for k, val := range l.ToObject() {
						out[k] = val
					}
				}
			}
			return toJS(rt, out)
		}
		l := v.list(scope, false)
		if l == nil {
			return rt.NewObject()
		}
		return toJS(rt, l.ToObject())
	})
	set("varValues", func(call goja.FunctionCall) goja.Value {
		scope := call.Argument(0).String()
		var lists []*environments.List
		if scope == "variables" {
			sc := v.scopes()
			lists = []*environments.List{sc.Globals, sc.Collection, sc.Environment, sc.Data, sc.Local}
		} else {
			lists = []*environments.List{v.list(scope, false)}
		}
		var out []any
		for _, l := range lists {
			if l == nil {
				continue
			}
			for _, x := range l.Variables() {
				m := map[string]any{"key": x.Key, "value": x.Value}
				if x.Type != "" {
					m["type"] = x.Type
				}
				if x.Disabled {
					m["disabled"] = true
				}
				out = append(out, m)
			}
		}
		if out == nil {
			out = []any{}
		}
		return toJS(rt, out)
	})
	set("varReplaceIn", func(call goja.FunctionCall) goja.Value {
		scope, text := call.Argument(0).String(), call.Argument(1).String()
		if scope == "variables" {
			return rt.ToValue(v.scopes().ReplaceIn(text))
		}
		l := v.list(scope, false)
		if l == nil {
			l = environments.NewList()
		}
		tmp := &environments.Scopes{Local: l, Dynamics: v.scopes().Dynamics}
		return rt.ToValue(tmp.ReplaceIn(text))
	})
	set("requestJSON", func(call goja.FunctionCall) goja.Value {
		r := v.cur.exec.Request
		if r == nil {
			return goja.Null()
		}
		s, err := requestToJSON(r)
		if err != nil {
			panic(v.jsError("Error", "reading request: "+err.Error()))
		}
		return rt.ToValue(s)
	})
	set("responseMeta", func(call goja.FunctionCall) goja.Value {
		return responseMetaObject(rt, v.cur.exec.Response)
	})
	set("responseBody", func(call goja.FunctionCall) goja.Value {
		return rt.ToValue(string(v.cur.exec.Response.Body))
	})
	set("responseBytes", func(call goja.FunctionCall) goja.Value {
		return rt.ToValue(rt.NewArrayBuffer(append([]byte(nil), v.cur.exec.Response.Body...)))
	})
	set("cookies", func(call goja.FunctionCall) goja.Value {
		return rt.ToValue(v.cookiesJSON())
	})
	set("jar", v.jarOp)
	set("send", v.send)
	set("assertion", func(call goja.FunctionCall) goja.Value {
		tr := TestResult{
			Name:    call.Argument(0).String(),
			Passed:  call.Argument(1).ToBoolean(),
			Skipped: call.Argument(2).ToBoolean(),
			Index:   int(call.Argument(5).ToInteger()),
		}
		if !tr.Passed {
			tr.ErrorName, tr.Error = call.Argument(3).String(), call.Argument(4).String()
		}
		tr.Seq = v.cur.res.nextSeq()
		v.cur.res.Tests = append(v.cur.res.Tests, tr)
		return goja.Undefined()
	})
	set("translate", func(call goja.FunctionCall) goja.Value {
		name, msg := call.Argument(0).String(), call.Argument(1).String()
		line, col := v.s.evals.at(v.cur.script.Source).unshift(stackPosition(call.Argument(2).String()))
		src := sourceLine(v.cur.script.Source, line)
		return rt.ToValue(v.refineNull(translateRuntime(name, msg, src, col), v.cur.script.Source, src, col))
	})
	set("console", func(call goja.FunctionCall) goja.Value {
		v.console(call.Argument(0).String(), call.Arguments[1:])
		return goja.Undefined()
	})
	set("nextRequest", func(call goja.FunctionCall) goja.Value {
		a := call.Argument(0)
		switch {
		case goja.IsNull(a):
			v.cur.res.NextRequest = &NextRequest{Stop: true}
		case goja.IsUndefined(a):
			v.cur.res.NextRequest = nil
		default:
			v.cur.res.NextRequest = &NextRequest{Value: a.String()}
		}
		return goja.Undefined()
	})
	set("skipRequest", func(call goja.FunctionCall) goja.Value {
		// Postman ends the execution here: nothing after it runs, timers and
		// pending requests are dropped. An interrupt cannot be caught by the
		// script's own try/catch.
		v.cur.res.SkipRequest = true
		v.rt.Interrupt(skipSignal{})
		return goja.Undefined()
	})
	set("visualize", func(call goja.FunctionCall) goja.Value {
		if len(call.Arguments) == 0 {
			v.cur.res.Visualizer = nil
			return goja.Undefined()
		}
		t, d, o := call.Argument(0), call.Argument(1), call.Argument(2)
		if _, ok := t.Export().(string); !ok {
			panic(v.jsError("Error", "Invalid template. Template must be of type string, found "+typeOf(t)))
		}
		if d.ToBoolean() && typeOf(d) != "object" {
			panic(v.jsError("Error", "Invalid data. Data must be an object, found "+typeOf(d)))
		}
		if o.ToBoolean() && typeOf(o) != "object" {
			panic(v.jsError("Error", "Invalid options. Options must be an object, found "+typeOf(o)))
		}
		v.cur.res.Visualizer = &Visualizer{Template: t.String(), Data: exportValue(rt, d), Options: exportValue(rt, o)}
		return goja.Undefined()
	})
	set("pmRequire", func(call goja.FunctionCall) goja.Value {
		name := call.Argument(0).String()
		if strings.HasPrefix(name, "npm:") || strings.HasPrefix(name, "jsr:") {
			loader, err := v.require(NpmLoaderModule)
			if err != nil {
				panic(v.jsError("Error", fmt.Sprintf("Cannot find module '%s': npm packages are not supported in this build", name)))
			}
			fn, ok := goja.AssertFunction(loader)
			if !ok {
				panic(v.jsError("Error", "the npm loader module does not export a function"))
			}
			opts := rt.NewObject()
			_ = opts.Set("cacheDir", v.s.opts.NpmCache)
			_ = opts.Set("offline", v.s.opts.Offline)
			// a token per execution: packages load afresh for each script
			if v.cur.token == nil {
				v.cur.token = rt.NewObject()
			}
			_ = opts.Set("execution", v.cur.token)
			res, err := fn(goja.Undefined(), rt.ToValue(name), opts)
			if err != nil {
				panic(err)
			}
			return res
		}
		panic(v.jsError("Error", fmt.Sprintf("Cannot find package '%s'", name)))
	})
	return h
}

// NpmLoaderModule is the built-in module pm.require delegates "npm:" and
// "jsr:" names to: its exports must be a function (spec, {cacheDir,
// offline}) returning the package's exports.
const NpmLoaderModule = "npm-loader"

func typeOf(v goja.Value) string {
	switch {
	case goja.IsUndefined(v):
		return "undefined"
	case goja.IsNull(v):
		return "object"
	}
	if o, ok := v.(*goja.Object); ok {
		if _, fn := goja.AssertFunction(o); fn {
			return "function"
		}
		return "object"
	}
	switch v.Export().(type) {
	case string:
		return "string"
	case bool:
		return "boolean"
	case int64, float64:
		return "number"
	}
	return "symbol"
}

// requestURL resolves the current request's URL for cookie lookups.
func (v *vm) requestURL() *url.URL {
	r := v.cur.exec.Request
	if r == nil || r.URL == nil {
		return nil
	}
	raw := r.URL.Raw
	if !r.URL.IsString && len(r.URL.Host) > 0 {
		raw = strings.Join(r.URL.Host, ".")
		if r.URL.Protocol != "" {
			raw = r.URL.Protocol + "://" + raw
		}
		if r.URL.Port != "" {
			raw += ":" + r.URL.Port
		}
		raw += "/" + strings.Join(r.URL.Path, "/")
	}
	if v.cur.exec.Vars != nil {
		raw = v.cur.exec.Vars.ReplaceIn(raw)
	}
	if !strings.Contains(raw, "://") {
		raw = "http://" + raw
	}
	u, err := url.Parse(raw)
	if err != nil {
		return nil
	}
	return u
}

func (v *vm) cookiesJSON() string {
	var list []jsCookie
	ex := v.cur.exec
	if ex.Cookies != nil {
		if u := v.requestURL(); u != nil {
			for _, c := range ex.Cookies.Cookies(u) {
				jc := cookieToJS(c)
				if jc.Domain == "" {
					jc.Domain = u.Hostname()
				}
				list = append(list, jc)
			}
		}
	} else if ex.Response != nil {
		for _, c := range ex.Response.Cookies {
			list = append(list, cookieToJS(c))
		}
	}
	if list == nil {
		list = []jsCookie{}
	}
	d, _ := json.Marshal(list)
	return string(d)
}

// jarOp runs pm.cookies.jar() operations: host.jar(op, args, cb).
func (v *vm) jarOp(call goja.FunctionCall) goja.Value {
	rt := v.rt
	op := call.Argument(0).String()
	args := call.Argument(1).ToObject(rt)
	cb, _ := goja.AssertFunction(call.Argument(2))
	arg := func(i int) goja.Value { return args.Get(strconv.Itoa(i)) }
	done := v.loop.Async()
	finish := func(errMsg string, res goja.Value) {
		done(func() error {
			e := goja.Value(goja.Null())
			if errMsg != "" {
				e = rt.ToValue(errMsg)
			}
			if res == nil {
				res = goja.Undefined()
			}
			_, err := cb(goja.Undefined(), e, res)
			return err
		})
	}
	jar := v.cur.exec.Cookies
	if jar == nil {
		finish("CookieStore: no cookie jar available", nil)
		return goja.Undefined()
	}
	rawURL := arg(0)
	if goja.IsUndefined(rawURL) || rawURL.String() == "" {
		finish("CookieJar: invalid URL", nil)
		return goja.Undefined()
	}
	s := rawURL.String()
	if !strings.Contains(s, "://") {
		s = "http://" + s
	}
	u, err := url.Parse(s)
	if err != nil || u.Host == "" {
		finish("CookieJar: invalid URL", nil)
		return goja.Undefined()
	}
	switch op {
	case "get":
		name := arg(1).String()
		for _, c := range jar.Cookies(u) {
			if c.Name == name {
				finish("", rt.ToValue(c.Value))
				return goja.Undefined()
			}
		}
		finish("", goja.Null())
	case "getAll":
		var list []any
		for _, c := range jar.Cookies(u) {
			jc := cookieToJS(c)
			if jc.Domain == "" {
				jc.Domain = u.Hostname()
			}
			d, _ := json.Marshal(jc)
			var m any
			_ = json.Unmarshal(d, &m)
			list = append(list, m)
		}
		if list == nil {
			list = []any{}
		}
		finish("", toJS(rt, list))
	case "set":
		c := &http.Cookie{Path: "/"}
		if o, ok := arg(1).(*goja.Object); ok && typeOf(arg(1)) == "object" {
			if n := o.Get("name"); n != nil && !goja.IsUndefined(n) {
				c.Name = n.String()
			} else if n := o.Get("key"); n != nil && !goja.IsUndefined(n) {
				c.Name = n.String()
			}
			if x := o.Get("value"); x != nil && !goja.IsUndefined(x) {
				c.Value = x.String()
			}
			if x := o.Get("path"); x != nil && !goja.IsUndefined(x) {
				c.Path = x.String()
			}
			if x := o.Get("domain"); x != nil && !goja.IsUndefined(x) {
				c.Domain = x.String()
			}
			if x := o.Get("secure"); x != nil {
				c.Secure = x.ToBoolean()
			}
			if x := o.Get("httpOnly"); x != nil {
				c.HttpOnly = x.ToBoolean()
			}
			if x := o.Get("expires"); x != nil && !goja.IsUndefined(x) && !goja.IsNull(x) {
				if t, err := time.Parse(time.RFC1123, x.String()); err == nil {
					c.Expires = t
				} else if t, err := time.Parse(time.RFC3339, x.String()); err == nil {
					c.Expires = t
				}
			}
		} else {
			c.Name, c.Value = arg(1).String(), arg(2).String()
			if goja.IsUndefined(arg(2)) {
				c.Value = ""
			}
		}
		if c.Name == "" {
			finish("CookieJar: invalid cookie name", nil)
			return goja.Undefined()
		}
		jar.SetCookies(u, []*http.Cookie{c})
		d, _ := json.Marshal(cookieToJS(c))
		var m any
		_ = json.Unmarshal(d, &m)
		finish("", toJS(rt, m))
	case "unset":
		jar.Delete(u, arg(1).String())
		finish("", nil)
	case "clear":
		jar.Clear(u)
		finish("", nil)
	default:
		finish("CookieJar: unknown operation "+op, nil)
	}
	return goja.Undefined()
}

// send runs pm.sendRequest: host.send(requestJSON, cb(err, meta, body)).
func (v *vm) send(call goja.FunctionCall) goja.Value {
	cb, _ := goja.AssertFunction(call.Argument(1))
	reqJSON := call.Argument(0).String()
	done := v.loop.Async()
	reply := func(errMsg string, resp *Response) {
		v.replySend(done, cb, errMsg, nil, resp, nil)
	}
	sendFn := v.s.opts.Send
	if sendFn == nil {
		reply("pm.sendRequest is not available", nil)
		return goja.Undefined()
	}
	req, err := requestFromJSON(reqJSON)
	if err != nil {
		reply("invalid request: "+err.Error(), nil)
		return goja.Undefined()
	}
	ctx := v.cur.ctx
	go func() {
		resp, err := sendFn(ctx, req)
		if err != nil {
			v.replySend(done, cb, err.Error(), err, nil, req)
			return
		}
		if resp == nil {
			resp = &Response{}
		}
		v.replySend(done, cb, "", nil, resp, req)
	}()
	return goja.Undefined()
}

// replySend calls back host.send's cb on the loop: with an error message
// (or, for a network error node names, node's plain error object), or with
// the response. A request that was sent (sent != nil) is recorded in the
// script's result first, as Newman reports it before the callback runs.
func (v *vm) replySend(done func(func() error), cb goja.Callable, errMsg string, cause error, resp *Response, sent *collections.Request) {
	rt := v.rt
	done(func() error {
		if sent != nil && v.cur != nil {
			sr := SentRequest{Request: sent, Response: resp, Err: cause, Seq: v.cur.res.nextSeq()}
			v.cur.res.Requests = append(v.cur.res.Requests, sr)
		}
		if errMsg != "" {
			ev := rt.ToValue(errMsg)
			if o := sysErrorObject(rt, cause); o != nil {
				ev = o
			}
			_, err := cb(goja.Undefined(), ev)
			return err
		}
		_, err := cb(goja.Undefined(), goja.Null(), responseMetaObject(rt, resp), rt.ToValue(string(resp.Body)))
		return err
	})
}

// sysErrorObject is what Postman's sandbox hands a sendRequest callback for
// a refused connection: node's system error as a plain object (its message
// does not cross the sandbox boundary), e.g. {errno: -111, code:
// 'ECONNREFUSED', syscall: 'connect', address, port}. Nil for other errors.
func sysErrorObject(rt *goja.Runtime, err error) *goja.Object {
	var op *net.OpError
	if err == nil || !errors.As(err, &op) || !errors.Is(err, syscall.ECONNREFUSED) {
		return nil
	}
	o := rt.NewObject()
	_ = o.Set("errno", -111)
	_ = o.Set("code", "ECONNREFUSED")
	_ = o.Set("syscall", "connect")
	if a, ok := op.Addr.(*net.TCPAddr); ok {
		_ = o.Set("address", a.IP.String())
		_ = o.Set("port", a.Port)
	}
	return o
}
