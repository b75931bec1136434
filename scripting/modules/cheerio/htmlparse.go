package cheerio

import (
	"strings"
	"sync"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// openImpliesClose lists, per opening tag, the open elements it closes,
// following htmlparser2 (cheerio 0.22's parser), which unlike HTML5 adds no
// html/head/body/tbody elements. Built on first use.
var openImpliesClose = sync.OnceValue(func() map[string]map[string]bool {
	set := func(names ...string) map[string]bool {
		m := map[string]bool{}
		for _, n := range names {
			m[n] = true
		}
		return m
	}
	form := set("input", "option", "optgroup", "select", "button", "datalist", "textarea")
	p := set("p")
	return map[string]map[string]bool{
		"tr": set("tr", "th", "td"), "th": set("th"), "td": set("thead", "th", "td"),
		"body": set("head", "link", "script"), "li": set("li"),
		"p": p, "h1": p, "h2": p, "h3": p, "h4": p, "h5": p, "h6": p,
		"select": form, "input": form, "output": form, "button": form, "datalist": form, "textarea": form,
		"option": set("option"), "optgroup": set("optgroup"),
	}
})

// parseHTML builds a tree as htmlparser2 does: tags and attribute names
// lower-cased, entities decoded, only script and style as raw text, void
// elements closed, implied closes from openImpliesClose, unmatched close
// tags ignored (except </p> and </br>).
func parseHTML(src string) (*html.Node, error) {
	root := &html.Node{Type: html.DocumentNode}
	var stack []*html.Node
	cur := func() *html.Node {
		if len(stack) == 0 {
			return root
		}
		return stack[len(stack)-1]
	}
	closeTo := func(i int) { stack = stack[:i] }
	open := func(name string, attrs []html.Attribute) {
		if inner, ok := openImpliesClose()[name]; ok {
			for len(stack) > 0 && inner[stack[len(stack)-1].Data] {
				closeTo(len(stack) - 1)
			}
		}
		n := &html.Node{Type: html.ElementNode, Data: name, DataAtom: atom.Lookup([]byte(name)), Attr: attrs}
		cur().AppendChild(n)
		if !isVoidElement(name) {
			stack = append(stack, n)
		}
	}
	z := html.NewTokenizer(strings.NewReader(src))
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return root, nil
		case html.TextToken:
			text := string(z.Text())
			if last := cur().LastChild; last != nil && last.Type == html.TextNode {
				last.Data += text
			} else {
				cur().AppendChild(&html.Node{Type: html.TextNode, Data: text})
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			tag := strings.ToLower(string(name))
			var attrs []html.Attribute
			seen := map[string]bool{}
			for hasAttr {
				var k, v []byte
				k, v, hasAttr = z.TagAttr()
				key := strings.ToLower(string(k))
				if seen[key] {
					continue
				}
				seen[key] = true
				attrs = append(attrs, html.Attribute{Key: key, Val: string(v)})
			}
			if tag != "script" && tag != "style" {
				z.NextIsNotRawText()
			}
			open(tag, attrs)
		case html.EndTagToken:
			name, _ := z.TagName()
			tag := strings.ToLower(string(name))
			found := -1
			for i := len(stack) - 1; i >= 0; i-- {
				if stack[i].Data == tag {
					found = i
					break
				}
			}
			switch {
			case found >= 0:
				closeTo(found)
			case tag == "p":
				open("p", nil)
				closeTo(len(stack) - 1)
			case tag == "br":
				open("br", nil)
			}
		case html.CommentToken:
			cur().AppendChild(&html.Node{Type: html.CommentNode, Data: string(z.Text())})
		case html.DoctypeToken:
			cur().AppendChild(&html.Node{Type: html.DoctypeNode, Data: string(z.Text())})
		}
	}
}
