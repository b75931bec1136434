package scripting

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
)

// TestAssertionIndex checks that each result carries its pm.test call's
// place (Newman's "assertion:N"), also when an async test finishes after a
// later one and the results are listed in finishing order.
func TestAssertionIndex(t *testing.T) {
	s := New(Options{})
	defer s.Close()
	tests := []struct {
		name, src string
		want      []string // "name@index" in the order the results are listed
	}{
		{"sync", "pm.test('a', () => {}); pm.test('b', () => { throw new Error('x'); }); pm.test('c', () => {});",
			[]string{"a@0", "b@1", "c@2"}},
		{"skip counts", "pm.test.skip('a'); pm.test('b', () => {});", []string{"a@0", "b@1"}},
		{"async finishes late", "pm.test('slow', done => setTimeout(done, 20)); pm.test('fast', done => setTimeout(() => done(new Error('no')), 1)); pm.test('sync', () => {});",
			[]string{"sync@2", "fast@1", "slow@0"}},
		{"legacy tests after pm.test", "pm.test('a', () => {}); tests['b'] = false;", []string{"a@0", "b@1"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := run(t, s, tt.src, newExec("test"))
			if res.Err != nil {
				t.Fatalf("script error: %v", res.Err)
			}
			var got []string
			for _, tr := range res.Tests {
				got = append(got, fmt.Sprintf("%s@%d", tr.Name, tr.Index))
			}
			if strings.Join(got, " ") != strings.Join(tt.want, " ") {
				t.Errorf("got %v want %v", got, tt.want)
			}
		})
	}
}

// TestResponseCookiesCaseInsensitive checks the cookie list's lookups and
// toObject fold case (the SDK's Cookie is a case-insensitive property) and
// that the legacy responseCookies is that list, not an array.
func TestResponseCookiesCaseInsensitive(t *testing.T) {
	s := New(Options{})
	defer s.Close()
	ex := newExec("test")
	ex.Response.Cookies = []*http.Cookie{{Name: "SessionID", Value: "s1", Path: "/"}, {Name: "Theme", Value: "dark", Path: "/"}}
	tests := []struct{ name, expr, want string }{
		{"get folds case", "pm.cookies.get('sessionid')", "s1"},
		{"has folds case", "String(pm.cookies.has('THEME'))", "true"},
		{"toObject keys lower case", "JSON.stringify(pm.cookies.toObject())", `{"sessionid":"s1","theme":"dark"}`},
		{"responseCookies is a list", "typeof responseCookies.length + ' ' + responseCookies.count()", "undefined 2"},
		{"responseCookies get", "responseCookies.get('theme')", "dark"},
		{"getResponseCookie folds case", "postman.getResponseCookie('SESSIONID').value", "s1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := run(t, s, "console.log(String("+tt.expr+"));", ex)
			if res.Err != nil {
				t.Fatalf("script error: %v", res.Err)
			}
			var got string
			for _, c := range res.Console {
				if c.Level == "log" {
					got = c.Text
				}
			}
			if got != "'"+tt.want+"'" {
				t.Errorf("got %s want '%s'", got, tt.want)
			}
		})
	}
}

// TestResponseStream checks pm.response.stream is the raw body as a Buffer
// (bytes that are not UTF-8 included) and that reading the body as text
// does not need it.
func TestResponseStream(t *testing.T) {
	s := New(Options{})
	defer s.Close()
	tests := []struct {
		name string
		body []byte
		expr string
		want string
	}{
		{"is a buffer", []byte(`{"a":1}`), "Buffer.isBuffer(pm.response.stream)", "true"},
		{"same text", []byte(`{"a":1}`), "pm.response.stream.toString() === pm.response.text()", "true"},
		{"binary bytes kept", []byte{0xff, 0x00, 0x80}, "pm.response.stream.toString('hex')", "ff0080"},
		{"length in bytes", []byte("héllo"), "pm.response.stream.length", "6"},
		{"hidden until read", []byte("x"), "Object.keys(pm.response).indexOf('stream')", "-1"},
		{"assignable", []byte("x"), "(pm.response.stream = 5, pm.response.stream)", "5"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ex := newExec("test")
			ex.Response.Body = tt.body
			res := run(t, s, "console.log(String("+tt.expr+"));", ex)
			if res.Err != nil {
				t.Fatalf("script error: %v", res.Err)
			}
			if len(res.Console) != 1 || res.Console[0].Text != "'"+tt.want+"'" {
				t.Errorf("got %v want '%s'", res.Console, tt.want)
			}
		})
	}
}
