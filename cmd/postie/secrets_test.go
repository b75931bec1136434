package main

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestReportSecretsMasking: JSON and JUnit reports mask credentials and
// secret-type variables by default; --reporter-show-secrets shows them.
func TestReportSecretsMasking(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(`{"access_token":"tok-from-server-123"}`))
	}))
	defer srv.Close()
	dir := t.TempDir()
	coll := write(t, dir, "c.json", `{"info":{"name":"s","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},"item":[
	 {"name":"a","request":{"url":"{{base}}/t","header":[{"key":"Authorization","value":"Bearer {{apikey}}"}]},
	  "event":[{"listen":"test","script":{"exec":["pm.test('key', () => pm.expect(pm.environment.get('apikey')).to.eql('x'))"]}}]}]}`)
	env := write(t, dir, "e.json", `{"name":"e","values":[{"key":"apikey","value":"env-secret-456","type":"secret"},{"key":"base","value":"`+srv.URL+`"}]}`)
	for _, show := range []bool{false, true} {
		jsonOut, xmlOut := filepath.Join(dir, "r.json"), filepath.Join(dir, "r.xml")
		args := []string{coll, "-e", env, "-r", "json,junit", "--reporter-json-export", jsonOut, "--reporter-junit-export", xmlOut}
		if show {
			args = append(args, "--reporter-show-secrets")
		}
		code, _, stderr := runPostie(t, context.Background(), args...)
		if code != exitFailed {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		for _, p := range []string{jsonOut, xmlOut} {
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			has := strings.Contains(string(data), "env-secret-456")
			if has != show {
				t.Errorf("%s with show=%v: secret present=%v", filepath.Base(p), show, has)
			}
		}
	}
}
