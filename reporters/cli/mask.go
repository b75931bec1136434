package cli

import (
	"regexp"
	"strings"
)

// masked replaces a secret value in verbose output.
const masked = "********"

// secretHeaders are headers whose values are never printed.
var secretHeaders = map[string]bool{
	"authorization":        true,
	"proxy-authorization":  true,
	"cookie":               true,
	"set-cookie":           true,
	"x-api-key":            true,
	"api-key":              true,
	"x-auth-token":         true,
	"x-amz-security-token": true,
}

// secretFields are form, query and JSON field names whose values are masked.
var secretFields = []string{
	"client_assertion", "client_secret", "access_token", "refresh_token",
	"id_token", "code_verifier", "password", "assertion", "token", "apikey", "api_key",
}

var (
	pemBlock = regexp.MustCompile(`-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z0-9 ]*PRIVATE KEY-----`)
	// field=value in urlencoded bodies and query strings.
	formField = regexp.MustCompile(`(?i)(^|[?&\s])(` + strings.Join(secretFields, "|") + `)=([^&\s]*)`)
	// "field": "value" in JSON bodies.
	jsonField = regexp.MustCompile(`(?i)("(?:` + strings.Join(secretFields, "|") + `)"\s*:\s*)"(?:[^"\\]|\\.)*"`)
	// Bearer / Basic credentials appearing in text.
	bearer = regexp.MustCompile(`(?i)\b(Bearer|Basic)\s+[A-Za-z0-9\-._~+/]+=*`)
)

// MaskHeader returns value, or a mask when the header carries credentials.
func MaskHeader(key, value string) string {
	if strings.EqualFold(key, "Postman-Token") { // a random request id, not a credential
		return value
	}
	if secretHeaders[strings.ToLower(key)] || strings.Contains(strings.ToLower(key), "token") ||
		strings.Contains(strings.ToLower(key), "secret") {
		return masked
	}
	return value
}

// MaskText masks secrets in a request or response body or URL: private key
// PEM blocks, credential form and JSON fields, and bearer/basic credentials.
func MaskText(s string) string {
	if s == "" {
		return s
	}
	s = pemBlock.ReplaceAllString(s, "-----BEGIN PRIVATE KEY-----"+masked+"-----END PRIVATE KEY-----")
	s = formField.ReplaceAllString(s, "${1}${2}="+masked)
	s = jsonField.ReplaceAllString(s, `${1}"`+masked+`"`)
	s = bearer.ReplaceAllString(s, "${1} "+masked)
	return s
}
