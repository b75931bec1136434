package auth

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"time"
)

// awsV4Auth signs requests with AWS Signature Version 4 the way Postman's
// aws4 dependency does (header signing, or query signing with
// addAuthDataToQuery).
type awsV4Auth struct {
	p   *params
	now func() time.Time
	// order is the wire order of the headers the last Authorize added, as
	// newman sends them: the body hash postman-runtime adds first, then
	// the signer's Host, session token, S3 body hash, date, Authorization.
	order []string
}

// HeaderOrder implements HeaderOrderer.
func (a *awsV4Auth) HeaderOrder() []string { return a.order }

// awsIgnoredHeader reports whether the lower-case header name is left out of the signature.
func awsIgnoredHeader(name string) bool {
	switch name {
	case "authorization", "connection", "x-amzn-trace-id", "user-agent",
		"expect", "presigned-expires", "range":
		return true
	}
	return false
}

func sha256Hex(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

func hmacSHA256(key []byte, s string) []byte {
	m := hmac.New(sha256.New, key)
	m.Write([]byte(s))
	return m.Sum(nil)
}

// encodeRFC3986Full is encodeURIComponent plus !'()* encoded.
func encodeRFC3986Full(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == '~' {
			b.WriteByte(c)
		} else {
			b.WriteString("%" + strings.ToUpper(hex.EncodeToString([]byte{c})))
		}
	}
	return b.String()
}

// AWSSigningKey derives the SigV4 signing key.
func AWSSigningKey(secret, date, region, service string) []byte {
	k := hmacSHA256([]byte("AWS4"+secret), date)
	k = hmacSHA256(k, region)
	k = hmacSHA256(k, service)
	return hmacSHA256(k, "aws4_request")
}

// AWSCanonicalPath canonicalizes an escaped path as aws4 does (S3 paths
// are decoded and re-encoded once; other services' segments are encoded
// again and "." / ".." / "//" normalized).
func AWSCanonicalPath(path, service string) string {
	if path == "/" || path == "" {
		return "/"
	}
	s3 := service == "s3"
	if !s3 {
		for strings.Contains(path, "//") {
			path = strings.ReplaceAll(path, "//", "/")
		}
	}
	var out []string
	for _, piece := range strings.Split(path, "/") {
		switch {
		case !s3 && piece == "..":
			if len(out) > 0 {
				out = out[:len(out)-1]
			}
		case !s3 && piece == ".":
		default:
			if s3 {
				piece = percentDecode(piece)
			}
			out = append(out, encodeRFC3986Full(piece))
		}
	}
	p := strings.Join(out, "/")
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	if s3 {
		p = strings.ReplaceAll(p, "%2F", "/")
	}
	return p
}

// awsCanonicalQuery sorts and encodes query parameters as aws4 does
// (duplicate keys: values sorted; S3 keeps only the first value).
func awsCanonicalQuery(q url.Values, service string) string {
	keys := make([]string, 0, len(q))
	enc := map[string][]string{}
	for k, vs := range q {
		if k == "" {
			continue
		}
		ek := encodeRFC3986Full(k)
		if _, ok := enc[ek]; !ok {
			keys = append(keys, ek)
		}
		if service == "s3" {
			vs = vs[:1]
		}
		enc[ek] = append(enc[ek], vs...)
	}
	sort.Strings(keys)
	var parts []string
	for _, k := range keys {
		vals := make([]string, len(enc[k]))
		for i, v := range enc[k] {
			vals[i] = encodeRFC3986Full(v)
		}
		if len(vals) > 1 {
			sort.Strings(vals)
		}
		for _, v := range vals {
			parts = append(parts, k+"="+v)
		}
	}
	return strings.Join(parts, "&")
}

