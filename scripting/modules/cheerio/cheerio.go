// Package cheerio provides the "cheerio" module (the cheerio 0.22 API that
// Postman ships) backed by goquery: load(html) returns a $ function whose
// selections wrap Go HTML nodes.
package cheerio

import (
	_ "embed"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/PuerkitoBio/goquery"
	"github.com/dop251/goja"
	"github.com/postie-run/postie/scripting/modules"
	"golang.org/x/net/html"
)

//go:embed cheerio.js
var source string

// Module returns the "cheerio" module, also Postman's legacy global cheerio.
func Module() modules.Module {
	return modules.Module{
		Name:    "cheerio",
		Globals: []string{"cheerio"},
		Load: func(rt *goja.Runtime, c modules.Compiler) (goja.Value, error) {
			prg, err := c.Compile("cheerio.js", source)
			if err != nil {
				return nil, fmt.Errorf("compiling cheerio.js: %w", err)
			}
			mk, err := rt.RunProgram(prg)
			if err != nil {
				return nil, fmt.Errorf("running cheerio.js: %w", err)
			}
			fn, ok := goja.AssertFunction(mk)
			if !ok {
				return nil, fmt.Errorf("cheerio.js: not a function")
			}
			v, err := fn(goja.Undefined(), rt.ToValue(func(call goja.FunctionCall) goja.Value {
				xmlMode := false
				if o, ok := call.Argument(1).Export().(map[string]any); ok {
					xmlMode, _ = o["xmlMode"].(bool)
				}
				d, err := newDoc(call.Argument(0).String(), xmlMode)
				if err != nil {
					panic(rt.NewGoError(err))
				}
				return d.api(rt)
			}))
			if err != nil {
				return nil, fmt.Errorf("building cheerio: %w", err)
			}
			return v, nil
		},
	}
}

// doc is one loaded document; nodes are addressed from JS by integer id.
type doc struct {
	root  *html.Node
	ids   map[*html.Node]int
	nodes []*html.Node
	xml   bool
	// names keeps XML element names' case; Data holds the lower-cased name
	// the CSS selector engine matches.
	names map[*html.Node]string
}

func newDoc(src string, xmlMode bool) (*doc, error) {
	d := &doc{ids: map[*html.Node]int{}, xml: xmlMode, names: map[*html.Node]string{}}
	if xmlMode {
		root, err := parseXML(src, d.names)
		if err != nil {
			return nil, fmt.Errorf("cheerio.load: parsing XML: %w", err)
		}
		d.root = root
	} else {
		root, err := parseHTML(src)
		if err != nil {
			return nil, fmt.Errorf("cheerio.load: parsing HTML: %w", err)
		}
		d.root = root
	}
	d.id(d.root)
	return d, nil
}

// parseXML builds a node tree from XML keeping names' case.
func parseXML(src string, names map[*html.Node]string) (*html.Node, error) {
	dec := xml.NewDecoder(strings.NewReader(src))
	dec.Strict = false
	dec.Entity = xml.HTMLEntity
	// The input is already text: an encoding declaration is ignored, as sax does.
	dec.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	root := &html.Node{Type: html.DocumentNode}
	cur := root
	for {
		tok, err := dec.RawToken()
		if errors.Is(err, io.EOF) {
			return root, nil
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			name := qname(t.Name)
			n := &html.Node{Type: html.ElementNode, Data: strings.ToLower(name)}
			if n.Data != name {
				names[n] = name
			}
			for _, a := range t.Attr {
				n.Attr = append(n.Attr, html.Attribute{Key: qname(a.Name), Val: a.Value})
			}
			cur.AppendChild(n)
			cur = n
		case xml.EndElement:
			if cur.Parent != nil {
				cur = cur.Parent
			}
		case xml.CharData:
			cur.AppendChild(&html.Node{Type: html.TextNode, Data: string(t)})
		case xml.Comment:
			cur.AppendChild(&html.Node{Type: html.CommentNode, Data: string(t)})
		}
	}
}

func qname(n xml.Name) string {
	if n.Space != "" {
		return n.Space + ":" + n.Local
	}
	return n.Local
}

func (d *doc) id(n *html.Node) int {
	if id, ok := d.ids[n]; ok {
		return id
	}
	d.ids[n] = len(d.nodes)
	d.nodes = append(d.nodes, n)
	return len(d.nodes) - 1
}

func (d *doc) node(v goja.Value) *html.Node {
	i := int(v.ToInteger())
	if i < 0 || i >= len(d.nodes) {
		return nil
	}
	return d.nodes[i]
}

func (d *doc) idsOf(nodes []*html.Node) []any {
	out := make([]any, len(nodes))
	for i, n := range nodes {
		out[i] = d.id(n)
	}
	return out
}

