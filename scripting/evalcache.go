package scripting

// Compile cache for large eval'd sources.
//
// A common Postman pattern caches a library's source (jsrsasign, 340 KB) in
// a variable and runs `eval(pm.globals.get('lib'))` in every script. goja
// compiles direct-eval code afresh each time (tens of milliseconds), where V8
// caches it. When a script is compiled, each direct `eval(X)` call found by
// goja's own parser is rewritten to `eval(__postieEvalSrc(X, "names"))`: the
// call stays a direct eval, so small sources keep their scope semantics. A
// string source of bigEvalSize bytes or more is compiled once (through the
// shared compiler cache) as a function that runs it and returns its
// top-level declarations, and the direct eval receives a tiny stub instead.
// The stub copies the user's top-level variables listed in "names" (e.g.
// `var navigator = {}, window = {}`) to globals of the same name when no
// such global exists, runs the function, and hands the library's
// declarations out: as locals of the calling scope where the user declared
// them or a sandbox global has the name (CryptoJS), as globals otherwise.
//
// The inserted text shifts columns on the eval's line; evalRewrite records
// each insertion and unshift maps goja's positions back to the user's source.

import (
	"errors"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/dop251/goja"
	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/parser"
	"github.com/dop251/goja/unistring"
)

// bigEvalSize is the length from which an eval'd string runs as a cached
// global program.
const bigEvalSize = 16 << 10

const (
	evalSrcFn = "__postieEvalSrc"
	evalRunFn = "__postieEvalRun"
	// evalFile names cached eval programs in stack traces.
	evalFile = "eval.js"
	// evalCacheMax bounds each of the caches below; when full they are emptied.
	evalCacheMax = 256
)

// posShift is text inserted before column col of line (both in the user's
// source coordinates), n bytes long.
type posShift struct{ line, col, n int }

// rewrittenScript is a user script with its eval calls rewritten.
type rewrittenScript struct {
	src    string // wrapped source to compile; "" when nothing was rewritten
	shifts []posShift
}

// evalCache holds a sandbox's eval rewrites and compiled large eval sources.
type evalCache struct {
	scripts map[string]*rewrittenScript // by user source
	progIdx map[string]int              // big source -> index in progs
	progs   []*evalProg
	vm      *vm             // the runtime the helpers are installed in
	bridged map[string]bool // globals made from user variables (updated later)
	// exported are globals made from large eval'd sources' declarations.
	exported map[string]bool
	// compiles counts big eval sources compiled (per-sandbox cache misses).
	compiles int
	// disabled turns the rewrite off (tests compare against it).
	disabled bool
}

// wrappedSource returns the source to compile for script and whether it
// differs from the plain wrapper (eval calls rewritten).
func (c *evalCache) wrappedSource(source string) (string, bool) {
	plain := scriptPrefix + source + scriptSuffix
	if c.disabled || !strings.Contains(source, "eval") {
		return plain, false
	}
	r := c.rewrite(source, plain)
	if r.src == "" {
		return plain, false
	}
	return r.src, true
}

// rewrite returns the (cached) rewrite of source, whose wrapped form is plain.
func (c *evalCache) rewrite(source, plain string) *rewrittenScript {
	if r, ok := c.scripts[source]; ok {
		return r
	}
	if c.scripts == nil || len(c.scripts) >= evalCacheMax {
		c.scripts = make(map[string]*rewrittenScript)
	}
	r := evalRewrite(plain)
	c.scripts[source] = r
	return r
}

// at returns the rewrite of source, or nil when it was compiled as written.
func (c *evalCache) at(source string) *rewrittenScript {
	if !strings.Contains(source, "eval") {
		return nil
	}
	return c.scripts[source]
}

// unshift maps a position reported by goja for the compiled form of the
// script (already adjusted for the wrapper prefix) back to the user's source.
func (r *rewrittenScript) unshift(line, col int) (int, int) {
	if r == nil || len(r.shifts) == 0 || line < 1 {
		return line, col
	}
	acc := 0
	for _, s := range r.shifts {
		if s.line != line {
			continue
		}
		start := s.col + acc
		if col < start {
			break
		}
		if col < start+s.n { // inside inserted text: the insertion point
			return line, s.col
		}
		acc += s.n
	}
	return line, col - acc
}

