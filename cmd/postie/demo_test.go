package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestMaskVar(t *testing.T) {
	tests := []struct{ key, typ, value, want string }{
		{"baseUrl", "default", "http://127.0.0.1:1", "http://127.0.0.1:1"},
		{"private_key", "secret", "-----BEGIN PRIVATE KEY-----", "-----B…"},
		{"access_token", "", "abcdefghijkl", "abcdef…"},
		{"private_key_jwt", "any", "eyJhbGciOiJQUzI1NiJ9.x.y", "eyJhbG…"},
		{"requestObject", "", "eyJhbGciOiJQUzI1NiJ9.x.y", "eyJhbG…"},
		{"code_verifier", "", "0123456789", "012345…"},
		{"code", "", "abc", "***"},
		{"consent_id", "", "urn:ofp:consent:1", "urn:ofp:consent:1"},
		{"token_endpoint", "", "http://127.0.0.1:1/token", "http://127.0.0.1:1/token"},
	}
	for _, tc := range tests {
		if got := maskVar(tc.key, tc.typ, tc.value); got != tc.want {
			t.Errorf("maskVar(%s, %q) = %q, want %q", tc.key, tc.value, got, tc.want)
		}
	}
}

func TestDemoCommand(t *testing.T) {
	exported := filepath.Join(t.TempDir(), "demo.postman_environment.json")
	var out, errOut bytes.Buffer
	code := demoCommand(context.Background(), []string{"--no-color", "--export-environment", exported}, stdio{In: strings.NewReader(""), Out: &out, Err: &errOut})
	if code != exitOK {
		t.Fatalf("exit %d\nstdout:\n%s\nstderr:\n%s", code, out.String(), errOut.String())
	}
	b, err := os.ReadFile(exported)
	if err != nil {
		t.Fatal(err)
	}
	var env struct {
		Values []struct {
			Key   string `json:"key"`
			Value any    `json:"value"`
		} `json:"values"`
		Scope string `json:"_postman_variable_scope"`
		Using string `json:"_postman_exported_using"`
	}
	if err := json.Unmarshal(b, &env); err != nil {
		t.Fatal(err)
	}
	// newman's export format, as postie run writes it
	if env.Scope != "environment" || !strings.HasPrefix(env.Using, "Postie/") {
		t.Errorf("export stamp %q %q, want newman's export format", env.Scope, env.Using)
	}
	vals := map[string]string{}
	for _, v := range env.Values {
		s, _ := v.Value.(string)
		vals[v.Key] = s
	}
	for _, k := range []string{"access_token", "refresh_token", "id_token", "consent_id", "private_key_jwt", "requestObject"} {
		if vals[k] == "" {
			t.Errorf("exported environment lacks %s", k)
		}
	}
	// Secrets are printed masked, never whole.
	for _, k := range []string{"private_key", "access_token", "refresh_token", "id_token", "private_key_jwt", "requestObject", "code_verifier"} {
		if v := vals[k]; len(v) > 8 && strings.Contains(out.String(), v) {
			t.Errorf("%s printed in full", k)
		}
	}
	if !strings.Contains(out.String(), vals["consent_id"]) || !strings.Contains(out.String(), "70 - DC -> OFP: GET /accounts") {
		t.Errorf("report lacks the consent id or the requests:\n%s", out.String())
	}
}
