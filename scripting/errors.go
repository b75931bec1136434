package scripting

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/dop251/goja"
	"github.com/dop251/goja/parser"
)

// lazyRE returns a function compiling expr on its first call: the patterns
// here are needed only when a script fails, so start-up does not build them.
func lazyRE(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}

// scriptError turns an error from running a script into a ScriptError with
// V8's wording and the position in the user's own source.
func (v *vm) scriptError(err error, script Script) *ScriptError {
	se := &ScriptError{Script: script.Name}
	var intr *goja.InterruptedError
	var ex *goja.Exception
	var so *goja.StackOverflowError
	switch {
	case errors.As(err, &so):
		se.Name, se.Message = "RangeError", "Maximum call stack size exceeded"
		se.Line, se.Column = v.s.evals.at(script.Source).unshift(framePosition(so.Stack()))
	case errors.As(err, &intr):
		switch sig := intr.Value().(type) {
		case timeoutSignal:
			se.Name, se.Message = "Timeout", timeoutMessage(sig.async)
		case memorySignal:
			limit := v.s.opts.MemoryLimit
			if limit == 0 {
				limit = DefaultMemoryLimit
			}
			se.Name, se.Message = "RangeError", fmt.Sprintf("sandbox: script stopped: memory use passed the %d MiB limit", limit>>20)
		default:
			se.Name, se.Message = "Error", "sandbox: script execution aborted"
		}
		se.Line, se.Column = v.s.evals.at(script.Source).unshift(framePosition(intr.Stack()))
	case errors.Is(err, context.DeadlineExceeded):
		se.Name, se.Message = "Timeout", timeoutMessage(true)
	case errors.Is(err, context.Canceled):
		se.Name, se.Message = "Error", "sandbox: script execution aborted"
	case errors.As(err, &ex):
		se.Name, se.Message = "Error", ""
		val := ex.Value()
		if o, ok := val.(*goja.Object); ok {
			if n := o.Get("name"); n != nil && !goja.IsUndefined(n) {
				se.Name = n.String()
			}
			if m := o.Get("message"); m != nil && !goja.IsUndefined(m) {
				se.Message = m.String()
			} else {
				se.Message = o.String()
			}
			if ge, ok := o.Export().(error); ok && se.Message == "" {
				se.Message = ge.Error()
			}
		} else if val != nil {
			se.Message = val.String()
		}
		se.Line, se.Column = v.s.evals.at(script.Source).unshift(framePosition(ex.Stack()))
		se.Stack = ex.String()
		line := sourceLine(script.Source, se.Line)
		se.Message = v.refineNull(translateRuntime(se.Name, se.Message, line, se.Column), script.Source, line, se.Column)
		se.Column = adjustColumn(se.Message, line, se.Column)
		if se.Name == "AssertionError" {
			se.Column = callColumn(line, se.Column)
		}
	default:
		se.Name, se.Message = "Error", err.Error()
	}
	return se
}

// valueError describes a thrown or rejected JavaScript value.
func (v *vm) valueError(val goja.Value, script Script) *ScriptError {
	se := &ScriptError{Name: "Error", Script: script.Name}
	if o, ok := val.(*goja.Object); ok {
		if n := o.Get("name"); n != nil && !goja.IsUndefined(n) {
			se.Name = n.String()
		}
		if m := o.Get("message"); m != nil && !goja.IsUndefined(m) {
			se.Message = m.String()
		} else {
			se.Message = o.String()
		}
		if st := o.Get("stack"); st != nil && !goja.IsUndefined(st) {
			se.Stack = st.String()
			se.Line, se.Column = v.s.evals.at(script.Source).unshift(stackPosition(se.Stack))
		}
	} else if val != nil {
		se.Message = val.String()
	}
	line := sourceLine(script.Source, se.Line)
	se.Message = v.refineNull(translateRuntime(se.Name, se.Message, line, se.Column), script.Source, line, se.Column)
	return se
}

func timeoutMessage(async bool) string {
	if async {
		return "sandbox: asynchronous script execution timeout"
	}
	return "sandbox: synchronous script execution timeout"
}

