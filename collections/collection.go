// Package collections is the Postman collection model (schema v2.0 and v2.1):
// loading, validating, saving losslessly and walking items.
package collections

import (
	"encoding/json"
	"strings"

	"github.com/postie-run/postie/environments"
)

// Extra holds JSON fields a type does not model (and bookkeeping for writing
// the original form back); owned by the JSON methods. Loading then saving a
// collection gives back the same JSON, key order aside.
type Extra = map[string]json.RawMessage

// Collection is a Postman collection.
type Collection struct {
	Info                    Info
	Items                   []*Item
	Events                  []*Event
	Variables               []*environments.Variable
	Auth                    *Auth
	ProtocolProfileBehavior map[string]any
	Extra                   Extra

	has     seen
	version string
}

// Info is the collection's "info" block.
type Info struct {
	PostmanID   string // _postman_id
	Name        string
	Schema      string
	Description *Description
	Extra       Extra

	has seen
}

// Description is a description given as a string or as {content, type, version}.
type Description struct {
	Content  string
	Type     string
	IsString bool // the file held a plain string
	Extra    Extra

	has seen
}

// Item is a request item or a folder (item group). A folder has Items non-nil
// (possibly empty) and no Request.
type Item struct {
	ID                      string
	Name                    string
	Description             *Description
	Variables               []*environments.Variable
	Events                  []*Event
	Request                 *Request
	Responses               []json.RawMessage // saved examples ("response"), kept, never run
	Items                   []*Item
	Auth                    *Auth // folder-level auth
	ProtocolProfileBehavior map[string]any
	Extra                   Extra

	has seen
}

// IsFolder reports whether the item is a folder.
func (i *Item) IsFolder() bool { return i.Items != nil || i.Request == nil }

// Request is an item's request.
type Request struct {
	URL         *URL
	Method      string // "" means GET
	Header      []*Param
	Body        *Body
	Auth        *Auth
	Description *Description
	IsString    bool // the file held the request as a plain URL string
	Extra       Extra

	has            seen
	headerString   string // "header" as the file held it when it was a string
	headerIsString bool
}

// URL is a request URL, given as a string or as parts.
type URL struct {
	Raw       string
	Protocol  string
	Host      []string
	Path      []string
	Port      string
	Query     []*Param
	Hash      string
	Variables []*environments.Variable // path variables (":id")
	IsString  bool                     // the file held a plain string
	Extra     Extra

	has          seen
	hostIsString bool
	pathString   string // "path" as the file held it when it was a string
	pathIsString bool
}

// Param is a key/value pair: a header, a query parameter or an urlencoded field.
type Param struct {
	Key         string
	Value       string
	Disabled    bool
	Description *Description
	Extra       Extra

	// KeyNull and ValueNull record a JSON null key or value (a query
	// parameter written "?flag" has a null value and is printed without "=").
	KeyNull   bool
	ValueNull bool

	has      seen
	valueRaw json.RawMessage // a non-string value as the file held it
}

// Body is a request body.
type Body struct {
	Mode       string // raw, urlencoded, formdata, file, graphql ("" = none)
	Raw        string
	URLEncoded []*Param
	FormData   []*FormParam
	File       *BodyFile
	GraphQL    *GraphQL
	Options    map[string]any // e.g. {"raw": {"language": "json"}}
	Disabled   bool
	Extra      Extra

	has seen
}

// FormParam is one multipart/form-data field.
type FormParam struct {
	Key         string
	Value       string
	Type        string   // "text" (default) or "file"
	Src         []string // file paths for type "file"
	SrcIsString bool     // "src" was a string, not an array
	ContentType string
	Disabled    bool
	Description *Description
	Extra       Extra

	has seen
}

// BodyFile is a binary file body.
type BodyFile struct {
	Src     string
	Content string
	Extra   Extra

	has seen
}

// GraphQL is a GraphQL body.
type GraphQL struct {
	Query     string
	Variables string
	Extra     Extra

	has seen
}

// Auth is an auth block: a type and, per type name, its parameters.
type Auth struct {
	Type       string
	Params     map[string][]*AuthParam // keyed by auth type name ("basic", "bearer", ...)
	ObjectForm bool                    // v2.0 style {"basic": {"username": ...}} rather than a list
	Extra      Extra

	order []string // parameter block names in file order
}

// AuthParam is one auth parameter.
type AuthParam struct {
	Key   string
	Value any
	Type  string
	Extra Extra

	has seen
}

// Event is a script attached to a collection, folder or request.
type Event struct {
	ID       string
	Listen   string // "prerequest" or "test"
	Script   *Script
	Disabled bool
	Extra    Extra

	has            seen
	scriptIsString bool
	single         bool // the file held this event as the object, not a list
}

// Script is an event's script.
type Script struct {
	ID           string
	Type         string
	Exec         []string
	ExecIsString bool // "exec" was one string, not an array of lines
	Name         string
	Extra        Extra

	has seen
}

// Source returns the script text (exec lines joined by newlines).
func (s *Script) Source() string {
	if s == nil {
		return ""
	}
	return strings.Join(s.Exec, "\n")
}
