package jsonreport

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/google/uuid"

	"github.com/postie-run/postie/collections"
	"github.com/postie-run/postie/runner"
	"github.com/postie-run/postie/scripting"
)

// sdkForm rewrites the collection as its file holds it into the form
// newman's report shows, which is postman-collection's toJSON of the loaded
// collection: every item and script has an id (a uuid made up when the
// file has none), scripts that ran carry a "_lastExecutionId", URLs are
// objects without "raw", empty header lists are left out, variables have a
// type ("any" when the file gives none), urlencoded fields have no type,
// and the collection has "_": {"postman_id"}, "event" and "variable".
//
// Items are known by their path of names (folders, then the item): the
// summary's collection and its executions' items may be separate copies
// (the secret masker copies both).
type sdkForm struct {
	ids map[string]string // item ids by path, as the run used them
	// ran holds, by listen ("prerequest", "test"), the paths of the items
	// whose scripts of that phase ran, and of their folders ("" is the
	// collection)
	ran map[string]map[string]bool
	// items caches each executed item's encoded form by path
	// (execution.item, failure.source).
	items map[string]json.RawMessage
}

func newSDKForm(s *runner.Summary) *sdkForm {
	f := &sdkForm{ids: map[string]string{}, items: map[string]json.RawMessage{},
		ran: map[string]map[string]bool{"prerequest": {}, "test": {}}}
	for _, x := range s.Executions {
		if x == nil || x.Item == nil {
			continue
		}
		key := pathKey(x.Path)
		if x.ItemID != "" {
			f.ids[key] = x.ItemID
		}
		for listen, results := range map[string][]*scripting.Result{"prerequest": x.Prerequest, "test": x.Test} {
			if len(results) == 0 {
				continue // that phase did not run (skipped, request error)
			}
			for i := range len(x.Path) + 1 {
				f.ran[listen][pathKey(x.Path[:i])] = true // the collection, folders, item
			}
		}
	}
	return f
}

func pathKey(names []string) string { return strings.Join(names, "\x00") }

// id returns the id of the item at path, making one up (once) when it has
// none.
func (f *sdkForm) id(it *collections.Item, path string) string {
	if id, ok := f.ids[path]; ok {
		return id
	}
	id := it.ID
	if id == "" {
		id = uuid.NewString()
	}
	f.ids[path] = id
	return id
}

// collection returns the collection in the SDK's form.
func (f *sdkForm) collection(c *collections.Collection) (json.RawMessage, error) {
	data, err := json.Marshal(c)
	if err != nil {
		return nil, err
	}
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, err
	}
	if info, ok := m["info"].(map[string]any); ok {
		if pid, ok := info["_postman_id"]; ok {
			m["_"] = map[string]any{"postman_id": pid}
		} else {
			info["_postman_id"] = uuid.NewString() // the SDK makes one up
		}
	}
	f.events(m, "")
	m["variable"] = variables(m["variable"])
	if auth, ok := m["auth"].(map[string]any); ok {
		sdkAuth(auth)
	}
	f.itemList(m, c.Items, nil)
	return json.Marshal(m)
}

// item returns the item it, at path, in the SDK's form.
func (f *sdkForm) item(it *collections.Item, path []string) (json.RawMessage, error) {
	key := pathKey(path)
	if raw, ok := f.items[key]; ok {
		return raw, nil
	}
	data, err := json.Marshal(&collections.Collection{Items: []*collections.Item{it}})
	if err != nil {
		return nil, err
	}
	var wrapped struct {
		Item []map[string]any `json:"item"`
	}
	if err := json.Unmarshal(data, &wrapped); err != nil || len(wrapped.Item) != 1 {
		return nil, err
	}
	f.rewriteItem(wrapped.Item[0], it, path)
	raw, err := json.Marshal(wrapped.Item[0])
	if err == nil {
		f.items[key] = raw
	}
	return raw, err
}

// itemList rewrites m["item"], whose elements are items' file forms in
// the order of items, under the folders at path.
func (f *sdkForm) itemList(m map[string]any, items []*collections.Item, path []string) {
	list, _ := m["item"].([]any)
	var live []*collections.Item
	for _, it := range items {
		if it != nil {
			live = append(live, it)
		}
	}
	if len(list) != len(live) {
		return
	}
	for i, v := range list {
		if im, ok := v.(map[string]any); ok {
			f.rewriteItem(im, live[i], append(path[:len(path):len(path)], live[i].Name))
		}
	}
}

func (f *sdkForm) rewriteItem(m map[string]any, it *collections.Item, path []string) {
	key := pathKey(path)
	m["id"] = f.id(it, key)
	f.events(m, key)
	if auth, ok := m["auth"].(map[string]any); ok {
		sdkAuth(auth) // a folder's
	}
	if v, ok := m["variable"]; ok {
		m["variable"] = variables(v)
	}
	if it.IsFolder() {
		f.itemList(m, it.Items, path)
		return
	}
	if _, ok := m["response"]; !ok {
		m["response"] = []any{}
	}
	req, ok := m["request"].(map[string]any)
	if !ok {
		return
	}
	if h, ok := req["header"].([]any); ok && len(h) == 0 {
		delete(req, "header")
	}
	if auth, ok := req["auth"].(map[string]any); ok {
		sdkAuth(auth)
	}
	if it.Request != nil && it.Request.URL != nil {
		req["url"] = urlObject(it.Request.URL)
	}
	if body, ok := req["body"].(map[string]any); ok {
		if fields, ok := body["urlencoded"].([]any); ok {
			for _, p := range fields {
				if pm, ok := p.(map[string]any); ok {
					delete(pm, "type")
				}
			}
		}
	}
}