// insertion is text to put before byte offset off of the wrapped source.
type insertion struct {
	off  int
	text string
}

// evalRewrite rewrites the direct eval calls of the wrapped script plain.
// On any doubt (parse error, eval redeclared, nothing to do) it returns an
// empty rewrite and the script is compiled unchanged.
func evalRewrite(plain string) *rewrittenScript {
	none := &rewrittenScript{}
	prog, err := parser.ParseFile(nil, scriptFile, plain, 0)
	if err != nil {
		return none
	}
	var wrapper *ast.FunctionLiteral
	var calls []*ast.CallExpression
	redeclared := false
	seen := make(map[*ast.CallExpression]bool)
	walkAST(reflect.ValueOf(prog), func(n ast.Node) {
		switch n := n.(type) {
		case *ast.FunctionLiteral:
			if wrapper == nil {
				wrapper = n
			}
			if n.Name != nil && n.Name.Name == "eval" {
				redeclared = true
			}
		case *ast.Binding:
			if id, ok := n.Target.(*ast.Identifier); ok && id.Name == "eval" {
				redeclared = true
			}
		case *ast.CallExpression:
			id, ok := n.Callee.(*ast.Identifier)
			if !ok || id.Name != "eval" || len(n.ArgumentList) == 0 || seen[n] {
				return
			}
			if _, spread := n.ArgumentList[0].(*ast.SpreadElement); spread {
				return
			}
			seen[n] = true
			calls = append(calls, n)
		}
	})
	if wrapper == nil || redeclared || len(calls) == 0 {
		return none
	}
	var ins []insertion
	for _, call := range calls {
		arg := call.ArgumentList[0]
		names := strconv.Quote(strings.Join(bridgeNames(wrapper, int(call.Idx0())), ","))
		ins = append(ins,
			insertion{off: int(arg.Idx0()) - 1, text: evalSrcFn + "("},
			insertion{off: int(arg.Idx1()) - 1, text: "," + names + ")"})
	}
	sort.SliceStable(ins, func(i, j int) bool { return ins[i].off < ins[j].off })
	var b strings.Builder
	b.Grow(len(plain) + 64*len(ins))
	shifts := make([]posShift, 0, len(ins))
	last := 0
	for _, in := range ins {
		if in.off < last || in.off > len(plain) {
			return none
		}
		b.WriteString(plain[last:in.off])
		b.WriteString(in.text)
		last = in.off
		p := prog.File.Position(in.off + 1)
		line, col := userPosition(p.Line, p.Column)
		shifts = append(shifts, posShift{line: line, col: col, n: len(in.text)})
	}
	b.WriteString(plain[last:])
	out := b.String()
	// The rewrite must parse; otherwise keep the script as written.
	if _, err := parser.ParseFile(nil, scriptFile, out, 0); err != nil {
		return none
	}
	return &rewrittenScript{src: out, shifts: shifts}
}

// bridgeNames lists the user's top-level names visible (and initialised) at
// offset at: var and function names, and let/const declared before it.
func bridgeNames(wrapper *ast.FunctionLiteral, at int) []string {
	var names []string
	seen := make(map[string]bool)
	add := func(n string) {
		if n == "" || n == "eval" || n == "arguments" || strings.HasPrefix(n, "__postie") || seen[n] {
			return
		}
		seen[n] = true
		names = append(names, n)
	}
	for _, d := range wrapper.DeclarationList {
		for _, b := range d.List {
			if id, ok := b.Target.(*ast.Identifier); ok {
				add(id.Name.String())
			}
		}
	}
	if wrapper.Body == nil {
		return names
	}
	for _, st := range wrapper.Body.List {
		switch st := st.(type) {
		case *ast.FunctionDeclaration:
			if st.Function != nil && st.Function.Name != nil {
				add(st.Function.Name.Name.String())
			}
		case *ast.LexicalDeclaration:
			if int(st.Idx1()) > at {
				continue
			}
			for _, b := range st.List {
				if id, ok := b.Target.(*ast.Identifier); ok {
					add(id.Name.String())
				}
			}
		}
	}
	return names
}

