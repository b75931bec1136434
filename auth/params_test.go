package auth

import (
	"testing"

	"github.com/postie-run/postie/collections"
)

// TestParamTypes checks that parameter values are cast to their declared
// variable type as postman-collection does: a string-typed false is the
// truthy string "false", a boolean-typed "false" is true.
func TestParamTypes(t *testing.T) {
	tests := []struct {
		value     any
		typ       string
		resolved  string // what {{v}} resolves to
		wantStr   string
		wantTruth bool
	}{
		{value: false, typ: "string", wantStr: "false", wantTruth: true},
		{value: false, typ: "boolean", wantStr: "false", wantTruth: false},
		{value: false, typ: "", wantStr: "false", wantTruth: false},
		{value: false, typ: "any", wantStr: "false", wantTruth: false},
		{value: "false", typ: "boolean", wantStr: "true", wantTruth: true},
		{value: "", typ: "boolean", wantStr: "false", wantTruth: false},
		{value: 12.0, typ: "string", wantStr: "12", wantTruth: true},
		{value: "12", typ: "number", wantStr: "12", wantTruth: true},
		{value: true, typ: "number", wantStr: "1", wantTruth: true},
		{value: "{{v}}", typ: "boolean", resolved: "", wantStr: "false", wantTruth: false},
		{value: "{{v}}", typ: "string", resolved: "x", wantStr: "x", wantTruth: true},
		{value: nil, typ: "string", wantStr: "", wantTruth: false},
	}
	for _, tt := range tests {
		a := &collections.Auth{Type: "basic", Params: map[string][]*collections.AuthParam{
			"basic": {{Key: "k", Value: tt.value, Type: tt.typ}},
		}}
		p := newParams(a, func(s string) string {
			if s == "{{v}}" {
				return tt.resolved
			}
			return s
		})
		if got := p.str("k"); got != tt.wantStr {
			t.Errorf("%#v as %q: str %q, want %q", tt.value, tt.typ, got, tt.wantStr)
		}
		if got := p.truthy("k"); got != tt.wantTruth {
			t.Errorf("%#v as %q: truthy %v, want %v", tt.value, tt.typ, got, tt.wantTruth)
		}
	}
}
