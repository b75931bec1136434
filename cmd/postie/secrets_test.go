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

// TestReportSecretsMasking: --verbose cli output and JSON, JUnit and HTML
// reports mask credentials and secret-type variables by default;
// --reporter-show-secrets shows them.
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
		jsonOut, xmlOut, htmlOut := filepath.Join(dir, "r.json"), filepath.Join(dir, "r.xml"), filepath.Join(dir, "r.html")
		args := []string{coll, "-e", env, "-r", "cli,json,junit,html", "--verbose", "--disable-unicode",
			"--reporter-json-export", jsonOut, "--reporter-junit-export", xmlOut, "--reporter-html-export", htmlOut}
		if show {
			args = append(args, "--reporter-show-secrets")
		}
		code, stdout, stderr := runPostie(t, context.Background(), args...)
		if code != exitFailed {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		// the verbose response body (newman's --verbose prints bodies, not
		// headers); the failure message quotes the value as newman's does.
		body := `{"access_token":"tok-from-server-123"}`
		if !show {
			body = `{"access_token":"********"}`
		}
		if !strings.Contains(stdout, body) || (!show && strings.Contains(stdout, "tok-from-server-123")) {
			t.Errorf("cli --verbose with show=%v: want %q and no other token:\n%s", show, body, stdout)
		}
		for _, p := range []string{jsonOut, xmlOut, htmlOut} {
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