// events gives every script of the item (or folder, or collection) at key
// an id and, when it ran, a _lastExecutionId; a missing event list becomes
// an empty one.
func (f *sdkForm) events(m map[string]any, key string) {
	evs, _ := m["event"].([]any)
	for _, e := range evs {
		em, _ := e.(map[string]any)
		sc, _ := em["script"].(map[string]any)
		if sc == nil {
			continue
		}
		if _, ok := sc["id"]; !ok {
			sc["id"] = uuid.NewString()
		}
		if _, ok := sc["type"]; !ok {
			sc["type"] = "text/javascript" // the SDK's default
		}
		if listen, _ := em["listen"].(string); f.ran[listen][key] {
			sc["_lastExecutionId"] = uuid.NewString()
		}
	}
	if evs == nil {
		evs = []any{}
	}
	m["event"] = evs
}

// sdkAuth gives an auth block the SDK's form: the parameter list of its
// type even when empty ("noauth": []), and the values of "string"
// parameters as strings (true -> "true").
func sdkAuth(auth map[string]any) {
	typ, _ := auth["type"].(string)
	if typ == "" {
		return
	}
	params, ok := auth[typ].([]any)
	if !ok {
		if _, has := auth[typ]; !has {
			auth[typ] = []any{}
		}
		return
	}
	for _, p := range params {
		pm, _ := p.(map[string]any)
		if pm == nil || pm["type"] != "string" {
			continue
		}
		switch v := pm["value"].(type) {
		case bool, float64:
			pm["value"] = fmt.Sprint(v)
		}
	}
}

// variables gives each variable a type ("any" when it has none).
func variables(v any) any {
	list, _ := v.([]any)
	for _, x := range list {
		if vm, ok := x.(map[string]any); ok {
			if t, ok := vm["type"].(string); !ok || t == "" || t == "default" {
				vm["type"] = "any"
			}
		}
	}
	if list == nil {
		return []any{}
	}
	return list
}

// urlObject is a URL as postman-collection's Url.toJSON gives it.
func urlObject(u *collections.URL) map[string]any {
	p := u
	if len(u.Host) == 0 && len(u.Path) == 0 && u.Raw != "" {
		p = collections.ParseURL(u.Raw)
	}
	out := map[string]any{}
	if p.Protocol != "" {
		out["protocol"] = p.Protocol
	}
	if p.Port != "" {
		out["port"] = p.Port
	}
	if p.Path != nil {
		out["path"] = p.Path
	}
	if p.Host != nil {
		out["host"] = p.Host
	}
	query := []any{}
	for _, q := range p.Query {
		if q == nil {
			continue
		}
		qm := map[string]any{"key": q.Key, "value": q.Value}
		if q.KeyNull {
			qm["key"] = nil
		}
		if q.ValueNull {
			qm["value"] = nil
		}
		if q.Disabled {
			qm["disabled"] = true
		}
		query = append(query, qm)
	}
	out["query"] = query
	if p.Hash != "" {
		out["hash"] = p.Hash
	}
	vars := []any{}
	for _, v := range u.Variables {
		if v == nil {
			continue
		}
		typ := v.Type
		if typ == "" || typ == "default" {
			typ = "any"
		}
		vars = append(vars, map[string]any{"key": v.Key, "value": v.Value, "type": typ})
	}
	out["variable"] = vars
	return out
}

// parentIndex finds an item's parent (its folder, or the collection) in
// the report's collection.
type parentIndex struct {
	coll  map[string]any
	cache map[string]json.RawMessage
}

func newParentIndex(coll json.RawMessage) *parentIndex {
	p := &parentIndex{cache: map[string]json.RawMessage{}}
	_ = json.Unmarshal(coll, &p.coll)
	return p
}

// of returns the parent of the item at path, or nil when it is not found.
func (p *parentIndex) of(path []string) json.RawMessage {
	if p.coll == nil || len(path) == 0 {
		return nil
	}
	key := pathKey(path[:len(path)-1])
	if raw, ok := p.cache[key]; ok {
		return raw
	}
	node := p.coll
	for _, name := range path[:len(path)-1] {
		list, _ := node["item"].([]any)
		var next map[string]any
		for _, v := range list {
			if m, ok := v.(map[string]any); ok && m["name"] == name {
				if _, folder := m["item"]; folder {
					next = m
					break
				}
			}
		}
		if next == nil {
			return nil
		}
		node = next
	}
	raw, err := json.Marshal(node)
	if err != nil {
		return nil
	}
	p.cache[key] = raw
	return raw
}
