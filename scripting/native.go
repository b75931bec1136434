package scripting

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"strings"

	"github.com/dop251/goja"
	"github.com/postie-run/postie/scripting/modules/uuid"
)

// installNative replaces JSON.parse with a version whose errors read as in
// Postman's sandbox (liquid-json: a JSONError naming the token and its
// line:column) and gives the SDK its JSON parser and base64 helper.
func (v *vm) installNative() {
	rt := v.rt
	jsonObj := rt.GlobalObject().Get("JSON").ToObject(rt)
	nativeParse, _ := goja.AssertFunction(jsonObj.Get("parse"))
	parse := func(call goja.FunctionCall) goja.Value {
		res, err := nativeParse(jsonObj, call.Arguments...)
		if err != nil {
			var ex *goja.Exception
			if errors.As(err, &ex) {
				if goja.IsUndefined(call.Argument(0)) {
					// V8's JSON.parse message, which liquid-json passes on
					// (the empty response's json())
					e := v.jsError("SyntaxError", `"undefined" is not valid JSON`)
					_ = e.Set("name", "JSONError")
					panic(e)
				}
				text := call.Argument(0).String()
				// liquid-json ignores a byte order mark
				if trimmed, ok := strings.CutPrefix(text, "\ufeff"); ok {
					args := append([]goja.Value{rt.ToValue(trimmed)}, call.Arguments[1:]...)
					if res, err := nativeParse(jsonObj, args...); err == nil {
						return res
					}
					text = trimmed
				}
				panic(v.jsonError(text))
			}
			panic(err)
		}
		return res
	}
	_ = jsonObj.Set("parse", parse)
	v.installToLocaleString()
	sdk := v.sdk.ToObject(rt)
	_ = sdk.Set("parseJSON", func(call goja.FunctionCall) goja.Value {
		return parse(call)
	})
	_ = sdk.Set("uuid", func(goja.FunctionCall) goja.Value { return rt.ToValue(uuid.NewV4()) })
	// contentInfo(contentType, text): Response#contentInfo's object, its
	// keys in the SDK's order
	_ = sdk.Set("contentInfo", func(call goja.FunctionCall) goja.Value {
		ct := ""
		if a := call.Argument(0); !goja.IsUndefined(a) && !goja.IsNull(a) {
			ct = a.String()
		}
		var body []byte
		if ct == "" {
			if b := call.Argument(1); !goja.IsUndefined(b) && !goja.IsNull(b) {
				body = []byte(b.String())
			}
		}
		ci := ContentInfoOf(ct, body)
		o := rt.NewObject()
		_ = o.Set("contentType", ci.ContentType)
		_ = o.Set("mimeType", ci.MimeType)
		_ = o.Set("mimeFormat", ci.MimeFormat)
		_ = o.Set("charset", ci.Charset)
		if ci.FileExtension != "" {
			_ = o.Set("fileExtension", ci.FileExtension)
		}
		_ = o.Set("fileName", ci.FileName())
		return o
	})
	_ = sdk.Set("base64", func(call goja.FunctionCall) goja.Value {
		return rt.ToValue(base64.StdEncoding.EncodeToString([]byte(call.Argument(0).String())))
	})
}

// jsonError builds liquid-json's JSONError for invalid JSON text.
func (v *vm) jsonError(text string) *goja.Object {
	e := v.jsError("Error", jsonErrorMessage(text))
	_ = e.Set("name", "JSONError")
	return e
}

func jsonErrorMessage(text string) string {
	if strings.TrimSpace(text) == "" {
		return "No data, empty input at 1:1\n" + text + "\n^"
	}
	var x any
	err := json.Unmarshal([]byte(text), &x)
	off := len(text)
	var se *json.SyntaxError
	if errors.As(err, &se) && !strings.Contains(se.Error(), "unexpected end") {
		off = int(se.Offset) - 1
		if off < 0 {
			off = 0
		}
		// a bad literal (tru, nul, undefined) is reported at its start
		for off > 0 && off <= len(text) && isLetter(text[off-1]) {
			off--
		}
	}
	if off > len(text) {
		off = len(text)
	}
	line, col, lineStart := 1, 1, 0
	for i := 0; i < off; i++ {
		if text[i] == '\n' {
			line++
			col = 1
			lineStart = i + 1
		} else {
			col++
		}
	}
	lineEnd := strings.IndexByte(text[lineStart:], '\n')
	lineText := text[lineStart:]
	if lineEnd >= 0 {
		lineText = text[lineStart : lineStart+lineEnd]
	}
	what := "Unexpected end of input"
	if off < len(text) {
		r := []rune(text[off:])[0]
		what = "Unexpected token '" + string(r) + "'"
		if r == ']' || r == '}' {
			prev := strings.TrimRight(text[:off], " \t\r\n")
			if strings.HasSuffix(prev, ",") {
				if r == ']' {
					what = "Trailing comma in array"
				} else {
					what = "Trailing comma in object"
				}
			}
		}
	}
	return what + " at " + itoa(line) + ":" + itoa(col) + "\n" + lineText + "\n" + strings.Repeat(" ", col-1) + "^"
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}
