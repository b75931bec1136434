package scripting

import (
	"context"
	"testing"
)

// TestContentInfoOf checks the classification against what newman 6.2.2's
// pm.response.contentInfo() gave for the same Content-Type values.
func TestContentInfoOf(t *testing.T) {
	tests := []struct {
		ct, body string
		want     ContentInfo
	}{
		{"application/json; charset=utf-8", "", ContentInfo{"application/json", "text", "json", "utf8", "json"}},
		{"application/JSON;Charset=UTF-8", "", ContentInfo{"application/json", "text", "json", "utf8", "json"}},
		{"text/plain; charset=ISO-8859-1", "", ContentInfo{"text/plain", "text", "plain", "iso-8859-1", "txt"}},
		{`text/plain;charset="utf-16"`, "", ContentInfo{"text/plain", "text", "plain", "utf-16", "txt"}},
		{"text/xml", "", ContentInfo{"text/xml", "text", "xml", "utf8", "xml"}},
		{"image/jpeg", "", ContentInfo{"image/jpeg", "image", "image", "utf8", "jpeg"}},
		{"application/octet-stream", "", ContentInfo{"application/octet-stream", "application", "raw", "utf8", "bin"}},
		{"application/vnd.api+json", "", ContentInfo{"application/vnd.api+json", "text", "json", "utf8", ""}},
		{"application/x-www-form-urlencoded", "", ContentInfo{"application/x-www-form-urlencoded", "text", "plain", "utf8", ""}},
		{"text/javascript", "", ContentInfo{"text/javascript", "text", "script", "utf8", ""}},
		{"application/pdf", "", ContentInfo{"application/pdf", "embed", "pdf", "utf8", "pdf"}},
		{"multipart/form-data", "", ContentInfo{"multipart/form-data", "multipart", "raw", "utf8", ""}},
		{"audio/mpeg", "", ContentInfo{"audio/mpeg", "audio", "audio", "utf8", "mpga"}},
		{"application/jwt", "", ContentInfo{"application/jwt", "text", "jwt", "utf8", ""}},
		{"foo/bar", "", ContentInfo{"foo/bar", "unknown", "raw", "utf8", ""}},
		{"", "body", ContentInfo{"text/plain", "text", "plain", "utf8", "txt"}},
	}
	for _, tc := range tests {
		if got := ContentInfoOf(tc.ct, []byte(tc.body)); got != tc.want {
			t.Errorf("ContentInfoOf(%q) = %+v, want %+v", tc.ct, got, tc.want)
		}
	}
}

// TestContentInfoScript checks pm.response.contentInfo() and dataURI() as a
// script sees them: newman's keys in newman's order.
func TestContentInfoScript(t *testing.T) {
	s := New(Options{})
	defer s.Close()
	src := `pm.test('info', function () {
		pm.expect(JSON.stringify(pm.response.contentInfo())).to.equal('{"contentType":"application/json","mimeType":"text","mimeFormat":"json","charset":"utf8","fileExtension":"json","fileName":"response.json"}');
		pm.expect(pm.response.dataURI().indexOf('data:application/json;base64, ')).to.equal(0);
	});`
	r := s.Run(context.Background(), Script{Name: "ci", Source: src}, newExec("test"))
	if r.Err != nil || len(r.Tests) != 1 || !r.Tests[0].Passed {
		t.Fatalf("err %v, tests %+v", r.Err, r.Tests)
	}
}