var nodeType = reflect.TypeOf((*ast.Node)(nil)).Elem()

// walkAST calls visit for every AST node reachable from v, in source order.
func walkAST(v reflect.Value, visit func(ast.Node)) {
	switch v.Kind() {
	case reflect.Interface:
		if !v.IsNil() {
			walkAST(v.Elem(), visit)
		}
	case reflect.Pointer:
		if v.IsNil() {
			return
		}
		if v.Type().Implements(nodeType) {
			visit(v.Interface().(ast.Node))
		}
		if v.Elem().Kind() == reflect.Struct {
			walkAST(v.Elem(), visit)
		}
	case reflect.Struct:
		t := v.Type()
		for i := range t.NumField() {
			f := t.Field(i)
			if !f.IsExported() || f.Name == "DeclarationList" || f.Name == "File" {
				continue
			}
			walkAST(v.Field(i), visit)
		}
	case reflect.Slice:
		for i := range v.Len() {
			walkAST(v.Index(i), visit)
		}
	}
}

// evalProg is a large eval'd source compiled once as a function that runs
// it and returns its top-level declarations.
type evalProg struct {
	prog  *goja.Program
	names []string
}

// compileBig compiles code once (per process, through the shared compiler
// cache) as a function that runs it and returns its top-level declarations,
// so the library's own declarations stay its own, as in a direct eval.
func compileBig(s *Sandbox, code string) (*evalProg, error) {
	prog, aux, err := s.comp.CompileWith("\x00postie-eval\x00"+code, func() (*goja.Program, any, error) {
		return buildBig(code)
	})
	if err == nil && prog == nil {
		err = errors.New("eval source did not compile")
	}
	if err != nil {
		return nil, err
	}
	names, _ := aux.([]string)
	return &evalProg{prog: prog, names: names}, nil
}

// buildBig parses code wrapped in a function once, collects its top-level
// var and function names and appends `return {name: name, ...}` to the
// function's AST before compiling it.
func buildBig(code string) (*goja.Program, any, error) {
	wrapped := "(function(){" + code + "\n})"
	prog, err := parser.ParseFile(nil, evalFile, wrapped, 0)
	if err != nil {
		return nil, nil, err
	}
	var fn *ast.FunctionLiteral
	if len(prog.Body) == 1 {
		if es, ok := prog.Body[0].(*ast.ExpressionStatement); ok {
			fn, _ = es.Expression.(*ast.FunctionLiteral)
		}
	}
	// The source must not close the wrapper early (`}); other(); (function(){`).
	if fn == nil || fn.Body == nil || int(fn.Body.RightBrace) != len(wrapped)-1 {
		return nil, nil, errors.New("eval source does not stay inside its wrapper")
	}
	var names []string
	seen := make(map[string]bool)
	add := func(n string) {
		if n != "" && !seen[n] && !strings.HasPrefix(n, "__postie") {
			seen[n] = true
			names = append(names, n)
		}
	}
	for _, d := range fn.DeclarationList {
		for _, b := range d.List {
			if id, ok := b.Target.(*ast.Identifier); ok {
				add(id.Name.String())
			}
		}
	}
	for _, st := range fn.Body.List {
		if fd, ok := st.(*ast.FunctionDeclaration); ok && fd.Function != nil && fd.Function.Name != nil {
			add(fd.Function.Name.Name.String())
		}
	}
	at := fn.Body.RightBrace
	props := make([]ast.Property, len(names))
	for i, n := range names {
		u := unistring.NewFromString(n)
		props[i] = &ast.PropertyKeyed{
			Key:   &ast.StringLiteral{Idx: at, Literal: strconv.Quote(n), Value: u},
			Kind:  ast.PropertyKindValue,
			Value: &ast.Identifier{Name: u, Idx: at},
		}
	}
	fn.Body.List = append(fn.Body.List, &ast.ReturnStatement{Return: at,
		Argument: &ast.ObjectLiteral{LeftBrace: at, RightBrace: at, Value: props}})
	p, err := goja.CompileAST(prog, false)
	if err != nil {
		return nil, nil, err
	}
	return p, names, nil
}

