package auth

import (
	"crypto/hmac"
	"crypto/sha1"
	"crypto/sha256"
	"encoding/base64"
	"hash"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// hawkAuth signs requests with a Hawk Authorization header
// (https://github.com/mozilla/hawk), as postman-runtime does.
type hawkAuth struct {
	p   *params
	now func() time.Time
}

func hawkHash(algorithm string) func() hash.Hash {
	switch algorithm {
	case "sha1":
		return sha1.New
	case "sha256":
		return sha256.New
	}
	return nil
}

// HawkPayloadHash returns Hawk's payload hash of body for a content type.
func HawkPayloadHash(algorithm, contentType string, body []byte) string {
	h := hawkHash(algorithm)
	if h == nil {
		return ""
	}
	ct, _, _ := strings.Cut(contentType, ";")
	x := h()
	x.Write([]byte("hawk.1.payload\n" + strings.ToLower(strings.TrimSpace(ct)) + "\n"))
	x.Write(body)
	x.Write([]byte("\n"))
	return base64.StdEncoding.EncodeToString(x.Sum(nil))
}

// HawkMAC computes the request MAC over Hawk's normalized header string.
func HawkMAC(algorithm, key, ts, nonce, method, resource, host, port, payloadHash, ext, app, dlg string) string {
	h := hawkHash(algorithm)
	if h == nil {
		return ""
	}
	n := "hawk.1.header\n" + ts + "\n" + nonce + "\n" + strings.ToUpper(method) + "\n" + resource + "\n" +
		strings.ToLower(host) + "\n" + port + "\n" + payloadHash + "\n"
	if ext != "" {
		// Postman's helper escapes only the first backslash and newline
		n += strings.Replace(strings.Replace(ext, "\\", "\\\\", 1), "\n", "\\n", 1)
	}
	n += "\n"
	if app != "" {
		n += app + "\n" + dlg + "\n"
	}
	m := hmac.New(h, []byte(key))
	m.Write([]byte(n))
	return base64.StdEncoding.EncodeToString(m.Sum(nil))
}

func (a *hawkAuth) Authorize(req *http.Request, body []byte) error {
	p := a.p
	// pre hook: a nonce and timestamp are made up when not given (per
	// request; the authorizer itself is not modified, so it is safe to share)
	nonce, ts := p.str("nonce"), p.str("timestamp")
	if !p.truthy("nonce") {
		nonce = randomString(alphaNum, 6)
	}
	if n, err := strconv.Atoi(strings.TrimSpace(ts)); err != nil || n == 0 {
		now := time.Now
		if a.now != nil {
			now = a.now
		}
		ts = strconv.FormatInt(now().Unix(), 10)
	}
	if !p.truthy("authId") || !p.truthy("authKey") {
		return nil
	}
	removeHeader(req, "Authorization")
	algorithm := p.str("algorithm")
	if hawkHash(algorithm) == nil {
		req.Header["Authorization"] = []string{""} // Postman's helper gives an empty header
		return nil
	}
	var payloadHash string
	if p.truthy("includePayloadHash") && len(body) > 0 && bodyMode(req, body) != "formdata" {
		ct, _ := userHeader(req, "Content-Type") // Postman hashes the user's Content-Type only
		payloadHash = HawkPayloadHash(algorithm, ct, body)
	}
	host, port := hostPort(req)
	if port == "" {
		port = "443"
		if req.URL.Scheme == "http" {
			port = "80"
		}
	}
	resource := requestURI(req)
	ext, app, dlg := p.str("extraData"), p.str("app"), p.str("delegation")
	mac := HawkMAC(algorithm, p.str("authKey"), ts, nonce, req.Method, resource, host, port, payloadHash, ext, app, dlg)
	hdr := `Hawk id="` + p.str("authId") + `", ts="` + ts + `", nonce="` + nonce
	if payloadHash != "" {
		hdr += `", hash="` + payloadHash
	}
	if ext != "" {
		hdr += `", ext="` + strings.ReplaceAll(strings.ReplaceAll(ext, `\`, `\\`), `"`, `\"`)
	}
	hdr += `", mac="` + mac + `"`
	if app != "" {
		hdr += `, app="` + app
		if dlg != "" {
			hdr += `", dlg="` + dlg
		}
		hdr += `"`
	}
	req.Header["Authorization"] = []string{hdr}
	return nil
}

func (a *hawkAuth) Retry(*http.Response) bool { return false }