func (a *awsV4Auth) Authorize(req *http.Request, body []byte) error {
	p := a.p
	accessKey, secretKey, token := p.str("accessKey"), p.str("secretKey"), p.str("sessionToken")
	service := p.str("service")
	if service == "" {
		service = "execute-api"
	}
	region := p.str("region")
	if region == "" {
		region = "us-east-1"
	}
	signQuery := p.truthy("addAuthDataToQuery")
	for _, h := range []string{"Authorization", "X-Amz-Date", "X-Amz-Security-Token", "X-Amz-Content-Sha256"} {
		removeHeader(req, h)
	}
	removeQuery(req, "X-Amz-Security-Token", "X-Amz-Date", "X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-SignedHeaders", "X-Amz-Signature")

	headers := map[string]string{} // name as given -> value
	for k, vs := range req.Header {
		if len(vs) > 0 && !senderHeader(req, k) {
			headers[k] = strings.Join(vs, ",")
		}
	}
	a.order = a.order[:0]
	if !signQuery && len(body) > 0 && bodyMode(req, body) != "formdata" {
		headers["X-Amz-Content-Sha256"] = sha256Hex(body)
		a.order = append(a.order, "X-Amz-Content-Sha256")
	}
	host := req.URL.Host
	if req.Host != "" {
		host = req.Host
	}
	if _, ok := headerIn(headers, "host"); !ok {
		headers["Host"] = host
		a.order = append(a.order, "Host")
	}
	now := time.Now
	if a.now != nil {
		now = a.now
	}
	datetime := now().UTC().Format("20060102T150405Z")
	if d, ok := headerIn(headers, "date"); ok {
		if t, err := http.ParseTime(d); err == nil {
			datetime = t.UTC().Format("20060102T150405Z")
		}
	}
	date := datetime[:8]
	scope := date + "/" + region + "/" + service + "/aws4_request"

	query, _ := url.ParseQuery(req.URL.RawQuery)
	if query == nil {
		query = url.Values{}
	}
	if signQuery {
		if token != "" {
			query.Set("X-Amz-Security-Token", token)
		}
		if service == "s3" && query.Get("X-Amz-Expires") == "" {
			query.Set("X-Amz-Expires", "86400")
		}
		if d := query.Get("X-Amz-Date"); d != "" {
			datetime, date = d, d[:min(8, len(d))]
			scope = date + "/" + region + "/" + service + "/aws4_request"
		} else {
			query.Set("X-Amz-Date", datetime)
		}
		query.Set("X-Amz-Algorithm", "AWS4-HMAC-SHA256")
		query.Set("X-Amz-Credential", accessKey+"/"+scope)
	} else {
		if token != "" {
			if _, ok := headerIn(headers, "x-amz-security-token"); !ok {
				headers["X-Amz-Security-Token"] = token
				a.order = append(a.order, "X-Amz-Security-Token")
			}
		}
		if service == "s3" {
			if _, ok := headerIn(headers, "x-amz-content-sha256"); !ok {
				headers["X-Amz-Content-Sha256"] = sha256Hex(nil)
				a.order = append(a.order, "X-Amz-Content-Sha256")
			}
		}
		headers["X-Amz-Date"] = datetime
		a.order = append(a.order, "X-Amz-Date", "Authorization")
	}
	var names []string
	for k := range headers {
		if !awsIgnoredHeader(strings.ToLower(k)) {
			names = append(names, k)
		}
	}
	sort.Slice(names, func(i, j int) bool { return strings.ToLower(names[i]) < strings.ToLower(names[j]) })
	var canonHeaders strings.Builder
	lower := make([]string, len(names))
	for i, k := range names {
		lower[i] = strings.ToLower(k)
		canonHeaders.WriteString(lower[i] + ":" + strings.Join(strings.Fields(headers[k]), " ") + "\n")
	}
	sort.Strings(lower)
	signedHeaders := strings.Join(lower, ";")
	if signQuery {
		query.Set("X-Amz-SignedHeaders", signedHeaders)
	}
	var bodyHash string
	switch {
	case service == "s3" && signQuery:
		bodyHash = "UNSIGNED-PAYLOAD"
	default:
		if v, ok := headerIn(headers, "x-amz-content-sha256"); ok {
			bodyHash = v
		} else {
			bodyHash = sha256Hex(nil)
		}
	}
	path := escapedPath(req.URL)
	canonical := strings.Join([]string{
		req.Method, AWSCanonicalPath(path, service), awsCanonicalQuery(query, service),
		canonHeaders.String(), signedHeaders, bodyHash,
	}, "\n")
	stringToSign := "AWS4-HMAC-SHA256\n" + datetime + "\n" + scope + "\n" + sha256Hex([]byte(canonical))
	signature := hex.EncodeToString(hmacSHA256(AWSSigningKey(secretKey, date, region, service), stringToSign))

	if signQuery {
		// add the X-Amz-* parameters the request does not already have
		existing := splitQuery(req.URL.RawQuery)
		have := map[string]bool{}
		for _, q := range existing {
			have[q.key] = true
		}
		query.Set("X-Amz-Signature", signature)
		for _, k := range []string{"X-Amz-Security-Token", "X-Amz-Expires", "X-Amz-Date", "X-Amz-Algorithm",
			"X-Amz-Credential", "X-Amz-SignedHeaders", "X-Amz-Signature"} {
			if v := query.Get(k); v != "" && !have[k] {
				pair := k + "=" + encodeRFC3986Full(v)
				if req.URL.RawQuery == "" {
					req.URL.RawQuery = pair
				} else {
					req.URL.RawQuery += "&" + pair
				}
			}
		}
		a.order = a.order[:0] // no headers added: the signature is in the query
		return nil
	}
	for k, v := range headers {
		if strings.EqualFold(k, "host") {
			continue // Go sends req.Host
		}
		setHeader(req, k, v)
	}
	req.Header["Authorization"] = []string{"AWS4-HMAC-SHA256 Credential=" + accessKey + "/" + scope +
		", SignedHeaders=" + signedHeaders + ", Signature=" + signature}
	return nil
}

// headerIn finds a header by case-insensitive name.
func headerIn(h map[string]string, name string) (string, bool) {
	for k, v := range h {
		if strings.EqualFold(k, name) {
			return v, true
		}
	}
	return "", false
}

func (a *awsV4Auth) Retry(*http.Response) bool { return false }