// framePosition finds the innermost frame in the user's script.
func framePosition(frames []goja.StackFrame) (line, col int) {
	for i := range frames {
		f := &frames[i]
		if f.SrcName() != scriptFile {
			continue
		}
		p := f.Position()
		return userPosition(p.Line, p.Column)
	}
	return 0, 0
}

var reStackPos = lazyRE(regexp.QuoteMeta(scriptFile) + `:(\d+):(\d+)`)

// stackPosition finds the user's script position in an error's stack text.
func stackPosition(stack string) (line, col int) {
	m := reStackPos().FindStringSubmatch(stack)
	if m == nil {
		return 0, 0
	}
	l, _ := strconv.Atoi(m[1])
	c, _ := strconv.Atoi(m[2])
	return userPosition(l, c)
}

// userPosition maps a position in the wrapped source to the user's source.
func userPosition(line, col int) (int, int) {
	if line == 1 {
		col -= len(scriptPrefix)
		if col < 1 {
			col = 1
		}
	}
	return line, col
}

func sourceLine(src string, line int) string {
	if line < 1 {
		return ""
	}
	for i := 1; i < line; i++ {
		j := strings.IndexByte(src, '\n')
		if j < 0 {
			return ""
		}
		src = src[j+1:]
	}
	if j := strings.IndexByte(src, '\n'); j >= 0 {
		src = src[:j]
	}
	return src
}

var reNotDefined = lazyRE(`^([A-Za-z_$][\w$]*) is not defined$`)

// adjustColumn moves the column to the start of the undefined name, where V8 points.
func adjustColumn(msg, line string, col int) int {
	m := reNotDefined().FindStringSubmatch(msg)
	if m == nil || col < 1 {
		return col
	}
	end := min(col-1+len(m[1]), len(line))
	if i := strings.LastIndex(line[:end], m[1]); i >= 0 {
		return i + 1
	}
	return col
}

// callColumn moves the column of a failed assertion's call to where V8
// points: goja gives a method call's '(' and a getter's name, V8 the
// method's name and the getter's '.' (`pm.expect(1).to.eql(2)`: eql;
// `pm.expect(false).to.be.true`: the '.' before true).
func callColumn(line string, col int) int {
	i := col - 1
	if i < 0 || i >= len(line) {
		return col
	}
	isIdent := func(c byte) bool {
		return c == '_' || c == '$' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
	}
	switch {
	case line[i] == '(':
		j := i
		for j > 0 && (line[j-1] == ' ' || line[j-1] == '\t') {
			j--
		}
		k := j
		for k > 0 && isIdent(line[k-1]) {
			k--
		}
		if k < j {
			return k + 1
		}
	case isIdent(line[i]):
		j := i
		for j > 0 && (line[j-1] == ' ' || line[j-1] == '\t') {
			j--
		}
		if j > 0 && line[j-1] == '.' {
			return j
		}
	}
	return col
}

// syntaxError reports a compile error at the user's line and column.
func syntaxError(err error, script Script) *ScriptError {
	se := &ScriptError{Name: "SyntaxError", Script: script.Name}
	// Postman's sandbox compiles the script between its own function
	// wrapper, whose closing text V8 meets when the script leaves brackets
	// open: "Unexpected token ')'" for an unclosed block, "missing ) after
	// argument list" for an unclosed call.
	if msg, line, col, ok := wrappedSyntaxError(script.Source); ok {
		se.Message, se.Line, se.Column = msg, line, col
		return se
	}
	// Unbalanced braces confuse the function wrapper; the script parsed on
	// its own gives the error V8 reports, unless that error is one the
	// wrapper exists for (a top-level return).
	if _, rawErr := parser.ParseFile(nil, scriptFile, script.Source, 0); rawErr != nil &&
		!strings.Contains(rawErr.Error(), "Illegal return") {
		msg := rawErr.Error()
		if m := reLineCol().FindStringSubmatch(msg); m != nil {
			se.Line, _ = strconv.Atoi(m[1])
			se.Column, _ = strconv.Atoi(m[2])
		}
		se.Message = translateSyntax(msg, sourceLine(script.Source, se.Line), se.Column)
		return se
	}
	var ce *goja.CompilerSyntaxError
	if !errors.As(err, &ce) {
		se.Message = strings.TrimPrefix(err.Error(), "SyntaxError: ")
		return se
	}
	msg := ce.Message
	if m := reLineCol().FindStringSubmatch(msg); m != nil && ce.File == nil {
		l, _ := strconv.Atoi(m[1])
		c, _ := strconv.Atoi(m[2])
		se.Line, se.Column = userPosition(l, c)
	}
	if ce.File != nil {
		p := ce.File.Position(ce.Offset)
		se.Line, se.Column = userPosition(p.Line, p.Column)
		lines := strings.Count(script.Source, "\n") + 1
		if se.Line > lines { // past the end: the wrapper's closing line
			se.Line = lines
			se.Column = len(sourceLine(script.Source, lines)) + 1
		}
	}
	se.Message = translateSyntax(msg, sourceLine(script.Source, se.Line), se.Column)
	return se
}