func (d *doc) list(rt *goja.Runtime, v goja.Value) []*html.Node {
	var out []*html.Node
	obj := v.ToObject(rt)
	n := int(obj.Get("length").ToInteger())
	for i := 0; i < n; i++ {
		if nd := d.node(obj.Get(fmt.Sprint(i))); nd != nil {
			out = append(out, nd)
		}
	}
	return out
}

func textOf(n *html.Node, b *strings.Builder) {
	switch n.Type {
	case html.TextNode:
		b.WriteString(n.Data)
	case html.CommentNode:
	default:
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			textOf(c, b)
		}
	}
}

// isVoidElement reports whether the HTML element name has no content and no close tag.
func isVoidElement(name string) bool {
	switch name {
	case "area", "base", "basefont", "br", "col", "command", "embed", "frame",
		"hr", "img", "input", "isindex", "keygen", "link", "meta", "param",
		"source", "track", "wbr":
		return true
	}
	return false
}

// encodeXML escapes like cheerio 0.22's serializer: XML specials and every
// non-ASCII character as a hex character reference.
func encodeXML(b *strings.Builder, s string) {
	for _, r := range s {
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '"':
			b.WriteString("&quot;")
		case r == '\'':
			b.WriteString("&apos;")
		case r > 0x7f:
			fmt.Fprintf(b, "&#x%X;", r)
		default:
			b.WriteRune(r)
		}
	}
}

// render serializes n as cheerio 0.22 (dom-serializer) does.
func (d *doc) render(n *html.Node, b *strings.Builder) { d.renderMode(n, b, d.xml) }

// renderMode serializes n; xml selects XML rules (self-closing empty
// elements, no void elements), which also apply inside <svg>.
func (d *doc) renderMode(n *html.Node, b *strings.Builder, xml bool) {
	switch n.Type {
	case html.DocumentNode:
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			d.renderMode(c, b, xml)
		}
	case html.TextNode:
		if p := n.Parent; p != nil && p.Type == html.ElementNode && !xml && (p.Data == "script" || p.Data == "style") {
			b.WriteString(n.Data)
			return
		}
		encodeXML(b, n.Data)
	case html.CommentNode:
		b.WriteString("<!--" + n.Data + "-->")
	case html.DoctypeNode:
		b.WriteString("<!DOCTYPE " + n.Data + ">")
	case html.ElementNode:
		name := d.name(n)
		if name == "svg" {
			xml = true
		}
		b.WriteString("<" + name)
		for _, a := range n.Attr {
			k := a.Key
			if a.Namespace != "" {
				k = a.Namespace + ":" + k
			}
			b.WriteString(" ")
			if a.Val == "" && !xml {
				b.WriteString(k)
				continue
			}
			b.WriteString(k + "=\"")
			encodeXML(b, a.Val)
			b.WriteString("\"")
		}
		if xml && n.FirstChild == nil {
			b.WriteString("/>")
			return
		}
		b.WriteString(">")
		if !xml && isVoidElement(n.Data) {
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			d.renderMode(c, b, xml)
		}
		b.WriteString("</" + name + ">")
	}
}

// name is n's tag name as written (XML mode keeps case; matching uses lower case).
func (d *doc) name(n *html.Node) string {
	if orig, ok := d.names[n]; ok {
		return orig
	}
	return n.Data
}

func (d *doc) innerHTML(n *html.Node) string {
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		d.render(c, &b)
	}
	return b.String()
}

func nodeType(n *html.Node) string {
	switch n.Type {
	case html.TextNode:
		return "text"
	case html.CommentNode:
		return "comment"
	case html.DocumentNode:
		return "root"
	case html.DoctypeNode:
		return "directive"
	case html.ElementNode:
		switch n.Data {
		case "script":
			return "script"
		case "style":
			return "style"
		}
		return "tag"
	}
	return "text"
}

// parseFragment parses s (HTML or XML, as the document) into detached nodes.
func (d *doc) parseFragment(s string) []*html.Node {
	var r *html.Node
	var err error
	if d.xml {
		r, err = parseXML(s, d.names)
	} else {
		r, err = parseHTML(s)
	}
	if err != nil {
		return nil
	}
	var out []*html.Node
	for c := r.FirstChild; c != nil; {
		next := c.NextSibling
		r.RemoveChild(c)
		out = append(out, c)
		c = next
	}
	return out
}

