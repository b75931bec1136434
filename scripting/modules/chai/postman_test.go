package chai

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
)

type postmanCase struct {
	Fixture string `json:"fixture"`
	Code    string `json:"code"`
	Error   *struct {
		Name    string `json:"name"`
		Message string `json:"message"`
	} `json:"error"`
}

// TestPostmanAssertionsMatchSandbox compares every Postman assertion case
// with what chai-postman produced in node (testdata/expected_postman.json).
func TestPostmanAssertionsMatchSandbox(t *testing.T) {
	raw, err := os.ReadFile("testdata/expected_postman.json")
	if err != nil {
		t.Fatal(err)
	}
	var cases []postmanCase
	if err := json.Unmarshal(raw, &cases); err != nil {
		t.Fatal(err)
	}
	fixtures, err := os.ReadFile("testdata/postman_fixtures.json")
	if err != nil {
		t.Fatal(err)
	}
	fake, err := os.ReadFile("testdata/fake_response.js")
	if err != nil {
		t.Fatal(err)
	}
	failed := 0
	for _, c := range cases {
		rt := newRuntime(t)
		if _, err := rt.RunString("var fixtures = " + string(fixtures) + ";\nvar makeResponse = " + string(fake) + ";\nvar response = makeResponse(fixtures['" + c.Fixture + "']);"); err != nil {
			t.Fatalf("fixture %s: %v", c.Fixture, err)
		}
		name, msg, threw, err := outcome(rt, c.Code)
		if err != nil {
			t.Errorf("[%s] %s\n  could not run: %v", c.Fixture, c.Code, err)
			failed++
			continue
		}
		switch {
		case c.Error == nil && threw:
			t.Errorf("[%s] %s\n  want pass, got %s: %s", c.Fixture, c.Code, name, msg)
			failed++
		case c.Error != nil && !threw:
			t.Errorf("[%s] %s\n  want %s: %s, got pass", c.Fixture, c.Code, c.Error.Name, c.Error.Message)
			failed++
		case c.Error != nil && (name != c.Error.Name || msg != c.Error.Message):
			t.Errorf("[%s] %s\n  want %s: %q\n  got  %s: %q", c.Fixture, c.Code, c.Error.Name, c.Error.Message, name, msg)
			failed++
		}
	}
	t.Logf("%d postman cases, %d match the sandbox exactly", len(cases), len(cases)-failed)
	if !strings.Contains(string(raw), "expected response to have status code 404 but got 200") {
		t.Fatal("expected_postman.json lacks the status message")
	}
}