var (
	reLineCol      = lazyRE(`Line (\d+):(\d+) `)
	reMoreErrors   = lazyRE(`\s*\(and \d+ more errors\)$`)
	reLinePrefix   = lazyRE(`^(?:SyntaxError: )?(?:[^:]*: )?Line \d+:\d+ `)
	reAtPos        = lazyRE(` at [^ ]*:\d+:\d+$`)
	reUnexpToken   = lazyRE(`^Unexpected token (\S+)$`)
	reIdentAt      = lazyRE(`^[A-Za-z_$][\w$]*`)
	reReadProp     = lazyRE(`^Cannot read property '(.*)' of (undefined or null|undefined|null)$`)
	reNoMember     = lazyRE(`^Object has no member '(.*)'$`)
	reNotObject    = lazyRE(`^Value is not an object: (.*)$`)
	reCalleeBefore = lazyRE(`([A-Za-z_$][\w$]*(?:\s*\.\s*[A-Za-z_$][\w$]*|\[[^\]]*\])*)\s*$`)
)

// translateSyntax rewrites goja's parser messages in V8's wording.
func translateSyntax(msg, line string, col int) string {
	msg = reMoreErrors().ReplaceAllString(msg, "")
	msg = reLinePrefix().ReplaceAllString(msg, "")
	msg = reAtPos().ReplaceAllString(msg, "")
	rest := ""
	if col >= 1 && col-1 <= len(line) {
		rest = line[col-1:]
	}
	if before := strings.TrimRight(safePrefix(line, col-1), " \t"); strings.HasSuffix(before, "await") &&
		strings.HasPrefix(msg, "Unexpected") {
		return "await is only valid in async functions and the top level bodies of modules"
	}
	switch {
	case msg == "Unexpected identifier":
		if id := reIdentAt().FindString(rest); id != "" {
			return "Unexpected identifier '" + id + "'"
		}
	case reUnexpToken().MatchString(msg):
		tok := reUnexpToken().FindStringSubmatch(msg)[1]
		if tok == "ILLEGAL" {
			return "Invalid or unexpected token"
		}
		return "Unexpected token '" + tok + "'"
	case msg == "Unexpected end of input", msg == "Unexpected number", msg == "Unexpected string":
		return msg
	}
	return msg
}

func safePrefix(s string, n int) string {
	if n < 0 {
		return ""
	}
	if n > len(s) {
		return s
	}
	return s[:n]
}

