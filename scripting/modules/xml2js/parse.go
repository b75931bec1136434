package xml2js

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
	"sync"

	"github.com/dop251/goja"
)

// Options are xml2js parser options (the subset postie honours).
type Options struct {
	ExplicitArray   bool
	IgnoreAttrs     bool
	MergeAttrs      bool
	ExplicitRoot    bool
	ExplicitCharkey bool
	Trim            bool
	Normalize       bool
	NormalizeTags   bool
	AttrKey         string
	CharKey         string
	// EmptyTag replaces empty elements; nil means xml2js's default ''.
	EmptyTag goja.Value

	TagNameProcessors   []goja.Callable
	AttrNameProcessors  []goja.Callable
	AttrValueProcessors []goja.Callable
	ValueProcessors     []goja.Callable
}

// DefaultOptions are xml2js 0.4's defaults.
func DefaultOptions() Options {
	return Options{ExplicitArray: true, ExplicitRoot: true, AttrKey: "$", CharKey: "_"}
}

// PostmanOptions are the options Postman's legacy xml2Json global uses.
func PostmanOptions() Options {
	o := DefaultOptions()
	o.ExplicitArray = false
	o.Trim = true
	return o
}

// node is an element being built: ordered keys like a JS object.
type node struct {
	name  string
	keys  []string
	vals  map[string]any // string, *node, []any, goja.Value
	cdata bool           // the element's text included a CDATA section
}

func newNode() *node { return &node{vals: map[string]any{}} }

func (n *node) has(k string) bool { _, ok := n.vals[k]; return ok }

func (n *node) set(k string, v any) {
	if !n.has(k) {
		n.keys = append(n.keys, k)
	}
	n.vals[k] = v
}

func (n *node) del(k string) {
	if !n.has(k) {
		return
	}
	delete(n.vals, k)
	for i, kk := range n.keys {
		if kk == k {
			n.keys = append(n.keys[:i], n.keys[i+1:]...)
			break
		}
	}
}

func (n *node) assignOrPush(k string, v any, explicitArray bool) {
	cur, ok := n.vals[k]
	if !ok {
		if explicitArray {
			n.set(k, []any{v})
		} else {
			n.set(k, v)
		}
		return
	}
	arr, isArr := cur.([]any)
	if !isArr {
		arr = []any{cur}
	}
	n.vals[k] = append(arr, v)
}

