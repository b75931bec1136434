package runner

import (
	"context"
	"encoding/json"
	"os"
	"regexp"
	"runtime"
	"strings"
	"testing"
	"time"
)

// TestSandboxEscapes runs scripts that try to reach the host through
// runner.Run against a local server. Each attempt must fail with a clear
// error (or find nothing) and the run must go on: the last item always runs
// and passes. An attempt that gets through sets the "escaped" variable.
//
// Limits (documented in scripting): --timeout-script bounds endless loops
// (Newman has no default either; here 2s); recursion ends with V8's
// RangeError; a script whose heap passes scripting.DefaultMemoryLimit
// (2 GiB) is stopped with a RangeError.
func TestSandboxEscapes(t *testing.T) {
	needSandbox(t)
	if testing.Short() {
		t.Skip("memory bomb needs seconds")
	}
	srv := newHitServer(t)
	type attempt struct {
		name, src string
		want      string // regexp the item's failure message must match; "" = no failure expected
	}
	attempts := []attempt{
		{"require fs", `const fs = require('fs'); pm.environment.set('escaped', fs.readFileSync('/etc/passwd', 'utf8'))`, `(?i)cannot find module 'fs'`},
		{"require child_process", `require('child_process').execSync('id'); pm.environment.set('escaped', 'cp')`, `(?i)cannot find module 'child_process'`},
		{"process global", `process.exit(3)`, `process is not defined`},
		{"globalThis.process", `if (typeof globalThis.process !== 'undefined') pm.environment.set('escaped', 'globalThis.process'); if (typeof global !== 'undefined' && global.process) pm.environment.set('escaped', 'global')`, ``},
		{"Function constructor", `const g = Function('return this')(); if (g.process || g.require && g.require('fs')) pm.environment.set('escaped', 'Function')`, `(?i)cannot find module 'fs'|^$`},
		{"constructor chain", `const p = (function(){}).constructor.constructor('return process')(); pm.environment.set('escaped', String(p))`, `process is not defined`},
		{"pm constructor chain", `const g = pm.constructor.constructor('return this')(); const names = Object.getOwnPropertyNames(g).filter(k => /^(process|Deno|Bun|os|syscall|exec)$/.test(k)); if (names.length) pm.environment.set('escaped', names.join())`, ``},
		{"Go values through prototypes", `
			const seen = new Set(); const hits = [];
			function walk(o, path, d) {
				if (o === null || (typeof o !== 'object' && typeof o !== 'function') || seen.has(o) || d > 4) return;
				seen.add(o);
				let keys = []; try { keys = Object.getOwnPropertyNames(o); } catch (e) { return; }
				for (const k of keys) {
					if (/^(Exec|Command|Open|ReadFile|WriteFile|Getenv|Environ|Exit|StartProcess|Dial)$/.test(k)) hits.push(path + '.' + k);
					let v; try { v = o[k]; } catch (e) { continue; }
					walk(v, path + '.' + k, d + 1);
				}
				try { walk(Object.getPrototypeOf(o), path + '.__proto__', d + 1); } catch (e) {}
			}
			walk(pm, 'pm', 0);
			if (hits.length) pm.environment.set('escaped', hits.join());`, ``},
		{"sendRequest file", `pm.sendRequest('file:///etc/passwd', (err, res) => { if (!err) pm.environment.set('escaped', res.text()); else throw err; })`, `(?i)invalid URL|file|scheme|protocol|unsupported`},
		{"sendRequest ftp", `pm.sendRequest({url: 'ftp://127.0.0.1/x'}, (err, res) => { if (!err) pm.environment.set('escaped', 'ftp'); else throw err; })`, `(?i)ftp|scheme|protocol|unsupported`},
		{"endless loop", `while (true) {}`, `(?i)time|interrupt`},
		{"runaway recursion", `function f(n) { return f(n + 1) + 1 } f(0)`, `Maximum call stack size exceeded`},
		{"string bomb", `let s = 'xxxxxxxx'; while (true) s += s;`, `(?i)memory|invalid string length|limit|timeout`},
		{"array bomb", `const a = []; while (true) a.push({x: 'y'.repeat(64)});`, `(?i)memory|limit|timeout`},
	}
	var items []string
	for _, a := range attempts {
		items = append(items, `{"name":`+q(a.name)+`,"event":[`+ev("test", a.src)+`],"request":{"url":"%URL%/x"}}`)
	}
	items = append(items, `{"name":"after","event":[`+ev("test", `pm.test('run goes on', () => pm.expect(pm.response.code).to.eql(200))`)+`],"request":{"url":"%URL%/after"}}`)
	js := `{"info":{"name":"escapes","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},"item":[` + strings.Join(items, ",") + `]}`
	c := parseColl(t, js, srv.URL)
	start := time.Now()
	sum, err := Run(context.Background(), Options{Collection: c, ScriptTimeout: 2 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("run took %v", time.Since(start))
	if len(sum.Executions) != len(attempts)+1 {
		t.Fatalf("%d executions, want %d (the run did not go on)", len(sum.Executions), len(attempts)+1)
	}
	byItem := map[string][]Failure{}
	for _, f := range sum.Failures {
		byItem[f.Execution.Item.Name] = append(byItem[f.Execution.Item.Name], f)
	}
	for _, a := range attempts {
		fs := byItem[a.name]
		var msgs []string
		for _, f := range fs {
			msgs = append(msgs, f.Kind+": "+f.Message)
		}
		msg := strings.Join(msgs, " | ")
		t.Logf("%-28s -> %s", a.name, msg)
		if a.want == "" && len(fs) > 0 {
			t.Errorf("%s: unexpected failure %s", a.name, msg)
		}
		if a.want != "" && !regexp.MustCompile(a.want).MatchString(msg) {
			t.Errorf("%s: failure %q does not match %q", a.name, msg, a.want)
		}
	}
	if v, ok := sum.Environment.Values.Get("escaped"); ok {
		t.Errorf("a script escaped the sandbox: escaped=%v", v)
	}
	if fs := byItem["after"]; len(fs) > 0 {
		t.Errorf("the item after the attempts failed: %+v", fs)
	}
	last := sum.Executions[len(sum.Executions)-1]
	if last.Response == nil || last.Response.Code != 200 {
		t.Errorf("the last request did not run")
	}
}

// TestPrototypeStateBetweenScripts documents that changes to built-in
// prototypes persist from one script to the next in a run, as in Newman
// (postman-sandbox keeps one context per run), while top-level let/const do
// not leak.
func TestPrototypeStateBetweenScripts(t *testing.T) {
	needSandbox(t)
	srv := newHitServer(t)
	js := `{"info":{"name":"proto"},"item":[
	{"name":"one","event":[` + ev("test", `String.prototype.shout = function () { return this.toUpperCase() }; const secret = 's3'`) + `],"request":{"url":"%URL%/1"}},
	{"name":"two","event":[` + ev("test", `pm.test('prototype persists', () => pm.expect('a'.shout()).to.eql('A')); pm.test('let/const do not', () => pm.expect(typeof secret).to.eql('undefined'))`) + `],"request":{"url":"%URL%/2"}}]}`
	sum, err := Run(context.Background(), Options{Collection: parseColl(t, js, srv.URL)})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range sum.Failures {
		t.Errorf("%s: %s %s", f.Source, f.Test, f.Message)
	}
	if sum.Stats.Assertions.Total != 2 {
		t.Errorf("assertions = %d, want 2", sum.Stats.Assertions.Total)
	}
}

func q(s string) string { b, _ := json.Marshal(s); return string(b) }

// TestMemoryBombs: without a script timeout, a script building a huge string
// or array is stopped by the sandbox's memory guard
// (scripting.DefaultMemoryLimit, 2 GiB of heap) or V8's string length limit,
// with a RangeError, and the run goes on.
func TestMemoryBombs(t *testing.T) {
	needSandbox(t)
	if testing.Short() || os.Getenv("POSTIE_BOMBS") == "" {
		t.Skip("set POSTIE_BOMBS=1: allocates up to 2 GiB")
	}
	srv := newHitServer(t)
	js := `{"info":{"name":"bombs"},"item":[
	{"name":"string","event":[` + ev("test", `let s = 'xxxxxxxx'; while (true) s += s;`) + `],"request":{"url":"%URL%/1"}},
	{"name":"array","event":[` + ev("test", `const a = []; while (true) a.push({x: 'y' + a.length});`) + `],"request":{"url":"%URL%/2"}},
	{"name":"after","request":{"url":"%URL%/3"}}]}`
	start := time.Now()
	sum, err := Run(context.Background(), Options{Collection: parseColl(t, js, srv.URL), ScriptTimeout: 5 * time.Minute})
	if err != nil {
		t.Fatal(err)
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	t.Logf("took %v, peak heap sys %d MiB", time.Since(start), ms.HeapSys>>20)
	if len(sum.Executions) != 3 || sum.Executions[2].Response == nil {
		t.Fatal("the run did not go on")
	}
	if len(sum.Failures) != 2 {
		t.Fatalf("failures = %+v, want one per bomb", sum.Failures)
	}
	for _, f := range sum.Failures {
		t.Logf("%s: %s: %s", f.Source, f.Kind, f.Message)
		if f.Kind != "RangeError" || !regexp.MustCompile(`(?i)memory|string length`).MatchString(f.Message) {
			t.Errorf("%s: %s: %s, want a RangeError about memory", f.Source, f.Kind, f.Message)
		}
	}
}