// translateRuntime rewrites goja's runtime error messages in V8's wording
// (the table is tested in errors_test.go).
func translateRuntime(name, msg, line string, col int) string {
	switch {
	case reReadProp().MatchString(msg):
		m := reReadProp().FindStringSubmatch(msg)
		of := "undefined"
		if m[2] == "null" || (m[2] != "undefined or null" && nullBase(line, col, m[1])) {
			of = "null"
		}
		return "Cannot read properties of " + of + " (reading '" + m[1] + "')"
	case reNoMember().MatchString(msg):
		member := reNoMember().FindStringSubmatch(msg)[1]
		if expr := calleeExpr(line, member); expr != "" {
			return expr + " is not a function"
		}
		return member + " is not a function"
	case name == "TypeError" && reNotObject().MatchString(msg):
		if expr := calleeAt(line, col); expr != "" {
			return expr + " is not a function"
		}
		// goja puts the value in the message; it may be a secret (a decoded
		// key): never print more than its start
		return "Value is not an object: " + truncateValue(reNotObject().FindStringSubmatch(msg)[1])
	case msg == "Cannot convert undefined or null to object" && name == "TypeError":
		if prop := assignedProp(line, col); prop != "" {
			return "Cannot set properties of undefined (setting '" + prop + "')"
		}
	case strings.HasPrefix(msg, "toFixed() precision must be between"):
		return strings.Replace(msg, "precision", "digits argument", 1)
	case strings.HasPrefix(msg, "toPrecision() precision must be between"):
		return "toPrecision() argument must be between 1 and 100"
	case msg == "Invalid count value":
		return "Invalid count value: " + "Infinity"
	}
	return msg
}

// maxValueInMessage bounds how much of a value an error message repeats.
const maxValueInMessage = 24

// truncateValue cuts s to maxValueInMessage runes, marking the cut with "…".
func truncateValue(s string) string {
	n := 0
	for i := range s {
		if n == maxValueInMessage {
			return s[:i] + "…"
		}
		n++
	}
	return s
}

var reNullEnd = lazyRE(`(?:^|[^\w$.])\(*\s*null\s*\)*\s*\??$`)

// nullBase reports whether the object of the failing read of prop at column
// col is the literal null: goja says "of undefined" for null too, while V8
// names null. Only the literal is recognised in the source; a variable
// holding null still reads as undefined.
func nullBase(line string, col int, prop string) bool {
	start := max(col-1, 0)
	if start > len(line) {
		start = 0
	}
	// goja points at the property name or the opening bracket
	for _, acc := range []string{"." + prop, "['" + prop + "']", "[\"" + prop + "\"]"} {
		i := strings.LastIndex(line[:min(start+len(acc), len(line))], acc)
		if i < 0 {
			if i = strings.Index(line[start:], acc); i < 0 {
				continue
			}
			i += start
		}
		return reNullEnd().MatchString(line[:i])
	}
	return false
}