// install defines the eval helpers in v's runtime once.
func (c *evalCache) install(s *Sandbox, v *vm) {
	if c.vm == v {
		return
	}
	c.vm = v
	c.bridged = make(map[string]bool)
	c.exported = make(map[string]bool)
	rt := v.rt
	global := rt.GlobalObject()
	src := func(call goja.FunctionCall) goja.Value {
		arg := call.Argument(0)
		str, ok := arg.(goja.String)
		if !ok || str.Length() < bigEvalSize {
			return arg
		}
		code := str.String()
		idx, ok := c.progIdx[code]
		if !ok {
			p, err := compileBig(s, code)
			if err != nil {
				return arg // the direct eval reports the syntax error
			}
			if c.progIdx == nil || len(c.progIdx) >= evalCacheMax {
				c.progIdx = make(map[string]int)
				c.progs = c.progs[:0]
			}
			c.compiles++
			idx = len(c.progs)
			c.progs = append(c.progs, p)
			c.progIdx[code] = idx
		}
		var bridge []string
		if names := call.Argument(1).String(); names != "" {
			bridge = strings.Split(names, ",")
		}
		// Names the user's scope must get as locals: those the user declared
		// and those that would shadow a sandbox global.
		var locals []string
		for _, n := range c.progs[idx].names {
			if slices.Contains(bridge, n) || (!c.exported[n] && global.Get(n) != nil) {
				locals = append(locals, n)
			}
		}
		var b strings.Builder
		if len(locals) > 0 {
			b.WriteString("var __postieEvalR=")
		}
		b.WriteString(evalRunFn)
		b.WriteString("(")
		b.WriteString(strconv.Itoa(idx))
		b.WriteString(",{")
		for i, n := range bridge {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(n)
			b.WriteByte(':')
			b.WriteString(n)
		}
		b.WriteString("})")
		for _, n := range locals {
			b.WriteString(",")
			b.WriteString(n)
			b.WriteString("=__postieEvalR[")
			b.WriteString(strconv.Quote(n))
			b.WriteString("]")
		}
		return rt.ToValue(b.String())
	}
	run := func(call goja.FunctionCall) goja.Value {
		idx := int(call.Argument(0).ToInteger())
		if idx < 0 || idx >= len(c.progs) {
			panic(rt.NewTypeError("eval cache: unknown program"))
		}
		p := c.progs[idx]
		if scope, ok := call.Argument(1).(*goja.Object); ok {
			for _, k := range scope.Keys() {
				val := scope.Get(k)
				if val == nil || goja.IsUndefined(val) {
					continue
				}
				if !c.bridged[k] && global.Get(k) != nil {
					continue // never shadow an existing global (pm, console, ...)
				}
				if err := global.Set(k, val); err == nil {
					c.bridged[k] = true
				}
			}
		}
		fnVal, err := rt.RunProgram(p.prog)
		if err != nil {
			panic(err)
		}
		fn, ok := goja.AssertFunction(fnVal)
		if !ok {
			panic(rt.NewTypeError("eval cache: program is not a function"))
		}
		res, err := fn(global)
		if err != nil {
			panic(err)
		}
		out, ok := res.(*goja.Object)
		if !ok {
			return goja.Undefined()
		}
		for _, n := range p.names {
			if !c.exported[n] && global.Get(n) != nil {
				continue // a sandbox global: the stub declares it as a local
			}
			if err := global.Set(n, out.Get(n)); err == nil {
				c.exported[n] = true
			}
		}
		return out
	}
	for name, fn := range map[string]func(goja.FunctionCall) goja.Value{evalSrcFn: src, evalRunFn: run} {
		_ = global.DefineDataProperty(name, rt.ToValue(fn), goja.FLAG_TRUE, goja.FLAG_FALSE, goja.FLAG_FALSE)
	}
}