// api returns the native functions cheerio.js builds $ with.
func (d *doc) api(rt *goja.Runtime) goja.Value {
	o := rt.NewObject()
	set := func(name string, fn func(goja.FunctionCall) goja.Value) { _ = o.Set(name, fn) }
	base := goquery.NewDocumentFromNode(d.root)
	sel := func(nodes []*html.Node) *goquery.Selection {
		s := *base.Selection
		s.Nodes = nodes
		return &s
	}
	compile := func(s string) goquery.Matcher {
		m, err := compileMatcher(s)
		if err != nil {
			panic(rt.NewGoError(fmt.Errorf("cheerio: invalid selector %q: %w", s, err)))
		}
		return m
	}
	set("root", func(goja.FunctionCall) goja.Value { return rt.ToValue(d.id(d.root)) })
	set("find", func(c goja.FunctionCall) goja.Value {
		ns := d.list(rt, c.Argument(0))
		return rt.NewArray(d.idsOf(sel(ns).FindMatcher(compile(c.Argument(1).String())).Nodes)...)
	})
	set("filter", func(c goja.FunctionCall) goja.Value {
		ns := d.list(rt, c.Argument(0))
		return rt.NewArray(d.idsOf(sel(ns).FilterMatcher(compile(c.Argument(1).String())).Nodes)...)
	})
	set("is", func(c goja.FunctionCall) goja.Value {
		n := d.node(c.Argument(0))
		if n == nil || n.Type != html.ElementNode {
			return rt.ToValue(false)
		}
		return rt.ToValue(compile(c.Argument(1).String()).Match(n))
	})
	set("children", func(c goja.FunctionCall) goja.Value {
		var out []*html.Node
		if n := d.node(c.Argument(0)); n != nil {
			all := c.Argument(1).ToBoolean()
			for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
				if all || ch.Type == html.ElementNode {
					out = append(out, ch)
				}
			}
		}
		return rt.NewArray(d.idsOf(out)...)
	})
	set("parent", func(c goja.FunctionCall) goja.Value {
		n := d.node(c.Argument(0))
		if n == nil || n.Parent == nil {
			return rt.ToValue(-1)
		}
		return rt.ToValue(d.id(n.Parent))
	})
	sibling := func(next bool, elementsOnly bool) func(goja.FunctionCall) goja.Value {
		return func(c goja.FunctionCall) goja.Value {
			n := d.node(c.Argument(0))
			for n != nil {
				if next {
					n = n.NextSibling
				} else {
					n = n.PrevSibling
				}
				if n != nil && (!elementsOnly || n.Type == html.ElementNode) {
					return rt.ToValue(d.id(n))
				}
			}
			return rt.ToValue(-1)
		}
	}
	set("next", sibling(true, true))
	set("prev", sibling(false, true))
	set("nextNode", sibling(true, false))
	set("prevNode", sibling(false, false))
	set("text", func(c goja.FunctionCall) goja.Value {
		var b strings.Builder
		for _, n := range d.list(rt, c.Argument(0)) {
			textOf(n, &b)
		}
		return rt.ToValue(b.String())
	})
	set("html", func(c goja.FunctionCall) goja.Value {
		n := d.node(c.Argument(0))
		if n == nil {
			return goja.Null()
		}
		return rt.ToValue(d.innerHTML(n))
	})
	set("outer", func(c goja.FunctionCall) goja.Value {
		var b strings.Builder
		for _, n := range d.list(rt, c.Argument(0)) {
			d.render(n, &b)
		}
		return rt.ToValue(b.String())
	})
	set("info", func(c goja.FunctionCall) goja.Value {
		n := d.node(c.Argument(0))
		if n == nil {
			return goja.Null()
		}
		info := rt.NewObject()
		_ = info.Set("type", nodeType(n))
		switch n.Type {
		case html.ElementNode:
			_ = info.Set("name", d.name(n))
			attrs := rt.NewObject()
			for _, a := range n.Attr {
				k := a.Key
				if a.Namespace != "" {
					k = a.Namespace + ":" + k
				}
				_ = attrs.Set(k, a.Val)
			}
			_ = info.Set("attribs", attrs)
		case html.TextNode, html.CommentNode, html.DoctypeNode:
			_ = info.Set("data", n.Data)
		case html.DocumentNode:
			_ = info.Set("name", "root")
		}
		return info
	})
	set("setAttr", func(c goja.FunctionCall) goja.Value {
		n := d.node(c.Argument(0))
		if n == nil || n.Type != html.ElementNode {
			return goja.Undefined()
		}
		key, val := c.Argument(1).String(), c.Argument(2)
		for i, a := range n.Attr {
			if a.Key == key {
				if goja.IsNull(val) || goja.IsUndefined(val) {
					n.Attr = append(n.Attr[:i], n.Attr[i+1:]...)
				} else {
					n.Attr[i].Val = val.String()
				}
				return goja.Undefined()
			}
		}
		if !goja.IsNull(val) && !goja.IsUndefined(val) {
			n.Attr = append(n.Attr, html.Attribute{Key: key, Val: val.String()})
		}
		return goja.Undefined()
	})
	set("setText", func(c goja.FunctionCall) goja.Value {
		n := d.node(c.Argument(0))
		if n == nil {
			return goja.Undefined()
		}
		for n.FirstChild != nil {
			n.RemoveChild(n.FirstChild)
		}
		n.AppendChild(&html.Node{Type: html.TextNode, Data: c.Argument(1).String()})
		return goja.Undefined()
	})
	set("setHTML", func(c goja.FunctionCall) goja.Value {
		n := d.node(c.Argument(0))
		if n == nil {
			return goja.Undefined()
		}
		for n.FirstChild != nil {
			n.RemoveChild(n.FirstChild)
		}
		for _, ch := range d.parseFragment(c.Argument(1).String()) {
			n.AppendChild(ch)
		}
		return goja.Undefined()
	})
	set("insert", func(c goja.FunctionCall) goja.Value {
		// insert(id, html, where): where is "append", "prepend", "before", "after".
		n := d.node(c.Argument(0))
		if n == nil {
			return goja.Undefined()
		}
		where := c.Argument(2).String()
		nodes := d.parseFragment(c.Argument(1).String())
		switch where {
		case "append":
			for _, ch := range nodes {
				n.AppendChild(ch)
			}
		case "prepend":
			first := n.FirstChild
			for _, ch := range nodes {
				n.InsertBefore(ch, first)
			}
		case "before":
			if n.Parent != nil {
				for _, ch := range nodes {
					n.Parent.InsertBefore(ch, n)
				}
			}
		case "after":
			if n.Parent != nil {
				ref := n.NextSibling
				for _, ch := range nodes {
					n.Parent.InsertBefore(ch, ref)
				}
			}
		}
		return goja.Undefined()
	})
	set("wrap", func(c goja.FunctionCall) goja.Value {
		// wrap(id, html): put node id inside the innermost first element of html.
		n := d.node(c.Argument(0))
		if n == nil || n.Parent == nil {
			return goja.Undefined()
		}
		// As cheerio 0.22: the first parsed element's children become [node].
		var wrapper *html.Node
		for _, w := range d.parseFragment(c.Argument(1).String()) {
			if w.Type == html.ElementNode {
				wrapper = w
				break
			}
		}
		if wrapper == nil {
			return goja.Undefined()
		}
		for wrapper.FirstChild != nil {
			wrapper.RemoveChild(wrapper.FirstChild)
		}
		n.Parent.InsertBefore(wrapper, n)
		n.Parent.RemoveChild(n)
		wrapper.AppendChild(n)
		return goja.Undefined()
	})
	set("sortDoc", func(c goja.FunctionCall) goja.Value {
		// sortDoc(ids): document order; nodes of other trees keep their order.
		ns := d.list(rt, c.Argument(0))
		paths := make(map[*html.Node][]int, len(ns))
		roots := make(map[*html.Node]*html.Node, len(ns))
		for _, n := range ns {
			var p []int
			x := n
			for ; x.Parent != nil; x = x.Parent {
				i := 0
				for s := x.PrevSibling; s != nil; s = s.PrevSibling {
					i++
				}
				p = append([]int{i}, p...)
			}
			paths[n], roots[n] = p, x
		}
		sort.SliceStable(ns, func(i, j int) bool {
			if roots[ns[i]] != roots[ns[j]] {
				return false
			}
			a, b := paths[ns[i]], paths[ns[j]]
			for k := 0; k < len(a) && k < len(b); k++ {
				if a[k] != b[k] {
					return a[k] < b[k]
				}
			}
			return len(a) < len(b)
		})
		return rt.NewArray(d.idsOf(ns)...)
	})
	set("remove", func(c goja.FunctionCall) goja.Value {
		if n := d.node(c.Argument(0)); n != nil && n.Parent != nil {
			n.Parent.RemoveChild(n)
		}
		return goja.Undefined()
	})
	set("parse", func(c goja.FunctionCall) goja.Value {
		// parse(html) creates detached nodes under a new root and returns their ids.
		r := &html.Node{Type: html.DocumentNode}
		for _, ch := range d.parseFragment(c.Argument(0).String()) {
			r.AppendChild(ch)
		}
		var out []*html.Node
		for ch := r.FirstChild; ch != nil; ch = ch.NextSibling {
			out = append(out, ch)
		}
		return rt.NewArray(d.idsOf(out)...)
	})
	return o
}
