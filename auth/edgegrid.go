package auth

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/google/uuid"
)

// edgeGridAuth signs requests with Akamai EdgeGrid (EG1-HMAC-SHA256).
type edgeGridAuth struct {
	p   *params
	now func() time.Time
}

func base64HMACSHA256(data, key string) string {
	m := hmac.New(sha256.New, []byte(key))
	m.Write([]byte(data))
	return base64.StdEncoding.EncodeToString(m.Sum(nil))
}

// EdgeGridSignature returns the EdgeGrid signature of dataToSign for a
// client secret and timestamp.
func EdgeGridSignature(dataToSign, clientSecret, timestamp string) string {
	return base64HMACSHA256(dataToSign, base64HMACSHA256(timestamp, clientSecret))
}

func (a *edgeGridAuth) Authorize(req *http.Request, body []byte) error {
	p := a.p
	if !(p.truthy("accessToken") && p.truthy("clientToken") && p.truthy("clientSecret")) {
		return nil
	}
	removeHeader(req, "Authorization")
	host := req.URL.Host
	if req.Host != "" {
		host = req.Host
	}
	if base := p.str("baseURL"); base != "" {
		if !strings.Contains(base, "://") {
			base = "http://" + base
		}
		if u, err := url.Parse(base); err == nil && u.Host != "" {
			host = u.Host
		}
	}
	nonce := p.str("nonce")
	if nonce == "" {
		nonce = uuid.NewString()
	}
	timestamp := p.str("timestamp")
	if timestamp == "" {
		now := time.Now
		if a.now != nil {
			now = a.now
		}
		timestamp = now().UTC().Format("20060102T15:04:05") + "+0000"
	}
	maxBody := 131072
	if n, err := strconv.Atoi(p.str("maxBodySize")); err == nil && n > 0 {
		maxBody = n
	}
	var toSign []string
	switch v := p.value("headersToSign").(type) {
	case string:
		toSign = strings.Split(v, ",")
	case []any:
		for _, x := range v {
			if s, ok := x.(string); ok {
				toSign = append(toSign, s)
			}
		}
	}
	var canon []string
	for _, name := range toSign {
		name = strings.ToLower(strings.TrimSpace(name))
		v, ok := userHeader(req, name)
		if !ok || v == "" {
			continue
		}
		canon = append(canon, name+":"+strings.Join(strings.Fields(v), " "))
	}
	var bodyHash string
	if req.Method == "POST" && len(body) > 0 && bodyMode(req, body) != "formdata" {
		b := body
		if len(b) > maxBody {
			b = b[:maxBody]
		}
		s := sha256.Sum256(b)
		bodyHash = base64.StdEncoding.EncodeToString(s[:])
	}
	authHeader := "EG1-HMAC-SHA256 client_token=" + p.str("clientToken") + ";access_token=" + p.str("accessToken") +
		";timestamp=" + timestamp + ";nonce=" + nonce + ";"
	scheme := req.URL.Scheme
	if scheme == "" {
		scheme = "http"
	}
	data := strings.Join([]string{req.Method, scheme, host, requestURI(req), strings.Join(canon, "\t"), bodyHash, authHeader}, "\t")
	req.Header["Authorization"] = []string{authHeader + "signature=" + EdgeGridSignature(data, p.str("clientSecret"), timestamp)}
	return nil
}

func (a *edgeGridAuth) Retry(*http.Response) bool { return false }