// reSpaces matches a run of two or more whitespace characters; compiled on
// first use (only the normalize option needs it).
var reSpaces = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\s{2,}`) })

// isBlank reports whether s is empty or only whitespace as RE2's \s
// means it (tab, newline, form feed, carriage return, space).
func isBlank(s string) bool {
	return strings.Trim(s, "\t\n\f\r ") == ""
}

// parser holds one parse's state.
type parser struct {
	rt   *goja.Runtime
	opts Options
}

func (p *parser) process(fns []goja.Callable, v goja.Value, name string) (goja.Value, error) {
	for _, f := range fns {
		r, err := f(goja.Undefined(), v, p.rt.ToValue(name))
		if err != nil {
			return nil, err
		}
		v = r
	}
	return v, nil
}

func (p *parser) processName(fns []goja.Callable, name string) (string, error) {
	if len(fns) == 0 {
		return name, nil
	}
	v, err := p.process(fns, p.rt.ToValue(name), name)
	if err != nil {
		return "", err
	}
	return v.String(), nil
}

func qname(n xml.Name) string {
	if n.Space != "" {
		return n.Space + ":" + n.Local
	}
	return n.Local
}

// Parse parses src as xml2js does with opts and returns the result as a JS
// value in rt (null for blank input).
func Parse(rt *goja.Runtime, src string, opts Options) (goja.Value, error) {
	src = strings.TrimPrefix(src, "\ufeff")
	if strings.TrimSpace(src) == "" {
		return goja.Null(), nil
	}
	p := &parser{rt: rt, opts: opts}
	v, err := p.parse(src)
	if err != nil {
		return nil, err
	}
	return p.toValue(v), nil
}

func (p *parser) parse(src string) (any, error) {
	o := p.opts
	dec := xml.NewDecoder(strings.NewReader(src))
	dec.Strict = true
	dec.Entity = xml.HTMLEntity
	// The input is already text: an encoding declaration is ignored, as sax does.
	dec.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	var stack []*node
	var rawNames []string // element names as written, to check close tags
	started := false
	for {
		at := dec.InputOffset()
		tok, err := dec.RawToken()
		if errors.Is(err, io.EOF) {
			if len(stack) > 0 {
				line, col := dec.InputPos()
				return nil, fmt.Errorf("Unclosed root tag\nLine: %d\nColumn: %d\nChar: ", line-1, col)
			}
			return nil, nil
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if started && len(stack) == 0 {
				// xml2js reports the first root element and ignores the rest.
				continue
			}
			started = true
			n := newNode()
			n.set(o.CharKey, "")
			if !o.IgnoreAttrs {
				for _, a := range t.Attr {
					key, err := p.processName(o.AttrNameProcessors, qname(a.Name))
					if err != nil {
						return nil, err
					}
					var val any = a.Value
					if len(o.AttrValueProcessors) > 0 {
						pv, err := p.process(o.AttrValueProcessors, p.rt.ToValue(a.Value), key)
						if err != nil {
							return nil, err
						}
						val = pv
					}
					if o.MergeAttrs {
						n.assignOrPush(key, val, o.ExplicitArray)
						continue
					}
					attrs, _ := n.vals[o.AttrKey].(*node)
					if attrs == nil {
						attrs = newNode()
						n.set(o.AttrKey, attrs)
					}
					if !attrs.has(key) {
						attrs.set(key, val)
					}
				}
			}
			name := qname(t.Name)
			if o.NormalizeTags {
				name = strings.ToLower(name)
			}
			name, err = p.processName(o.TagNameProcessors, name)
			if err != nil {
				return nil, err
			}
			n.name = name
			stack = append(stack, n)
			rawNames = append(rawNames, qname(t.Name))
		case xml.EndElement:
			if len(stack) == 0 {
				if started {
					continue
				}
				line, col := dec.InputPos()
				return nil, fmt.Errorf("Unexpected close tag\nLine: %d\nColumn: %d\nChar: >", line-1, col)
			}
			if want := rawNames[len(rawNames)-1]; qname(t.Name) != want {
				line, col := dec.InputPos()
				return nil, fmt.Errorf("Unexpected close tag\nLine: %d\nColumn: %d\nChar: >", line-1, col)
			}
			rawNames = rawNames[:len(rawNames)-1]
			n := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			var obj any = n
			text, _ := n.vals[o.CharKey].(string)
			emptyStr := ""
			if isBlank(text) && !n.cdata {
				emptyStr = text
				n.del(o.CharKey)
			} else {
				if o.Trim {
					text = strings.TrimSpace(text)
				}
				if o.Normalize {
					text = strings.TrimSpace(reSpaces().ReplaceAllString(text, " "))
				}
				var tv any = text
				if len(o.ValueProcessors) > 0 {
					pv, err := p.process(o.ValueProcessors, p.rt.ToValue(text), n.name)
					if err != nil {
						return nil, err
					}
					tv = pv
				}
				n.vals[o.CharKey] = tv
				if len(n.keys) == 1 && !o.ExplicitCharkey {
					obj = tv
				}
			}
			if nn, ok := obj.(*node); ok && len(nn.keys) == 0 {
				if o.EmptyTag != nil && !(goja.IsString(o.EmptyTag) && o.EmptyTag.String() == "") {
					obj = o.EmptyTag
				} else {
					obj = emptyStr
				}
			}
			if len(stack) > 0 {
				stack[len(stack)-1].assignOrPush(n.name, obj, o.ExplicitArray)
				continue
			}
			if o.ExplicitRoot {
				root := newNode()
				root.set(n.name, obj)
				obj = root
			}
			return obj, nil
		case xml.CharData:
			if len(stack) == 0 {
				if strings.TrimSpace(string(t)) != "" {
					line, col := dec.InputPos()
					return nil, fmt.Errorf("Non-whitespace before first tag.\nLine: %d\nColumn: %d\nChar: %c", line-1, col, strings.TrimSpace(string(t))[0])
				}
				continue
			}
			n := stack[len(stack)-1]
			if strings.HasPrefix(src[at:], "<![CDATA[") {
				n.cdata = true
			}
			s, _ := n.vals[o.CharKey].(string)
			if !n.has(o.CharKey) {
				n.set(o.CharKey, string(t))
			} else {
				n.vals[o.CharKey] = s + string(t)
			}
		}
	}
}

// toValue converts the built tree into JS values, keeping key order.
func (p *parser) toValue(v any) goja.Value {
	switch t := v.(type) {
	case nil:
		return goja.Null()
	case string:
		return p.rt.ToValue(t)
	case goja.Value:
		return t
	case []any:
		items := make([]any, len(t))
		for i, e := range t {
			items[i] = p.toValue(e)
		}
		return p.rt.NewArray(items...)
	case *node:
		obj := p.rt.NewObject()
		for _, k := range t.keys {
			_ = obj.Set(k, p.toValue(t.vals[k]))
		}
		return obj
	}
	return goja.Undefined()
}
