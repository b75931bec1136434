package auth

import (
	"context"
	"net/http"
	"net/url"
	"strings"
)

// RequestInfo tells authorizers what a request's sender knows beyond the
// http.Request. Postman's auth handlers run before the body's Content-Type
// and the system headers are added, and see the body mode rather than a
// Content-Type, so a sender that builds the full request first should say
// which headers are its own.
type RequestInfo struct {
	// BodyMode is the collection body mode: "raw", "urlencoded",
	// "formdata", "file", "graphql", or "" for no body.
	BodyMode string
	// SenderHeaders names the headers the sender added itself (User-Agent,
	// Accept, Cache-Control, Postman-Token, Host, Accept-Encoding,
	// Connection, Cookie, a Content-Type derived from the body mode, ...).
	// Authorizers neither sign nor read them (awsv4's signed headers,
	// hawk's payload content type, edgegrid's headersToSign).
	SenderHeaders []string
}

type infoKey struct{}

// WithRequestInfo returns ctx carrying info for the request built with it
// (http.NewRequestWithContext or req.WithContext).
func WithRequestInfo(ctx context.Context, info RequestInfo) context.Context {
	return context.WithValue(ctx, infoKey{}, info)
}

func requestInfo(req *http.Request) (RequestInfo, bool) {
	info, ok := req.Context().Value(infoKey{}).(RequestInfo)
	return info, ok
}

// senderHeader reports whether header name was added by the sender.
func senderHeader(req *http.Request, name string) bool {
	info, _ := requestInfo(req)
	for _, h := range info.SenderHeaders {
		if strings.EqualFold(h, name) {
			return true
		}
	}
	return false
}

// userHeader returns the user's header name (not one the sender added).
func userHeader(req *http.Request, name string) (string, bool) {
	if senderHeader(req, name) {
		return "", false
	}
	return getHeader(req.Header, name)
}

// bodyMode returns the collection body mode, from RequestInfo or else
// guessed from the Content-Type header.
func bodyMode(req *http.Request, body []byte) string {
	if info, ok := requestInfo(req); ok {
		return info.BodyMode
	}
	switch contentType(req) {
	case "application/x-www-form-urlencoded":
		return "urlencoded"
	case "multipart/form-data":
		return "formdata"
	}
	if len(body) > 0 {
		return "raw"
	}
	return ""
}

// escapedPath returns the path as sent (the URL's Opaque form when the
// sender uses one).
func escapedPath(u *url.URL) string {
	if u.Opaque != "" && strings.HasPrefix(u.Opaque, "/") && !strings.HasPrefix(u.Opaque, "//") {
		return u.Opaque
	}
	if u.Opaque != "" && strings.HasPrefix(u.Opaque, "//") {
		// "//host/path" (absolute form for proxies): drop the authority
		rest := u.Opaque[2:]
		if i := strings.IndexByte(rest, '/'); i >= 0 {
			return rest[i:]
		}
		return "/"
	}
	p := u.EscapedPath()
	if p == "" {
		return "/"
	}
	return p
}