// calleeExpr finds "a.b.member(" in line and returns "a.b.member".
func calleeExpr(line, member string) string {
	i := strings.Index(line, "."+member)
	for i >= 0 {
		after := strings.TrimLeft(line[i+1+len(member):], " \t")
		if strings.HasPrefix(after, "(") {
			if m := reCalleeBefore().FindString(line[:i]); m != "" {
				return strings.TrimSpace(m) + "." + member
			}
		}
		j := strings.Index(line[i+1:], "."+member)
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return ""
}

// calleeAt finds the called expression of the call at or after column col.
func calleeAt(line string, col int) string {
	if col < 1 || col > len(line)+1 {
		return ""
	}
	// goja points at the call's opening parenthesis or the callee start.
	for i := col - 1; i < len(line); i++ {
		if line[i] == '(' {
			if m := reCalleeBefore().FindString(line[:i]); m != "" {
				return strings.TrimSpace(m)
			}
			return ""
		}
	}
	return ""
}

var reAssignedProp = lazyRE(`\.\s*([A-Za-z_$][\w$]*)\s*=[^=]`)

// assignedProp finds the property assigned at or after column col ("a.b = 1" -> "b").
func assignedProp(line string, col int) string {
	re := reAssignedProp()
	start := col - 1
	if start < 0 || start > len(line) {
		start = 0
	}
	if m := re.FindStringSubmatch(line[start:] + " "); m != nil {
		return m[1]
	}
	if m := re.FindStringSubmatch(line + " "); m != nil {
		return m[1]
	}
	return ""
}

const undefinedRead = "Cannot read properties of undefined (reading '"

var (
	// reResponseRoot is a read path V8 could have taken that is safe to
	// evaluate again: the parsed response body and property reads below it.
	reResponseRoot = lazyRE(`^pm\.response\.json\(\)(?:\s*(?:\.\s*[A-Za-z_$][\w$]*|\[\s*\d+\s*\]|\[\s*'[^'\\]*'\s*\]|\[\s*"[^"\\]*"\s*\]))*$`)
	reIdentRoot    = lazyRE(`^([A-Za-z_$][\w$]*)`)
)

// refineNull turns V8's "of undefined" into "of null" when the object read
// is the parsed response body or a path in it (directly or through a
// variable declared as pm.response.json() or JSON.parse(responseBody)) and
// it is null now: goja does not tell null from undefined, and JSON bodies
// are where nulls come from. Only such side-effect-free paths are
// evaluated again; anything else keeps goja's answer.
func (v *vm) refineNull(msg, src, line string, col int) string {
	if !strings.HasPrefix(msg, undefinedRead) || v.cur == nil {
		return msg
	}
	prop := strings.TrimSuffix(strings.TrimPrefix(msg, undefinedRead), "')")
	expr := readBase(line, col, prop)
	if expr == "" {
		return msg
	}
	if m := reIdentRoot().FindString(expr); m != "" && m != "pm" {
		alias := regexp.MustCompile(`(?:var|let|const)\s+` + regexp.QuoteMeta(m) + `\s*=\s*(pm\.response\.json\(\)|JSON\.parse\(\s*responseBody\s*\)|JSON\.parse\(\s*pm\.response\.text\(\)\s*\))\s*[;\n]`).FindStringSubmatch(src + "\n")
		if alias == nil {
			return msg
		}
		expr = "pm.response.json()" + expr[len(m):]
	}
	if !reResponseRoot().MatchString(expr) {
		return msg
	}
	val, err := v.rt.RunString("(" + expr + ")")
	if err != nil || val == nil || !goja.IsNull(val) {
		return msg
	}
	return "Cannot read properties of null (reading '" + prop + "')"
}

// readBase returns the expression whose property prop is read at column
// col of line: the member chain (calls and index reads included) before
// ".prop" or "['prop']".
func readBase(line string, col int, prop string) string {
	start := max(col-1, 0)
	if start > len(line) {
		start = 0
	}
	for _, acc := range []string{"." + prop, "['" + prop + "']", "[\"" + prop + "\"]"} {
		i := strings.LastIndex(line[:min(start+len(acc), len(line))], acc)
		if i < 0 {
			if i = strings.Index(line[start:], acc); i < 0 {
				continue
			}
			i += start
		}
		return chainBefore(line[:i])
	}
	return ""
}

// chainBefore scans back from the end of s over a member chain:
// identifiers, dots, and balanced () and [] groups.
func chainBefore(s string) string {
	i := len(s)
	for i > 0 {
		c := s[i-1]
		switch {
		case c == ')' || c == ']':
			open := byte('(')
			if c == ']' {
				open = '['
			}
			depth := 0
			j := i - 1
			for ; j >= 0; j-- {
				if s[j] == c {
					depth++
				} else if s[j] == open {
					depth--
					if depth == 0 {
						break
					}
				}
			}
			if j < 0 {
				return ""
			}
			i = j
		case c == '.' || c == '_' || c == '$' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
			i--
		default:
			return strings.TrimLeft(s[i:], ".")
		}
	}
	return strings.TrimLeft(s[i:], ".")
}

// sandboxSuffix closes the user's code as Postman's sandbox wrapper does
// (inferred from the errors V8 gives for unbalanced scripts there).
const sandboxSuffix = "\n;})"

// wrappedSyntaxError parses source inside the sandbox's wrapper and returns
// the error V8 would report there, at the user's line and column; ok is
// false when the wrapped source parses, or fails only at a top-level
// return (postie's own wrapper allows it) or where postie's own wording
// applies (await).
func wrappedSyntaxError(source string) (msg string, line, col int, ok bool) {
	src := scriptPrefix + source + sandboxSuffix
	_, err := parser.ParseFile(nil, scriptFile, src, 0)
	if err == nil {
		return "", 0, 0, false
	}
	raw := err.Error()
	if strings.Contains(raw, "Illegal return") {
		return "", 0, 0, false
	}
	m := reLineCol().FindStringSubmatch(raw)
	if m == nil {
		return "", 0, 0, false
	}
	wl, _ := strconv.Atoi(m[1])
	wc, _ := strconv.Atoi(m[2])
	off := lineColOffset(src, wl, wc)
	line, col = userPosition(wl, wc)
	if lines := strings.Count(source, "\n") + 1; line > lines { // in the wrapper's tail
		line = lines
		col = len(sourceLine(source, lines)) + 1
	}
	userLine := sourceLine(source, line)
	msg = translateSyntax(raw, userLine, col)
	if msg == "Unexpected end of input" && strings.LastIndex(source, "/*") > strings.LastIndex(source, "*/") {
		msg = "Invalid or unexpected token" // V8's word for an unterminated comment
	}
	if msg == "await is only valid in async functions and the top level bodies of modules" {
		return msg, line, 0, true
	}
	if strings.HasPrefix(msg, "Unexpected") && msg != "Unexpected end of input" && off >= 0 && missingCallParen(src, off) {
		msg = "missing ) after argument list"
	}
	return msg, line, col, true
}

// lineColOffset is the byte offset of 1-based line and column in s, or -1.
func lineColOffset(s string, line, col int) int {
	off := 0
	for l := 1; l < line; l++ {
		i := strings.IndexByte(s[off:], '\n')
		if i < 0 {
			return -1
		}
		off += i + 1
	}
	if off+col-1 > len(s) {
		return -1
	}
	return off + col - 1
}

// missingCallParen reports whether the parse error at off is V8's "missing
// ) after argument list": the innermost bracket open there is a call's
// "(", and closing it right there lets parsing get past off.
func missingCallParen(src string, off int) bool {
	open := innermostOpen(src[:off])
	if open < 0 || src[open] != '(' || !isCallParen(src[:open]) {
		return false
	}
	_, err := parser.ParseFile(nil, scriptFile, src[:off]+")"+src[off:], 0)
	if err == nil {
		return true
	}
	m := reLineCol().FindStringSubmatch(err.Error())
	if m == nil {
		return false
	}
	l, _ := strconv.Atoi(m[1])
	c, _ := strconv.Atoi(m[2])
	// an argument that was complete: the error stays at the next token
	// (now after the inserted paren) or goes later; an incomplete one
	// ("f(a + ;") fails at the inserted paren itself
	return lineColOffset(src[:off]+")"+src[off:], l, c) > off
}

// innermostOpen returns the index of the last bracket left open in s,
// skipping strings, template text and comments roughly; -1 when none.
func innermostOpen(s string) int {
	var stack []int
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\'', '"', '`':
			for i++; i < len(s) && s[i] != c; i++ {
				if s[i] == '\\' {
					i++
				}
			}
		case '/':
			if i+1 < len(s) && s[i+1] == '/' {
				for i < len(s) && s[i] != '\n' {
					i++
				}
			} else if i+1 < len(s) && s[i+1] == '*' {
				end := strings.Index(s[i+2:], "*/")
				if end < 0 {
					return -1
				}
				i += end + 3
			}
		case '(', '[', '{':
			stack = append(stack, i)
		case ')', ']', '}':
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		}
	}
	if len(stack) == 0 {
		return -1
	}
	return stack[len(stack)-1]
}

var reCallee = lazyRE(`[\w$\])]$`)

// isCallParen reports whether a "(" following before opens a call's
// argument list: it follows a name, ")" or "]", not a keyword that takes a
// parenthesised head.
func isCallParen(before string) bool {
	t := strings.TrimRight(before, " \t\r\n")
	if t == "" || !reCallee().MatchString(t) {
		return false
	}
	word := reIdentEnd().FindString(t)
	switch word {
	case "if", "while", "for", "switch", "catch", "with", "return", "typeof", "function", "in", "of", "new", "delete", "void", "await", "yield", "case", "do", "else":
		return false
	}
	return true
}

var reIdentEnd = lazyRE(`[A-Za-z_$][\w$]*$`)
